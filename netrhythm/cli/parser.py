"""The argument parser: every command, its flags and help, and the function that runs it.

One argparse parser with a subparser per command. Each command names the function that runs
it, ``"module:function"``, with ``_command(..., handler=...)``; :mod:`netrhythm.cli.commands`
imports that module only when the command runs, so a quick command never loads the code of
the others. A handler is called as ``function(ctx, args)`` with the database open, or, for
a command made with ``opens_database=False``, as ``function(args, location)`` (where the data
lives, a :class:`netrhythm.paths.Location`).

Given the command line, ``build_parser`` builds the subparser of the command it names only
(every one for help, no command or an unknown one): argparse looks up its translations for
every parser it makes.

Adding a command takes three steps:

1. write ``run_thing(ctx: Context, args: Namespace) -> int`` in a module of ``netrhythm.cli``;
2. write a builder here, ``_thing(sub)``, that calls ``_command(sub, "thing", help=...,
   description=..., handler="netrhythm.cli.thing_cmd:run_thing")`` and adds the flags, each
   with ``help=``;
3. add ``"thing": _thing`` to ``COMMANDS`` at the end of this module (its place there is its
   place in ``--help``).
``tests/cli/test_parser.py`` checks that every handler exists and every flag has help.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from netrhythm import __version__
from netrhythm.cli.parser_fields import contact_fields, practice_fields

EPILOG = "Docs: README.md. Names match case-insensitively; #ID picks a contact by id."
Subparsers = Any  # argparse's _SubParsersAction, which it does not export


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose "invalid choice" error also names the closest choice
    (``netrhythm staus``: did you mean status?). ``_check_value`` is argparse's own check of
    a choice, the same in Python 3.11 to 3.14."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            import difflib

            choices = [str(c) for c in action.choices or ()]
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
            if not close:
                raise
            message = exc.message.replace(" (choose from", f"; did you mean {close[0]}? (choose "
                                                           "from", 1)
            raise argparse.ArgumentError(action, message) from None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command line (with no command: the app); given ``argv`` that names
    a command, the parser of that command only."""
    parser = _Parser(
        prog="netrhythm",
        description="Keep professional networking a weekly habit. With no command, opens the app.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="store_true", help="show the version and files")
    parser.add_argument("--db", metavar="PATH", help="the database file (or $NETRHYTHM_DB)")
    parser.set_defaults(handler="netrhythm.cli.app:run_app", opens_database=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Only the named command's parser: a kept speed trick, measured in README's Performance.
    wanted = chosen_command(argv) if argv is not None else None
    for name, build in COMMANDS.items():
        if wanted not in COMMANDS or name == wanted:
            build(sub)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The word of ``argv`` that names the command, if any comes before a help flag (the
    value of ``--db``, or of an abbreviation of it, is skipped)."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if len(word) > 2 and "--db".startswith(word):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _command(sub: Subparsers, name: str, *, help: str, description: str,  # noqa: A002
             handler: str | None = None, opens_database: bool = True) -> argparse.ArgumentParser:
    """Add command ``name``: ``help`` is its line in the list of commands, ``description``
    heads its own ``--help``, ``handler`` (``"module:function"``) runs it; a command with
    actions (``contacts add``) gives each action its handler instead."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description,
                                                epilog=EPILOG)
    if handler is not None:
        p.set_defaults(handler=handler, opens_database=opens_database)
    return p


def _log(sub: Subparsers) -> None:
    p = _command(sub, "log", help="log an action for a practice",
                 description="Log something you did for a practice (reach out, give value, …), "
                             "with whom and when; prints where the practice stands this week.",
                 handler="netrhythm.cli.tracking_cmd:run_log")
    p.add_argument("practice", metavar="PRACTICE", help="slug or name, e.g. reach-out")
    p.add_argument("--with", action="append", dest="contacts", default=[], metavar="NAME",
                   help="a contact involved (repeat for several)")
    p.add_argument("--new", action="store_true",
                   help="add each --with NAME that matches no contact as a new contact "
                        "(name only; one change, undone as one)")
    p.add_argument("--note", default="", metavar="TEXT", help="a note about what you did")
    p.add_argument("--date", default="today", metavar="DATE",
                   help="today, yesterday, a weekday name or YYYY-MM-DD (default today)")
    p.add_argument("--event", default="", metavar="NAME", help="the event it happened at")
    p.add_argument("--follow-up", metavar="DAYS", help="schedule a follow-up in DAYS days")


def _status(sub: Subparsers) -> None:
    p = _command(sub, "status", help="this week's progress, streaks and what is due",
                 description="This week's progress per practice, streaks, rhythm score, "
                             "follow-ups due, contacts gone cold and upcoming events.",
                 handler="netrhythm.cli.tracking_cmd:run_status")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--week", metavar="WEEK", help="another week, e.g. 2026-W47 or last")


def _review(sub: Subparsers) -> None:
    p = _command(sub, "review", help="the weekly review (default: the last finished week)",
                 description="A week's review: each practice met or missed, streaks, new "
                             "contacts, follow-ups done, give/ask balance and your reflection.",
                 handler="netrhythm.cli.tracking_cmd:run_review")
    p.add_argument("--week", metavar="WEEK", help="2026-W47, a date, this or last")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                   help="how to print it (default text)")
    p.add_argument("--reflect", metavar="TEXT", help="save the week's reflection note")
    keep = p.add_mutually_exclusive_group()  # with --reflect, on a week that has a reflection
    keep.add_argument("--replace", action="store_true", help="replace the saved reflection")
    keep.add_argument("--append", action="store_true", help="add to the saved reflection")


def _search(sub: Subparsers) -> None:
    p = _command(sub, "search", help="search contacts by anything you remember",
                 description="Find contacts by name, company, tag, notes, how you met, the "
                             "events you met at and the notes of what you did together.",
                 handler="netrhythm.cli.tracking_cmd:run_search")
    p.add_argument("text", metavar="TEXT", help="words to look for, e.g. gardening")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _contacts(sub: Subparsers) -> None:
    contacts = _command(sub, "contacts", help="add, list, show, edit contacts",
                        description="Manage the people you keep in touch with.")
    csub = contacts.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _command(csub, "add", help="add a contact",
                 description="Add a contact, with how and where you met and how often to "
                             "keep in touch.", handler="netrhythm.cli.contacts_cmd:run_add")
    p.add_argument("name", metavar="NAME", help="their full name")
    contact_fields(p)
    p = _command(csub, "edit", help="change a contact's fields",
                 description="Change a contact: only the fields given change.",
                 handler="netrhythm.cli.contacts_cmd:run_edit")
    p.add_argument("name", metavar="NAME", help="the contact to change (name or #ID)")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
    contact_fields(p)
    p = _command(csub, "list", help="list contacts",
                 description="Contacts with their company, tags, last contact and whether "
                             "they are due.", handler="netrhythm.cli.contacts_cmd:run_list")
    p.add_argument("--overdue", action="store_true", help="only those past their cadence")
    p.add_argument("--tag", metavar="TAG", help="only those with this tag")
    p.add_argument("--all", action="store_true", help="include archived contacts")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = _command(csub, "show", help="a contact's details and timeline",
                 description="Every field of a contact, follow-ups and the timeline of what "
                             "you did together.", handler="netrhythm.cli.contacts_cmd:run_show")
    p.add_argument("name", metavar="NAME", help="the contact (name or #ID)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = _command(csub, "import", help="import contacts: vCard, LinkedIn, Google or plain CSV",
                 description="Import contacts from a vCard file, LinkedIn's Connections.csv, "
                             "a Google Contacts CSV or a plain CSV; duplicates are merged.",
                 handler="netrhythm.cli.transfer_cmd:run_import_contacts")
    p.add_argument("file", metavar="FILE", help="the file to import (.vcf or .csv)")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--tag", metavar="TAG", help="tag every imported contact")
    p.add_argument("--last-contact", metavar="DATE",
                   help="when you last talked to them all (else: never contacted)")
    p = _command(csub, "export", help="export contacts as vCard or CSV",
                 description="Write every contact as vCard or CSV.",
                 handler="netrhythm.cli.transfer_cmd:run_export_contacts")
    p.add_argument("--format", choices=("vcf", "csv"), default="vcf",
                   help="vcf (vCard 4.0) or csv (default vcf)")
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")
    for name, text, handler in (
            ("archive", "hide a contact (keeps history)", "run_archive"),
            ("restore", "bring back an archived contact", "run_archive"),
            ("delete", "delete a contact and its links (undo brings it back)", "run_delete")):
        p = _command(csub, name, help=text, description=text[0].upper() + text[1:] + ".",
                     handler=f"netrhythm.cli.contacts_cmd:{handler}")
        p.add_argument("name", metavar="NAME", help="the contact (name or #ID)")


def _practices(sub: Subparsers) -> None:
    practices = _command(sub, "practices", help="list, add, edit, archive, move, delete practices",
                         description="Manage your weekly practices and their targets.")
    psub = practices.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _command(psub, "list", help="list practices",
                 description="Practices in order (their keys 1-9 in the app) with targets.",
                 handler="netrhythm.cli.practices_cmd:run_list")
    p.add_argument("--all", action="store_true", help="include archived practices")
    p = _command(psub, "add", help="add a practice",
                 description="Add a practice: a networking habit with a target per period.",
                 handler="netrhythm.cli.practices_cmd:run_add")
    p.add_argument("name", metavar="NAME", help="its name, e.g. \"Write a post\"")
    practice_fields(p)
    p = _command(psub, "edit", help="change a practice",
                 description="Change a practice: only the fields given change.",
                 handler="netrhythm.cli.practices_cmd:run_edit")
    p.add_argument("name", metavar="PRACTICE", help="the practice to change (slug or name)")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
    practice_fields(p)
    for name, text in (("archive", "stop tracking a practice (keeps its history)"),
                       ("restore", "track an archived practice again")):
        p = _command(psub, name, help=text, description=text[0].upper() + text[1:] + ".",
                     handler="netrhythm.cli.practices_cmd:run_archive")
        p.add_argument("name", metavar="PRACTICE", help="slug or name")
    p = _command(psub, "move", help="move a practice up or down the list (its key 1-9)",
                 description="Move a practice up or down the list; its key 1-9 in the app "
                             "follows.", handler="netrhythm.cli.practices_cmd:run_move")
    p.add_argument("name", metavar="PRACTICE", help="slug or name")
    p.add_argument("direction", choices=("up", "down"), metavar="up|down",
                   help="which way to move it")
    text = "delete a practice and its actions (undo brings them back; archive keeps them)"
    p = _command(psub, "delete", help=text, description=text[0].upper() + text[1:] + ".",
                 handler="netrhythm.cli.practices_cmd:run_delete")
    p.add_argument("name", metavar="PRACTICE", help="slug or name")
    p.add_argument("--yes", action="store_true", help="delete even when it has actions")


def _events(sub: Subparsers) -> None:
    events = _command(sub, "events",
                      help="add, list, edit, delete, import and export (.ics) events",
                      description="Events where you meet people: conferences, meetups, dinners.")
    esub = events.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _command(esub, "add", help="add an event", description="Add an event, past or future.",
                 handler="netrhythm.cli.events_cmd:run_add")
    p.add_argument("name", metavar="NAME", help="its name, e.g. \"PyCon Lisbon\"")
    p.add_argument("--date", default="today", metavar="DATE", help="when (future dates allowed)")
    p.add_argument("--location", metavar="TEXT", help="where it is held")
    p.add_argument("--url", help="its web page")
    p.add_argument("--notes", metavar="TEXT", help="anything worth remembering")
    p = _command(esub, "list", help="upcoming events, then past ones",
                 description="Upcoming events, then past ones, with the people met there.",
                 handler="netrhythm.cli.events_cmd:run_list")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = _command(esub, "edit", help="change an event's fields",
                 description="Change an event: only the fields given change. Moved to another "
                             "day, it keeps its hours and length.",
                 handler="netrhythm.cli.events_cmd:run_edit")
    p.add_argument("name", metavar="EVENT", help="the event (name, a unique part of it, or #ID)")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
    p.add_argument("--date", metavar="DATE", help="move it to DATE (future dates allowed)")
    p.add_argument("--location", metavar="TEXT", help="where it is held")
    p.add_argument("--url", help="its web page")
    p.add_argument("--notes", metavar="TEXT", help="anything worth remembering")
    p = _command(esub, "delete", help="delete an event (undo brings it back)",
                 description="Delete an event; actions and contacts keep everything but the "
                             "link to it. netrhythm undo brings it back.",
                 handler="netrhythm.cli.events_cmd:run_delete")
    p.add_argument("name", metavar="EVENT", help="the event (name, a unique part of it, or #ID)")
    p = _command(esub, "import", help="import events from an iCalendar (.ics) file",
                 description="Import events from an iCalendar file (Meetup, Luma, Eventbrite, "
                             "Google Calendar, Outlook); importing it again updates, never "
                             "duplicates.", handler="netrhythm.cli.events_cmd:run_import")
    p.add_argument("file", metavar="FILE", help="the .ics file to import")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--match", default="", metavar="TEXT",
                   help="only events whose name, place or description contains TEXT")
    p.add_argument("--from", dest="first", metavar="DATE", help="only events from DATE on")
    p.add_argument("--to", dest="last", metavar="DATE", help="only events up to DATE")
    p = _command(esub, "export", help="events to come and open follow-ups as iCalendar",
                 description="Events that have not ended and open follow-ups as an iCalendar "
                             "file that calendar apps import or subscribe to.",
                 handler="netrhythm.cli.events_cmd:run_export")
    p.add_argument("--format", choices=("ics",), default="ics", help="ics (the only format)")
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--with-notes", action="store_true", help="include event and follow-up notes")


def _pause(sub: Subparsers) -> None:
    p = _command(sub, "pause", help="pause a week (holiday): streaks neither break nor grow",
                 description="Pause a week, for a holiday: a paused week neither breaks nor "
                             "extends a streak.", handler="netrhythm.cli.tracking_cmd:run_pause")
    p.add_argument("week", nargs="?", default="this", metavar="WEEK",
                   help="2026-W52, a date, this, last or next (default this)")
    p.add_argument("--resume", action="store_true", help="un-pause the week")


def _undo(sub: Subparsers) -> None:
    _command(sub, "undo", help="revert the latest change and say what it was",
             description="Revert the latest change (a log, an edit, an import, a setting), "
                         "also one made in the app, and say what it was.",
             handler="netrhythm.cli.tracking_cmd:run_undo")


def _nudge(sub: Subparsers) -> None:
    p = _command(sub, "nudge", help="send the desktop notifications that are due",
                 description="Send, once each, the nudges due now: behind pace, streak at "
                             "risk, follow-ups due, contacts gone cold, the weekly review.",
                 handler="netrhythm.cli.nudge_cmd:run", opens_database=False)
    p.add_argument("--dry-run", action="store_true",
                   help="print what would be sent; record nothing")
    p.add_argument("--watch", metavar="MINUTES", help="keep checking every MINUTES minutes")
    p.add_argument("--print-schedule", choices=("systemd", "cron", "launchd"),
                   help="print a ready-to-install scheduler entry")
    p.add_argument("--quiet", action="store_true",
                   help="print only nudges that could not be shown on the desktop")


def _settings(sub: Subparsers) -> None:
    p = _command(sub, "settings", help="show settings, or change one: settings KEY VALUE",
                 description="With no KEY, every setting; with KEY, its value; with KEY VALUE, "
                             "change it (undo takes it back).",
                 handler="netrhythm.cli.tracking_cmd:run_settings")
    p.add_argument("key", nargs="?", metavar="KEY", help="e.g. week-start, nudge.quiet-start")
    p.add_argument("value", nargs="?", metavar="VALUE", help="e.g. sunday, 22:00, off")


def _export(sub: Subparsers) -> None:
    p = _command(sub, "export", help="everything as versioned JSON (a full backup)",
                 description="Everything as versioned JSON, a full backup that import reads "
                             "back; a new file is readable by you only.",
                 handler="netrhythm.cli.transfer_cmd:run_export")
    p.add_argument("--output", metavar="FILE", help="write here (default: standard output)")


def _import(sub: Subparsers) -> None:
    p = _command(sub, "import", help="load a JSON export (into an empty database)",
                 description="Load a JSON export made by netrhythm export, all or nothing.",
                 handler="netrhythm.cli.transfer_cmd:run_import")
    p.add_argument("file", metavar="FILE", help="the JSON file to load")
    p.add_argument("--merge", action="store_true", help="allow importing into a non-empty database")


def _copy(sub: Subparsers) -> None:
    p = _command(sub, "copy", help="copy the whole database into an empty one (file or server)",
                 description="Copy the whole database in use (--db), undo history included, "
                             "into an empty one: a new SQLite file or an empty database on a "
                             "PostgreSQL server, either way. The database in use is only read.",
                 handler="netrhythm.cli.copy_cmd:run", opens_database=False)
    p.add_argument("--to", dest="copy_to", metavar="URL_OR_PATH", required=True,
                   help="where to copy it: a new file, or an empty server database "
                        "(postgresql://USER@HOST/NAME; the password in ~/.pgpass or "
                        "PGPASSWORD, never here)")


def _demo(sub: Subparsers) -> None:
    p = _command(sub, "demo", help="a year of demo data in its own database, then the app",
                 description="Create a year of realistic demo data in a database of its own "
                             "(never yours), then open the app on it.",
                 handler="netrhythm.cli.demo_cmd:run", opens_database=False)
    p.add_argument("--db", dest="demo_db", metavar="PATH",
                   help="where to create the demo database (a file, or an empty database on "
                        "a server)")
    p.add_argument("--no-app", action="store_true",
                   help="create the data only; do not start the app")


def _draft(sub: Subparsers) -> None:
    p = _command(sub, "draft",
                 help="a short message to a contact, ready to send; --templates to edit them",
                 description="Write a short message to a contact from what you know about "
                             "them, ready to paste; the templates it uses are yours to edit.",
                 handler="netrhythm.cli.draft_cmd:run")
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


def _tags(sub: Subparsers) -> None:
    text = "list tags with their contacts and cadences, or set a tag's cadence"
    epilog = ("Everyone with a tag keeps in touch at its cadence, unless they have their own "
              "or another tag asks for a shorter one. A cadence set for many people at once "
              "makes at most 5 of them due in any week, oldest connection first. `netrhythm "
              "undo` takes it back.")
    p = _command(sub, "tags", help=text, description=text[0].upper() + text[1:] + ".",
                 handler="netrhythm.cli.tags_cmd:run")
    p.epilog = epilog
    tsub = p.add_subparsers(dest="action", metavar="ACTION")
    listing = _command(tsub, "list", help="every tag with its contacts and cadence (default)",
                       description="Every tag with its contacts and cadence.",
                       handler="netrhythm.cli.tags_cmd:run")
    for parser in (p, listing):
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    s = _command(tsub, "set", help="give a tag a keep-in-touch cadence, or none",
                 description="Give a tag a keep-in-touch cadence, or none.",
                 handler="netrhythm.cli.tags_cmd:run")
    s.epilog = epilog
    s.add_argument("tag", metavar="TAG", help="the tag (any case; a unique prefix will do)")
    s.add_argument("--every", metavar="DAYS", required=True,
                   help="keep in touch every DAYS days; none removes the tag's cadence")


COMMANDS: dict[str, Callable[[Subparsers], None]] = {
    "log": _log, "status": _status, "review": _review, "search": _search,
    "contacts": _contacts, "tags": _tags, "practices": _practices, "events": _events,
    "pause": _pause, "undo": _undo, "nudge": _nudge, "settings": _settings, "export": _export,
    "import": _import, "copy": _copy, "demo": _demo, "draft": _draft,
}


def version_text(db_path: str, backups: str, keymap: str) -> str:
    return (f"netrhythm {__version__}\ndatabase: {db_path}\nbackups: {backups}\n"
            f"keymap: {keymap}")
