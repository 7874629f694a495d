"""``nudge.show-minutes``: how long a notification stays on screen; validated, undoable, listed
by `netrhythm settings` (the Settings screen: tests/ui/test_settings_show_minutes.py)."""

from __future__ import annotations

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.notify import DEFAULT_SHOW_MINUTES
from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.services.undo import undo


def test_default_is_an_hour_as_the_delivery_assumes(ctx: Context) -> None:
    assert settings.DEFAULT_SHOW_MINUTES == DEFAULT_SHOW_MINUTES == 60
    assert settings.current(ctx)["nudge.show-minutes"] == "60"
    assert list(settings.current(ctx))[-1] == "nudge.show-minutes"


def test_set_and_undo(ctx: Context) -> None:
    said = settings.set_value(ctx, "nudge.show-minutes", " 90 ")
    assert said == "nudge.show-minutes: 90 (each notification expires after 90 minutes)."
    assert settings.show_minutes() == 90
    assert undo() == "set nudge.show-minutes to 90"
    assert settings.show_minutes() == 60


@pytest.mark.parametrize(("text", "message"), [
    ("0", "must be between 1 and 1440, not 0"),
    ("1441", "must be between 1 and 1440, not 1441"),
    ("ten", "'ten' is not a whole number"),
    ("", "is empty; give a whole number"),
])
def test_bad_values_are_refused_naming_the_setting(ctx: Context, text: str,
                                                   message: str) -> None:
    with pytest.raises(InputError) as caught:
        settings.set_value(ctx, "nudge.show-minutes", text)
    assert (caught.value.field, caught.value.message) == ("nudge.show-minutes", message)
    assert settings.show_minutes() == 60
