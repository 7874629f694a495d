"""The flags that several commands share: a contact's fields and a practice's fields."""

from __future__ import annotations

import argparse


def contact_fields(p: argparse.ArgumentParser) -> None:
    """The fields of ``contacts add`` and ``contacts edit``."""
    p.add_argument("--company", help="where they work")
    p.add_argument("--role", help="what they do")
    p.add_argument("--email", help="their email address")
    p.add_argument("--phone", help="their phone number")
    p.add_argument("--url", help="a profile or website")
    p.add_argument("--tag", action="append", dest="tags", metavar="TAG",
                   help="a shared interest (repeat for several)")
    p.add_argument("--every", metavar="DAYS", help="keep in touch every DAYS days")
    p.add_argument("--how-met", metavar="TEXT", help="how you met")
    p.add_argument("--met-at", metavar="EVENT", help="the event where you met")
    p.add_argument("--met-on", metavar="DATE", help="when you met")
    p.add_argument("--last-contact", metavar="DATE",
                   help="when you last talked (counts like a logged action)")
    p.add_argument("--notes", metavar="TEXT", help="anything worth remembering about them")


def practice_fields(p: argparse.ArgumentParser) -> None:
    """The fields of ``practices add`` and ``practices edit``."""
    p.add_argument("--target", metavar="N", help="times per period (at least 1)")
    p.add_argument("--period", metavar="WEEKS", help="1, 2 or 4 weeks (default 1)")
    p.add_argument("--kind", metavar="KIND", help="give, ask or neutral")
    p.add_argument("--prompt", metavar="TEXT", help="one line of advice shown with it")
    p.add_argument("--slug", metavar="SLUG", help="the short name used on the command line")
