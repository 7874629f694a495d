"""The words around a draft's facts: names, lists, spans of time, cleaned free text."""

from __future__ import annotations

from datetime import date

import pytest

from netrhythm.domain.draft_words import ago, clean, greeting_name, join_words, span, when_ahead


@pytest.mark.parametrize(("name", "greeted"), [
    ("Maria Chen", "Maria"),
    ("Dr. Maria Chen", "Maria"),
    ("Prof Dr Hans Müller", "Hans"),
    ("dr maria chen", "maria"),
    ('Robert "Bob" Smith', "Bob"),
    ("Robert “Bobby” Smith", "Bobby"),
    ("Chen, Maria", "Maria"),
    ("Maria Chen, PhD", "Maria"),
    ("María-José García", "María-José"),
    ("Oluwaseun", "Oluwaseun"),
    ("  Zoë   Müller ", "Zoë"),
    ("Dr.", "Dr"),
])
def test_greeting_uses_the_first_name_not_a_title(name: str, greeted: str) -> None:
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("items", "joined"), [
    ([], ""),
    (["Rust"], "Rust"),
    (["Rust", "Go"], "Rust and Go"),
    (["Rust", "Go", "Python"], "Rust, Go and Python"),
    (["Rust", "Go", "Python", "ML"], "Rust, Go, Python and ML"),
    (["Rust", "Rust", "Go"], "Rust and Go"),
])
def test_interests_read_as_english(items: list[str], joined: str) -> None:
    assert join_words(items) == joined


@pytest.mark.parametrize(("days", "when", "how_long"), [
    (0, "today", "a day"),
    (1, "yesterday", "a day"),
    (3, "a few days ago", "a few days"),
    (7, "last week", "a week"),
    (13, "last week", "a week"),
    (14, "two weeks ago", "two weeks"),
    (27, "three weeks ago", "three weeks"),
    (34, "last month", "about a month"),
    (50, "about two months ago", "about two months"),
    (92, "about three months ago", "about three months"),
    (334, "about eleven months ago", "about eleven months"),
    (400, "about a year ago", "about a year"),
    (800, "about two years ago", "about two years"),
    (5000, "about 14 years ago", "about 14 years"),
])
def test_time_since_in_words(days: int, when: str, how_long: str) -> None:
    assert ago(days) == when
    assert span(days) == how_long


def test_upcoming_days_in_words() -> None:
    today = date(2026, 11, 23)  # a Monday
    assert when_ahead(today, today) == "today"
    assert when_ahead(date(2026, 11, 24), today) == "tomorrow"
    assert when_ahead(date(2026, 11, 26), today) == "on Thursday"
    assert when_ahead(date(2026, 12, 12), today) == "on Saturday 12 December"


@pytest.mark.parametrize(("text", "cleaned"), [
    ("  Met at  PyData\nBerlin. ", "Met at PyData Berlin"),
    ("(PyCon 2024!)", "PyCon 2024"),
    ('"LinkedIn"', "LinkedIn"),
    ("(a) and (b)", "(a) and (b)"),
    (".NET Conf", ".NET Conf"),
    ("Node.js Conf.", "Node.js Conf"),
    ("Wait... what?!", "Wait. what"),
    ("a . , b", "a. b"),
    ("slides for {event}", "slides for (event)"),
    ("...", ""),
    (" - ", ""),
    (")a (", "a"),
])
def test_facts_are_cleaned_to_fit_a_sentence(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
