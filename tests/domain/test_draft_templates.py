"""Draft templates: sentences, alternatives, several templates, and what is refused."""

from __future__ import annotations

import pytest

from netrhythm.domain.draft_templates import DEFAULT_TEMPLATES, KINDS, parse_templates
from netrhythm.domain.errors import InputError


def test_sentences_alternatives_and_templates() -> None:
    (first, second) = parse_templates(
        "We met at {event}. | Hello again. Shall we talk about {interests}?\n"
        "Dr. Chen says hi!\n---\nOnly this one {peer}. Fine.")
    assert [[c.text for c in slot.choices] for slot in first.slots] == [
        ["We met at {event}.", "Hello again."], ["Shall we talk about {interests}?"],
        ["Dr. Chen says hi!"]]
    assert first.facts == {"event", "interests"}
    assert [[c.text for c in slot.choices] for slot in second.slots] == [
        ["Only this one {peer}."], ["Fine."]]


def test_name_is_always_known() -> None:
    (template,) = parse_templates("Hello {name}, how are you?")
    assert template.facts == frozenset()


def test_an_unknown_placeholder_is_refused_and_named() -> None:
    with pytest.raises(InputError) as caught:
        parse_templates("We met at {evnt}. Hello.", "--set-template")
    assert caught.value.field == "--set-template"
    assert "unknown placeholder {evnt}" in caught.value.message
    assert "did you mean {event}?" in caught.value.message
    with pytest.raises(InputError, match=r"unknown placeholder \{favourite colour\}"):
        parse_templates("Your {favourite colour}. Hello.")


@pytest.mark.parametrize(("text", "says"), [
    ("We met at {event. Hello.", "brace that is not part of a placeholder"),
    ("Hello }.", "brace that is not part of a placeholder"),
    ("We met at {event}.", "needs one sentence without placeholders"),
    ("Hello.\n---\nWe met at {event}.", "template 2 needs one sentence"),
    ("  \n---\n ", "is empty"),
])
def test_templates_that_could_fail_a_contact_are_refused(text: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_templates(text)


def test_every_kind_has_a_default_that_parses() -> None:
    assert set(DEFAULT_TEMPLATES) == set(KINDS)
    for kind, text in DEFAULT_TEMPLATES.items():
        for template in parse_templates(text, kind):
            assert 2 <= len(template.slots) <= 4
