"""The reflection note of the Review screen: typed freely, saved by itself.

The text is saved in a thread worker shortly after typing stops, when the note loses focus,
when the week changes and when the screen is left. A reload of the screen (the app reloads
after every write, its own included) never overwrites what is being typed: the note only
takes the database's text when nothing typed is waiting to be saved. The saves of one editing
session (from focus to leaving the note) are one change for ``u`` (see ``save_reflection``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import DescendantBlur
from textual.timer import Timer
from textual.widgets import Label, TextArea

from netrhythm.domain.dates import format_day
from netrhythm.services.context import Context
from netrhythm.services.review.build import PROMPTS, Review, save_reflection
from netrhythm.ui.appref import app_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.key_hints import say_keys

DEBOUNCE = 0.8  # seconds after the last key
PLACEHOLDER = "A few lines answering the questions above. Saved as you type; " \
              "{review.reflection_done} when done."


@dataclass(frozen=True)
class Pending:
    """Text typed for a week and not saved yet; ``seq`` orders the saves, ``session`` groups
    them into one change for ``u``, ``showing`` tells whether the week was left since."""

    seq: int
    week: int
    text: str
    session: int
    showing: int


class Saver:
    """Writes reflections one at a time, newest wins: a save older than the last one written
    is skipped, so saves finishing out of order never bring back older text."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self._last: tuple[int, int] | None = None  # (session, week) of the last change

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def write(self, ctx: Context, pending: Pending | None) -> bool:
        """Save ``pending`` (any thread); False when there was nothing or it was stale."""
        if pending is None:
            return False
        with self.lock:
            if pending.seq <= self._written:
                return False
            key = (pending.session, pending.week)
            recorded = save_reflection(ctx, pending.week, pending.text, amend=self._last == key)
            self._written = pending.seq
            self._last = key if recorded else None
            return True


class ReflectionArea(TextArea):
    """The note itself: Escape leaves it; every other key types."""

    BINDINGS = [Binding("escape", "leave", "Done", id="review.reflection_done")]

    def action_leave(self) -> None:
        self.screen.focus_previous()  # the scrolling body that holds the note


class Reflection(Vertical):
    """The prompts, the note, and whether it is saved (in the border)."""

    def __init__(self, saver: Saver, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.saver = saver
        self.week: int | None = None
        self.base = ""  # the text the database holds for ``week`` (as far as we know)
        self.session = 0  # one per editing session: its saves are one change
        self.showing = 0  # one per week shown
        self._timer: Timer | None = None
        self._saving: str | None = None  # the text a save worker is writing
        self.area = ReflectionArea(id="reflection-text", compact=True, placeholder=PLACEHOLDER)

    def compose(self) -> ComposeResult:
        yield Label("  ".join(PROMPTS), id="reflection-prompts", markup=False)
        yield self.area  # kept: its text is still read when the app closes

    def on_mount(self) -> None:
        self.area.placeholder = say_keys(self.area, PLACEHOLDER)

    @property
    def typed(self) -> str:
        return self.area.text.strip()  # the database keeps it stripped

    def show(self, r: Review, today: date) -> None:
        """Show the week's saved note, unless what is typed for this week is newer."""
        self.border_title = f"Reflection · {r.name}"
        if r.week != self.week:
            self._stop_timer()
            self.week, self.base, self.session = r.week, r.reflection, self.session + 1
            self.showing += 1
            self._saving = None
            self.area.load_text(r.reflection)
            self.area.move_cursor(self.area.document.end)
        elif self.typed == self.base and r.reflection != self.base:
            self.base = r.reflection  # changed elsewhere (undo, the command line)
            self.area.load_text(r.reflection)
        elif self.typed == r.reflection:
            self.base = r.reflection
        if self.typed == self.base:
            self.border_subtitle = (f"saved {format_day(r.written_at.date(), today)} "
                                    f"{r.written_at:%H:%M}" if r.written_at and r.reflection
                                    else "not written yet")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._stop_timer()
        if self.week is None or self.typed == self.base:
            return
        self.border_subtitle = "editing…"
        self._timer = self.set_timer(DEBOUNCE, self.save_now)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def take_pending(self) -> Pending | None:
        """What is typed and not saved (nor being saved); the caller writes it."""
        self._stop_timer()
        if self.week is None or self.typed in (self.base, self._saving):
            return None
        self._saving = self.typed
        return Pending(self.saver.next_seq(), self.week, self.area.text, self.session,
                       self.showing)

    def save_now(self) -> None:
        """Save what is typed, in a thread worker."""
        pending = self.take_pending()
        if pending is None:
            return
        self.border_subtitle = "saving…"
        ctx = app_of(self).ctx
        in_thread(self, lambda: self.saver.write(ctx, pending),
                  lambda written: self.saved(pending, written),
                  group="review-reflection", exclusive=False, failed=self._failed)

    def saved(self, pending: Pending | None, written: bool) -> None:
        """A save finished (``written``: not skipped as stale)."""
        if pending is None:
            return
        self._saving = None
        if written and pending.showing == self.showing:
            self.base = pending.text.strip()
            self.border_subtitle = "saved just now"
            if self.typed != self.base and self._timer is None:
                self._timer = self.set_timer(DEBOUNCE, self.save_now)
        if written:
            app_of(self).data_changed()

    def _failed(self, exc: Exception) -> None:
        self._saving = None
        self.border_subtitle = "not saved"
        self.notify(f"The reflection was not saved: {exc}", severity="error", markup=False,
                    timeout=8)

    def end_session(self) -> None:
        """Save now; later typing is a new change for ``u``."""
        self.save_now()
        self.session += 1

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        self.end_session()

    def on_unmount(self) -> None:
        """The app is closing: what is typed is saved now, on this thread; a save worker
        started just before may never run. (Saving the same text twice is harmless.)"""
        self._saving = None
        try:
            self.saver.write(app_of(self).ctx, self.take_pending())
        except Exception:  # closing anyway: no screen is left to say it on
            pass
