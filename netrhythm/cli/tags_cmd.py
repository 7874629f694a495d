"""`netrhythm tags`: every tag with its contacts and cadence; `tags set TAG --every DAYS|none`.

``run(ctx, args)`` runs both (the parser is in :mod:`netrhythm.cli.parser`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netrhythm.cli.render import print_json, table
from netrhythm.domain.dates import format_day
from netrhythm.services.context import Context

if TYPE_CHECKING:
    from argparse import Namespace

def run(ctx: Context, args: Namespace) -> int:
    if getattr(args, "action", None) == "set":
        return _set(ctx, args.tag, args.every)
    return _list(ctx, bool(getattr(args, "json", False)))


def _cadence(days: int | None) -> str:
    return f"every {days} days" if days else "no cadence"


def _list(ctx: Context, as_json: bool) -> int:
    from netrhythm.services.contacts.tags import list_tags

    tags = list_tags()
    if as_json:
        print_json([{"tag": t.name, "contacts": t.contacts, "cadence_days": t.cadence_days,
                     "cadence_set_on": t.set_on} for t in tags])
        return 0
    if not tags:
        print("No tags yet. Tag contacts with `netrhythm contacts edit NAME --tag TAG`.")
        return 0
    rows = [["Tag", "Contacts", "Cadence"]]
    for t in tags:
        since = f" (since {format_day(t.set_on, ctx.today())})" if t.cadence_days and t.set_on \
            else ""
        rows.append([t.name, str(t.contacts), _cadence(t.cadence_days) + since])
    print(*table(rows, indent=""), sep="\n")
    return 0


def _set(ctx: Context, tag: str, every: str) -> int:
    from netrhythm.services.contacts.tags import set_tag_cadence

    done = set_tag_cadence(ctx, tag, every)
    if done.before == done.cadence_days:
        print(f"{done.name} already has {_cadence(done.cadence_days)}; nothing changed.")
        return 0
    print(f"{done.name}: {_cadence(done.cadence_days)} (was {_cadence(done.before)}).")
    today = ctx.today()
    if done.first_dues:
        first, last = done.first_dues[0], done.first_dues[-1]
        who = "1 contact" if len(done.first_dues) == 1 else f"{len(done.first_dues)} contacts"
        when = f"on {format_day(first, today)}" if first == last else \
            f"from {format_day(first, today)} to {format_day(last, today)}"
        print(f"{who} now due {when}, at most 5 a week. `netrhythm undo` takes it back.")
    else:
        print("No contact's cadence changed. `netrhythm undo` takes it back.")
    return 0
