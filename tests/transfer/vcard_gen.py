"""Many realistic vCards (2.1 with quoted-printable, 3.0, 4.0) for bulk tests and benchmarks.

``python -m tests.transfer.vcard_gen 10000 > cards.vcf`` writes a file to time
``netrhythm contacts import cards.vcf`` with.
"""

from __future__ import annotations

import sys

TAGS = ("python", "gardening", "climbing", "design", "founders", "mentors", "hiring", "ml")


def card(i: int) -> str:
    tags = f"{TAGS[i % 8]},{TAGS[(i * 3 + 1) % 8]}"
    if i % 3 == 0:
        lines = [
            "VERSION:2.1",
            f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller {i};J=C3=BCrgen;;;",
            f"TEL;CELL;PREF:+49 170 {i:07d}", "TEL;WORK;VOICE:+49 30 1234",
            f"EMAIL;INTERNET:juergen{i}@example.de", f"ORG:Firma {i % 500};Vertrieb",
            "TITLE:Leiter Vertrieb, DACH",
            f"NOTE;ENCODING=QUOTED-PRINTABLE:Met at meetup {i}, table 4.=0D=0AWants an intro=",
            " to a designer.", f"CATEGORIES:{tags.replace(',', ';')}",
        ]
    else:
        lines = [
            f"VERSION:{'3.0' if i % 3 == 1 else '4.0'}", f"FN:Person Number {i}",
            f"N:Number {i};Person;;;", f"EMAIL;TYPE=INTERNET,WORK:p{i}@example.com",
            f"EMAIL;TYPE=HOME:p{i}@home.example", f"TEL;TYPE=CELL:+1 555 {i:07d}",
            f"ORG:Company {i % 500}", "TITLE:Manager", f"URL:https://example.com/p/{i}",
            "NOTE:Met at an event\\, talked about gardening\\nand climbing; follow up in",
            "  spring.", f"CATEGORIES:{tags}",  # folded: one space is the fold
        ]
    return "\r\n".join(["BEGIN:VCARD", *lines, "END:VCARD", ""])


def cards(count: int) -> str:
    return "".join(card(i) for i in range(count))


if __name__ == "__main__":
    sys.stdout.write(cards(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
