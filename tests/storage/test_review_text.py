"""``review_text`` (plain SQL, for the nudge check) says what ``get_review`` says."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from netrhythm.services.context import open_context
from netrhythm.storage import settings
from netrhythm.storage.tables import database
from tests.helpers import run_cli


def test_review_text_is_the_reflection_of_get_review(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    assert run_cli(db, "review", "--week", "2026-W46", "--reflect", "first").code == 0
    assert run_cli(db, "review", "--week", "2026-W46", "--reflect", "second",
                   "--replace").code == 0
    assert run_cli(db, "review", "--week", "2026-W47", "--reflect", "").code == 0
    ctx = open_context(db)
    try:
        start = date(2026, 11, 2)
        for offset in range(0, 28):
            first = start + timedelta(days=offset)
            for length in (0, 6, 13):
                last = first + timedelta(days=length)
                review = settings.get_review(first, last)
                assert settings.review_text(first, last) == (review[0] if review else None)
        assert settings.review_text(date(2026, 11, 9), date(2026, 11, 15)) == "second"
    finally:
        ctx.close()
        database.close()
