"""A realistic LinkedIn ``Connections.csv`` of many connections, for day-one tests.

Shaped like LinkedIn's export: the "Notes:" preamble, then First Name, Last Name, URL, Email
Address (mostly empty: only those who allow it), Company (some with commas, so quoted),
Position and Connected On ("12 Mar 2014"), connections made over 15 years, newest first as
LinkedIn lists them. Deterministic. ``python -m tests.transfer.linkedin_gen 1000 >
Connections.csv`` writes one.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date, timedelta

FIRST = ("Maria", "Chidi", "Priya", "Lena", "Tomás", "Amara", "Jonas", "Yuki", "Fatima",
         "Oleksandr", "Grace", "Mateo", "Aisha", "Lars", "Mei", "Kwame", "Sofia", "Arjun",
         "Zoë", "Noah", "Ines", "Hiroshi", "Leila", "Björn", "Camille", "Dmitri", "Nia")
LAST = ("Chen", "Okafor", "Natarajan", "Fischer", "Silva", "Osei", "Berg", "Tanaka", "Haddad",
        "Kovalenko", "Mwangi", "García", "Rahman", "Nilsson", "Wang", "Mensah", "Rossi",
        "Iyer", "Dubois", "Levi", "Moreau", "Sato", "Karimi", "Andersen", "Novak")
COMPANIES = ("Acme, Inc.", "Northwind Health", "Initech", "Globex", "Umbrella Labs",
             "Studio Nord", "Kumasi Code", "Blue Fern Studio", "Hooli", "Vandelay Industries",
             "Stark & Wayne LLP", "Freelance", "")
POSITIONS = ("Staff Engineer", "Product Manager", "VP Engineering", "Designer",
             "Chief Medical Officer, Research", "Data Scientist", "Recruiter", "Founder",
             "Engineering Manager", "Student")
PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have "
    "allowed their connections to see or download their email address using this setting "
    'https://www.linkedin.com/psettings/privacy/email."\n\n'
)
FIRST_DAY, LAST_DAY = date(2011, 6, 1), date(2026, 11, 20)


def connection(i: int, count: int) -> list[str]:
    """Row ``i``: LinkedIn lists the newest connection first."""
    first = FIRST[i % len(FIRST)]
    last = f"{LAST[(i * 7) % len(LAST)]}{'-' + str(i // 500) if i >= 500 else ''}"
    span = (LAST_DAY - FIRST_DAY).days
    connected = LAST_DAY - timedelta(days=span * i // max(count - 1, 1))
    slug = f"{first}-{last}-{i}".lower().replace(" ", "-")
    email = f"{slug}@mail.example" if i % 3 == 0 else ""
    return [first, last, f"https://www.linkedin.com/in/{slug}", email,
            COMPANIES[(i * 5) % len(COMPANIES)], POSITIONS[(i * 3) % len(POSITIONS)],
            connected.strftime("%d %b %Y")]


def connections_csv(count: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])
    for i in range(count):
        writer.writerow(connection(i, count))
    return PREAMBLE + out.getvalue()


if __name__ == "__main__":
    sys.stdout.write(connections_csv(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
