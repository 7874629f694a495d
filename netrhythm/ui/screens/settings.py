"""The Settings screen: practices at the top; general settings, paused weeks, nudges and
drafts (your name, the tone, the templates) below.

The practices table takes n, e (or Enter), a, d, K/J; the boxes below take Up/Down and Enter,
which edits the value in place (a Select or an Input; Space flips a switch or a paused week).
Every change goes through the same services as `netrhythm settings`, `netrhythm practices`
and `netrhythm pause`, is one undoable change (``u``), and makes the other screens recompute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content

from netrhythm.domain.draft_templates import KINDS
from netrhythm.domain.errors import InputError
from netrhythm.domain.weeks import week_name
from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.services.drafts.templates import template_text
from netrhythm.services.practices import PracticeLine, practice_lines
from netrhythm.services.tracking.pause import PauseLine, parse_pause_week, pause_lines, set_paused
from netrhythm.services.tracking.week_start import WeekStartChange, change_text, week_start_change
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.key_hints import undo_hint
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.footer import AppFooter
from netrhythm.ui.widgets.settings_data import DataBox
from netrhythm.ui.widgets.settings_list import SettingsList
from netrhythm.ui.widgets.settings_practice_actions import PracticeActions
from netrhythm.ui.widgets.settings_practices import PracticeTable
from netrhythm.ui.widgets.settings_spec import (
    DRAFTS,
    GENERAL,
    NUDGES,
    PAUSE_ADD,
    TEMPLATES,
    draft_rows,
    general_rows,
    label_of,
    nudge_rows,
    pause_rows,
    shown,
)


@dataclass(frozen=True)
class SettingsData:
    practices: list[PracticeLine]
    values: dict[str, str]
    weeks: list[PauseLine]
    own_templates: int  # kinds of draft with the user's own template


def settings_data(ctx: Context) -> SettingsData:
    return SettingsData(practice_lines(), settings.current(ctx), pause_lines(ctx),
                        sum(template_text(kind)[1] for kind in KINDS))


class SettingsScreen(PracticeActions, DataScreen):
    """Practices, week start, paused weeks, nudges, theme and drafts."""

    CSS_PATH = sheet("settings")

    def __init__(self) -> None:
        super().__init__(id="settings")
        self.data: SettingsData | None = None
        self.pending_edit: str | None = None  # asked for before the rows were loaded

    def compose(self) -> ComposeResult:
        with Vertical(id="practices-box") as box:
            box.border_title = "Practices"
            box.border_subtitle = "n new · e edit · a archive · d delete · K/J move"
            yield PracticeTable(id="practice-table")
        with Horizontal(id="settings-body"):
            with Vertical(id="settings-left"):
                yield SettingsList("General", id="general")
                paused = SettingsList("Paused weeks", id="paused")
                paused.border_subtitle = "streaks neither break nor grow"
                yield paused
                yield DataBox(id="data")
            with Vertical(id="settings-right"):
                yield SettingsList("Nudges", id="nudges")
                yield SettingsList("Drafts", id="drafts")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(PracticeTable).focus()

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        ctx = self.ctx
        in_thread(self, lambda: settings_data(ctx), self.show, group="settings-load")

    def show(self, data: SettingsData) -> None:
        self.data = data
        self.query_one(PracticeTable).set_lines(data.practices)
        themes = self.app.available_themes
        self.query_one("#general", SettingsList).set_rows(general_rows(data.values, themes))
        self.query_one("#paused", SettingsList).set_rows(pause_rows(data.weeks))
        self.query_one("#nudges", SettingsList).set_rows(nudge_rows(data.values))
        self.query_one("#drafts", SettingsList).set_rows(draft_rows(data.values,
                                                                    data.own_templates))
        self.napp.theme_memory.sync(data.values.get("theme", ""))
        self.refresh_bindings()
        if self.pending_edit is not None:
            self.call_after_refresh(self.action_edit_setting, self.pending_edit)
            self.pending_edit = None

    # -- settings ---------------------------------------------------------------------------
    def on_settings_list_submitted(self, event: SettingsList.Submitted) -> None:
        box, key, text = event.settings_list, event.key, event.text
        ctx, undo = self.ctx, undo_hint(self)
        if key == "theme":
            try:
                settings.check_theme(text)
            except InputError as exc:  # a theme not offered, kept from an older version
                box.fail(key, f"{label_of(key)}: {exc.message}")
                return
            self.app.theme = text  # ThemeMemory saves it
            box.finish(key)
            self.notify(f"Theme: {text}. {undo_hint(self)}", markup=False)
            return
        if key == TEMPLATES:
            from netrhythm.ui.dialogs.draft_templates import TemplatesDialog

            self.app.push_screen(TemplatesDialog(), self._templates_closed)
            return
        if key == PAUSE_ADD:
            self._save(box, key, lambda: _pause(ctx, parse_pause_week(ctx, text), True, undo))
            return
        if key.startswith("pause:"):
            week = int(key.removeprefix("pause:"))
            self._save(box, key, lambda: _pause(ctx, week, text == "paused", undo))
            return
        if key == "week-start" and text != (self.data.values.get(key) if self.data else text):
            self._confirm_week_start(box, text)
            return
        self._save_setting(box, key, text)

    def _save_setting(self, box: SettingsList, key: str, text: str) -> None:
        ctx, undo = self.ctx, undo_hint(self)
        kind = {**GENERAL, **NUDGES, **DRAFTS}.get(key, ("", "", ""))[1]

        def save() -> str:
            settings.set_value(ctx, key, text)
            value = settings.current(ctx).get(key, text)
            return f"{label_of(key)}: {shown(kind, value).plain}. {undo}"

        self._save(box, key, save)

    def _confirm_week_start(self, box: SettingsList, text: str) -> None:
        """Say what a new week start recounts (streaks can break) and change it only on yes."""
        ctx = self.ctx

        def ask(change: WeekStartChange) -> None:
            from netrhythm.ui.dialogs.confirm import ConfirmDialog

            question = Content.assemble(
                change_text(change), ("\n" + undo_hint(self, afterwards=True), "$text-muted"))

            def answered(yes: bool | None) -> None:
                if yes:
                    self._save_setting(box, "week-start", text)
                else:
                    box.cancel()

            self.app.push_screen(ConfirmDialog(question, "Change", "Change the week start?"),
                                 answered)

        def failed(exc: Exception) -> None:
            if isinstance(exc, InputError):
                box.fail("week-start", f"{label_of('week-start')}: {exc.message}")
            else:
                report_error(self, exc)

        in_thread(self, lambda: week_start_change(ctx, settings.weekday(text, "week-start")),
                  ask, group="settings-save", failed=failed)

    def _templates_closed(self, message: str | None) -> None:
        if message:
            self.notify(message, markup=False)
            self.napp.data_changed()

    def _save(self, box: SettingsList, key: str, job: Callable[[], str]) -> None:
        def done(message: str) -> None:
            box.finish(key)
            self.notify(message, markup=False)
            self.napp.data_changed()

        def failed(exc: Exception) -> None:
            if isinstance(exc, InputError):
                box.fail(key, f"{label_of(key)}: {exc.message}")
            else:
                box.cancel()
                report_error(self, exc)

        in_thread(self, job, done, group="settings-save", failed=failed)

    def action_edit_setting(self, key: str) -> None:
        """Start editing the setting ``key`` (``week-start``, ``nudge.cap`` …), as Enter does."""
        if self.data is None:
            self.pending_edit = key
            return
        for box in self.query(SettingsList):
            if box.row(key) is not None:
                box.focus()
                box.action_edit(key)
                return

    def action_pause_week(self, week: str = "this", paused: bool = True) -> None:
        """Pause (or resume) a week given as text: ``this``, ``next``, ``2026-W52``, a date."""
        ctx = self.ctx
        box = self.query_one("#paused", SettingsList)
        self._save(box, PAUSE_ADD, lambda: _pause(ctx, parse_pause_week(ctx, week), paused,
                                                   undo_hint(self)))


def _pause(ctx: Context, week: int, paused: bool, undo: str) -> str:
    """Pause or resume ``week``; what happened, ending with ``undo`` (how to undo it)."""
    name = week_name(week, ctx.read_week_start())
    changed = set_paused(ctx, week, paused)
    if paused:
        return (f"Week {name} paused: streaks neither break nor grow. {undo}"
                if changed else f"Week {name} was already paused.")
    return f"Week {name} resumed. {undo}" if changed else f"Week {name} was not paused."
