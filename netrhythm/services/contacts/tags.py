"""Tags and their keep-in-touch cadences: list them, give one a cadence or take it away.

Everyone tagged with a cadence keeps in touch that often, unless they have a cadence of their
own or another of their tags asks for a shorter one. Setting a tag's cadence starts it, that
day, for each of its contacts whose cadence it changes: spread, so that at most
``domain.spread.WEEKLY_CAP`` of them (counting everyone else due then) become due in any one
week, oldest connection first. One undoable change.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from netrhythm.domain.errors import InputError
from netrhythm.domain.resolve import pick
from netrhythm.domain.validate import positive_int
from netrhythm.services.context import Context
from netrhythm.storage import contacts as store
from netrhythm.storage.cadence import cadence_facts, start_cadences
from netrhythm.storage.journal import change

NONE_WORDS = ("none", "off", "no", "never", "")


class TagRow(NamedTuple):
    """A tag, how many active contacts hold it, its cadence and the day that was set."""

    name: str
    contacts: int
    cadence_days: int | None
    set_on: date | None


class TagCadence(NamedTuple):
    """What setting a tag's cadence did: its cadence before and now, and the first due days
    of the contacts whose cadence it started (none when nothing changed)."""

    name: str
    before: int | None
    cadence_days: int | None
    first_dues: list[date]
    contacts: int  # the tag's active contacts


def list_tags() -> list[TagRow]:
    """Every tag, by name."""
    return [TagRow(name, count, cadence, set_on)
            for name, cadence, count, set_on in store.list_tags()]


def parse_every(text: str | int | None, field: str = "--every") -> int | None:
    """A cadence as typed: a number of days, or ``none`` (also empty) for no cadence."""
    if isinstance(text, str) and text.strip().casefold() in NONE_WORDS:
        return None
    if text is None:
        return None
    try:
        return positive_int(text, field)
    except InputError as exc:
        raise InputError(field, f"{exc.message}, or none for no cadence") from None


def find_tag(text: str, field: str = "TAG") -> TagRow:
    """A tag by name: exact, unique prefix or unique part, any case."""
    tags = list_tags()
    if not tags:
        raise InputError(field, "there are no tags yet; tag contacts first "
                                "(netrhythm contacts edit NAME --tag TAG)")
    chosen = pick(text, [(n, t.name, t.name) for n, t in enumerate(tags)], field, "tag")
    return tags[chosen]


def set_tag_cadence(ctx: Context, name: str, every: str | int | None) -> TagCadence:
    """Give the tag ``name`` a cadence of ``every`` days (``none``: no cadence)."""
    days = parse_every(every)
    tag = find_tag(name)
    if days == tag.cadence_days:
        return TagCadence(tag.name, days, days, [], tag.contacts)
    what = f"every {days} days" if days else "no cadence"
    today = ctx.today()
    members = store.tag_members(tag.name)
    before = {s.key: s.cadence_days for s in cadence_facts(members)}
    with change(f"set tag {tag.name} to {what}", ctx.now()):
        store.set_tag_cadence(tag.name, days, today if days else None)
        after = {s.key: s.cadence_days for s in cadence_facts(members)}
        changed = [i for i, cadence in after.items() if cadence != before.get(i)]
        dues = start_cadences(changed, today, spread_out=True,
                              week_start=ctx.read_week_start())
    return TagCadence(tag.name, tag.cadence_days, days, sorted(dues.values()), tag.contacts)
