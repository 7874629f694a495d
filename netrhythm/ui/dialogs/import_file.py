"""Import a file and show the summary: contacts (vCard, LinkedIn, Google or plain CSV) from
the Contacts screen, events (iCalendar .ics) from the Events screen (``ImportKind``).

Laid out as every form is: a labelled field per value, what is wrong under the field it is
about. Type a path: it is checked as you type. Preview runs a dry run; Enter, ctrl+s or Import
writes. The import runs in a thread worker, and its summary lines, or the error naming the line
to fix, are shown literally (a new error clears the previous summary). Escape closes; the
dialog dismisses with the summary text of the last real import, or None when nothing was
imported; `u` on the screen then reverts it.
Only services, domain and Textual are imported here: the UI never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from netrhythm.domain.errors import InputError
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import ImportSummary, import_contacts
from netrhythm.services.transfer.summary import UNDO_LINE
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.form_field import FormField, TextInput

HINT = "vCard, LinkedIn Connections.csv, Google or plain CSV"


class Summary(Protocol):
    """What an import returns: its lines, and whether it was a dry run."""

    dry_run: bool

    def lines(self) -> list[str]: ...


@dataclass(frozen=True)
class ImportKind:
    """What the dialog imports: its title and hints, and the service that runs the import
    (context, path, dry run, the optional second field's text or None)."""

    title: str
    hint: str
    example: str  # the path field's placeholder
    extra_label: str  # the optional second field's label
    extra: str  # the optional second field's placeholder
    extra_flags: tuple[str, ...]  # the names a service's error gives the second field
    run: Callable[[Context, Path, bool, str | None], Summary]


def _contacts(ctx: Context, path: Path, dry_run: bool, tag: str | None) -> ImportSummary:
    return import_contacts(ctx, path, dry_run=dry_run, tag=tag)


def _calendar(ctx: Context, path: Path, dry_run: bool, match: str | None) -> Summary:
    from netrhythm.services.calendars.importer import import_calendar

    return import_calendar(ctx, path, dry_run=dry_run, match=match or "")


CONTACTS = ImportKind("Import contacts", HINT, "e.g. ~/Downloads/Connections.csv", "Tag",
                      "tag every imported contact (optional)", ("--tag", "tag"), _contacts)
CALENDAR = ImportKind("Import events",
                      ".ics from Meetup, Luma, Eventbrite, Google, Outlook",
                      "e.g. ~/Downloads/calendar.ics", "Only if",
                      "name, place or description has (optional)",
                      ("--match", "match"), _calendar)
UNDO_IN_APP = "u reverts this import (once this dialog is closed)."


def check_path(text: str) -> tuple[Path | None, str]:
    """The file a typed path names, or None and what is wrong with it."""
    if not text.strip():
        return None, ""
    path = Path(text.strip()).expanduser()
    if not path.exists():
        return None, "No such file."
    if path.is_dir():
        return None, "That is a folder; give a file."
    return path, ""


class ImportDialog(ModalScreen[str | None]):
    """A file path prompt, Preview and Import buttons, and the import summary."""

    CSS_PATH = sheet("dialogs")

    DEFAULT_CSS = """
    ImportDialog { align: center middle; background: $background 60%; }
    #import-status { color: $text-muted; width: 1fr; }
    #import-summary { height: auto; max-height: 16; margin-top: 1; }
    #import-summary Label { width: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="import.close"),
        Binding("ctrl+s", "run", "Import", id="import.run"),
    ]

    def __init__(self, ctx: Context | None = None, kind: ImportKind = CONTACTS) -> None:
        super().__init__(id="import-dialog")
        self._ctx = ctx
        self.kind = kind
        self.result_text: str | None = None
        self.busy = False

    @property
    def ctx(self) -> Context:
        return self._ctx if self._ctx is not None else self.app.ctx  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import") as box:
            box.border_title = self.kind.title
            yield FormField("File", TextInput(placeholder=self.kind.example, id="import-path"),
                            self.kind.hint, id="field-import-path")
            yield FormField(self.kind.extra_label,
                            TextInput(placeholder=self.kind.extra, id="import-tag"),
                            id="field-import-tag")
            yield Label("", id="import-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", compact=True, id="import-run")
                yield Button("Preview", compact=True, id="import-preview")
                yield Button("Close", compact=True, id="import-close")
            yield VerticalScroll(id="import-summary")
            yield Label(say_keys(self, "Enter or {import.run} imports · {import.close} closes · "
                                       "{app.undo} then reverts the import"),
                        classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @property
    def error(self) -> str:
        """What is wrong, as shown under its field ("" when nothing is)."""
        return " ".join(f.error for f in self.query(FormField).results(FormField) if f.error)

    def _error(self, text: str, field: str = "import-path") -> None:
        """Show ``text`` under ``field`` (clearing every other error and the summary of an
        earlier run, which no longer applies), or clear the errors when ``text`` is empty."""
        for each in self.query(FormField).results(FormField):
            each.clear_error()
        self._status("")
        if text:
            self.query_one(f"#field-{field}", FormField).show_error(text)
            self.query_one("#import-summary", VerticalScroll).remove_children()

    def _status(self, text: str) -> None:
        self.query_one("#import-status", Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "import-path":
            self._error(check_path(event.value)[1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start(dry_run=False)

    def action_run(self) -> None:
        self.start(dry_run=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import-close":
            self.action_close()
        else:
            self.start(dry_run=event.button.id == "import-preview")

    def start(self, dry_run: bool) -> None:
        """Check the path, then run the import (or the preview) in a thread."""
        path, problem = check_path(self.query_one("#import-path", Input).value)
        if path is None:
            self._error(problem or "Type the path of the file to import.")
            return
        if self.busy:
            return
        self.busy = True
        extra = self.query_one("#import-tag", Input).value.strip() or None
        self._error("")
        self._status("Previewing…" if dry_run else "Importing…")
        ctx, run = self.ctx, self.kind.run

        def job() -> None:
            try:
                summary = run(ctx, path, dry_run, extra)
            except InputError as exc:
                self.app.call_from_thread(self._failed, f"{exc.field}: {exc.message}",
                                          exc.field)
            except Exception as exc:  # shown in the dialog, never a crash
                self.app.call_from_thread(self._failed, f"{exc.__class__.__name__}: {exc}", "")
            else:
                self.app.call_from_thread(self._show, summary)

        self.run_worker(job, thread=True, exclusive=True, group="import", exit_on_error=False)

    def _failed(self, message: str, field: str) -> None:
        self.busy = False
        where = "import-tag" if field in self.kind.extra_flags else "import-path"
        self._error(f"Nothing was imported. {message}", where)

    def _show(self, summary: Summary) -> None:
        self.busy = False
        self._error("")
        lines = [UNDO_IN_APP if line == UNDO_LINE else line for line in summary.lines()]
        if not summary.dry_run:
            self.result_text = "\n".join(lines)
        box = self.query_one("#import-summary", VerticalScroll)
        box.remove_children()
        box.mount_all([Label(line, markup=False) for line in lines])

    def action_close(self) -> None:
        self.dismiss(self.result_text)
