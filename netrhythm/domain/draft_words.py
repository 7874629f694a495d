"""Words for drafts: a first name to greet, lists of interests, spans of time in English.

Pure and small on purpose: every phrase a draft puts around a fact comes from here, so that
the grammar ("rust, go and python", "about three months ago") is written and tested once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from netrhythm.domain.dates import MONTH_NAMES, WEEKDAY_NAMES

# Words that come before a name and are not what you call someone ("Dr. Maria Chen": Maria).
TITLES = frozenset({
    "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "lady", "lord",
    "rev", "fr", "herr", "frau", "mme", "mlle", "sr", "sra", "dott", "ing",
})
_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve")
_SPACES = re.compile(r"\s+")
_MARKS = ".,;:!?"
# Punctuation that ends a word ("a!!", "a . ,"), not the dot of ".NET" or "Node.js".
_RUN_OF_MARKS = re.compile(r"([.,;:!?])(?:\s*[.,;:!?])+(?=\s|$)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])(?=\s|$)")
_EMPTY_PAIR = re.compile(r"\(\s*\)|\[\s*\]")
_NICKNAME = re.compile(r"[\"“”«»]\s*([^\"“”«»]+?)\s*[\"“”«»]")
_WRAPPERS = {"(": ")", "[": "]", '"': '"', "'": "'", "“": "”", "«": "»"}


def clean(text: str) -> str:
    """A fact as a draft can hold it: one line, single spaces, no braces (they would read as
    placeholders), no empty brackets, no runs of punctuation nor a space before it, nothing
    but words at either end ("(PyCon 2024!)" gives "PyCon 2024"; ".NET Conf" keeps its dot);
    empty when no letter or digit is left."""
    text = text.replace("{", "(").replace("}", ")")
    while True:
        before = text
        text = _SPACES.sub(" ", _EMPTY_PAIR.sub(" ", text)).strip()
        text = _SPACE_BEFORE_MARK.sub(r"\1", _RUN_OF_MARKS.sub(r"\1", text))
        text = text.strip(" -–—").rstrip(_MARKS + "([").lstrip(",;:!?)]")  # ")a(": "a"
        if text.startswith(".") and not text[1:2].isalnum():
            text = text[1:]
        if len(text) > 1 and _wrapped(text):
            text = text[1:-1]
        if text == before:
            return text if any(char.isalnum() for char in text) else ""  # "(" says nothing


def _wrapped(text: str) -> bool:
    """Whether the whole of ``text`` is in one pair of brackets or quotes."""
    close = _WRAPPERS.get(text[0])
    if close is None or text[-1] != close:
        return False
    inner = text[1:-1]
    if close == text[0]:
        return close not in inner
    depth = 1
    for char in inner:
        depth += (char == text[0]) - (char == close)
        if depth == 0:  # "(a) and (b)": the first bracket closes inside
            return False
    return True


def greeting_name(name: str) -> str:
    """What to call someone: a nickname in quotes (``Robert "Bob" Smith``), else the first
    word that is not a title (``Dr. Maria Chen``: Maria; ``Chen, Maria``: Maria)."""
    name = clean(name)
    nickname = _NICKNAME.search(name)
    if nickname and clean(nickname.group(1)):
        return clean(nickname.group(1))
    last, comma, first = name.partition(",")
    if comma:  # "Chen, Maria" (last name first); "Maria Chen, PhD" keeps its first part
        name = clean(first) if len(last.split()) == 1 and clean(first) else clean(last)
    words = name.split()
    for word in words:
        if word.rstrip(".").casefold() not in TITLES:
            return clean(word)
    return name


def join_words(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: the items once each, in their order."""
    unique = list(dict.fromkeys(i for i in items if i))
    if len(unique) <= 2:
        return " and ".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def _months(days: int) -> int:
    return max(2, round(days / 30.44))


def _years(days: int) -> int:
    return max(2, round(days / 365.25))


def ago(days: int) -> str:
    """When something happened ``days`` ago: ``today``, ``last week``, ``about three months
    ago``."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return "a few days ago"
    if days < 14:
        return "last week"
    if days < 28:
        return f"{number(days // 7)} weeks ago"
    if days < 46:
        return "last month"
    if days < 335:
        return f"about {number(_months(days))} months ago"
    if days < 546:
        return "about a year ago"
    return f"about {number(_years(days))} years ago"


def span(days: int) -> str:
    """How long ``days`` is, for "it has been …": ``a week``, ``about three months``."""
    if days < 7:
        return "a day" if days <= 1 else "a few days"
    if days < 14:
        return "a week"
    if days < 28:
        return f"{number(days // 7)} weeks"
    if days < 46:
        return "about a month"
    if days < 335:
        return f"about {number(_months(days))} months"
    if days < 546:
        return "about a year"
    return f"about {number(_years(days))} years"


def when_ahead(day: date, today: date) -> str:
    """When something is coming up: ``today``, ``tomorrow``, ``on Thursday``, ``on Saturday
    12 December``."""
    days = (day - today).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    weekday = WEEKDAY_NAMES[day.weekday()]
    if days < 7:
        return f"on {weekday}"
    return f"on {weekday} {day.day} {MONTH_NAMES[day.month - 1]}"
