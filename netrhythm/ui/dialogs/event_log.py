"""The Log form opened at an event: the event filled in, dated the day it was held.

Attending is preselected while it is not logged yet (and the event has happened), so logging
it with the people you met there is: type their names, Enter. Dismisses like the Log form.
"""

from __future__ import annotations

from textual.widgets import Input

from netrhythm.services.events import EventDetail
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.dialogs.log_action import LogDialog, LogPrefill


class EventLogDialog(LogDialog):
    """Log an action at ``detail.event``."""

    def __init__(self, detail: EventDetail, held: bool) -> None:
        attend = detail.practice is not None and detail.attended_on is None and held
        super().__init__(LogPrefill(detail.practice.slug if attend and detail.practice
                                    else "", (), detail.ref))
        self.detail = detail
        self.held = held

    def on_mount(self) -> None:
        # LogDialog.on_mount runs after this one (Textual calls both); it leaves the date be.
        if self.held and self.detail.event.held_on != ctx_of(self).today():
            self.query_one("#date", Input).value = self.detail.event.held_on.isoformat()
