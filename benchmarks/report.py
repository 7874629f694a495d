"""The results table: one row per measure, with its baseline, ratio, target and verdict."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

HEADER = ("measure", "median", "baseline", "ratio", "target", "holds")


@dataclass(frozen=True)
class Row:
    """One measure. With a baseline the target is a ratio (value / baseline ≤ limit), else
    an absolute limit (value < limit). ``value`` None means the measure could not be taken."""

    measure: str
    value: float | None
    unit: str  # "ms", "s" or "MiB"
    limit: float
    target: str
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""  # why there is no value

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def holds(self) -> bool | None:
        if self.value is None:
            return None
        if self.baseline is not None:
            return self.ratio is not None and self.ratio <= self.limit
        return self.value < self.limit


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def cells(row: Row) -> tuple[str, ...]:
    baseline = "—"
    if row.baseline is not None:
        baseline = f"{fmt(row.baseline, row.unit)} ({row.baseline_name})"
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
    verdict = {True: "yes", False: "NO", None: f"n/a: {row.note}" if row.note else "n/a"}
    median = fmt(row.value, row.unit) if row.value is not None else "not available"
    return (row.measure, median, baseline, ratio, row.target, verdict[row.holds])


def table(rows: Sequence[Row]) -> str:
    """A Markdown table (it reads well in a terminal too)."""
    lines = [HEADER, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for number, line in enumerate(lines):
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
                   + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def summary(rows: Sequence[Row]) -> str:
    held = sum(1 for r in rows if r.holds)
    missing = sum(1 for r in rows if r.holds is None)
    text = f"{held} of {len(rows)} targets hold"
    if missing:
        text += f", {missing} not available"
    return text


def machine() -> str:
    import peewee
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:  # only a label
        textual = "?"
    return (f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, Peewee {peewee.__version__}, Textual {textual}")
