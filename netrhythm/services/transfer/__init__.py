"""Data in and out: contacts files (vCard, LinkedIn, Google, plain CSV) and the full JSON backup.

The file formats themselves are parsed and written in :mod:`netrhythm.formats`; here a whole
file is validated and matched against the database first (duplicates, merges), then written in
one change that ``undo`` reverts.
"""
