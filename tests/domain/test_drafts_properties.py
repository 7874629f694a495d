"""Property tests: whatever facts exist (any subset, any free text), a default draft is whole.

Never a placeholder or brace left, never an empty sentence or clause, never two spaces or
doubled punctuation, always two to four sentences (also when shortened to ``max_chars``), a
greeting by name and a sign-off exactly when the user's name is set.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from netrhythm.domain.draft_templates import KINDS
from netrhythm.domain.drafts import TONES, DraftFacts, Peer, Upcoming, compose
from netrhythm.domain.errors import InputError

TODAY = date(2026, 11, 23)
# Letters, digits, spaces of every kind, punctuation, brackets, quotes, braces: what people type.
ALPHABET = st.sampled_from(list("aZé ü9 .,;:!?()[]\"'{}-–\n\t\u00a0") + ["Dr. ", "at ", "{event}"])
free_text = st.lists(ALPHABET, max_size=30).map("".join)
real_text = st.sampled_from(["introduced by Ana", "LinkedIn", "PyCon 2024", "Rust Meetup",
                             "Met at PyData Berlin.", "Same climbing gym", ".NET Conf"])
text = st.one_of(st.just(""), free_text, real_text)
day = st.one_of(st.none(), st.integers(-4000, 60).map(lambda n: TODAY + timedelta(days=n)))
names = st.one_of(text, st.sampled_from(["Dr. Maria Chen", 'Robert "Bob" Smith', "Chen, Maria",
                                         "Zoë", "Prof. Dr.", ""]))

facts = st.builds(
    DraftFacts,
    name=names, today=st.just(TODAY), call_name=st.one_of(st.just(""), text),
    how_met=text, event=text, met_on=day, interests=st.lists(text, max_size=5).map(tuple),
    last_kind=st.sampled_from(["", *KINDS]), last_on=day, last_event=text, task=text,
    task_due=day, peers=st.lists(st.builds(Peer, text, text), max_size=2).map(tuple),
    upcoming=st.one_of(st.none(), st.builds(Upcoming, text, day.filter(bool), text)),
    my_name=st.one_of(st.just(""), text),
)

DOUBLED = re.compile(r"[.,;:!?]\s*[.,;:!?](?=\s|$)")
SPACE_BEFORE_MARK = re.compile(r"\s[.,;:!?](?=\s|$)")
EMPTY_CLAUSE = re.compile(r"\(\s*\)|\bat\s+[.,;:!?](?=\s|$)")


def check_whole(text: str) -> None:
    assert "{" not in text and "}" not in text, text
    assert "  " not in text and "\t" not in text and "\u00a0" not in text, text
    assert not DOUBLED.search(text), text
    assert not SPACE_BEFORE_MARK.search(text), text
    assert not EMPTY_CLAUSE.search(text), text


@settings(max_examples=250, deadline=None)
@given(facts=facts, kind=st.sampled_from(list(KINDS)), tone=st.sampled_from(TONES))
def test_a_default_draft_is_always_whole(facts: DraftFacts, kind: str, tone: str) -> None:
    draft = compose(facts, kind, tone=tone)
    assert 2 <= len(draft.sentences) <= 4
    for sentence in draft.sentences:
        assert re.search(r"\w", sentence), draft.sentences  # not an empty sentence
        assert sentence.endswith((".", "!", "?")) and not sentence[0].islower(), sentence
        check_whole(sentence)
    greeting = draft.greeting
    assert greeting.startswith("Hi ") and greeting.endswith(",") and len(greeting) > 4
    check_whole(greeting)
    assert bool(draft.sign_off) == any(c.isalnum() for c in facts.my_name)
    for line in draft.sign_off:
        assert line.strip() and "  " not in line
    assert draft.text.count("\n\n") == (2 if draft.sign_off else 1)


@settings(max_examples=120, deadline=None)
@given(facts=facts, kind=st.sampled_from(list(KINDS)), max_chars=st.integers(50, 500))
def test_max_chars_shortens_to_two_sentences_at_least_or_says_it_cannot(
        facts: DraftFacts, kind: str, max_chars: int) -> None:
    full = compose(facts, kind)
    try:
        short = compose(facts, kind, max_chars=max_chars)
    except InputError as exc:
        assert exc.field == "--max-chars"
        assert len(full.text) > max_chars
        return
    assert len(short.text) <= max_chars
    assert 2 <= len(short.sentences) <= len(full.sentences)
    assert set(short.sentences) <= set(full.sentences)
    assert short.sentences[-1] == full.sentences[-1]  # the ask stays
    if len(full.text) <= max_chars:
        assert short == full
