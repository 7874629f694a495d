"""A plain CSV whose header names the fields: name, email, company, role, phone, url, tags,
notes, how_met, met_on, cadence_days, connected_on, last_contact (common synonyms and any case
accepted; last_contact is when you last talked, and counts like a logged action). Also the
writer for ``netrhythm contacts export --format csv``, which reads back to the same contacts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from netrhythm.domain.errors import InputError
from netrhythm.domain.records import ContactRec
from netrhythm.formats.csvtable import Table, write_csv
from netrhythm.formats.records import Candidate, build, nameless, split_tags

HEADER = ["name", "email", "company", "role", "phone", "url", "tags", "notes", "how_met",
          "met_on", "cadence_days", "connected_on", "last_contact"]
ALIASES = {
    "name": ("name", "full name", "fn", "display name"),
    "first": ("first name", "given name"),
    "last": ("last name", "family name", "surname"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail"),
    "company": ("company", "organization", "organisation", "org", "employer"),
    "role": ("role", "title", "job title", "position"),
    "phone": ("phone", "telephone", "mobile", "tel", "phone number"),
    "url": ("url", "website", "link", "linkedin", "profile"),
    "tags": ("tags", "tag", "categories", "labels", "interests"),
    "notes": ("notes", "note", "comments"),
    "how_met": ("how met", "how we met", "how_met"),
    "met_on": ("met on", "met"),
    "cadence_days": ("cadence days", "cadence", "every", "every days", "keep in touch every"),
    "connected_on": ("connected on", "connected"),
    "last_contact": ("last contact", "last contacted", "last talked", "last contact on"),
}
_KNOWN = {alias for names in ALIASES.values() for alias in names}


def is_header(cells: list[str]) -> bool:
    return any(c in ALIASES["name"] or c in ALIASES["first"] for c in cells)


def unknown_columns(table: Table) -> list[str]:
    return [c for c in table.header if c and c not in _KNOWN]


def _date(value: str, source: str, where: str, column: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(source, f"{where}: {column} {value.strip()[:30]!r} is not a date like "
                                 "2026-11-23") from None


def parse(table: Table, source: str) -> tuple[list[Candidate], list[tuple[str, str]]]:
    columns = {key: table.column(*names) for key, names in ALIASES.items()}

    def cell(row: list[str], key: str) -> str:
        index = columns[key]
        return row[index].strip() if index is not None else ""

    found: list[Candidate] = []
    skipped: list[tuple[str, str]] = []
    for line, row in table.rows:
        where = f"line {line}"
        name = cell(row, "name") or f"{cell(row, 'first')} {cell(row, 'last')}".strip()
        if not name:
            skipped.append(nameless(where, [cell(row, "email")]))
            continue
        found.append(build(
            source, where, name=name, emails=[cell(row, "email")], phones=[cell(row, "phone")],
            urls=[cell(row, "url")], company=cell(row, "company"), role=cell(row, "role"),
            notes=row[columns["notes"]] if columns["notes"] is not None else "",
            how_met=cell(row, "how_met"),
            met_on=_date(cell(row, "met_on"), source, where, "met_on"),
            cadence_days=cell(row, "cadence_days"), tags=split_tags([cell(row, "tags")]),
            connected_on=_date(cell(row, "connected_on"), source, where, "connected_on"),
            last_contact_on=_date(cell(row, "last_contact"), source, where, "last_contact"),
        ))
    return found, skipped


def write(contacts: Iterable[ContactRec]) -> str:
    rows = [[c.name, c.email, c.company, c.role, c.phone, c.url, "; ".join(c.tags), c.notes,
             c.how_met, _iso(c.met_on), str(c.cadence_days) if c.cadence_days is not None
             else "", _iso(c.connected_on), _iso(c.last_contact_on)] for c in contacts]
    return write_csv(HEADER, rows)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
