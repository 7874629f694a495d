"""Plain-text rendering shared by the commands: bars, tables, JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any


def bar(count: int, target: int, width: int = 10) -> str:
    filled = min(width, round(width * min(count, target) / max(target, 1)))
    return "█" * filled + "░" * (width - filled)


def table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    """Rows as left-aligned columns (the last column is not padded)."""
    if not rows:
        return []
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [indent + "  ".join([c.ljust(w) for c, w in zip(r, widths, strict=False)] + [r[-1]])
            .rstrip() for r in rows]


def print_json(data: Any) -> None:
    """``data`` as JSON, with C1 controls and bidi overrides spelled ``\\u009b`` (exactly the
    same data, and nothing for the terminal to act on)."""
    from netrhythm.domain.text import json_escape_unsafe

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(json_escape_unsafe(text) + "\n")
