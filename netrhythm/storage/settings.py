"""Settings (JSON values by key), paused weeks and week reviews (the nudge log: nudge_log.py)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from netrhythm.storage.tables import PausedWeek, Setting, WeekReview, database


def get_setting(key: str, default: Any = None) -> Any:
    # Plain SQL: services read settings (the week start) many times per screen.
    row = database.execute_sql("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(key: str, value: Any) -> None:
    Setting.insert(key=key, value=json.dumps(value)).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: json.dumps(value)}).execute()


def paused_days() -> list[date]:
    return [date.fromisoformat(str(d)[:10])
            for (d,) in database.execute_sql("SELECT week_start FROM paused_week")]


def set_paused(first_day: date, last_day: date, paused: bool) -> bool:
    """Pause or resume the week spanning the two dates; False when nothing changed."""
    existing = PausedWeek.delete().where(PausedWeek.week_start.between(first_day, last_day))
    if not paused:
        return bool(existing.execute())
    if PausedWeek.select().where(PausedWeek.week_start.between(first_day, last_day)).exists():
        return False
    PausedWeek.insert(week_start=first_day).execute()
    return True


def get_review(first_day: date, last_day: date) -> tuple[str, datetime] | None:
    """The reflection saved for the week ``first_day``..``last_day`` and when it was written
    (plain SQL: the nudge check reads two on the command line's fast path)."""
    row = database.execute_sql(
        "SELECT reflection, written_at FROM week_review WHERE week_start BETWEEN ? AND ? "
        "ORDER BY written_at DESC LIMIT 1", [first_day.isoformat(), last_day.isoformat()],
    ).fetchone()
    return (str(row[0]), datetime.fromisoformat(str(row[1]))) if row else None


def review_text(first_day: date, last_day: date) -> str | None:
    """Only the reflection of ``get_review``."""
    review = get_review(first_day, last_day)
    return review[0] if review else None


def save_review(first_day: date, last_day: date, reflection: str, now: datetime) -> None:
    WeekReview.delete().where(WeekReview.week_start.between(first_day, last_day)
                              & (WeekReview.week_start != first_day)).execute()
    WeekReview.insert(week_start=first_day, reflection=reflection, written_at=now).on_conflict(
        conflict_target=[WeekReview.week_start],
        update={WeekReview.reflection: reflection, WeekReview.written_at: now}).execute()
