"""The Week screen on a newcomer's day one, and the Tags dialog (issue 18).

After 1,000 LinkedIn connections were imported with ``--tag linkedin`` and the tag given a
90-day cadence (tests/transfer/day_one.py), the Week screen shows none of them gone cold, and
"who next" offers at most 3 of them, each with its reason: here, the oldest connections at
Acme, Inc., where Maria Chen works (reached out to last week).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.services.context import Context, open_context
from netrhythm.storage.contacts import list_tags, tag_members
from netrhythm.ui.app import build_app
from netrhythm.ui.dialogs.tags import TagsDialog
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.form_field import FormField
from tests.transfer.day_one import build_day_one
from tests.ui.helpers import screen_text, settle, type_text

DAY_ONE = datetime(2026, 11, 26, 12, 0)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_day_one(tmp_path_factory.mktemp("day-one"))[0]


@pytest.fixture
def day_one(template: Path, tmp_path: Path) -> Iterator[Context]:
    path = tmp_path / "n.db"
    shutil.copyfile(template, path)
    ctx = open_context(path, FixedClock(DAY_ONE))
    yield ctx
    ctx.close()


async def test_week_screen_shows_none_gone_cold_and_three_new_people_with_reasons(
        day_one: Context) -> None:
    linkedin = set(tag_members("linkedin"))
    app = build_app(day_one, cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen) and screen.view is not None
        view = screen.view
        assert [c.name for c in view.status.gone_cold] == ["Carla Mendes"]
        new = [s for s in view.who_next if s.kind == "new"]
        assert len(new) == 3 and {s.contact_id for s in new} <= linkedin
        # people at the companies of those talked to lately (services.contacts.fresh's rule 2;
        # among them, the oldest connections first)
        reasons = {"at Acme, Inc., like Maria Chen (you talked Wed 18 Nov)",
                   "at Globex, like Ana Ruiz (you talked Thu 12 Nov)"}
        assert all(s.reason in reasons for s in new), [s.reason for s in new]
        assert not [s for s in view.who_next if s.kind != "new" and s.contact_id in linkedin
                    and s.kind == "cold"]
        text = screen_text(pilot)
        for s in new:  # wide: each with its reason (as much as the panel holds)
            assert f"{s.name}  {s.reason[:12]}" in text
        assert "Carla Mendes  2d overdue" in text
    narrow = build_app(day_one, cursor_blink=False)
    async with narrow.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(pilot)
        # the reasons, short (cut to the panel)
        assert text.count("  at Acme, In") + text.count("  at Globex") == 3


async def test_tags_dialog_sets_a_cadence_and_u_undoes_it(day_one: Context) -> None:
    def linkedin() -> tuple[str, int | None, int]:
        return next((n, c, k) for n, c, k, _ in list_tags() if n == "linkedin")

    app = build_app(day_one, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagsDialog)
        text = screen_text(pilot)
        assert "linkedin" in text and "1000" in text and "every 90 days" in text
        row = [t.name for t in app.screen.tags].index("linkedin")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "every"
        await type_text(pilot, "x")  # replaces the 90 selected in the field
        await pilot.press("enter")
        await settle(pilot)
        field = app.screen.query_one("#field-every", FormField)
        assert field.error == "'x' is not a whole number, or none for no cadence"
        assert linkedin() == ("linkedin", 90, 1000)  # nothing changed
        await pilot.press("backspace")
        await type_text(pilot, "30")
        await pilot.press("enter")
        await settle(pilot)
        assert linkedin() == ("linkedin", 30, 1000)
        assert "every 30 days" in screen_text(pilot)
        assert app.focused is not None and app.focused.id == "tags-table"
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, TagsDialog)
        assert linkedin() == ("linkedin", 90, 1000)
        assert "every 90 days" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TagsDialog)
