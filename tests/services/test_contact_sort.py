"""Sorting contacts by last contact: never contacted first, then the longest since."""

from __future__ import annotations

from netrhythm.services.contacts.contact_list import contact_lines, contact_list, sort_lines
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action


def test_sort_by_last_contact_puts_never_contacted_first_not_in_the_middle(
        ctx: Context) -> None:
    # Met long ago and never contacted, added today and never contacted, contacted recently
    # and long ago: "never" rows must not fall between the dated ones by their met day.
    for name, met in [("Recent", ""), ("Old", ""), ("Met Long Ago", "2024-01-10"),
                      ("Added Today", "")]:
        add_contact(ctx, ContactForm(name=name, met_on=met))
    log_action(ctx, LogRequest("reach-out", ["Recent"], date="yesterday"))
    log_action(ctx, LogRequest("reach-out", ["Old"], date="2025-03-01"))
    expected = ["Met Long Ago", "Added Today", "Old", "Recent"]
    assert [line.name for line in sort_lines(contact_lines(ctx), "last")] == expected
    assert [line.name for line in contact_list(ctx, key="last")] == expected
