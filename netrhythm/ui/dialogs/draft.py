"""The draft dialog (``y`` on a contact): a message ready to send, in an editable text area.

The draft comes from the same service as ``netrhythm draft`` and starts on the practice
``start_practice`` picks (a due follow-up, else the practice the screen suggests, else the one
most often logged with them, else reach out); the Select switches practice and writes the
draft again. Letters type text; ctrl+c copies the whole draft (or the selection) to the
clipboard with OSC 52, which some terminals ignore; ctrl+s logs the practice with the contact,
the text as it stands kept as the action's note (``u`` takes it back); Escape cancels.
Dismisses with a line saying what was logged, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Select, TextArea

from netrhythm.domain.errors import InputError
from netrhythm.domain.records import PracticeRec
from netrhythm.services import choices
from netrhythm.services.drafts.compose import DraftResult, draft_for
from netrhythm.services.tracking.log import Logged, LogRequest, log_action
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.key_hints import say_keys, undo_hint
from netrhythm.ui.sheets import sheet

KEYS = "{draft.copy} copies · {draft.log} logs it as the note · {draft.cancel} cancels"
OSC52 = "Copying uses OSC 52, which some terminals ignore: then select with the mouse."


class DraftDialog(ModalScreen[str | None]):
    """Draft a message to one contact; copy it, log it, or cancel."""

    CSS_PATH = sheet("dialogs")
    AUTO_FOCUS = "#draft-text"  # letters type text from the start

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="draft.cancel"),
        Binding("ctrl+c", "copy", "Copy", id="draft.copy"),
        Binding("ctrl+s", "log", "Log", id="draft.log"),
    ]

    def __init__(self, contact_id: int, nudged: str = "") -> None:
        super().__init__(id="draft-dialog")
        self.contact_id = contact_id
        self.nudged = nudged  # the practice the screen suggests (a slug), if any
        self.practices: list[PracticeRec] = []
        self.result: DraftResult | None = None
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="draft-box") as box:
            box.border_title = "Draft"
            with Horizontal(id="draft-for"):
                yield Label("For", classes="field-label")
                yield Select[str]([], prompt="Choose a practice", compact=True,
                                  id="draft-practice")
            yield TextArea(soft_wrap=True, read_only=True, placeholder="Writing the draft…",
                           id="draft-text")
            yield Label(say_keys(self, KEYS), classes="dialog-keys", id="draft-keys")
            yield Label(OSC52, id="draft-osc52")

    def on_mount(self) -> None:
        area = self.query_one("#draft-text", TextArea)
        area.cursor_blink = bool(getattr(self.app, "cursor_blink", True))  # off: stable pictures
        ctx, contact_id, nudged = ctx_of(self), self.contact_id, self.nudged or None

        def load() -> tuple[list[PracticeRec], DraftResult]:
            return choices.practices(), draft_for(ctx, contact_id, nudged=nudged)

        in_thread(self, load, self._loaded, group="draft-load", failed=self._load_failed)

    def _loaded(self, loaded: tuple[list[PracticeRec], DraftResult]) -> None:
        self.practices, result = loaded
        select = self.query_one("#draft-practice", Select)
        select.set_options([(Text(p.name), p.slug) for p in self.practices])
        self._show(result)

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, InputError):  # the contact is gone (deleted in another terminal)
            self.notify(exc.message, title="No draft", severity="warning", markup=False)
            self.dismiss(None)
        else:
            report_error(self, exc)

    def _show(self, result: DraftResult) -> None:
        previous, self.result = self.result, result
        self.query_one("#draft-box").border_title = Content.assemble(
            "Draft to ", Content(result.contact))  # a name is never markup
        if result.practice is not None:
            with self.prevent(Select.Changed):
                self.query_one("#draft-practice", Select).value = result.practice.slug
        area = self.query_one("#draft-text", TextArea)
        edited = previous is not None and area.text != previous.text
        area.read_only = False
        if edited:  # an edit of its own, so that ctrl+z brings the typed text back
            area.replace(result.text, area.document.start, area.document.end)
            self.notify(f"The draft for {result.practice.name if result.practice else 'it'} "
                        "replaced your text; ctrl+z brings it back.", markup=False)
        else:
            area.load_text(result.text)
        area.move_cursor(area.document.end)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Another practice: write the draft for it (text typed meanwhile: ctrl+z undoes)."""
        chosen = next((p for p in self.practices if p.slug == event.value), None)
        if chosen is None or self.result is None or chosen == self.result.practice:
            return
        ctx, contact_id = ctx_of(self), self.contact_id
        in_thread(self, lambda: draft_for(ctx, contact_id, chosen), self._show,
                  group="draft-load")

    @property
    def text(self) -> str:
        return self.query_one("#draft-text", TextArea).text

    def action_copy(self) -> None:
        """The selection when there is one, else the whole draft, to the clipboard."""
        area = self.query_one("#draft-text", TextArea)
        text = area.selected_text or area.text
        if self.result is None or not text.strip():
            self.notify("Nothing to copy yet.", markup=False)
            return
        self.app.copy_to_clipboard(text)
        what = "the selection" if area.selected_text else "the draft"
        self.notify(f"Copied {what} ({len(text)} characters). If nothing pastes, your "
                    "terminal ignores OSC 52: select the text with the mouse.",
                    title="Copied", markup=False)

    def action_log(self) -> None:
        if self.result is None or self.saving:
            return
        value = self.query_one("#draft-practice", Select).value
        if not isinstance(value, str):
            self.notify("Choose a practice to log.", severity="warning", markup=False)
            return
        request = LogRequest(practice=value, contacts=[f"#{self.contact_id}"], note=self.text)
        ctx = ctx_of(self)
        self.saving = True
        in_thread(self, lambda: log_action(ctx, request), self._logged, group="draft-log",
                  failed=self._log_failed)

    def _logged(self, logged: Logged) -> None:
        self.saving = False
        text = logged.description[0].upper() + logged.description[1:]
        due = f"; follow-up due {logged.follow_up_due}" if logged.follow_up_due else ""
        self.dismiss(f"{text}, the draft kept as its note{due}. {undo_hint(self)}")

    def _log_failed(self, exc: Exception) -> None:
        self.saving = False
        if isinstance(exc, InputError):
            self.notify(f"Not logged: {exc.message}", severity="warning", markup=False)
        else:
            report_error(self, exc)

    def action_cancel(self) -> None:
        self.dismiss(None)
