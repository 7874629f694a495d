"""Who has gone cold: active contacts past their keep-in-touch cadence, found in one query.

Apart from ``services.contacts`` so that ``status``, ``nudge``, the review and the Week screen
load only this: no name lookup, no contact forms.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from netrhythm.services.context import Context
from netrhythm.storage.contacts import overdue_contacts


class Cold(NamedTuple):
    """A contact past their cadence; ``days_since`` is None when never contacted."""

    id: int
    name: str
    last_contact: date | None
    days_since: int | None
    days_overdue: int
    cadence_days: int = 0


def gone_cold(ctx: Context, as_of: date | None = None) -> list[Cold]:
    """Active contacts past their cadence on ``as_of``, most overdue first."""
    as_of = as_of or ctx.today()
    out = [Cold(cid, name, last, (as_of - last).days if last else None, overdue, cadence)
           for cid, name, last, cadence, overdue in overdue_contacts(as_of)]
    out.sort(key=lambda c: (-c.days_overdue, c.name.casefold()))
    return out
