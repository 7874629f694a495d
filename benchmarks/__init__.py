"""Benchmarks: a deterministic generator of heavy data and one command that measures the targets.

Run ``python -m benchmarks.run`` (``--tiny`` for a small data set, ``--repeat N`` for more runs).
"""
