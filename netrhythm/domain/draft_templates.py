"""Draft templates: plain text with named placeholders, the defaults, and their validation.

A template is a few sentences; ``{event}`` and the other placeholders stand for facts about
the contact. Three rules, all in plain text:

- a sentence is used only when every fact it names exists (``{name}`` always does);
- ``|`` between two sentences offers the second instead of the first, when the first cannot
  be used (``We met at {event}. | I hope you are well.``);
- a line holding only ``---`` separates templates: the one with the most of its facts present
  is used (then the one with the fewest missing, then the first).

Sentences end at ``.``, ``!`` or ``?`` followed by a space (``Dr.`` and ``e.g.`` do not end
one), or at the end of a line. The defaults give two to four sentences whatever is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netrhythm.domain.errors import InputError

# The practices a draft knows how to write for. Custom practices use the kind their
# reciprocity gives them: give → give-value, ask → ask, neutral → reach-out.
KINDS = {
    "follow-up": "following up with someone you met: where, when, and what you promised",
    "reach-out": "getting back in touch after a gap: how long, and the last thing together",
    "give-value": "giving first: an introduction to someone who shares an interest (asked "
                  "before it is made), or help on their interests",
    "attend-event": "inviting them to an upcoming event on their interests",
    "ask": "asking for advice, after saying how you know each other",
}

PLACEHOLDERS = {
    "name": "what you call them: their first name",
    "event": "the event where you met",
    "met": "when you met: last week, about three months ago",
    "how_met": "how you met, as you typed it (introduced by Ana, LinkedIn, PyCon 2024)",
    "interests": "their interests (tags): rust, rust and go, rust, go and python",
    "since": "how long since you were last in touch: two weeks, about three months",
    "last": "the last thing you did together: we last talked, I last sent something your way",
    "task": "what a follow-up due with them is for",
    "peer": "someone else who shares one of their interests, to offer an introduction",
    "peer_interest": "the interest they share with that person",
    "upcoming": "an upcoming event (next 30 days) on one of their interests",
    "upcoming_when": "when that event is: tomorrow, on Thursday, on Saturday 12 December",
    "upcoming_interest": "the interest the event is about",
}
ALWAYS = frozenset({"name"})

DEFAULT_TEMPLATES = {
    "follow-up": """\
It was good to meet you at {event} {met}. | It was good to meet you at {event}. | \
It was good to meet you {met} ({how_met}). | I'm glad we connected ({how_met}). | \
It was good to meet you {met}. | I wanted to follow up and see how you are doing.
As promised, I'm following up on this: {task}.
It would be great to swap notes on {interests} sometime.
Would you be up for a short call in the next couple of weeks?""",
    "reach-out": """\
It has been {since} since {last}. | I have been meaning to get in touch for a while.
We first met at {event} {met}. | We first met at {event}. | \
I was thinking back to how we first connected ({how_met}).
I'd love to hear what you're up to in {interests} these days.
Would you be up for a quick call or a coffee sometime soon?""",
    "give-value": """\
You came to mind because of your interest in {interests}. | \
You came to mind this week, so I wanted to say hello.
I'd be glad to share a few things I have found useful on {interests}, or to look over \
something you're working on. | \
Is there anything I could help with at the moment, such as a review or an introduction?
No need to reply if now is a busy time.
---
I thought of you because {peer} shares your interest in {peer_interest}.
I'd only introduce you if you both want it, so no pressure either way.
Would you welcome an introduction?""",
    "attend-event": """\
I'm looking for events about {interests} in the coming weeks, and you came to mind. | \
I'm looking for good events to go to in the coming weeks, and you came to mind.
Is there one you would recommend, or would you like to go to one together?
---
I'm thinking of going to {upcoming} {upcoming_when}, and it made me think of you and your \
interest in {upcoming_interest}.
It would be a good excuse to catch up in person.
Would you like to come along?""",
    "ask": """\
It has been {since} since {last}. | I hope you are doing well since we met at {event}. | \
I hope you are doing well.
Since you're into {interests}, I'd value your view on something I'm working on. | \
I'd value your view on something I'm working on.
Would you have 20 minutes for a call in the next few weeks?""",
}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_BOUNDARY = re.compile(r"\s*(?P<bar>\|)\s*|\s*\n\s*|(?<=[.!?])\s+")
_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_ABBREVIATIONS = frozenset({"dr.", "prof.", "mr.", "mrs.", "ms.", "mx.", "st.", "e.g.", "i.e.",
                            "etc.", "vs.", "approx.", "no."})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a template and the facts it needs (``{name}`` aside)."""

    text: str
    facts: frozenset[str]


@dataclass(frozen=True, slots=True)
class Slot:
    """A place for one sentence: the first choice whose facts all exist is used."""

    choices: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Template:
    slots: tuple[Slot, ...]

    @property
    def facts(self) -> frozenset[str]:
        return frozenset().union(*(c.facts for s in self.slots for c in s.choices))


def parse_templates(text: str, field: str = "template") -> tuple[Template, ...]:
    """The templates in ``text``; ``InputError(field, …)`` names what is wrong with it: an
    unknown placeholder, a lone brace, or a template that could leave a contact with nothing."""
    _check_placeholders(text, field)
    out = []
    for number, part in enumerate(_SEPARATOR.split(text), start=1):
        slots = _slots(part)
        if not slots:
            continue
        if not any(c.facts <= ALWAYS for s in slots for c in s.choices):
            which = f"template {number}" if _SEPARATOR.search(text) else "the template"
            raise InputError(field, f"{which} needs one sentence without placeholders (or an "
                                    "alternative after | without any), so that every contact "
                                    "gets a draft")
        out.append(Template(tuple(slots)))
    if not out:
        raise InputError(field, "is empty; write at least one sentence")
    return tuple(out)


def _check_placeholders(text: str, field: str) -> None:
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1).strip()
        if name not in PLACEHOLDERS:
            import difflib

            close = difflib.get_close_matches(name, list(PLACEHOLDERS), n=1)
            hint = f"did you mean {{{close[0]}}}? " if close else ""
            known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise InputError(field, f"unknown placeholder {{{name}}}; {hint}known: {known}")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise InputError(field, "has a brace that is not part of a placeholder; placeholders "
                                "look like {event}")


def _slots(text: str) -> list[Slot]:
    slots: list[list[Sentence]] = []
    start, alternative = 0, False
    for match in [*_BOUNDARY.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = " ".join(text[start:end].split())
        bar = bool(match and match.group("bar"))
        if match and not bar and "\n" not in match.group(0) and _abbreviation(piece):
            continue  # "Dr. Chen": not the end of a sentence
        if piece:
            sentence = Sentence(piece, frozenset(
                m.group(1).strip() for m in _PLACEHOLDER.finditer(piece)) - ALWAYS)
            if alternative and slots:
                slots[-1].append(sentence)
            else:
                slots.append([sentence])
        alternative = bar or (alternative and not piece)
        start = match.end() if match else end
    return [Slot(tuple(choices)) for choices in slots]


def _abbreviation(piece: str) -> bool:
    words = piece.split()
    return bool(words) and words[-1].casefold() in _ABBREVIATIONS


def default_templates(kind: str) -> tuple[Template, ...]:
    return _DEFAULTS[kind]


_DEFAULTS = {kind: parse_templates(text, kind) for kind, text in DEFAULT_TEMPLATES.items()}
