"""Every theme offered is legible: on each main screen with the demo data, every text the app
draws (``$text-muted``, the dates, the key bar, the highlighted row, placeholders, buttons)
has WCAG AA contrast, 4.5:1, against the background it is drawn on, as rendered.

One app per screen goes through the themes (a new theme restyles the screen, about 0.3 s);
the screens run in parallel under ``pytest -n``.
"""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from netrhythm.services.context import Context
from netrhythm.services.settings import THEMES
from netrhythm.ui.app import build_app
from tests.ui.contrast import failures, measure
from tests.ui.helpers import settle

SIZE = (120, 36)
# screen: keys from the Week screen
SCREENS = {"week": (), "contacts": ("c",), "contact": ("c", "down", "enter"), "review": ("v",),
           "events": ("E",), "settings": ("comma",), "log": ("1",), "help": ("question_mark",)}


@pytest.mark.parametrize("screen", SCREENS)
async def test_every_offered_theme_reads_on(screen: str, demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in SCREENS[screen]:
            await pilot.press(key)
            await settle(pilot)
        # Measuring, not saving: no database write (and reload) for each theme.
        app.theme_changed_signal.unsubscribe(app)
        problems = []
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            background = app.get_css_variables()["background"]
            assert app.screen.styles.background.hex.lower()[:7] == background.lower()[:7] \
                or isinstance(app.screen, ModalScreen), f"{theme} not applied"
            # a dialog: its box (the screen behind it is faded on purpose)
            region = app.screen.query_one(".dialog").region \
                if isinstance(app.screen, ModalScreen) else None
            cells = measure(app, region)
            assert len(cells) > 2, f"{theme}: nothing measured on {screen}"
            problems += [f"{theme}: {c.text!r} {c.fg} on {c.bg} is {c.ratio}:1, needs "
                         f"{c.needed}:1 ({c.style})" for c in failures(cells)]
        assert not problems, f"on {screen}:\n" + "\n".join(problems)
