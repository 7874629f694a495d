"""`netrhythm practices …`: list, add, edit, archive, restore, move, delete."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.cli.render import table
from netrhythm.domain.errors import InputError
from netrhythm.domain.nudge_text import counted
from netrhythm.domain.slack import period_phrase
from netrhythm.services import lookup
from netrhythm.services import practices as svc
from netrhythm.services.context import Context


def _form(args: Namespace, name: str | None) -> svc.PracticeForm:
    return svc.PracticeForm(name=name, slug=args.slug, target=args.target,
                            period_weeks=args.period, reciprocity=args.kind, prompt=args.prompt)


def run_list(ctx: Context, args: Namespace) -> int:
    rows = [[p.slug, p.name, period_phrase(p.target, p.period_weeks, ctx.read_week_start()),
             p.reciprocity, "archived" if p.archived else ""]
            for p in svc.list_practices(include_archived=args.all)]
    print(*table(rows, indent=""), sep="\n")
    return 0


def run_add(ctx: Context, args: Namespace) -> int:
    p = svc.add_practice(ctx, _form(args, args.name))
    print(f"Added {p.name} ({p.slug}): "
          f"{period_phrase(p.target, p.period_weeks, ctx.read_week_start())}.")
    return 0


def run_edit(ctx: Context, args: Namespace) -> int:
    p = svc.edit_practice(ctx, args.name, _form(args, args.new_name))
    print(f"Updated {p.name} ({p.slug}): "
          f"{period_phrase(p.target, p.period_weeks, ctx.read_week_start())}.")
    return 0


def run_archive(ctx: Context, args: Namespace) -> int:
    """``practices archive`` and ``practices restore``."""
    p = svc.set_archived(ctx, args.name, archived=args.action == "archive")
    print(f"{'Archived' if p.archived else 'Restored'} {p.name}; its history is kept.")
    return 0


def run_move(ctx: Context, args: Namespace) -> int:
    name, direction = args.name, args.direction
    practice = lookup.practice(name, "practice", include_archived=True)
    if not svc.move_practice(ctx, name, -1 if direction == "up" else 1):
        where = "first" if direction == "up" else "last"
        print(f"{practice.name} is already {where}; nothing changed.")
        return 0
    order = [p.name for p in svc.list_practices(include_archived=True)]
    print(f"Moved {practice.name} {direction}: " + ", ".join(order) + ".")
    return 0


def run_delete(ctx: Context, args: Namespace) -> int:
    name = args.name
    count = svc.action_count(name)
    if count and not args.yes:
        practice = lookup.practice(name, "practice", include_archived=True)
        raise InputError("--yes", f"{practice.name} has {counted(count, 'action', 'actions')}, "
                                  "which would be deleted "
                                  "too; add --yes to delete them, or archive the practice to "
                                  "keep them")
    practice, count = svc.delete_practice(ctx, name)
    held = f"and its {counted(count, 'action', 'actions')}" if count else "(it had no actions)"
    print(f"Deleted {practice.name} {held}; netrhythm undo brings it back.")
    return 0
