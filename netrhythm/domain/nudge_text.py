"""The words of each nudge: a short title and a message that helps a person act.

Every function returns ``(title, message)``. Titles stay under ``TITLE_MAX`` characters and
messages under ``MESSAGE_MAX``: user text (names, events, notes) is clipped first, then the whole
line, always with an ellipsis, never in the middle of a combining sequence. User text is used
literally: no markup is interpreted or added here (escaping is the job of whoever renders it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netrhythm.domain.nudges import ContactFacts, FollowUpFacts, PracticeFacts

TITLE_MAX = 59  # "under 60 characters"
MESSAGE_MAX = 199  # "under 200 characters"
NAME_MAX = 40  # one name inside a longer line
ELLIPSIS = "…"
_JOINERS = {"\u200d", "\u200c"}  # zero-width joiner and non-joiner
_MODIFIERS = {"\ufe0e", "\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}  # variation, skin tone


def _attached(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (an accent, a joiner, a modifier)."""
    import unicodedata  # only when a text is clipped: nudge starts quicker without it

    return bool(unicodedata.combining(char)) or char in _JOINERS or char in _MODIFIERS


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with an ellipsis when cut.

    The cut moves left until it falls between two whole characters, so an accent, an emoji
    sequence or a skin tone is never split from its base.
    """
    if len(text) <= limit:
        return text
    end = limit - 1
    while end > 0 and (_attached(text[end]) or text[end - 1] in _JOINERS):
        end -= 1
    return text[:end].rstrip() + ELLIPSIS


def counted(n: int, one: str, many: str) -> str:
    """``1 reach-out``, ``3 reach-outs``."""
    return f"{n} {one if n == 1 else many}"


def days_to_go(days_left: int) -> str:
    """``today is the last day`` or ``3 days to go`` (today included)."""
    return "today is the last day" if days_left <= 1 else f"{days_left} days to go"


def since_talked(contact: ContactFacts) -> str:
    """``Maria Chen: 47 days since you talked.``"""
    name = clip(contact.name, NAME_MAX)
    if contact.days_since is None:
        return f"{name}: you have not talked yet."
    return f"{name}: {counted(contact.days_since, 'day', 'days')} since you talked."


def behind_pace(
    practice: PracticeFacts, days_left: int, who_next: ContactFacts | None
) -> tuple[str, str]:
    """``Reach out: 2 of 3 left`` / ``2 of 3 reach-outs left, 3 days to go. Maria Chen: …``"""
    left = practice.target - practice.count
    name = clip(practice.name, NAME_MAX)
    title = f"{name}: {left} of {practice.target} left"
    noun = practice.noun_one if practice.target == 1 else practice.noun_many
    message = f"{left} of {practice.target} {noun} left, {days_to_go(days_left)}."
    if who_next is not None:
        message += " " + since_talked(who_next)
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def streak_at_risk(practice: PracticeFacts) -> tuple[str, str]:
    """``Reach out: streak at risk`` / ``1 more reach-out today keeps your 6-week streak.``"""
    left = practice.target - practice.count
    more = f"{left} more {practice.noun_one if left == 1 else practice.noun_many} today"
    s = "s" if left == 1 else ""
    if practice.current_streak >= 2:
        message = f"{more} keep{s} your {practice.current_streak}-week streak."
    else:
        message = f"{more} make{s} a {practice.streak_if_met}-week streak."
    message += " The period ends tonight."
    title = f"{clip(practice.name, NAME_MAX)}: streak at risk"
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def overdue_phrase(due_on: date, today: date) -> str:
    """``Due today.``, ``1 day overdue.``, ``5 days overdue.``"""
    late = (today - due_on).days
    return "Due today." if late <= 0 else f"{counted(late, 'day', 'days')} overdue."


def follow_up(item: FollowUpFacts, today: date) -> tuple[str, str]:
    """``Follow up with Ana Ruiz`` / ``Follow up with Ana Ruiz — you met at PyCon Lisbon. …``"""
    name = clip(item.contact_name, NAME_MAX)
    title = f"Follow up with {name}"
    message = title
    if item.event_name:
        message += f" — you met at {clip(item.event_name, NAME_MAX)}"
    message += f". {overdue_phrase(item.due_on, today)}"
    if item.note.strip():
        message += f" Note: {item.note.strip()}"
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def gone_cold(contacts: Sequence[ContactFacts], named: int = 3) -> tuple[str, str]:
    """``3 contacts gone cold`` / ``Time to reconnect: Maria Chen (47 days), … and 2 more.``"""
    parts = []
    for contact in contacts[:named]:
        when = "no contact yet" if contact.days_since is None else f"{contact.days_since} days"
        parts.append(f"{clip(contact.name, NAME_MAX)} ({when})")
    message = "Time to reconnect: " + ", ".join(parts)
    extra = len(contacts) - named
    message += f", and {extra} more." if extra > 0 else "."
    title = f"{counted(len(contacts), 'contact', 'contacts')} gone cold"
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def review(week_key: str, ends_today: bool) -> tuple[str, str]:
    """``Write your weekly review`` / ``Week 2026-W48 ends today: what did you learn? …``"""
    when = "ends today" if ends_today else "is over"
    message = (
        f"Week {week_key} {when}: what did you learn, whom did you help, "
        "what will you do differently next week?"
    )
    return "Write your weekly review", clip(message, MESSAGE_MAX)


def summary(titles: Sequence[str]) -> tuple[str, str]:
    """``3 more nudges`` / ``Also due: Follow up with Ana Ruiz; Give value: 1 of 2 left; …``"""
    title = f"{counted(len(titles), 'more nudge', 'more nudges')}"
    return clip(title, TITLE_MAX), clip("Also due: " + "; ".join(titles) + ".", MESSAGE_MAX)
