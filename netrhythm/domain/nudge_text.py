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


def where_met(item: FollowUpFacts) -> str:
    """`` — you met at PyCon Lisbon (talk Q&A)``, `` — how you met: intro from Bo``, or ``""``.

    The place is the follow-up's event, else the event the contact was met at; the contact's
    how-met words follow it.
    """
    place = item.event_name or item.met_at
    how = " ".join(item.how_met.split())
    if place and how:
        return f" — you met at {clip(place, NAME_MAX)} ({clip(how, NAME_MAX)})"
    if place:
        return f" — you met at {clip(place, NAME_MAX)}"
    return f" — how you met: {clip(how, NAME_MAX)}" if how else ""


def follow_up(item: FollowUpFacts, today: date) -> tuple[str, str]:
    """``Follow up with Ana Ruiz`` / ``Follow up with Ana Ruiz — you met at PyCon Lisbon. …``"""
    name = clip(item.contact_name, NAME_MAX)
    title = f"Follow up with {name}"
    message = title + where_met(item)
    message += f". {overdue_phrase(item.due_on, today)}"
    if item.note.strip():
        message += f" Note: {item.note.strip()}"
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def _cold_names(contacts: Sequence[ContactFacts], named: int) -> str:
    """``Maria Chen (47 days), Bo Li (no contact yet), and 2 more``."""
    parts = []
    for contact in contacts[:named]:
        when = "no contact yet" if contact.days_since is None else f"{contact.days_since} days"
        parts.append(f"{clip(contact.name, NAME_MAX)} ({when})")
    extra = len(contacts) - named
    return ", ".join(parts) + (f", and {extra} more" if extra > 0 else "")


def gone_cold(contacts: Sequence[ContactFacts], named: int = 3) -> tuple[str, str]:
    """``3 contacts gone cold`` / ``Time to reconnect: Maria Chen (47 days), … and 2 more.``"""
    message = f"Time to reconnect: {_cold_names(contacts, named)}."
    title = f"{counted(len(contacts), 'contact', 'contacts')} gone cold"
    return clip(title, TITLE_MAX), clip(message, MESSAGE_MAX)


def gone_cold_again(
    fresh: Sequence[ContactFacts], still: Sequence[ContactFacts], back: int
) -> tuple[str, str, list[ContactFacts]]:
    """The gone-cold nudge after an earlier one: what changed since, not the same list again.

    ``fresh``: cold and not named last time (named first, at most three); ``still``: named
    last time and still cold (when no one is fresh, only the first is named); ``back``: how
    many named last time are no longer cold. Returns the title, the message and who is named.
    """
    take = min(len(fresh), 3)
    named = list(fresh[:take])
    parts = []
    if fresh:
        parts.append(f"Time to reconnect: {_cold_names(fresh, take)}.")
    if still:
        room = 3 - take if fresh else 1
        named += still[:room]
        if room:
            parts.append(f"Still cold since the last nudge: {_cold_names(still, room)}.")
        else:
            parts.append(f"{counted(len(still), 'more', 'more')} still cold since the last one.")
    if back:
        parts.append(f"You reconnected with {counted(back, 'person', 'people')} since then.")
    title = f"{counted(len(fresh) + len(still), 'contact', 'contacts')} gone cold"
    return clip(title, TITLE_MAX), clip(" ".join(parts), MESSAGE_MAX), named


def review(week_key: str, ends_today: bool) -> tuple[str, str]:
    """``Write your weekly review`` / ``Week 2026-W48 ends today. … netrhythm review --week
    2026-W48 --reflect "..."``: the keys and the command that write that week's review.

    In the app, ``v`` opens Review, ``t`` goes to the last finished week, ``]`` one week on (to
    the week in progress) and ``r`` to the reflection.
    """
    when, keys = ("ends today", "v t ] r") if ends_today else ("is over", "v t r")
    message = (
        f"Week {week_key} {when}. What did you learn, whom did you help? Press {keys} in the "
        f'app, or run: netrhythm review --week {week_key} --reflect "..."'
    )
    return "Write your weekly review", clip(message, MESSAGE_MAX)


def summary(titles: Sequence[str]) -> tuple[str, str]:
    """``3 more nudges`` / ``Also due: Follow up with Ana Ruiz; Give value: 1 of 2 left; …``"""
    title = f"{counted(len(titles), 'more nudge', 'more nudges')}"
    return clip(title, TITLE_MAX), clip("Also due: " + "; ".join(titles) + ".", MESSAGE_MAX)
