"""Practice queries and the weekly counts that streaks and scores are computed from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from peewee import fn

from netrhythm.domain.records import PracticeRec
from netrhythm.storage.tables import Action, Practice, database


def _rec(row: Practice) -> PracticeRec:
    return PracticeRec(
        id=row.id, name=row.name, slug=row.slug, prompt=row.prompt, target=row.target,
        period_weeks=row.period_weeks, reciprocity=row.reciprocity, position=row.position,
        archived=bool(row.archived), created_on=row.created_on,
    )


def list_practices(include_archived: bool = False) -> list[PracticeRec]:
    query = Practice.select().order_by(Practice.position, Practice.id)
    if not include_archived:
        query = query.where(Practice.archived == False)  # noqa: E712
    return [_rec(row) for row in query]


def get_practice(practice_id: int) -> PracticeRec:
    return _rec(Practice.get_by_id(practice_id))


def add_practice(**fields: Any) -> int:
    position = Practice.select(fn.COALESCE(fn.MAX(Practice.position), -1)).scalar() + 1
    return int(Practice.insert(position=position, **fields).execute())


def update_practice(practice_id: int, **fields: Any) -> None:
    Practice.update(**fields).where(Practice.id == practice_id).execute()


def delete_practice(practice_id: int) -> None:
    Practice.get_by_id(practice_id).delete_instance()


def count_actions(practice_id: int) -> int:
    return int(Action.select().where(Action.practice == practice_id).count())


def weekly_counts(week_start: int, until: date | None = None) -> dict[int, dict[int, int]]:
    """Actions per practice per week index, aggregated in SQL.

    The week index of a day number ``d`` (``date.toordinal()``) is ``(d - 1 - week_start) // 7``,
    the same formula as :func:`netrhythm.domain.weeks.week_index`.
    """
    sql = (
        "SELECT practice_id, (day - 1 - ?) / 7 AS week, count(*) FROM action "
        + ("WHERE day <= ? " if until else "")
        + "GROUP BY practice_id, week"
    )
    params: list[int] = [week_start] + ([until.toordinal()] if until else [])
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for practice_id, week, count in database.execute_sql(sql, params):
        counts[practice_id][week] = count
    return dict(counts)
