"""The choices Enter can take in the Log form's "With": contacts first, "Create" last."""

from __future__ import annotations

from netrhythm.ui.widgets.name_choices import Choice, NameChoices

TOKENS = ["Ana Ruiz", "Anabel Ortiz", "Maria Chen (Acme)", "Maria Chen #7", "Zoë Park"]
LABELS = ["Ana Ruiz", "Anabel Ortiz (Globex)", "Maria Chen (Acme)", "Maria Chen", "Zoë Park"]
INDEX = NameChoices(TOKENS, LABELS)


def test_names_starting_with_it_come_first_then_a_word_and_create_last() -> None:
    choices = INDEX.choices("  ana ")
    assert [c.token for c in choices.items] == ["Ana Ruiz", "Anabel Ortiz", "ana"]
    assert choices.items[-1] == Choice("ana", "Create ana", new=True)
    assert not choices.exact and not choices.settled
    assert [c.label for c in INDEX.choices("glob").known] == ["Anabel Ortiz (Globex)"]
    assert [c.token for c in INDEX.choices("park").known] == ["Zoë Park"]


def test_an_exact_name_is_settled_first_and_offers_no_create() -> None:
    choices = INDEX.choices("ana ruiz")
    assert choices.exact and choices.settled
    assert [c.token for c in choices.items] == ["Ana Ruiz"]


def test_two_people_of_one_name_are_told_apart() -> None:
    labels = [c.label for c in INDEX.choices("maria").known]
    assert labels == ["Maria Chen (Acme)", "Maria Chen #7"]


def test_nothing_typed_or_an_id_is_settled_without_choices() -> None:
    for typed in ("", "   ", "#12"):
        choices = INDEX.choices(typed)
        assert choices.settled and choices.items == ()


def test_no_match_offers_only_create() -> None:
    assert INDEX.choices("Lena  Park").items == (Choice("Lena Park", "Create Lena Park",
                                                        new=True),)
