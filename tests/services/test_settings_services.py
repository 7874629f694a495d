"""The services behind the Settings screen: practice lines, moving, paused-week lines, and a
theme read that stays cheap at start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.services import practices as svc
from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.pause import parse_pause_week, pause_lines, set_paused
from netrhythm.services.undo import undo


def names() -> list[str]:
    return [line.practice.name for line in svc.practice_lines()]


def test_practice_lines_list_archived_practices_with_their_action_counts(ctx: Context) -> None:
    log_action(ctx, LogRequest("give-value"))
    log_action(ctx, LogRequest("give-value", date="yesterday"))
    svc.set_archived(ctx, "give-value")
    lines = {line.practice.slug: line for line in svc.practice_lines()}
    assert lines["give-value"].practice.archived and lines["give-value"].actions == 2
    assert lines["reach-out"].actions == 0
    assert svc.action_count("give-value") == 2


def test_move_practice_moves_archived_ones_too_and_says_when_it_cannot(ctx: Context) -> None:
    svc.set_archived(ctx, "attend-event")
    assert svc.move_practice(ctx, "attend-event", -1) is True
    assert names() == ["Reach out", "Give value", "Attend an event", "Follow up"]
    assert svc.move_practice(ctx, "reach-out", -1) is False
    assert undo() == "moved practice Attend an event up"
    assert names()[-1] == "Attend an event"


def test_pause_lines_show_this_and_next_week_then_later_then_earlier(ctx: Context) -> None:
    for text in ("2026-W52", "2026-W30", "2026-W40"):
        set_paused(ctx, parse_pause_week(ctx, text), True)
    set_paused(ctx, parse_pause_week(ctx, "next"), True)
    lines = pause_lines(ctx)
    assert [(x.name, x.when, x.paused) for x in lines] == [
        ("2026-W48", "this week", False), ("2026-W49", "next week", True),
        ("2026-W52", "in 4 weeks", True), ("2026-W40", "8 weeks ago", True),
        ("2026-W30", "18 weeks ago", True),
    ]
    assert lines[0].label == "Mon 23 Nov – Sun 29 Nov 2026"


def test_pause_lines_follow_the_week_start(ctx: Context) -> None:
    settings.set_value(ctx, "week-start", "sunday")
    assert pause_lines(ctx)[0].name == "2026-11-22"
    assert pause_lines(ctx)[0].label == "Sun 22 Nov – Sat 28 Nov 2026"


def test_a_week_that_is_not_a_week_names_the_field(ctx: Context) -> None:
    with pytest.raises(InputError) as caught:
        parse_pause_week(ctx, "someday")
    assert caught.value.field == "week"


def test_week_start_is_read_fresh_after_a_change(ctx: Context) -> None:
    assert ctx.read_week_start() == 0
    settings.set_value(ctx, "week-start", "sunday")
    assert ctx.read_week_start() == 6
    undo()
    assert ctx.read_week_start() == 0


def test_reading_the_theme_does_not_import_the_nudge_rules() -> None:
    code = ("import sys, netrhythm.services.settings as s; "
            "print('netrhythm.domain.nudges' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
