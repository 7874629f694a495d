"""One contact: every field, tags, the give/ask balance, follow-ups and the timeline of actions.

Side by side on wide terminals, stacked on narrow ones. ``e`` edit, ``a`` archive or restore,
``d`` delete (after confirming), ``l`` log an action with them,
``y`` draft a message to them, Escape goes back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Static

from netrhythm.domain.errors import InputError
from netrhythm.services.contacts.manage import ContactDetail, show_contact
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.contact_actions import ContactActions
from netrhythm.ui.key_hints import keys_of
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.contact_sections import (
    balance_text,
    fields_text,
    follow_ups_text,
    timeline_text,
    title_text,
)
from netrhythm.ui.widgets.footer import AppFooter


class ContactDetailScreen(ContactActions, DataScreen):
    """Everything about one contact."""

    CSS_PATH = sheet("contacts")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [  # in the key bar in this order, as far as there is room
        Binding("escape", "back", "Back", id="contact.back"),
        Binding("l", "log_with", "Log with", id="contact.log"),
        Binding("y", "draft_with", "Draft", id="contact.draft"),
        Binding("e", "edit_contact", "Edit", id="contact.edit"),
        Binding("a", "archive_contact", "Archive", id="contact.archive"),
        Binding("d,delete", "delete_contact", "Delete", id="contact.delete"),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__(id="contact-detail")
        self.contact_id = contact_id
        self.detail: ContactDetail | None = None

    def compose(self) -> ComposeResult:
        yield Label("Loading…", id="contact-title")
        with Horizontal(id="detail-body"):
            with VerticalScroll(id="detail-fields"):
                yield Static(id="fields")
                yield Static(id="balance")
            with VerticalScroll(id="detail-history"):
                yield Static(id="follow-ups-list")
                yield Static(id="timeline")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#detail-fields").border_title = "Details"
        self.query_one("#detail-history").border_title = "Follow-ups and timeline"

    def load(self) -> None:
        ctx, ref = self.ctx, f"#{self.contact_id}"
        in_thread(self, lambda: show_contact(ctx, ref), self.show, group="contact-load",
                  failed=self._gone)

    def _gone(self, exc: Exception) -> None:
        if isinstance(exc, InputError):
            self.notify("That contact no longer exists.", markup=False)
            self.dismiss()
        else:
            report_error(self, exc)

    def show(self, detail: ContactDetail) -> None:
        self.detail = detail
        today = self.ctx.today()
        self.query_one("#contact-title", Label).update(title_text(detail, today))
        self.query_one("#fields", Static).update(fields_text(detail, today))
        self.query_one("#balance", Static).update(balance_text(detail))
        self.query_one("#follow-ups-list", Static).update(follow_ups_text(detail, today))
        self.query_one("#timeline", Static).update(
            timeline_text(detail, today, keys_of(self, "contact.log")))
        self.refresh_bindings()

    def selected(self) -> tuple[int, str, bool] | None:
        if self.detail is None:
            return None
        c = self.detail.contact
        return c.id, c.name, c.archived

    def _after_delete(self) -> None:
        self.dismiss()

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import_contacts":
            return False
        return super().check_action(action, parameters)
