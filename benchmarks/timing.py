"""Timing helpers: whole processes and in-process calls, reported as medians.

The machine is shared, so every measure runs several times and reports the median, and a
measure and its baseline are taken interleaved (baseline, measure, baseline, ...) so that a
burst of load from elsewhere hits both alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall-clock time
    peak_kib: int  # peak resident memory, as the process reported it (0 if it did not)


def run_once(argv: Sequence[str], env: dict[str, str] | None = None,
             check: bool = True, timeout: float = 600) -> tuple[Sample, str]:
    """Run ``argv`` to completion; its wall time, peak memory and standard output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=environment(env))
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, _usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if check and proc.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {stderr.strip()[-2000:]}")
    return Sample(seconds, _peak_from(stderr)), stdout


def _peak_from(stderr: str) -> int:
    """The peak memory a driver reported (``PEAK_KIB=…`` on stderr), else 0.

    Not ``ru_maxrss``: on Linux it also counts the parent's pages at fork time, so a child of
    a big benchmark process would seem as big as its parent.
    """
    for line in reversed(stderr.splitlines()):
        if line.startswith("PEAK_KIB="):
            return int(line.split("=", 1)[1])
    return 0


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment with ``extra``; an empty value removes a variable."""
    env = {**os.environ, **(extra or {})}
    return {key: value for key, value in env.items() if value != ""}


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def interleaved(commands: dict[str, Sequence[str]], repeat: int,
                env: dict[str, str] | None = None) -> dict[str, list[Sample]]:
    """Run every command ``repeat`` times, round-robin; the samples of each, by name."""
    out: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            out[name].append(run_once(argv, env)[0])
    return out


def in_process(call: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Seconds per call of ``call``, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times
