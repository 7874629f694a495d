"""Storage's SQL, written once with SQLite's placeholders, as psycopg takes it: ``?`` in order,
``?N`` by number (repeated as often as used), ``%`` doubled, quoted text left alone."""

from __future__ import annotations

from netrhythm.storage.dialect import POSTGRES, SQLITE, to_server


def test_placeholders_in_order_become_psycopgs() -> None:
    assert to_server("SELECT a FROM t WHERE a = ? AND b IN (?, ?)", [1, 2, 3]) == (
        "SELECT a FROM t WHERE a = %s AND b IN (%s, %s)", [1, 2, 3])


def test_numbered_placeholders_take_their_parameter_each_time() -> None:
    sql, params = to_server("SELECT ?2, ?1 WHERE x < ?1 AND y = ?3", ["a", "b", "c"])
    assert sql == "SELECT %s, %s WHERE x < %s AND y = %s"
    assert params == ["b", "a", "a", "c"]


def test_percent_signs_and_quoted_question_marks_stay_what_they_were() -> None:
    sql, params = to_server("SELECT x % 7, '100%?', \"a?b\" FROM t WHERE n LIKE ? "
                            "ESCAPE '\\'", ["%x%"])
    assert sql == "SELECT x %% 7, '100%%?', \"a?b\" FROM t WHERE n LIKE %s ESCAPE '\\'"
    assert params == ["%x%"]


def test_the_two_dialects_spell_the_same_ideas() -> None:
    assert SQLITE.day("c.met_on") == "CAST(julianday(c.met_on) - 1721424.5 AS INTEGER)"
    assert POSTGRES.day("c.met_on") == "((c.met_on)::date - DATE '0001-01-01' + 1)"
    assert SQLITE.join_names("t.name", "t.id") == "group_concat(t.name, char(31))"
    assert POSTGRES.join_names("t.name", "t.id") == \
        "string_agg((t.name)::text, chr(31) ORDER BY t.id)"
