"""Google Contacts' CSV export, old ("Given Name", "Group Membership", "E-mail 1 - Value") and
new ("First Name", "Labels", "Organization Name"). Cells holding several values join them
with " ::: "; labels starting with "*" (``* myContacts``, ``* starred``) are Google's own.
"""

from __future__ import annotations

import re

from netrhythm.formats.csvtable import Table
from netrhythm.formats.records import Candidate, build, nameless

_NUMBERED = re.compile(r"^(e-mail|phone|website|organization) (\d+) - (value|name|title)$")
_MARKERS = {"group membership", "given name", "family name", "organization name", "labels",
            "file as", "phonetic first name"}
SEPARATOR = " ::: "


def is_header(cells: list[str]) -> bool:
    return any(_NUMBERED.match(c) for c in cells) or len(_MARKERS.intersection(cells)) >= 2


def _numbered(table: Table, kind: str, part: str) -> list[int]:
    found = []
    for index, cell in enumerate(table.header):
        match = _NUMBERED.match(cell)
        if match and match.group(1) == kind and match.group(3) == part:
            found.append((int(match.group(2)), index))
    return [index for _, index in sorted(found)]


def _values(row: list[str], indexes: list[int]) -> list[str]:
    out: list[str] = []
    for index in indexes:
        out.extend(v.strip() for v in row[index].split(SEPARATOR.strip()))
    return [v for v in out if v]


def parse(table: Table, source: str) -> tuple[list[Candidate], list[tuple[str, str]]]:
    def cell(row: list[str], *names: str) -> str:
        index = table.column(*names)
        return row[index].strip() if index is not None else ""

    emails = _numbered(table, "e-mail", "value")
    phones = _numbered(table, "phone", "value")
    sites = _numbered(table, "website", "value")
    orgs = _numbered(table, "organization", "name")
    titles = _numbered(table, "organization", "title")
    found: list[Candidate] = []
    skipped: list[tuple[str, str]] = []
    for line, row in table.rows:
        where = f"line {line}"
        parts = (cell(row, "given name", "first name"), cell(row, "additional name", "middle name"),
                 cell(row, "family name", "last name"))
        name = cell(row, "name") or " ".join(p for p in parts if p) or cell(row, "nickname")
        addresses = _values(row, emails)
        if not name:
            skipped.append(nameless(where, addresses))
            continue
        labels = cell(row, "group membership", "labels").split(SEPARATOR.strip())
        found.append(build(
            source, where, name=name, emails=addresses, phones=_values(row, phones),
            urls=_values(row, sites),
            company=cell(row, "organization name") or next(iter(_values(row, orgs)), ""),
            role=cell(row, "organization title") or next(iter(_values(row, titles)), ""),
            notes=cell(row, "notes"),
            tags=[t.strip() for t in labels if t.strip() and not t.strip().startswith("*")],
        ))
    return found, skipped
