"""Writing when contacts' cadences start: the start day and the first due day of each.

``start_cadences`` starts, today, the cadence of the contacts it is given (their own or their
tags' has just been set or changed): one person at a time, due a cadence after their last
contact or today; several at once (``spread_out``), spread by ``domain.spread`` around
everyone already due. ``storage.contacts.backdate_starts`` makes an older contact logged
later count. ``restart_never_contacted`` is the upgrade step of schema 4 (see its
migration); ``fill_missing_starts`` gives starts to contacts written in bulk.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import lru_cache

from netrhythm.domain.spread import Start, due_per_week, first_due_days
from netrhythm.domain.weeks import week_first_day, week_index
from netrhythm.storage.contacts import cadenced
from netrhythm.storage.dialect import Dialect, current
from netrhythm.storage.tables import database


@lru_cache
def _facts(d: Dialect) -> str:
    last = d.max2("coalesce((SELECT max(ac.day) FROM action_contact ac "
                  "WHERE ac.contact_id = c.id), 0)",
                  f"coalesce({d.day('c.last_contact_on')}, 0)")
    return f"""
SELECT c.id, coalesce(c.cadence_days, (SELECT min(t.cadence_days) FROM contact_tag ct
                                       JOIN tag t ON t.id = ct.tag_id
                                       WHERE ct.contact_id = c.id)) AS cad,
       {last}, coalesce(c.met_on, c.connected_on, c.created_on)
FROM contact c WHERE c.id IN ({d.int_list("?1")}) AND NOT c.archived
ORDER BY c.id"""


_DUE_FROM = "\nSELECT id, due FROM cadenced WHERE due >= ?2"


def contact_facts(ids: Collection[int]) -> list[tuple[int, int | None, date | None, date]]:
    """(id, cadence or None, last contact, connection day: met, else connected, else added)
    of the active contacts ``ids``, by id."""
    rows = database.execute_sql(_facts(current()), [json.dumps(sorted(ids))])
    return [(i, cad, date.fromordinal(last) if last else None,
             date.fromisoformat(str(connected)[:10])) for i, cad, last, connected in rows]


def cadence_facts(ids: Collection[int]) -> list[Start[int]]:
    """What starting a cadence needs of the active contacts ``ids`` that have one, by id."""
    return [Start(i, cad, last, connected)
            for i, cad, last, connected in contact_facts(ids) if cad is not None]


def due_week_counts(today: date, week_start: int, leave_out: Collection[int] = ()
                    ) -> Counter[int]:
    """How many active contacts are due in each week from this one on (``week_index``), but
    for ``leave_out``."""
    first = week_first_day(week_index(today, week_start), week_start).toordinal()
    days = (date.fromordinal(due) for i, due in database.execute_sql(
        cadenced(current()) + _DUE_FROM, [today.toordinal(), first]) if i not in leave_out)
    return due_per_week(days, week_start)


def set_starts(today: date, first_dues: Mapping[int, date]) -> None:
    """Contact id -> first due day: their cadence starts ``today``."""
    database.executemany(
        "UPDATE contact SET cadence_from = ?, first_due_on = ? WHERE id = ?",
        [(today.isoformat(), due.isoformat(), contact_id)
         for contact_id, due in first_dues.items()])


def start_cadences(ids: Iterable[int], today: date, *, spread_out: bool,
                   week_start: int = 0) -> dict[int, date]:
    """Start, today, the cadence of the active contacts ``ids`` that have one; their first
    due days by id."""
    wanted = set(ids)
    starts = cadence_facts(wanted)
    taken = due_week_counts(today, week_start, wanted) if spread_out and starts else None
    dues = first_due_days(starts, today, spread_out=spread_out, taken=taken,
                          week_start=week_start)
    set_starts(today, dues)
    return dues


_CADENCE = """coalesce(
  c.cadence_days, (SELECT min(t.cadence_days) FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
                   WHERE ct.contact_id = c.id))"""


@lru_cache
def _fill(d: Dialect) -> str:
    first = d.date_from_day("(SELECT min(ac.day) FROM action_contact ac "
                            "WHERE ac.contact_id = c.id)")
    return f"""
UPDATE contact AS c SET
  cadence_from = {d.min2("c.created_on", f"coalesce({first}, c.created_on)")},
  first_due_on = {d.add_days("c.created_on", _CADENCE)}
WHERE c.cadence_from IS NULL AND {_CADENCE} IS NOT NULL"""


def fill_missing_starts() -> None:
    """Contacts with a cadence but no start (written in bulk, as the demo does) get the start
    they would have had, added with it: from the day added, or their first contact if
    earlier; first due a cadence after being added."""
    database.execute_sql(_fill(current()))


_NEVER_CONTACTED = "\nSELECT id FROM cadenced WHERE last IS NULL"


def restart_never_contacted(today: date) -> list[int]:
    """The upgrade to schema 4: every active contact with a cadence and no contact yet starts
    it again ``today``, spread (before, many were overdue from the day they were met or
    connected, or due all on one day after an import). Returns their ids."""
    ids = [i for (i,) in database.execute_sql(cadenced(current()) + _NEVER_CONTACTED,
                                                    [today.toordinal()])]
    if ids:
        row = database.execute_sql(
            "SELECT value FROM setting WHERE key = 'week_start'").fetchone()
        start_cadences(ids, today, spread_out=True, week_start=int(json.loads(row[0]))
                       if row else 0)
    return ids
