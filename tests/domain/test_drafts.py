"""Drafts, word for word: one golden example per practice, and the rules around them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from netrhythm.domain.draft_templates import parse_templates
from netrhythm.domain.drafts import DraftFacts, Peer, Upcoming, compose, matching_interest
from netrhythm.domain.errors import InputError

TODAY = date(2026, 11, 23)  # a Monday
MARIA = DraftFacts(
    name="Dr. Maria Chen", today=TODAY, how_met="introduced by Ana", event="Rust Meetup",
    met_on=date(2026, 10, 20), interests=("rust", "go", "python"), last_kind="reach-out",
    last_on=date(2026, 8, 20), task="the slides from the talk", my_name="Sam Lee",
)


def body(kind: str, facts: DraftFacts, **options: object) -> str:
    return " ".join(compose(facts, kind, **options).sentences)  # type: ignore[arg-type]


def test_follow_up_names_the_event_the_time_since_and_the_task() -> None:
    draft = compose(MARIA, "follow-up")
    assert draft.text == (
        "Hi Maria,\n\n"
        "It was good to meet you at Rust Meetup last month. As promised, I'm following up on "
        "this: the slides from the talk. It would be great to swap notes on rust, go and "
        "python sometime. Would you be up for a short call in the next couple of weeks?\n\n"
        "All the best,\nSam Lee")


@pytest.mark.parametrize(("how_met", "sentence"), [
    ("introduced by Ana", "It was good to meet you last month (introduced by Ana)."),
    ("LinkedIn", "It was good to meet you last month (LinkedIn)."),
    ("PyCon 2024", "It was good to meet you last month (PyCon 2024)."),
])
def test_how_met_appears_only_in_a_neutral_frame(how_met: str, sentence: str) -> None:
    facts = replace(MARIA, event="", how_met=how_met)
    assert compose(facts, "follow-up").sentences[0] == sentence
    no_date = replace(facts, met_on=None)
    assert compose(no_date, "follow-up").sentences[0] == f"I'm glad we connected ({how_met})."
    reach = compose(replace(no_date, last_on=None), "reach-out")
    assert reach.sentences[1] == f"I was thinking back to how we first connected ({how_met})."


def test_reach_out_says_how_long_and_the_last_thing_together() -> None:
    assert body("reach-out", MARIA) == (
        "It has been about three months since we last talked. We first met at Rust Meetup "
        "last month. I'd love to hear what you're up to in rust, go and python these days. "
        "Would you be up for a quick call or a coffee sometime soon?")
    gave = replace(MARIA, last_kind="give-value", last_on=date(2026, 11, 9))
    assert compose(gave, "reach-out").sentences[0] == \
        "It has been two weeks since I last sent something your way."
    at_event = replace(MARIA, last_event="PyData Berlin")
    assert compose(at_event, "reach-out").sentences[0] == \
        "It has been about three months since we last saw each other at PyData Berlin."


def test_give_value_asks_before_introducing() -> None:
    facts = replace(MARIA, peers=(Peer("Ana Ruiz", "rust"),))
    assert body("give-value", facts) == (
        "I thought of you because Ana Ruiz shares your interest in rust. I'd only introduce "
        "you if you both want it, so no pressure either way. Would you welcome an "
        "introduction?")


def test_give_value_without_a_peer_offers_help_on_their_interests() -> None:
    assert body("give-value", replace(MARIA, interests=("gardening",))) == (
        "You came to mind because of your interest in gardening. I'd be glad to share a few "
        "things I have found useful on gardening, or to look over something you're working "
        "on. No need to reply if now is a busy time.")


def test_attend_event_invites_to_an_upcoming_matching_event() -> None:
    facts = replace(MARIA, upcoming=Upcoming("Rust Meetup", date(2026, 11, 26), "rust"))
    assert body("attend-event", facts) == (
        "I'm thinking of going to Rust Meetup on Thursday, and it made me think of you and "
        "your interest in rust. It would be a good excuse to catch up in person. Would you "
        "like to come along?")
    assert body("attend-event", MARIA) == (
        "I'm looking for events about rust, go and python in the coming weeks, and you came "
        "to mind. Is there one you would recommend, or would you like to go to one together?")


def test_ask_says_how_you_know_each_other_first() -> None:
    assert body("ask", replace(MARIA, interests=("hiring",))) == (
        "It has been about three months since we last talked. Since you're into hiring, I'd "
        "value your view on something I'm working on. Would you have 20 minutes for a call in "
        "the next few weeks?")


def test_nothing_known_still_gives_two_sentences_and_no_sign_off() -> None:
    draft = compose(DraftFacts(name="Ana", today=TODAY), "follow-up")
    assert draft.text == ("Hi Ana,\n\nI wanted to follow up and see how you are doing. Would "
                          "you be up for a short call in the next couple of weeks?")


def test_the_name_to_use_wins_over_the_first_name() -> None:
    draft = compose(replace(MARIA, call_name="Mia"), "reach-out")
    assert draft.greeting == "Hi Mia,"


def test_max_chars_drops_the_least_important_sentences_first() -> None:
    full = compose(MARIA, "follow-up")
    shorter = compose(MARIA, "follow-up", max_chars=len(full.text) - 1)
    assert shorter.sentences == (full.sentences[0], full.sentences[1], full.sentences[3])
    shortest = compose(MARIA, "follow-up", max_chars=180)
    assert shortest.sentences == (full.sentences[0], full.sentences[3])
    assert len(shortest.text) <= 180
    with pytest.raises(InputError) as caught:
        compose(MARIA, "follow-up", max_chars=100)
    assert caught.value.field == "--max-chars"
    assert f"allow at least {len(shortest.text)}" in caught.value.message


def test_brief_tone_keeps_three_sentences_and_signs_off_shorter() -> None:
    draft = compose(MARIA, "follow-up", tone="brief")
    assert len(draft.sentences) == 3
    assert draft.sign_off == ("Best,", "Sam Lee")


def test_the_template_with_most_facts_present_wins_then_fewest_missing_then_the_first() -> None:
    templates = parse_templates("About {interests}. Hello.\n---\nAt {event} {met}. Hi.\n---\n"
                                "At {event}. Bye.")
    assert compose(MARIA, "reach-out", templates).sentences == ("At Rust Meetup last month.",
                                                                "Hi.")
    only_event = replace(MARIA, met_on=None, interests=())
    assert compose(only_event, "reach-out", templates).sentences == ("At Rust Meetup.", "Bye.")
    tied = parse_templates("At {event}. One.\n---\nAt {event}. Two.")
    assert compose(only_event, "reach-out", tied).sentences == ("At Rust Meetup.", "One.")
    nothing = DraftFacts(name="Ana", today=TODAY)
    assert compose(nothing, "reach-out", templates).sentences == ("Hello.",)


def test_upcoming_events_match_interests_as_whole_words() -> None:
    assert matching_interest("Rust Meetup c-base", ("go", "rust")) == "rust"
    assert matching_interest("Open Source Summit", ("open-source",)) == "open-source"
    assert matching_interest("Trusted builds", ("rust",)) is None
