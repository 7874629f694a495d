"""The argument parser: every command and flag, with help (``--help`` on every command)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from netrhythm import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

EPILOG = "Docs: README.md. Names match case-insensitively; #ID picks a contact by id."


def _contact_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--company", help="where they work")
    p.add_argument("--role", help="what they do")
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--url", help="a profile or website")
    p.add_argument("--tag", action="append", dest="tags", metavar="TAG",
                   help="a shared interest (repeat for several)")
    p.add_argument("--every", metavar="DAYS", help="keep in touch every DAYS days")
    p.add_argument("--how-met", metavar="TEXT", help="how you met")
    p.add_argument("--met-at", metavar="EVENT", help="the event where you met")
    p.add_argument("--met-on", metavar="DATE", help="when you met")
    p.add_argument("--last-contact", metavar="DATE",
                   help="when you last talked (counts like a logged action)")
    p.add_argument("--notes", metavar="TEXT")


def _practice_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", metavar="N", help="times per period (at least 1)")
    p.add_argument("--period", metavar="WEEKS", help="1, 2 or 4 weeks (default 1)")
    p.add_argument("--kind", metavar="KIND", help="give, ask or neutral")
    p.add_argument("--prompt", metavar="TEXT", help="one line of advice shown with it")
    p.add_argument("--slug", metavar="SLUG", help="the short name used on the command line")


# A command's parser is built only when that command runs: building all of them costs about
# 15 ms, a tenth of a fast command's whole run. Names and help are listed here so that help and
# "invalid choice" errors still know every command.
COMMANDS = {
    "log": "log an action for a practice",
    "status": "this week's progress, streaks and what is due",
    "review": "the weekly review (default: the last finished week)",
    "search": "search contacts by anything you remember",
    "contacts": "add, list, show, edit contacts",
    "tags": "list tags with their contacts and cadences, or set a tag's cadence",
    "practices": "list, add, edit, archive, move, delete practices",
    "events": "add, list, import (.ics) and export (.ics) events",
    "pause": "pause a week (holiday): streaks neither break nor grow",
    "undo": "revert the latest change and say what it was",
    "nudge": "send the desktop notifications that are due",
    "settings": "show settings, or change one: settings KEY VALUE",
    "export": "everything as versioned JSON (a full backup)",
    "import": "load a JSON export (into an empty database)",
    "demo": "a year of demo data in its own database, then the app",
    "draft": "a short message to a contact, ready to send; --templates to edit them",
}


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` before any help flag (skipping ``--db PATH``), if any."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help"):
            return None
        if arg == "--db":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv`` that names a command, a parser for that command only."""
    parser = argparse.ArgumentParser(
        prog="netrhythm",
        description="Keep professional networking a weekly habit. With no command, opens the app.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="store_true", help="show the version and files")
    parser.add_argument("--db", metavar="PATH", help="the database file (or $NETRHYTHM_DB)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = chosen_command(argv) if argv is not None else None
    if wanted in _BUILDERS:
        _BUILDERS[wanted](sub)
        return parser
    for name, text in COMMANDS.items():  # help, no command, or an unknown one
        if argv is None:
            _BUILDERS[name](sub)
        else:
            sub.add_parser(name, help=text)
    return parser


def _log(sub: Any) -> None:
    p = sub.add_parser("log", help=COMMANDS["log"], epilog=EPILOG)
    p.add_argument("practice", metavar="PRACTICE", help="slug or name, e.g. reach-out")
    p.add_argument("--with", action="append", dest="contacts", default=[], metavar="NAME",
                   help="a contact involved (repeat for several)")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--date", default="today", metavar="DATE",
                   help="today, yesterday, a weekday name or YYYY-MM-DD (default today)")
    p.add_argument("--event", default="", metavar="NAME", help="the event it happened at")
    p.add_argument("--follow-up", metavar="DAYS", help="schedule a follow-up in DAYS days")


def _status(sub: Any) -> None:
    p = sub.add_parser("status", help=COMMANDS["status"])
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--week", metavar="WEEK", help="another week, e.g. 2026-W47 or last")


def _review(sub: Any) -> None:
    p = sub.add_parser("review", help=COMMANDS["review"])
    p.add_argument("--week", metavar="WEEK", help="2026-W47, a date, this or last")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--reflect", metavar="TEXT", help="save the week's reflection note")
    keep = p.add_mutually_exclusive_group()  # with --reflect, on a week that has a reflection
    keep.add_argument("--replace", action="store_true", help="replace the saved reflection")
    keep.add_argument("--append", action="store_true", help="add to the saved reflection")


def _search(sub: Any) -> None:
    p = sub.add_parser("search", help=COMMANDS["search"])
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--json", action="store_true")


def _contacts(sub: Any) -> None:
    contacts = sub.add_parser("contacts", help=COMMANDS["contacts"])
    csub = contacts.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = csub.add_parser("add", help="add a contact")
    p.add_argument("name", metavar="NAME")
    _contact_fields(p)
    p = csub.add_parser("edit", help="change a contact's fields")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
    _contact_fields(p)
    p = csub.add_parser("list", help="list contacts")
    p.add_argument("--overdue", action="store_true", help="only those past their cadence")
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--all", action="store_true", help="include archived contacts")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("show", help="a contact's details and timeline")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("import", help="import contacts: vCard, LinkedIn, Google or plain CSV")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--tag", metavar="TAG", help="tag every imported contact")
    p.add_argument("--last-contact", metavar="DATE",
                   help="when you last talked to them all (else: never contacted)")
    p = csub.add_parser("export", help="export contacts as vCard or CSV")
    p.add_argument("--format", choices=("vcf", "csv"), default="vcf")
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")
    for name, text in (("archive", "hide a contact (keeps history)"),
                       ("restore", "bring back an archived contact"),
                       ("delete", "delete a contact and its links (undo brings it back)")):
        p = csub.add_parser(name, help=text)
        p.add_argument("name", metavar="NAME")


def _practices(sub: Any) -> None:
    practices = sub.add_parser("practices", help=COMMANDS["practices"])
    psub = practices.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = psub.add_parser("list", help="list practices")
    p.add_argument("--all", action="store_true", help="include archived practices")
    p = psub.add_parser("add", help="add a practice")
    p.add_argument("name", metavar="NAME")
    _practice_fields(p)
    p = psub.add_parser("edit", help="change a practice")
    p.add_argument("name", metavar="PRACTICE")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
    _practice_fields(p)
    for name, text in (("archive", "stop tracking a practice (keeps its history)"),
                       ("restore", "track an archived practice again")):
        p = psub.add_parser(name, help=text)
        p.add_argument("name", metavar="PRACTICE")
    p = psub.add_parser("move", help="move a practice up or down the list (its key 1-9)")
    p.add_argument("name", metavar="PRACTICE")
    p.add_argument("direction", choices=("up", "down"), metavar="up|down")
    p = psub.add_parser("delete", help="delete a practice and its actions (undo brings them "
                                       "back; archive keeps them)")
    p.add_argument("name", metavar="PRACTICE")
    p.add_argument("--yes", action="store_true", help="delete even when it has actions")


def _events(sub: Any) -> None:
    events = sub.add_parser("events", help=COMMANDS["events"])
    esub = events.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = esub.add_parser("add", help="add an event")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--date", default="today", metavar="DATE", help="when (future dates allowed)")
    p.add_argument("--location", metavar="TEXT")
    p.add_argument("--url")
    p.add_argument("--notes", metavar="TEXT")
    p = esub.add_parser("list", help="upcoming events, then past ones")
    p.add_argument("--json", action="store_true")
    p = esub.add_parser("import", help="import events from an iCalendar (.ics) file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--match", default="", metavar="TEXT",
                   help="only events whose name, place or description contains TEXT")
    p.add_argument("--from", dest="first", metavar="DATE", help="only events from DATE on")
    p.add_argument("--to", dest="last", metavar="DATE", help="only events up to DATE")
    p = esub.add_parser("export", help="events to come and open follow-ups as iCalendar")
    p.add_argument("--format", choices=("ics",), default="ics")
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--with-notes", action="store_true", help="include event and follow-up notes")


def _pause(sub: Any) -> None:
    p = sub.add_parser("pause", help=COMMANDS["pause"])
    p.add_argument("week", nargs="?", default="this", metavar="WEEK",
                   help="2026-W52, a date, this, last or next (default this)")
    p.add_argument("--resume", action="store_true", help="un-pause the week")


def _undo(sub: Any) -> None:
    sub.add_parser("undo", help=COMMANDS["undo"])


def _nudge(sub: Any) -> None:
    p = sub.add_parser("nudge", help=COMMANDS["nudge"])
    p.add_argument("--dry-run", action="store_true",
                   help="print what would be sent; record nothing")
    p.add_argument("--watch", metavar="MINUTES", help="keep checking every MINUTES minutes")
    p.add_argument("--print-schedule", choices=("systemd", "cron", "launchd"),
                   help="print a ready-to-install scheduler entry")
    p.add_argument("--quiet", action="store_true",
                   help="print only nudges that could not be shown on the desktop")


def _settings(sub: Any) -> None:
    p = sub.add_parser("settings", help=COMMANDS["settings"])
    p.add_argument("key", nargs="?", metavar="KEY", help="e.g. week-start, nudge.quiet-start")
    p.add_argument("value", nargs="?", metavar="VALUE", help="e.g. sunday, 22:00, off")


def _export(sub: Any) -> None:
    p = sub.add_parser("export", help=COMMANDS["export"])
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")


def _import(sub: Any) -> None:
    p = sub.add_parser("import", help=COMMANDS["import"])
    p.add_argument("file", metavar="FILE")
    p.add_argument("--merge", action="store_true", help="allow importing into a non-empty database")


def _demo(sub: Any) -> None:
    p = sub.add_parser("demo", help=COMMANDS["demo"])
    p.add_argument("--db", dest="demo_db", metavar="PATH", help="where to create the demo database")
    p.add_argument("--no-app", action="store_true",
                   help="create the data only; do not start the app")


def _draft(sub: Any) -> None:
    p = sub.add_parser("draft", help=COMMANDS["draft"], epilog=EPILOG)
    p.add_argument("name", nargs="?", metavar="NAME", help="the contact to write to")
    p.add_argument("--for", dest="practice", metavar="PRACTICE",
                   help="the practice (default: follow up when a follow-up is due, else the "
                        "one most logged with them, else reach out)")
    p.add_argument("--max-chars", metavar="N",
                   help="at most N characters (300 for a LinkedIn invitation): the least "
                        "important sentences go first")
    t = p.add_argument_group("templates (KIND: follow-up, reach-out, give-value, attend-event, "
                             "ask)")
    t.add_argument("--templates", action="store_true",
                   help="list the kinds, which templates are yours, and the placeholders")
    t.add_argument("--template", metavar="KIND", help="print the template of KIND")
    t.add_argument("--set-template", nargs=2, metavar=("KIND", "TEXT"),
                   help="use your own template for KIND (TEXT - reads standard input); "
                        "netrhythm undo takes it back")
    t.add_argument("--reset-template", metavar="KIND", help="use the default template again")


def _tags(sub: Any) -> None:
    from netrhythm.cli.tags_cmd import add_parser

    add_parser(sub)


_BUILDERS = {
    "log": _log,
    "status": _status,
    "review": _review,
    "search": _search,
    "contacts": _contacts,
    "tags": _tags,
    "practices": _practices,
    "events": _events,
    "pause": _pause,
    "undo": _undo,
    "nudge": _nudge,
    "settings": _settings,
    "export": _export,
    "import": _import,
    "demo": _demo,
    "draft": _draft,
}


def version_text(db_path: str, backups: str) -> str:
    return f"netrhythm {__version__}\ndatabase: {db_path}\nbackups: {backups}"
