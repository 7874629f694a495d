"""The weekly review as text, Markdown and JSON (the CLI and the Review screen's export)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from netrhythm.domain.dates import short_date
from netrhythm.files.atomic import write_new
from netrhythm.services.review.build import Review

SHADES = "·░▒▓█"  # nothing, a little, half, most, met
EXPORT_DIR_ENV = "NETRHYTHM_EXPORT_DIR"


def shade(ratio: float | None) -> str:
    """One heat-map cell: blank before the practice began or in a paused week."""
    if ratio is None:
        return " "
    if ratio >= 1:
        return SHADES[4]
    return SHADES[min(3, int(ratio * 4) + (1 if ratio > 0 else 0))]


def sparkline(values: tuple[float, ...]) -> str:
    bars = "▁▂▃▄▅▆▇█"
    return "".join(bars[min(7, int(v / 100 * 7.999))] for v in values)


def to_json(r: Review) -> dict[str, Any]:
    return {
        "week": r.name, "label": r.label, "finished": r.finished,
        "overall_score": round(r.overall_score, 1),
        "practices": [
            {"slug": p.practice.slug, "name": p.practice.name, "count": p.period.count,
             "target": p.period.target, "met": p.period.met, "paused": p.period.paused,
             "current_streak_weeks": p.current_streak, "longest_streak_weeks": p.longest_streak,
             "score": round(p.score, 1), "trend": [round(v, 1) for v in p.trend],
             "archived": p.practice.archived}
            for p in r.practices
        ],
        "heat_map": {"first_week_index": r.heat_first_week,
                     "rows": [{"practice": h.practice,
                               "cells": [None if c is None else round(c, 2) for c in h.cells]}
                              for h in r.heat]},
        "new_contacts": [c.name for c in r.new_contacts],
        "follow_ups_done": [{"contact": f.contact_name, "done_on": f.done_on.isoformat()
                             if f.done_on else None} for f in r.follow_ups_done],
        "follow_ups_missed": [{"contact": f.contact_name, "due_on": f.due_on.isoformat()}
                              for f in r.follow_ups_missed],
        "gives": r.gives, "asks": r.asks, "actions": r.actions,
        "gone_cold": [{"contact": c.name, "days_overdue": c.days_overdue} for c in r.gone_cold],
        "reflection": r.reflection,
    }


def _practice_lines(r: Review, bullet: str) -> list[str]:
    lines = []
    for p in r.practices:
        mark = "paused" if p.period.paused else ("met" if p.period.met else "missed")
        if not p.period.finished and not p.period.met and not p.period.paused:
            mark = "in progress"
        archived = " (archived)" if p.practice.archived else ""
        lines.append(
            f"{bullet}{p.practice.name}{archived}: {p.period.count}/{p.period.target} {mark} · "
            f"streak {p.current_streak} wk (best {p.longest_streak}) · score {p.score:.0f} "
            f"{sparkline(p.trend)}"
        )
    return lines


def _names(items: list[str]) -> str:
    return ", ".join(items) if items else "none"


def to_text(r: Review, markdown: bool = False) -> str:
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    out = [f"{h1}Week {r.name} ({r.label})" + ("" if r.finished else " — in progress"), ""]
    out += [f"{h2}Practices" if markdown else f"Rhythm score {r.overall_score:.0f}/100"]
    if markdown:
        out += ["", f"Rhythm score: {r.overall_score:.0f}/100", ""]
    out += _practice_lines(r, bullet)
    out += ["", f"{h2}Heat map (last {len(r.heat[0].cells) if r.heat else 0} weeks)"]
    if markdown:
        out.append("")
    width = max((len(h.practice) for h in r.heat), default=0)
    fence = ["```"] if markdown else []
    out += fence + [f"{h.practice:<{width}} {''.join(shade(c) for c in h.cells)}"
                    for h in r.heat] + fence
    out += ["", f"{h2}People" if markdown else "People", ""] if markdown else ["", "People"]
    missed = [f"{f.contact_name} (due {short_date(f.due_on)})" for f in r.follow_ups_missed]
    out += [
        f"{bullet}New contacts: {_names([c.name for c in r.new_contacts])}",
        f"{bullet}Follow-ups done: "
        f"{_names([f.contact_name for f in r.follow_ups_done])}",
        f"{bullet}Follow-ups missed: "
        f"{_names(missed)}",
        f"{bullet}Give/ask balance: {r.gives} given, {r.asks} asked ({r.actions} actions)",
        f"{bullet}Gone cold: "
        f"{_names([f'{c.name} ({c.days_overdue} days overdue)' for c in r.gone_cold[:10]])}",
    ]
    out += ["", f"{h2}Reflection" if markdown else "Reflection"]
    if markdown:
        out.append("")
    out.append(r.reflection if r.reflection else f"{bullet}(not written yet: "
               + " ".join(r.prompts) + ")")
    return "\n".join(out) + "\n"


def export_folder() -> Path:
    """Where exports go: ``$NETRHYTHM_EXPORT_DIR``, else the user's Documents folder when it
    exists, else the home folder."""
    chosen = os.environ.get(EXPORT_DIR_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def write_markdown(r: Review, folder: Path | None = None) -> Path:
    """Write ``netrhythm-review-2026-W47.md`` (the same text as ``netrhythm review --format
    markdown``) into ``folder``, readable by the owner only; an existing file is never replaced:
    the name gets ``-2``, ``-3``, … instead. Returns the full path."""
    folder = (folder or export_folder()).expanduser().resolve()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = to_text(r, markdown=True).encode("utf-8")
    stem = f"netrhythm-review-{r.name}"
    for n in range(1, 1000):
        path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        try:
            write_new(path, data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}.md and 998 numbered copies already exist")
