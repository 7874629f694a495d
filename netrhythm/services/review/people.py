"""The review's people, ready to show: new contacts, follow-ups done and missed, the give/ask
balance, and who has gone cold (the first ``MAX_COLD``, then ``+N more``), the same on the
Review screen and in ``netrhythm review``.

Gone cold is counted on one named day (``Review.cold_on``): the last day of a finished week,
today for the week in progress, which is the day the Week screen counts on.
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.domain.dates import short_date
from netrhythm.domain.nudge_text import counted
from netrhythm.services.review.build import Review

MAX_COLD = 12


class Item(NamedTuple):
    """One entry of a row: ``name`` is the user's text; ``detail`` follows it (alone, it is
    a remark)."""

    name: str
    detail: str = ""

    @property
    def text(self) -> str:
        return " ".join(x for x in (self.name, self.detail) if x)


class PeopleRow(NamedTuple):
    """A labelled list; ``when`` qualifies the label (``as of Sun 22 Nov``), ``more`` counts
    the entries left out, ``empty`` is said when there are none."""

    label: str
    items: tuple[Item, ...]
    empty: str
    more: int = 0
    when: str = ""

    @property
    def heading(self) -> str:
        return f"{self.label} {self.when}" if self.when else self.label

    def item_texts(self) -> list[str]:
        return [i.text for i in self.items] + ([f"+{self.more} more"] if self.more else [])


def cold_when(r: Review) -> str:
    """``as of Sun 22 Nov``: the day gone cold is counted on."""
    return f"as of {short_date(r.cold_on)}"


def verdict(r: Review) -> str:
    """What the week's gives and asks say."""
    if r.gives == r.asks == 0:
        return "no gives or asks this week"
    if r.gives > r.asks:
        return "giving more than asking"
    if r.asks > r.gives:
        return "asking more than giving: give back soon"
    return "balanced"


def people_rows(r: Review) -> list[PeopleRow]:
    cold = tuple(Item(c.name, f"{c.days_overdue}d") for c in r.gone_cold[:MAX_COLD])
    balance = (Item(f"{r.gives} given · {r.asks} asked · "
                    f"{counted(r.actions, 'action', 'actions')}"), Item("", verdict(r)))
    return [
        PeopleRow("New contacts", tuple(Item(c.name) for c in r.new_contacts), "none this week"),
        PeopleRow("Followed up", tuple(Item(f.contact_name) for f in r.follow_ups_done),
                  "none done"),
        PeopleRow("Missed", tuple(Item(f.contact_name, f"due {short_date(f.due_on)}")
                                  for f in r.follow_ups_missed), "no follow-up missed"),
        PeopleRow("Give / ask", balance, ""),
        PeopleRow("Gone cold", cold, "nobody, everyone is within their rhythm",
                  max(0, len(r.gone_cold) - MAX_COLD), cold_when(r)),
    ]
