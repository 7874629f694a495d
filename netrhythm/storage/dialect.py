"""The few pieces of SQL that differ between SQLite and PostgreSQL, in one place.

Storage writes its hand-made SQL once, with SQLite's placeholders (``?`` or ``?1``), and takes
from the :class:`Dialect` in use the expressions the two spell differently: a date as a day
number (``date.toordinal()``), a list of ids or words passed as one JSON parameter, string
aggregation, and "holds a character outside printable ASCII". Everything else is SQL both
accept (booleans are tested as truths, ``NOT c.archived``, never compared with 0 or 1).
On PostgreSQL, :func:`to_server` turns the placeholders into psycopg's (``%s``) once per
statement text. Which database is in use is the storage's concern alone: nothing outside
storage asks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from netrhythm.storage.file_checks import APPLICATION_ID


class Dialect(NamedTuple):
    """How one database spells what SQL does not standardise; each is an SQL fragment."""

    name: str
    day_of: str  # {} an ISO date (text on SQLite, a date on PostgreSQL) -> its day number
    ints: str  # {} a parameter holding a JSON list of integers -> a one-column subquery
    texts: str  # {} a parameter holding a JSON list of strings -> a one-column subquery
    joined: str  # {0} values, {1} a separator (SQL), {2} an order -> one text (aggregate)
    unit: str  # the unit separator (character 31) as SQL, to join names that hold commas
    non_ascii: str  # {} a text -> true when it holds a character outside printable ASCII
    lower_ascii: str  # {} a text -> it with ASCII letters lowered (SQLite's lower())
    nocase: str  # {} a text -> it as SQLite's NOCASE orders it (ASCII case folded, bytes)
    larger: str  # {0}, {1} -> the larger of two values (neither NULL)
    smaller: str  # {0}, {1} -> the smaller of two values (neither NULL)
    date_of_day: str  # {} a day number -> that date (ISO text on SQLite)
    plus_days: str  # {0} a date, {1} a number of days -> the date that many days later
    like: str  # LIKE that ignores ASCII case, as SQLite's does
    unindexed: str  # {} a column -> the same value, that SQLite's planner will not look up
    in_order: str  # a join that keeps the order written (SQLite's CROSS JOIN; needs ON)
    insert_or_ignore: str  # the verb of an INSERT that skips rows a unique key already holds
    or_ignore: str  # and its tail
    ids_taken: str  # {} a table whose rows were given their ids -> SQL so new rows get new ones
    ids_free: tuple[str, ...]  # {} a table -> SQL that holds its ids until commit, then a query
    # of the first id no one holds (the file's write lock holds them already; a server's other
    # machines may have taken ids from the sequence that are not in the table yet)
    snapshot: str  # run first in a transaction so that all its reads see one moment ("": they do)
    take_turns: str  # {} a number naming what is written -> SQL run first in a write transaction
    # so that those writing it take turns until commit ("": SQLite's writers always do)
    server: bool  # PostgreSQL (contact search: FTS5 here, storage.server_search there)

    def day(self, expr: str) -> str:
        return self.day_of.format(expr)

    def int_list(self, param: str) -> str:
        return self.ints.format(param)

    def text_list(self, param: str) -> str:
        return self.texts.format(param)

    def join(self, expr: str, order: str, separator: str = "','") -> str:
        """``expr`` of the rows aggregated, joined in ``order`` (SQLite: the order of the index
        it reads, which each caller's ``order`` names)."""
        return self.joined.format(expr, separator, order)

    def join_names(self, expr: str, order: str) -> str:
        """``expr`` joined by the unit separator (split on "\\x1f" in Python), in ``order``."""
        return self.joined.format(expr, self.unit, order)

    def has_non_ascii(self, expr: str) -> str:
        return self.non_ascii.format(expr)

    def by_name(self, expr: str) -> str:
        return self.nocase.format(expr)

    def max2(self, a: str, b: str) -> str:
        return self.larger.format(a, b)

    def min2(self, a: str, b: str) -> str:
        return self.smaller.format(a, b)

    def date_from_day(self, expr: str) -> str:
        return self.date_of_day.format(expr)

    def add_days(self, day: str, days: str) -> str:
        return self.plus_days.format(day, days)


SQLITE = Dialect(
    name="sqlite",
    day_of="CAST(julianday({}) - 1721424.5 AS INTEGER)",
    ints="SELECT value FROM json_each({})",
    texts="SELECT value FROM json_each({})",
    joined="group_concat({0}, {1})",
    unit="char(31)",
    non_ascii="{} GLOB '*[^ -~]*'",
    lower_ascii="lower({})",
    nocase="{} COLLATE NOCASE",
    larger="max({0}, {1})",
    smaller="min({0}, {1})",
    date_of_day="date(({}) + 1721424.5)",
    plus_days="date({0}, '+' || ({1}) || ' days')",
    like="LIKE",
    unindexed="+{}",
    in_order="CROSS JOIN",
    insert_or_ignore="INSERT OR IGNORE",
    or_ignore="",
    ids_taken="",  # SQLite takes the next id from the table itself
    ids_free=('SELECT coalesce(max(id), 0) + 1 FROM "{0}"',),
    snapshot="",  # a read transaction reads one snapshot from its first read on
    take_turns="",  # BEGIN IMMEDIATE holds the file's write lock: one writer at a time
    server=False,
)
POSTGRES = Dialect(
    name="postgresql",
    day_of="(({})::date - DATE '0001-01-01' + 1)",
    ints="SELECT value::bigint FROM json_array_elements_text(({})::json)",
    texts="SELECT value FROM json_array_elements_text(({})::json)",
    joined="string_agg(({0})::text, {1} ORDER BY {2})",
    unit="chr(31)",
    non_ascii="{} ~ '[^ -~]'",
    lower_ascii='lower(({})::text COLLATE "C")',
    nocase='lower(({})::text COLLATE "C")',
    larger="greatest({0}, {1})",
    smaller="least({0}, {1})",
    date_of_day="(DATE '0001-01-01' + ({})::integer - 1)",  # (integers may be bigint)
    plus_days="(({0})::date + ({1})::integer)",
    like="ILIKE",
    unindexed="{}",
    in_order="JOIN",
    insert_or_ignore="INSERT",
    or_ignore=" ON CONFLICT DO NOTHING",
    ids_taken="SELECT setval(pg_get_serial_sequence('\"{0}\"', 'id'), "
              "coalesce(max(id), 0) + 1, false) FROM \"{0}\"",
    ids_free=('LOCK TABLE "{0}" IN SHARE ROW EXCLUSIVE MODE',
              "SELECT greatest(coalesce(max(id), 0), coalesce(pg_sequence_last_value("
              "pg_get_serial_sequence('\"{0}\"', 'id')::regclass), 0)) + 1 FROM \"{0}\""),
    snapshot="SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    # An advisory lock held until commit, in netrhythm's key space (its application id); a
    # pair of keys, apart from the single key that guards the schema (storage.server.LOCK).
    take_turns=f"SELECT pg_advisory_xact_lock({APPLICATION_ID}, {{}})",
    server=True,
)


def current() -> Dialect:
    """The dialect of the database storage is using now."""
    from netrhythm.storage.tables import database

    return POSTGRES if getattr(database.obj, "param", "?") == "%s" else SQLITE


# Quoted text, a placeholder (?, ?N) or a percent sign. Compiled by a server's first statement,
# not at import: compiling it took 0.4 ms, which every command on a file would pay.
_TOKENS = r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?(\d*)|%"


@lru_cache(maxsize=512)
def _translate(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """``sql`` with psycopg's placeholders, and which parameter each takes (None: in order)."""
    import re

    order: list[int] = []
    numbered = False

    def swap(m: re.Match[str]) -> str:
        nonlocal numbered
        text = m.group(0)
        if text == "%":
            return "%%"
        if text[0] in "'\"":
            return text.replace("%", "%%")
        if m.group(1):
            numbered = True
            order.append(int(m.group(1)) - 1)
        else:
            order.append(len(order))
        return "%s"

    return re.sub(_TOKENS, swap, sql), tuple(order) if numbered else None


def to_server(sql: str, params: Any) -> tuple[str, Any]:
    """A statement written for SQLite (``?``, ``?1``) as psycopg takes it (``%s``)."""
    text, order = _translate(sql)
    if order is not None and params is not None:
        params = [params[i] for i in order]
    return text, params
