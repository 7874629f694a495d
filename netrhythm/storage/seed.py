"""The default practices created on first run (editable and deletable afterwards)."""

from __future__ import annotations

from datetime import date

from netrhythm.storage.tables import Practice

DEFAULT_PRACTICES = (
    ("reach-out", "Reach out", 3, 1, "neutral",
     "Message someone you have not talked to in a while."),
    ("give-value", "Give value", 2, 1, "give",
     "Share an article, an intro or advice, expecting nothing back."),
    ("follow-up", "Follow up", 2, 1, "neutral",
     "Follow up with someone you met; mention where you met."),
    ("attend-event", "Attend an event", 1, 2, "neutral",
     "Go where people who share your interests meet."),
)


def seed_practices(created_on: date) -> None:
    """Insert the default practices (call inside the transaction that creates the database)."""
    rows = [
        (slug, name, target, period, reciprocity, prompt, position, False, created_on)
        for position, (slug, name, target, period, reciprocity, prompt)
        in enumerate(DEFAULT_PRACTICES)
    ]
    Practice.insert_many(rows, fields=[
        Practice.slug, Practice.name, Practice.target, Practice.period_weeks,
        Practice.reciprocity, Practice.prompt, Practice.position, Practice.archived,
        Practice.created_on,
    ]).execute()
