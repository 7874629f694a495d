"""The one rule for the practice a form or a draft starts on, for one contact.

1. A follow-up due with them (overdue, or due within ``DUE_AHEAD_DAYS``): follow up.
2. Else the practice a nudge named (its slug), when it is active.
3. Else the practice most often logged with them (ties: the latest used), when active.
4. Else reach out.

Follow up and reach out are the seeded practices ``follow-up`` and ``reach-out``; when one is
archived, renamed or deleted, the first active practice of its kind (neutral) stands in, else
the first active practice. None only when no practice is active.
"""

from __future__ import annotations

from datetime import timedelta

from netrhythm.domain.records import PracticeRec
from netrhythm.services.context import Context
from netrhythm.storage import drafts as store
from netrhythm.storage import practices as practice_store

FOLLOW_UP, REACH_OUT = "follow-up", "reach-out"
# A follow-up counts as due this many days before its day: someone met at an event two days
# ago is followed up now, not once the window has closed (the event window is 3 days).
DUE_AHEAD_DAYS = 7


def has_due_follow_up(ctx: Context, contact_id: int) -> bool:
    return bool(store.open_follow_ups(contact_id, ctx.today() + timedelta(days=DUE_AHEAD_DAYS)))


def start_practice(ctx: Context, contact_id: int, nudged: str | None = None) -> PracticeRec | None:
    """The practice to start on for this contact (``nudged``: the slug a nudge named)."""
    active = practice_store.list_practices()
    if has_due_follow_up(ctx, contact_id):
        return by_slug(active, FOLLOW_UP)
    if nudged:
        found = next((p for p in active if p.slug == nudged.strip().casefold()), None)
        if found is not None:
            return found
    by_id = {p.id: p for p in active}
    for practice_id in store.practice_use(contact_id):
        if practice_id in by_id:
            return by_id[practice_id]
    return by_slug(active, REACH_OUT)


def by_slug(active: list[PracticeRec], slug: str) -> PracticeRec | None:
    """The active practice ``slug`` (a neutral one), else the first active neutral practice,
    else the first active practice."""
    for test in (lambda p: p.slug == slug, lambda p: p.reciprocity == "neutral",
                 lambda p: True):
        found = next((p for p in active if test(p)), None)
        if found is not None:
            return found
    return None


def start_slug(ctx: Context, contact_id: int, nudged: str | None = None) -> str:
    """``start_practice``'s slug ("" when no practice is active): what the Log form starts on."""
    found = start_practice(ctx, contact_id, nudged or None)
    return found.slug if found is not None else ""
