"""Which cadences a contacts import starts, and when those people are first due.

An import starts, on its day, the cadence of every new contact that comes with one (a
cadence from the file, or a tag that has one: ``--tag linkedin`` after `tags set linkedin`),
and of every contact already here whose cadence or last contact it changes (a tag with a
cadence added, an empty cadence or last contact filled in). All of them at once: their first
due days are spread, at most ``WEEKLY_CAP`` a week with everyone already due, oldest
connection first (``domain.spread``). Worked out before anything is written, so new contacts
are inserted with their start (and ``--dry-run`` can say when they will be due).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from netrhythm.domain.spread import Start, first_due_days
from netrhythm.formats.records import fold
from netrhythm.services.transfer.dedupe import Deduper, Target
from netrhythm.storage.cadence import contact_facts, due_week_counts, set_starts
from netrhythm.storage.contacts import tag_cadences


@dataclass
class ImportStarts:
    """First due days of the cadences an import starts: new contacts by their place in
    ``Deduper.new``, contacts already here by id."""

    today: date
    new: dict[int, date] = field(default_factory=dict)
    existing: dict[int, date] = field(default_factory=dict)

    def days(self) -> list[date]:
        return sorted([*self.new.values(), *self.existing.values()])

    def apply_to_new(self, deduper: Deduper) -> None:
        """Put the start into the rows of the new contacts, before they are inserted."""
        for index, due in self.new.items():
            values = deduper.new[index].values
            values["cadence_from"], values["first_due_on"] = self.today, due

    def write_existing(self) -> None:
        """Start the cadences of the contacts already here (after the import wrote them)."""
        set_starts(self.today, dict(self.existing))


def _cadence(own: int | None, tags: Iterable[str], by_tag: dict[str, int]) -> int | None:
    if own is not None:
        return own
    found = [by_tag[fold(t)] for t in tags if fold(t) in by_tag]
    return min(found) if found else None


def _changed(t: Target, by_tag: dict[str, int]) -> int | None:
    """The cadence an existing contact has after the import, if the import changes it (or
    fills in their last contact)."""
    after = _cadence(t.values.get("cadence_days"), t.tags.values(), by_tag)
    own_before = None if "cadence_days" in t.filled else t.values.get("cadence_days")
    added = {fold(n) for n in t.new_tags}
    before = _cadence(own_before, [n for f, n in t.tags.items() if f not in added], by_tag)
    if after is not None and (after != before or "last_contact_on" in t.filled):
        return after
    return None


def plan_starts(deduper: Deduper, today: date, week_start: int) -> ImportStarts:
    """When everyone whose cadence the import starts is first due."""
    by_tag = {fold(name): days for name, days in tag_cadences()}
    starts: list[Start[tuple[str, int]]] = []
    for index, t in enumerate(deduper.new):
        cadence = _cadence(t.values.get("cadence_days"), t.tags.values(), by_tag)
        if cadence is not None:
            v = t.values
            starts.append(Start(("new", index), cadence, v.get("last_contact_on"),
                                v.get("met_on") or v.get("connected_on") or today))
    changed = {t.id: (t, days) for t in deduper.changed_existing()
               if t.id is not None and (days := _changed(t, by_tag)) is not None}
    for contact_id, _, logged, connected in contact_facts(list(changed)):
        target, cadence = changed[contact_id]
        known = [d for d in (logged, target.values.get("last_contact_on")) if d]
        met = target.values.get("met_on") or target.values.get("connected_on")
        starts.append(Start(("old", contact_id), cadence, max(known) if known else None,
                            met or connected))
    plan = ImportStarts(today)
    if not starts:
        return plan
    taken = due_week_counts(today, week_start, set(changed))
    dues = first_due_days(starts, today, spread_out=True, taken=taken, week_start=week_start)
    for (kind, ident), due in dues.items():
        (plan.new if kind == "new" else plan.existing)[ident] = due
    return plan
