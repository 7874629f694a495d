"""Drafts that apply the advice: a short message to one contact, built only from facts.

``compose(facts, kind)`` fills the best template of that kind (see
:mod:`netrhythm.domain.draft_templates`) from a plain record of what is known about the
contact. What it guarantees, for any facts:

- a sentence is used only when every fact it names exists, so nothing is left as a hole, a
  placeholder or an empty clause; facts are cleaned (one line, single spaces, no trailing
  punctuation), so no sentence gets two spaces or doubled punctuation;
- the facts record holds no notes: contact notes and action notes never reach a draft; the
  only words of the user's it can quote are a due follow-up's task (``task``);
- a greeting by first name, and a sign-off only when the user's own name is known;
- ``max_chars`` drops the least important sentences first (those naming fewer facts, later
  ones first; the last sentence, the ask, stays), never below two, and refuses when even
  two do not fit. The ``brief`` tone keeps at most three sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from netrhythm.domain import draft_words as words
from netrhythm.domain.draft_templates import KINDS, Template, default_templates
from netrhythm.domain.errors import InputError

TONES = ("warm", "brief")
SIGN_OFFS = {"warm": "All the best,", "brief": "Best,"}
BRIEF_SENTENCES = 3
MIN_SENTENCES = 2
# The last thing done together, by the kind of its practice.
LAST_DONE = {
    "reach-out": "we last talked", "follow-up": "we last talked",
    "give-value": "I last sent something your way", "ask": "you last helped me out",
    "attend-event": "we last saw each other at an event",
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Peer:
    """Another contact who shares an interest with this one (for an introduction)."""

    name: str
    interest: str


@dataclass(frozen=True, slots=True)
class Upcoming:
    """An upcoming event on one of the contact's interests."""

    name: str
    held_on: date
    interest: str


@dataclass(frozen=True, slots=True)
class DraftFacts:
    """What a draft may say about one contact, and the situation. No notes, on purpose."""

    name: str  # the contact's name
    today: date
    call_name: str = ""  # the name to greet them by, when not their first name
    how_met: str = ""  # free text: "introduced by Ana", "LinkedIn", "PyCon 2024"
    event: str = ""  # the event where you met
    met_on: date | None = None
    interests: tuple[str, ...] = ()
    last_kind: str = ""  # the kind (see KINDS) of the latest action with them
    last_on: date | None = None
    last_event: str = ""  # the event that action was logged at
    task: str = ""  # what a due follow-up with them is for
    task_due: date | None = None
    peers: tuple[Peer, ...] = ()
    upcoming: Upcoming | None = None
    my_name: str = ""  # the user's own name, for the sign-off


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    greeting: str
    sentences: tuple[str, ...]
    sign_off: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        parts = [self.greeting, " ".join(self.sentences)]
        if self.sign_off:
            parts.append("\n".join(self.sign_off))
        return "\n\n".join(parts)


def values(facts: DraftFacts) -> dict[str, str]:
    """Every placeholder's text that the facts give (absent facts are left out)."""
    today = facts.today
    out = {"name": words.clean(facts.call_name) or words.greeting_name(facts.name)
           or words.clean(facts.name) or "there"}
    out["event"] = words.clean(facts.event)
    out["how_met"] = words.clean(facts.how_met)
    if facts.met_on is not None and facts.met_on <= today:
        out["met"] = words.ago((today - facts.met_on).days)
    out["interests"] = words.join_words([words.clean(i) for i in facts.interests])
    if facts.last_on is not None and facts.last_on < today:
        out["since"] = words.span((today - facts.last_on).days)
        last_event = words.clean(facts.last_event)
        out["last"] = (f"we last saw each other at {last_event}" if last_event
                       else LAST_DONE.get(facts.last_kind, "we last talked"))
    out["task"] = words.clean(facts.task)
    peer = next((p for p in facts.peers if words.clean(p.name) and words.clean(p.interest)),
                None)
    if peer is not None:
        out["peer"], out["peer_interest"] = words.clean(peer.name), words.clean(peer.interest)
    up = facts.upcoming
    if up is not None and up.held_on >= today and words.clean(up.name) and words.clean(
            up.interest):
        out["upcoming"] = words.clean(up.name)
        out["upcoming_when"] = words.when_ahead(up.held_on, today)
        out["upcoming_interest"] = words.clean(up.interest)
    return {key: value for key, value in out.items() if value}


def compose(facts: DraftFacts, kind: str, templates: Sequence[Template] | None = None, *,
            max_chars: int | None = None, tone: str = "warm") -> Draft:
    """The draft for ``kind`` (a key of ``KINDS``) from ``templates`` (default: the kind's).

    The template used is the one with the most of its facts present; then the one with the
    fewest missing; then the first."""
    if kind not in KINDS:
        raise InputError("kind", f"no draft kind {kind!r}; use one of: {', '.join(KINDS)}")
    if tone not in TONES:
        raise InputError("tone", f"{tone!r} is not a tone; use warm or brief")
    known = values(facts)
    candidates = tuple(templates) if templates else default_templates(kind)
    best = max(candidates, key=lambda t: (len(t.facts & known.keys()),
                                          -len(t.facts - known.keys()), -candidates.index(t)))
    chosen = _fill(best, known)
    my_name = words.clean(facts.my_name)
    sign_off = (SIGN_OFFS[tone], my_name) if my_name else ()
    draft = Draft(kind, f"Hi {known['name']},", (), sign_off)
    limit = BRIEF_SENTENCES if tone == "brief" else len(chosen)
    while len(chosen) > max(limit, MIN_SENTENCES) or (
            max_chars is not None and len(_with(draft, chosen).text) > max_chars
            and len(chosen) > MIN_SENTENCES):
        chosen.remove(_least_important(chosen))
    draft = _with(draft, chosen)
    if max_chars is not None and len(draft.text) > max_chars:
        raise InputError("--max-chars", f"the shortest draft is {len(draft.text)} characters "
                                        f"long; allow at least {len(draft.text)}")
    return draft


def _fill(template: Template, known: dict[str, str]) -> list[tuple[int, int, str]]:
    """(position, number of facts, text) of each sentence the facts allow."""
    out = []
    for position, slot in enumerate(template.slots):
        for choice in slot.choices:
            if choice.facts <= known.keys():
                text = _PLACEHOLDER.sub(lambda m: known[m.group(1).strip()], choice.text)
                out.append((position, len(choice.facts), _sentence(text)))
                break
    return out


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text.rstrip(",;: ") + "."


def _least_important(chosen: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The sentence to drop first: not the last one (the ask); fewest facts, latest first."""
    return min(chosen[:-1], key=lambda s: (s[1], -s[0]))


def _with(draft: Draft, chosen: list[tuple[int, int, str]]) -> Draft:
    return Draft(draft.kind, draft.greeting, tuple(s[2] for s in chosen), draft.sign_off)


def matching_interest(event_text: str, interests: Sequence[str]) -> str | None:
    """The first of ``interests`` that ``event_text`` names as whole words ("rust" in "Rust
    Meetup", "open-source" in "Open Source Summit"): the rule Who next uses."""
    text = f" {_WORD.sub(' ', event_text.casefold()).strip()} "
    for interest in sorted(interests, key=str.casefold):
        wanted = _WORD.sub(" ", interest.casefold()).strip()
        if wanted and f" {wanted} " in text:
            return interest
    return None
