"""The everyday commands: log, status, review, search, pause, undo, settings."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.cli.render import bar, print_json, table
from netrhythm.domain.dates import format_day
from netrhythm.services.context import Context


def run_log(ctx: Context, args: Namespace) -> int:
    import shlex

    from netrhythm.domain.errors import InputError
    from netrhythm.services.tracking.log import (
        ArchivedName,
        LogRequest,
        log_action,
        unknown_names,
    )
    from netrhythm.services.tracking.progress import progress

    try:
        known, new = unknown_names(args.contacts, "--with")
    except ArchivedName as exc:
        raise InputError(exc.field, f"{exc.message}: netrhythm contacts restore "
                                    f"{shlex.quote(exc.name)}") from None
    if new and not args.new:
        raise new[0][1].with_hint(f"To add {new[0][0].strip()!r} as a new contact, add --new.")
    logged = log_action(ctx, LogRequest(
        practice=args.practice, contacts=known, note=args.note, date=args.date,
        event=args.event, follow_up_days=args.follow_up,
        new_contacts=[name for name, _ in new]))
    print(f"Logged: {logged.description[len('logged '):]}.")
    (mine,) = progress(ctx, practice_id=logged.practice.id).practices
    print(f"{mine.practice.name}: {mine.period.count}/{mine.period.target} · {mine.slack}")
    if logged.follow_up_due:
        print(f"Follow-up due {logged.follow_up_due}.")
    return 0


def print_status(ctx: Context) -> None:
    from netrhythm.services.tracking.status import status

    s = status(ctx)
    print(f"Week {s.name} · {s.label} · {s.days_left} days left · "
          f"rhythm {s.progress.overall_score:.0f}/100")
    print()
    rows = []
    for p in s.progress.practices:
        done = "✓" if p.period.met else " "
        rows.append([
            f"{done} {p.practice.name}", bar(p.period.count, p.period.target),
            f"{p.period.count}/{p.period.target}",
            f"streak {p.current_streak} wk (best {p.longest_streak})",
            f"score {p.score:3.0f}", p.slack,
        ])
    for line in table(rows, indent=""):
        print(line)
    if s.follow_ups_due:
        print("\nFollow-ups due")
        for f in s.follow_ups_due:
            note = f": {f.note}" if f.note else ""
            print(f"  {f.contact_name} — due {format_day(f.due_on, ctx.today())}{note}")
    if s.gone_cold:
        print("\nGone cold")
        for c in s.gone_cold[:5]:
            since = f", {c.days_since} days since you talked" if c.days_since is not None else \
                ", never contacted"
            print(f"  {c.name} — {c.days_overdue} days overdue{since}")
        if len(s.gone_cold) > 5:
            print(f"  … and {len(s.gone_cold) - 5} more (netrhythm contacts list --overdue)")
    if s.upcoming:
        print("\nUpcoming events")
        for e in s.upcoming:
            where = f", {e.location}" if e.location else ""
            print(f"  {e.name} — {format_day(e.held_on, ctx.today())}{where}")


def run_status(ctx: Context, args: Namespace) -> int:
    if args.week:
        from netrhythm.domain.weeks import parse_week
        from netrhythm.services.tracking.status import status

        week = parse_week(args.week, ctx.read_week_start(), ctx.today())
        if args.json:
            print_json(status(ctx, week).to_json())
            return 0
    if args.json:
        from netrhythm.services.tracking.status import status

        print_json(status(ctx).to_json())
        return 0
    print_status(ctx)
    return 0


def run_review(ctx: Context, args: Namespace) -> int:
    from netrhythm.services.review.build import resolve_week, review, save_reflection
    from netrhythm.services.review.render import to_json, to_text

    week = resolve_week(ctx, args.week)
    keep = "append" if args.append else "replace" if args.replace else "refuse"
    if args.reflect is None and keep != "refuse":
        from netrhythm.domain.errors import InputError

        raise InputError(f"--{keep}", 'goes with --reflect TEXT (the reflection to save)')
    if args.reflect is not None:
        save_reflection(ctx, week, args.reflect, keep=keep)
    data = review(ctx, week)
    if args.format == "json":
        print_json(to_json(data))
    else:
        print(to_text(data, markdown=args.format == "markdown"), end="")
    return 0


def run_search(ctx: Context, args: Namespace) -> int:
    from netrhythm.services.contacts.search import search

    found = search(args.text)
    if args.json:
        print_json([{"name": c.name, "company": c.company, "tags": list(c.tags)} for c in found])
        return 0
    if not found:
        print(f"No contact matches {args.text.strip()!r}.")
        return 0
    print(*table([[c.name, c.company, ", ".join(c.tags)] for c in found]), sep="\n")
    return 0


def run_pause(ctx: Context, args: Namespace) -> int:
    from netrhythm.domain.weeks import parse_week, week_name
    from netrhythm.services.tracking.pause import set_paused

    week = parse_week(args.week, ctx.read_week_start(), ctx.today(), allow_future=True)
    name = week_name(week, ctx.read_week_start())
    changed = set_paused(ctx, week, paused=not args.resume)
    if args.resume:
        print(f"Week {name} resumed." if changed else f"Week {name} was not paused.")
    else:
        print(f"Week {name} paused: streaks neither break nor grow." if changed
              else f"Week {name} was already paused.")
    return 0


def run_undo(ctx: Context, args: Namespace) -> int:
    from netrhythm.services.undo import undo

    reverted = undo()
    print(f"Undid: {reverted}." if reverted else "Nothing to undo.")
    return 0


def run_settings(ctx: Context, args: Namespace) -> int:
    from netrhythm.domain.errors import InputError
    from netrhythm.services import settings

    if args.key is None:
        print(*table([[k, v] for k, v in settings.current(ctx).items()], indent=""), sep="\n")
        return 0
    if args.value is None:
        values = settings.current(ctx)
        if args.key not in values:
            raise InputError(args.key, f"unknown setting; known: {', '.join(values)}")
        print(values[args.key])
        return 0
    print(settings.set_value(ctx, args.key, args.value))
    return 0
