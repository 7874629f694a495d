"""Import a file and show the summary: contacts (vCard, LinkedIn, Google or plain CSV) from
the Contacts screen, events (iCalendar .ics) from the Events screen (``ImportKind``).

Type a path: it is checked as you type. Preview runs a dry run; Enter or Import writes. The
import runs in a thread worker, and its summary lines, or the error naming the line to fix, are
shown literally. Escape closes; the dialog dismisses with the
summary text of the last real import, or None when nothing was imported.
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
from netrhythm.ui.sheets import sheet

HINT = "vCard (.vcf), LinkedIn Connections.csv, Google Contacts CSV or a CSV with a header"


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
    extra: str  # the optional second field's placeholder
    run: Callable[[Context, Path, bool, str | None], Summary]


def _contacts(ctx: Context, path: Path, dry_run: bool, tag: str | None) -> ImportSummary:
    return import_contacts(ctx, path, dry_run=dry_run, tag=tag)


def _calendar(ctx: Context, path: Path, dry_run: bool, match: str | None) -> Summary:
    from netrhythm.services.calendars.importer import import_calendar

    return import_calendar(ctx, path, dry_run=dry_run, match=match or "")


CONTACTS = ImportKind("Import contacts", HINT, "path to the file, e.g. ~/Downloads/Connections.csv",
                      "tag every imported contact (optional)", _contacts)
CALENDAR = ImportKind("Import events",
                      "An iCalendar file (.ics) from Meetup, Luma, Eventbrite, Google or Outlook",
                      "path to the file, e.g. ~/Downloads/calendar.ics",
                      "only events whose name, place or description contains (optional)",
                      _calendar)


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
    #import { width: 84; }
    #import-error { color: $error; width: 1fr; }
    #import-summary { height: auto; max-height: 16; margin-top: 1; }
    #import-summary Label { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="import.close")]

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
            yield Label(self.kind.hint, classes="dialog-keys", markup=False)
            yield Input(placeholder=self.kind.example, id="import-path")
            yield Input(placeholder=self.kind.extra, id="import-tag")
            yield Label("", id="import-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", compact=True, id="import-run")
                yield Button("Preview", compact=True, id="import-preview")
                yield Button("Close", compact=True, id="import-close")
            yield VerticalScroll(id="import-summary")
            yield Label("Enter imports · Esc closes · `undo` reverts an import",
                        classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def _error(self, text: str) -> None:
        self.query_one("#import-error", Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "import-path":
            self._error(check_path(event.value)[1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
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
        self._error("Previewing…" if dry_run else "Importing…")
        ctx, run = self.ctx, self.kind.run

        def job() -> None:
            try:
                summary = run(ctx, path, dry_run, extra)
            except InputError as exc:
                self.app.call_from_thread(self._failed, f"{exc.field}: {exc.message}")
            except Exception as exc:  # shown in the dialog, never a crash
                self.app.call_from_thread(self._failed, f"{exc.__class__.__name__}: {exc}")
            else:
                self.app.call_from_thread(self._show, summary)

        self.run_worker(job, thread=True, exclusive=True, group="import", exit_on_error=False)

    def _failed(self, message: str) -> None:
        self.busy = False
        self._error(f"Nothing was imported. {message}")

    def _show(self, summary: Summary) -> None:
        self.busy = False
        self._error("")
        lines = summary.lines()
        if not summary.dry_run:
            self.result_text = "\n".join(lines)
        box = self.query_one("#import-summary", VerticalScroll)
        box.remove_children()
        box.mount_all([Label(line, markup=False) for line in lines])

    def action_close(self) -> None:
        self.dismiss(self.result_text)
