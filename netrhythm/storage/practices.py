"""Practice queries and the weekly counts that streaks and scores are computed from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from peewee import fn

from netrhythm.domain.records import PracticeRec
from netrhythm.storage.tables import Action, Practice, database

_COLUMNS = ("id, name, slug, prompt, target, period_weeks, reciprocity, position, archived, "
            "created_on")


def _rec(row: Practice) -> PracticeRec:
    return PracticeRec(
        id=row.id, name=row.name, slug=row.slug, prompt=row.prompt, target=row.target,
        period_weeks=row.period_weeks, reciprocity=row.reciprocity, position=row.position,
        archived=bool(row.archived), created_on=row.created_on,
    )


def list_practices(include_archived: bool = False) -> list[PracticeRec]:
    where = "" if include_archived else "WHERE NOT archived "
    rows = database.execute_sql(
        f"SELECT {_COLUMNS} FROM practice {where}ORDER BY position, id").fetchall()
    return [
        PracticeRec(id=i, name=n, slug=s, prompt=pr, target=t, period_weeks=pw,
                    reciprocity=r, position=po, archived=bool(a), created_on=_day(c))
        for i, n, s, pr, t, pw, r, po, a, c in rows
    ]


def first_created_on() -> date | None:
    """The day the first practice was created (the database's first day); None without any."""
    row = database.execute_sql("SELECT min(created_on) FROM practice").fetchone()
    return _day(row[0]) if row and row[0] is not None else None


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


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


def action_counts() -> dict[int, int]:
    """Actions per practice id, in one aggregate query."""
    rows = database.execute_sql("SELECT practice_id, count(*) FROM action GROUP BY practice_id")
    return {practice_id: count for practice_id, count in rows}


def weekly_counts(week_start: int, until: date | None = None,
                  practice_id: int | None = None) -> dict[int, dict[int, int]]:
    """Actions per practice per week index, aggregated in SQL (one practice's only, when
    ``practice_id`` is given).

    The week index of a day number ``d`` (``date.toordinal()``) is ``(d - 1 - week_start) // 7``,
    the same formula as :func:`netrhythm.domain.weeks.week_index`. Whole weeks come from
    ``week_count`` (kept by triggers, see migration 0002) when it holds this week start; the
    week of ``until`` is counted from the actions up to ``until``.
    """
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    kept = database.execute_sql("SELECT week_start FROM week_count_start WHERE id = 1").fetchone()
    if kept is None or kept[0] != week_start:
        return _count_actions(week_start, until, practice_id)
    one = "" if practice_id is None else "practice_id = ? AND "
    mine: list[int] = [] if practice_id is None else [practice_id]
    if until is None:
        where = "" if practice_id is None else " WHERE practice_id = ?"
        rows = database.execute_sql(f"SELECT practice_id, week, n FROM week_count{where}", mine)
    else:
        last_week = (until.toordinal() - 1 - week_start) // 7
        first_day = last_week * 7 + week_start + 1
        rows = database.execute_sql(
            f"SELECT practice_id, week, n FROM week_count WHERE {one}week < ? UNION ALL "
            f"SELECT practice_id, ?, count(*) FROM action WHERE {one}day BETWEEN ? AND ? "
            "GROUP BY practice_id",
            [*mine, last_week, last_week, *mine, first_day, until.toordinal()])
    for practice_id_, week, count in rows:
        counts[practice_id_][week] = count
    return dict(counts)


def week_of(day: str, week_start: str) -> str:
    """SQL for the week index of the day number ``day`` (SQL expressions both): a floor
    division like Python's ``//`` in :func:`netrhythm.domain.weeks.week_index`. SQLite's ``/``
    truncates toward zero, which differs for negative numbers (a day before the first week
    start of year 1): ``x - ((x % 7) + 7) % 7`` is the multiple of 7 at or below ``x``."""
    x = f"({day} - 1 - {week_start})"
    return f"(({x} - (({x} % 7) + 7) % 7) / 7)"


def _count_actions(week_start: int, until: date | None,
                   practice_id: int | None = None) -> dict[int, dict[int, int]]:
    """``weekly_counts`` from the actions themselves (about 20 ms for 60,000)."""
    where, params = ["1 = 1"], [week_start]
    if practice_id is not None:
        where.append("practice_id = ?")
        params.append(practice_id)
    if until is not None:
        where.append("day <= ?")
        params.append(until.toordinal())
    sql = (f"SELECT practice_id, {week_of('day', '?')} AS week, count(*) FROM action "
           f"WHERE {' AND '.join(where)} GROUP BY practice_id, week")
    params.insert(0, week_start)  # week_of names the week start twice
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for practice_id_, week, count in database.execute_sql(sql, params):
        counts[practice_id_][week] = count
    return dict(counts)
