"""LinkedIn's ``Connections.csv``: a few "Notes:" lines, then First Name, Last Name, URL,
Email Address, Company, Position, Connected On. Connected On is kept as connected_on (a fact,
never a contact: it does not make anyone due); how_met says LinkedIn.
"""

from __future__ import annotations

from datetime import date, datetime

from netrhythm.domain.errors import InputError
from netrhythm.formats.csvtable import Table
from netrhythm.formats.records import Candidate, build, nameless

REQUIRED = ("first name", "last name")
DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y",
                "%b %d, %Y", "%d %B %Y")


def is_header(cells: list[str]) -> bool:
    return "first name" in cells and "connected on" in cells


def looks_like(text: str) -> bool:
    """LinkedIn's export starts with a "Notes:" preamble before the header."""
    return text.lstrip().lower().startswith("notes:")


def connected_on(value: str, source: str, where: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(source, f"{where}: Connected On {text[:30]!r} is not a date like "
                             "23 Nov 2026 or 2026-11-23; fix the cell or clear it")


def parse(table: Table, source: str) -> tuple[list[Candidate], list[tuple[str, str]]]:
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        raise InputError(source, f"line {table.header_line}: the LinkedIn header has no "
                                 f"{missing[0].title()!r} column; export Connections.csv again")

    def cell(row: list[str], name: str) -> str:
        index = table.column(name)
        return row[index].strip() if index is not None else ""

    found: list[Candidate] = []
    skipped: list[tuple[str, str]] = []
    for line, row in table.rows:
        where = f"line {line}"
        name = f"{cell(row, 'first name')} {cell(row, 'last name')}".strip()
        email = cell(row, "email address")
        if not name:
            skipped.append(nameless(where, [email]))
            continue
        found.append(build(
            source, where, name=name, emails=[email], urls=[cell(row, "url")],
            company=cell(row, "company"), role=cell(row, "position"), how_met="LinkedIn",
            connected_on=connected_on(cell(row, "connected on"), source, where),
        ))
    return found, skipped
