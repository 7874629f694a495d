"""The netrhythm app: its screens, the keys that work everywhere, undo, and outside writes.

``build_app(ctx)`` makes the app (tests and the screenshot script use it too;
``cli.app.make_app`` starts it). Screens and dialogs call services in thread workers
(``ui.background``); after any write, ``data_changed()`` makes the visible screens reload.
Writes made by other processes (a ``netrhythm log`` in another terminal) are noticed by
polling SQLite's ``PRAGMA data_version``.
Only the Week screen and its stylesheet are loaded up front; other screens, dialogs and the
palette are imported when first used, each bringing its own stylesheet, so the first frame
comes sooner.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from netrhythm.services.context import Context
from netrhythm.services.undo import undo
from netrhythm.ui.background import in_thread
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.settings_theme import ThemeMemory

SCREENS = Binding.Group("Go")  # one footer entry for the screen keys: "w c v E , Go"


def _contacts_screen() -> Screen[None]:
    from netrhythm.ui.screens.contacts import ContactsScreen

    return ContactsScreen()


def _review_screen() -> Screen[None]:
    from netrhythm.ui.screens.review import ReviewScreen

    return ReviewScreen()


def _events_screen() -> Screen[None]:
    from netrhythm.ui.screens.events import EventsScreen

    return EventsScreen()


def _settings_screen() -> Screen[None]:
    from netrhythm.ui.screens.settings import SettingsScreen

    return SettingsScreen()


def _commands() -> type[Provider]:
    from netrhythm.ui.commands import NetrhythmCommands

    return NetrhythmCommands


class NetrhythmApp(App[int]):
    """Keep professional networking a weekly habit."""

    TITLE = "netrhythm"
    CSS_PATH = [sheet("app"), sheet("week")]  # the others come with their screens
    # The Week screen is the default screen, not one of MODES: Textual re-parses every
    # stylesheet when it first opens a MODES screen (5-10 ms of the first frame). It
    # becomes the "week" mode once it is shown (``on_mount``).
    MODES = {"contacts": _contacts_screen, "review": _review_screen,
             "events": _events_screen, "settings": _settings_screen}
    DEFAULT_MODE = "week"
    COMMANDS = App.COMMANDS | {_commands}
    BINDINGS = [
        Binding("w", "switch_mode('week')", "Week", group=SCREENS, id="app.week"),
        Binding("c", "switch_mode('contacts')", "Contacts", group=SCREENS, id="app.contacts"),
        Binding("v", "switch_mode('review')", "Review", group=SCREENS, id="app.review"),
        Binding("E", "switch_mode('events')", "Events", group=SCREENS, id="app.events"),
        Binding("comma", "switch_mode('settings')", "Settings", key_display=",", group=SCREENS,
                id="app.settings"),
        Binding("l", "log", "Log", show=False, id="app.log"),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, ctx: Context, *, poll_seconds: float = 0.5,
                 cursor_blink: bool = True, nudge_seconds: float | None = None) -> None:
        super().__init__()
        self.nudge_seconds = nudge_seconds  # None: no nudge checks (tests, screenshots)
        self.ctx = ctx
        self.poll_seconds = poll_seconds
        self.cursor_blink = cursor_blink  # off in tests and screenshots: stable pictures
        self.generation = 0  # counts data changes; screens reload when theirs is older
        self._seen_version = -1
        self._today = ctx.today()
        self.theme_memory = ThemeMemory(self, ctx)  # the saved theme, now; changes get saved

    def get_default_screen(self) -> WeekScreen:
        return WeekScreen()

    def on_mount(self) -> None:
        self.add_mode("week", WeekScreen)  # its stack already holds the default screen
        self.theme_memory.start()
        # Timers: noticing other processes' writes, and the same nudge check as `netrhythm nudge`.
        self._seen_version = self.ctx.read_data_version()
        self.set_interval(self.poll_seconds, self.check_outside_writes)
        if self.nudge_seconds:
            self.set_timer(3, self.check_nudges)
            self.set_interval(self.nudge_seconds, self.check_nudges)

    def check_nudges(self) -> None:
        """Send the nudges that are due (desktop delivery blocks: a thread) and show each as a
        toast. Keys are claimed in the nudge log first, so a scheduler never doubles up."""
        in_thread(self, self._send_nudges, self._nudged, group="nudges")

    def _send_nudges(self) -> list[tuple[str, str, bool]]:
        from netrhythm.services.nudges import check as nudges

        sent, _ = nudges.send_due(self.ctx, nudges.desktop)
        return [(s.nudge.title, s.nudge.message, s.nudge.rule == "summary") for s in sent]

    def _nudged(self, sent: list[tuple[str, str, bool]]) -> None:
        """One toast: a nudge's own, or for several, a line for each (its title; for the
        summary of the rest, its "Also due: …"): stacked toasts would cover an 80x24 screen."""
        if len(sent) == 1:
            title, message, _ = sent[0]
            self.notify(message, title=title, markup=False, timeout=12)
        elif sent:
            lines = [f"• {message if summary else title}" for title, message, summary in sent]
            self.notify("\n".join(lines), title="Nudges", markup=False, timeout=12)

    def check_outside_writes(self) -> None:
        """Reload when another connection has committed (a cheap PRAGMA, on this thread), or
        when the day has changed (days left, what is due)."""
        try:
            version = self.ctx.read_data_version()
        except Exception:  # a locked or vanished file: try again on the next tick
            return
        if version != self._seen_version or self.ctx.today() != self._today:
            self._today = self.ctx.today()
            self.data_changed()

    def data_changed(self) -> None:
        """The database changed: reload the visible screens; others reload when shown."""
        self.generation += 1
        self._seen_version = self.ctx.read_data_version()
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                screen.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters == (self.current_mode,):
            return False  # no "Week" key on the Week screen
        return True

    def action_log(self, practice: str = "", contact_id: int = 0, event: str = "") -> None:
        """Open the Log form, prefilled with a practice (slug), a contact (id), an event."""
        from netrhythm.ui.dialogs.log_action import LogDialog, LogPrefill

        prefill = LogPrefill(practice, (contact_id,) if contact_id else (), event)
        self.push_screen(LogDialog(prefill), self._logged)

    def _logged(self, description: str | None) -> None:
        if description:
            self.notify(description, title="Logged", markup=False)
            self.data_changed()

    def action_open_contact(self, contact_id: int) -> None:
        from netrhythm.ui.screens.contact_detail import ContactDetailScreen

        self.switch_mode("contacts")
        self.push_screen(ContactDetailScreen(contact_id))

    def action_new_contact(self) -> None:
        from netrhythm.ui.dialogs.contact_form import ContactFormDialog

        self.push_screen(ContactFormDialog(None), self._contact_saved)

    def _contact_saved(self, result: tuple[str, int] | None) -> None:
        if result:
            self.notify(result[0], markup=False)
            self.data_changed()

    def action_undo(self) -> None:
        in_thread(self, undo, self._undone, group="undo")

    def _undone(self, description: str | None) -> None:
        if description is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self.notify(f"Undid: {description}.", title="Undo", markup=False)
        self.data_changed()

    def action_help(self) -> None:
        from netrhythm.ui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog())


NUDGE_SECONDS = 300.0  # the open app checks for nudges every five minutes


def build_app(ctx: Context, *, poll_seconds: float = 0.5, cursor_blink: bool = True,
              nudge_seconds: float | None = None) -> NetrhythmApp:
    """The app on an open context (tests pass a context with a fixed clock)."""
    return NetrhythmApp(ctx, poll_seconds=poll_seconds, cursor_blink=cursor_blink,
                        nudge_seconds=nudge_seconds)
