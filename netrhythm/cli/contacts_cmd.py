"""`netrhythm contacts …`: add, edit, list, show, archive, restore, delete."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.cli.render import print_json, table
from netrhythm.domain.dates import format_day
from netrhythm.domain.records import ContactRec
from netrhythm.services.contacts import manage as svc
from netrhythm.services.context import Context


def _form(args: Namespace, name: str | None) -> svc.ContactForm:
    return svc.ContactForm(
        name=name, company=args.company, role=args.role, email=args.email, phone=args.phone,
        url=args.url, how_met=args.how_met, notes=args.notes, cadence_days=args.every,
        met_at=args.met_at, met_on=args.met_on, tags=args.tags, last_contact=args.last_contact,
    )


def _line(c: ContactRec) -> str:
    at = f" ({c.company})" if c.company else ""
    return f"{c.name}{at}"


def _json(c: ContactRec) -> dict[str, object]:
    return {
        "id": c.id, "name": c.name, "company": c.company, "role": c.role, "email": c.email,
        "phone": c.phone, "url": c.url, "how_met": c.how_met, "met_at": c.met_at,
        "met_on": c.met_on, "connected_on": c.connected_on, "notes": c.notes,
        "cadence_days": c.cadence_days, "tags": list(c.tags), "archived": c.archived,
        "created_on": c.created_on, "last_contact": c.last_contact,
        "last_contact_given": c.last_contact_on, "cadence_from": c.cadence_from,
        "gives": c.gives, "asks": c.asks,
    }


def run_add(ctx: Context, args: Namespace) -> int:
    c = svc.add_contact(ctx, _form(args, args.name))
    print(f"Added {_line(c)}.")
    return 0


def run_edit(ctx: Context, args: Namespace) -> int:
    c = svc.edit_contact(ctx, args.name, _form(args, args.new_name))
    print(f"Updated {_line(c)}.")
    return 0


def run_archive(ctx: Context, args: Namespace) -> int:
    """``contacts archive`` and ``contacts restore``."""
    c = svc.set_archived(ctx, args.name, archived=args.action == "archive")
    print(f"{'Archived' if c.archived else 'Restored'} {_line(c)}.")
    return 0


def run_delete(ctx: Context, args: Namespace) -> int:
    c = svc.delete_contact(ctx, args.name)
    print(f"Deleted {_line(c)}. `netrhythm undo` brings them back.")
    return 0


def run_list(ctx: Context, args: Namespace) -> int:
    rows = svc.list_contacts(ctx, include_archived=args.all, tag=args.tag,
                             overdue_only=args.overdue)
    if args.overdue:
        rows.sort(key=lambda r: -r.due.days_overdue)
    if args.json:
        print_json([{**_json(r.contact), "state": r.due.state, "due_on": r.due.due_on,
                     "days_overdue": r.due.days_overdue} for r in rows])
        return 0
    if not rows:
        print("No contacts." if not (args.tag or args.overdue) else "No contacts match.")
        return 0
    today = ctx.today()
    out = []
    for r in rows:
        c = r.contact
        due = {"overdue": f"overdue {r.due.days_overdue}d", "due soon": "due soon"}
        state = "archived" if c.archived else due.get(r.due.state, "")
        last = format_day(c.last_contact, today) if c.last_contact else "never"
        out.append([c.name, c.company, ", ".join(c.tags), f"last: {last}", state])
    print(*table(out, indent=""), sep="\n")
    return 0


def run_show(ctx: Context, args: Namespace) -> int:
    d = svc.show_contact(ctx, args.name)
    c = d.contact
    if args.json:
        print_json({**_json(c), "state": d.due.state, "due_on": d.due.due_on,
                    "timeline": [{"date": a.occurred_on, "practice": a.practice_name,
                                  "note": a.note, "event": a.event} for a in d.timeline],
                    "follow_ups": [{"due_on": f.due_on, "note": f.note, "done_on": f.done_on}
                                   for f in d.follow_ups]})
        return 0
    today = ctx.today()
    print(c.name + (" (archived)" if c.archived else ""))
    fields = [("Company", c.company), ("Role", c.role), ("Email", c.email), ("Phone", c.phone),
              ("URL", c.url), ("How met", c.how_met), ("Met at", c.met_at or ""),
              ("Met on", c.met_on.isoformat() if c.met_on else ""),
              ("Connected on", c.connected_on.isoformat() if c.connected_on else ""),
              ("Tags", ", ".join(c.tags)),
              ("Keep in touch", f"every {c.effective_cadence} days" if c.effective_cadence else ""),
              ("Last contact", format_day(c.last_contact, today) if c.last_contact else "never"),
              ("Next due", format_day(d.due.due_on, today) if d.due.due_on else ""),
              ("State", {"none": ""}.get(d.due.state, d.due.state)),
              ("Give/ask", f"{c.gives} given, {c.asks} asked"), ("Notes", c.notes)]
    print(*table([[k + ":", v] for k, v in fields if v]), sep="\n")
    if d.follow_ups:
        print("\nFollow-ups")
        for f in d.follow_ups:
            done = f"done {format_day(f.done_on, today)}" if f.done_on else "open"
            print(f"  due {format_day(f.due_on, today)} ({done}){': ' + f.note if f.note else ''}")
    print("\nTimeline")
    if not d.timeline:
        print("  nothing logged yet")
    for a in d.timeline:
        extra = "".join(f" · {x}" for x in (a.event, a.note) if x)
        print(f"  {format_day(a.occurred_on, today)}  {a.practice_name}{extra}")
    return 0
