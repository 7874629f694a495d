"""The netrhythm app: its screens, the keys that work everywhere, undo, and outside writes.

``build_app(ctx)`` makes the app (tests and the screenshot script use it too;
``cli.app.make_app`` starts it). Screens and dialogs call services in thread workers
(``ui.background``); after any write, ``data_changed()`` makes the visible screens reload.
Writes made by other processes (a ``netrhythm log`` in another terminal) are noticed by
polling SQLite's ``PRAGMA data_version``; a write of the app's own reloads once, whether the
poll or the write's ``data_changed()`` sees it first.
Only the Week screen and its stylesheet are loaded up front; other screens, dialogs and the
palette are imported when first used, each bringing its own stylesheet, so the first frame
comes sooner.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from threading import Thread

from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.filter import LineFilter
from textual.message import Message
from textual.screen import Screen

from netrhythm.services.context import Context
from netrhythm.services.settings import NOT_OFFERED
from netrhythm.services.undo import undo
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.legible import legible_variables
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.terminal_text import ControlCharacters
from netrhythm.ui.widgets.settings_theme import ThemeMemory


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
        Binding("w", "switch_mode('week')", "Week", id="app.week"),
        Binding("c", "switch_mode('contacts')", "Contacts", id="app.contacts"),
        Binding("v", "switch_mode('review')", "Review", id="app.review"),
        Binding("E", "switch_mode('events')", "Events", id="app.events"),
        Binding("comma", "switch_mode('settings')", "Settings", key_display=",",
                id="app.settings"),
        Binding("l", "log", "Log", show=False, id="app.log"),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, ctx: Context, *, poll_seconds: float = 0.5,
                 cursor_blink: bool = True, nudge_seconds: float | None = None,
                 keymap_path: Path | None = None) -> None:
        super().__init__()
        self.keymap_path = keymap_path  # the user's keys (``ui.keymap``); None: the defaults
        self.keymap: dict[str, str] = {}  # binding id: keys, as the file gave them
        self.shown_keys: dict[str, str] = {}  # binding id: its keys as shown ("ctrl+n")
        self.nudge_seconds = nudge_seconds  # None: no nudge checks (tests, screenshots)
        self.nudge_thread: Thread | None = None  # the nudge check running now, if any
        self.ctx = ctx
        self.poll_seconds = poll_seconds
        self.cursor_blink = cursor_blink  # off in tests and screenshots: stable pictures
        self.generation = 0  # counts data changes; screens reload when theirs is older
        self._seen_version = -1
        self._today = ctx.today()
        for name in NOT_OFFERED:  # nor in the palette's "Theme" list (``services.settings``)
            self.unregister_theme(name)
        self.theme_memory = ThemeMemory(self, ctx)  # the saved theme, now; changes get saved
        self._control_filter = ControlCharacters()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables with its text colours made readable (``ui.legible``)."""
        return legible_variables(super().get_css_variables())

    def get_default_screen(self) -> WeekScreen:
        return WeekScreen()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps control characters from the data off
        the terminal (:mod:`netrhythm.ui.terminal_text`)."""
        return [*super().get_line_filters(), self._control_filter]

    def on_mount(self) -> None:
        self.add_mode("week", WeekScreen)  # its stack already holds the default screen
        self.theme_memory.start()
        self.load_keymap()
        # Timers: noticing other processes' writes, and the same nudge check as `netrhythm nudge`.
        self._seen_version = self.ctx.read_data_version()
        self.set_interval(self.poll_seconds, self.check_outside_writes)
        if self.nudge_seconds:
            self.set_timer(3, self.check_nudges)
            self.set_interval(self.nudge_seconds, self.check_nudges)

    def load_keymap(self) -> None:
        """Apply the user's keymap file, or say what is wrong with it and keep the defaults."""
        if self.keymap_path is None or not self.keymap_path.exists():
            return
        from netrhythm.ui.keymap import load_keymap, shown_keys

        self.keymap, problem = load_keymap(self.keymap_path)
        self.set_keymap(self.keymap)
        self.shown_keys = shown_keys(self, self.keymap)  # before the Week screen is composed
        if problem:
            self.notify(problem, title="Keymap not used", severity="error", markup=False,
                        timeout=30)

    def check_nudges(self) -> None:
        """Run the same nudge check as `netrhythm nudge` (claims, delivery, withdrawal) and show
        what it sent as a toast, which counts as shown. One check at a time.

        Delivery can block (5 s a notification, 30 s a check): the check runs in a daemon
        thread of its own, not a Textual thread worker, because quitting waits for those (the
        event loop's executor is joined at exit) and must never wait on a notification server.
        A check cut off by quitting leaves a claim that the next run takes over.
        """
        if self.nudge_thread is not None and self.nudge_thread.is_alive():
            return
        self.nudge_thread = Thread(target=self._nudge_in_thread, name="netrhythm-nudges",
                                   daemon=True)
        self.nudge_thread.start()

    def _nudge_in_thread(self) -> None:
        from netrhythm.services.nudges.check import run_check

        try:
            result: object = run_check(self.ctx, toast=True)
        except Exception as exc:  # shown as a toast, never a crash
            result = exc
        finally:
            self.ctx.close()  # this thread's connection
        try:
            self.post_message(self.NudgesChecked(result))
        except RuntimeError:  # the app has closed its loop: nothing to show
            pass

    class NudgesChecked(Message):
        """A nudge check finished (in its thread): its ``CheckResult``, or the error."""

        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    def on_netrhythm_app_nudges_checked(self, message: NudgesChecked) -> None:
        """One toast for what the check sent (a failed delivery, retried later, only the
        first time): a nudge's own, or for several, a line for each (its title; for the
        summary of the rest, its "Also due: …"): stacked toasts would cover an 80x24 screen."""
        from netrhythm.services.nudges.check import CheckResult

        if isinstance(message.result, Exception):
            report_error(self, message.result)
            return
        if not isinstance(message.result, CheckResult):
            return
        sent = [(o.nudge.title, o.nudge.message, o.nudge.rule == "summary")
                for o in message.result.outcomes if o.status != "failed" or o.print_now]
        if len(sent) == 1:
            title, text, _ = sent[0]
            self.notify(text, title=title, markup=False, timeout=12)
        elif sent:
            lines = [f"• {text if summary else title}" for title, text, summary in sent]
            self.notify("\n".join(lines), title="Nudges", markup=False, timeout=12)

    def check_outside_writes(self) -> None:
        """Every ``poll_seconds``: reload when the database changed (another process wrote to
        it) or the day did (days left, what is due)."""
        if self.ctx.today() != self._today:
            self._today = self.ctx.today()
            self.reload_screens()
        else:
            self.data_changed()

    def data_changed(self) -> None:
        """Reload if the database changed since the last reload: called after the app's own
        writes and by the poll. ``PRAGMA data_version`` (a cheap read on this thread's
        connection) moves with every commit of another connection, the app's worker threads
        included: whichever of the two comes first reloads, the other finds nothing new."""
        try:
            version = self.ctx.read_data_version()
        except Exception:  # a locked or vanished file: the poll tries again
            return
        if version != self._seen_version:
            self._seen_version = version
            self.reload_screens()

    def reload_screens(self) -> None:
        """Reload the visible screens; the others reload when shown."""
        self.generation += 1
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                screen.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters == (self.current_mode,):
            return False  # no "Week" key on the Week screen
        return True

    def action_log(self, practice: str = "", contact_id: int = 0, event: str = "",
                   nudged: str = "") -> None:
        """Open the Log form, prefilled with a practice (slug), a contact (id), an event;
        ``nudged``: the practice a nudge named (with a contact, the form starts on the one
        ``start_practice`` chooses)."""
        from netrhythm.ui.dialogs.log_action import LogDialog, LogPrefill

        prefill = LogPrefill(practice, (contact_id,) if contact_id else (), event, nudged)
        self.push_screen(LogDialog(prefill), self._logged)

    def action_draft(self, contact_id: int, nudged: str = "") -> None:
        """Open the draft dialog for a contact (``nudged``: the practice a screen suggests)."""
        from netrhythm.ui.dialogs.draft import DraftDialog

        self.push_screen(DraftDialog(contact_id, nudged), self._logged)

    def _logged(self, description: str | None) -> None:
        if description:
            self.notify(description, markup=False)  # "Logged …": a title would repeat it
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
        self.notify(f"Undid: {description}.", markup=False)
        self.data_changed()

    def action_help(self) -> None:
        from netrhythm.ui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog())


NUDGE_SECONDS = 300.0  # the open app checks for nudges every five minutes


def build_app(ctx: Context, *, poll_seconds: float = 0.5, cursor_blink: bool = True,
              nudge_seconds: float | None = None,
              keymap_path: Path | None = None) -> NetrhythmApp:
    """The app on an open context (tests pass a context with a fixed clock); the user's
    keys from ``keymap_path`` if given (``netrhythm`` gives ``paths.keymap_path()``)."""
    return NetrhythmApp(ctx, poll_seconds=poll_seconds, cursor_blink=cursor_blink,
                        nudge_seconds=nudge_seconds, keymap_path=keymap_path)
