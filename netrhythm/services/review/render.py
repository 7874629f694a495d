"""The weekly review as text, Markdown and JSON (the CLI and the Review screen's export), rendered
from the same ``Page`` as the Review screen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from netrhythm.files.atomic import write_numbered
from netrhythm.services.review.build import Review
from netrhythm.services.review.glance import glance
from netrhythm.services.review.heat import heat_lines
from netrhythm.services.review.page import HEAT_TITLE, page
from netrhythm.services.review.people import PeopleRow
from netrhythm.services.review.rows import PracticeRow

EXPORT_DIR_ENV = "NETRHYTHM_EXPORT_DIR"


def to_json(r: Review) -> dict[str, Any]:
    return {
        "week": r.name, "label": r.label, "finished": r.finished,
        "overall_score": round(r.overall_score, 1),
        "glance": [line.text() for line in glance(r)],
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
        "gone_cold_as_of": r.cold_on.isoformat(),
        "gone_cold": [{"contact": c.name, "days_overdue": c.days_overdue} for c in r.gone_cold],
        "reflection": r.reflection,
    }


def practice_line(row: PracticeRow) -> str:
    """``✓ Reach out: 3/3 met · streak 6 wk (best 14) · score 92 ▂▃▅▆▇▆▅▆▇▇██``."""
    archived = " (archived)" if row.archived else ""
    return (f"{row.mark} {row.name}{archived}: {row.done} · streak {row.streak} wk "
            f"(best {row.best}) · score {row.score} {row.trend}")


def people_line(row: PeopleRow) -> str:
    """``Gone cold as of Sun 22 Nov: Anouk Sharma 257d, …, +19 more``."""
    return f"{row.heading}: {', '.join(row.item_texts()) or row.empty}"


def _section(title: str, lines: list[str], markdown: bool, fenced: bool = False) -> list[str]:
    if not markdown:
        return ["", title, *(line if fenced else f"  {line}" for line in lines)]
    body = ["```", *lines, "```"] if fenced else [f"- {line}" for line in lines]
    return ["", f"## {title}", "", *body]


def to_text(r: Review, markdown: bool = False) -> str:
    """The review as text (``netrhythm review``) or Markdown: what the Review screen shows."""
    pg = page(r)
    out = [("# " if markdown else "") + pg.title, "", f"Rhythm score {pg.score}"]
    out += _section("At a glance", [line.text() for line in pg.glance], markdown)
    if pg.empty:
        hint = f"See it: netrhythm review --week {pg.go_to}" if pg.go_to else \
            "Add one: netrhythm practices add NAME"
        out += _section("Practices", [pg.empty, hint], markdown)
    else:
        out += _section("Practices", [practice_line(row) for row in pg.practices], markdown)
        out += ["", pg.trend_legend if markdown else f"  {pg.trend_legend}"]
        out += _section(HEAT_TITLE, heat_lines(pg.heat), markdown, fenced=True)
    if pg.people:
        out += _section("People", [people_line(row) for row in pg.people], markdown)
    out += ["", "## Reflection" if markdown else "Reflection"] + ([""] if markdown else [])
    out.append(r.reflection if r.reflection else ("- " if markdown else "  ")
               + "(not written yet: " + " ".join(r.prompts) + ")")
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
    data = to_text(r, markdown=True).encode("utf-8")
    return write_numbered(folder, f"netrhythm-review-{r.name}", ".md", data)
