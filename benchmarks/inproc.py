"""In-process measures, run in a fresh interpreter: ``python -m benchmarks.inproc DB REPEAT``.

Prints one JSON object: for each measure, the seconds of every timed call. Reviews are asked
about weeks in three places (the last weeks, five years ago, the oldest weeks with actions);
"streaks and scores" is the progress of every practice, archived ones included. Every timed
call asks about a different week, so nothing computed for one call can serve the next: each
measure is a first look at its week, as when someone pages through weeks. "draft for one
contact" drafts for a different contact each call, those logged with most often first.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.generate import NOW
from benchmarks.timing import in_process

if TYPE_CHECKING:
    from netrhythm.services.context import Context


def measure(db: Path, repeat: int) -> dict[str, list[float]]:
    from netrhythm.domain.clock import FixedClock
    from netrhythm.domain.weeks import week_index
    from netrhythm.services.context import open_context
    from netrhythm.services.review.build import review
    from netrhythm.services.tracking.progress import progress
    from netrhythm.storage.tables import database

    ctx = open_context(db, FixedClock(NOW))
    try:
        first_day = database.execute_sql("SELECT min(occurred_on) FROM action").fetchone()[0]
        current = ctx.read_current_week()
        oldest = week_index(_day(first_day), ctx.read_week_start()) if first_day else current - 1
        starts = {  # the first week asked about; each further call asks about the one before
            "review: last weeks": current - 1,
            "review: weeks 5 years ago": max(oldest + repeat, current - 261),
            "review: oldest weeks": oldest + repeat,
        }
        out = {name: _weeks(lambda w: review(ctx, w), start, repeat)
               for name, start in starts.items()}
        out["streaks and scores, all practices"] = _weeks(
            lambda w: progress(ctx, w, include_archived=True), current, repeat)
        out["draft for one contact"] = _drafts(ctx, repeat)
        return out
    finally:
        ctx.close()


def _weeks(call: Callable[[int], object], start: int, repeat: int) -> list[float]:
    """Seconds of ``call(week)`` for ``repeat`` weeks back from ``start``, after a warm-up
    call on the week before those."""
    call(start - repeat)
    weeks = iter(range(start, start - repeat, -1))
    return in_process(lambda: call(next(weeks)), repeat, warmup=0)


def _drafts(ctx: Context, repeat: int) -> list[float]:
    """Seconds of a draft (the practice it starts on chosen too) for each of the ``repeat``
    contacts logged with most often, after a warm-up draft for the one before them: the
    contacts with the most to read."""
    from netrhythm.services.drafts.compose import draft_for
    from netrhythm.storage.tables import database

    ids = [row[0] for row in database.execute_sql(
        "SELECT contact_id FROM action_contact GROUP BY contact_id "
        "ORDER BY count(*) DESC, contact_id LIMIT ?", [repeat + 1])]
    draft_for(ctx, ids[0])
    contacts = iter(ids[1:])
    return in_process(lambda: draft_for(ctx, next(contacts)), repeat, warmup=0)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def main(argv: list[str]) -> int:
    db, repeat = Path(argv[0]), int(argv[1])
    print(json.dumps(measure(db, repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
