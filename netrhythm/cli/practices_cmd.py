"""`netrhythm practices …`: list, add, edit, archive, restore."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.cli.render import table
from netrhythm.domain.slack import period_phrase
from netrhythm.services import practices as svc
from netrhythm.services.context import Context


def _form(args: Namespace, name: str | None) -> svc.PracticeForm:
    return svc.PracticeForm(name=name, slug=args.slug, target=args.target,
                            period_weeks=args.period, reciprocity=args.kind, prompt=args.prompt)


def run(ctx: Context, args: Namespace) -> int:
    action = args.action
    if action == "list":
        from netrhythm.storage.practices import list_practices

        rows = [[p.slug, p.name, period_phrase(p.target, p.period_weeks, ctx.week_start),
                 p.reciprocity, "archived" if p.archived else ""]
                for p in list_practices(include_archived=args.all)]
        print(*table(rows, indent=""), sep="\n")
    elif action == "add":
        p = svc.add_practice(ctx, _form(args, args.name))
        print(f"Added {p.name} ({p.slug}): "
              f"{period_phrase(p.target, p.period_weeks, ctx.week_start)}.")
    elif action == "edit":
        p = svc.edit_practice(ctx, args.name, _form(args, args.new_name))
        print(f"Updated {p.name} ({p.slug}): "
              f"{period_phrase(p.target, p.period_weeks, ctx.week_start)}.")
    else:
        p = svc.set_archived(ctx, args.name, archived=action == "archive")
        print(f"{'Archived' if p.archived else 'Restored'} {p.name}; its history is kept.")
    return 0
