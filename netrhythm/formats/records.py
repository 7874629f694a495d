"""The candidate contact every importer produces, validated before anything is written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netrhythm.domain.dates import check_supported
from netrhythm.domain.errors import InputError
from netrhythm.domain.validate import MAX_NAME, clean_line, clean_name, clean_text, positive_int
from netrhythm.formats.sanitize import Stripper

MERGE_FIELDS = ("company", "role", "email", "phone", "url", "how_met", "met_on", "notes",
                "cadence_days", "connected_on", "last_contact_on")
_SPACES = re.compile(r"\s+")


@dataclass
class Candidate:
    """One person read from a file; ``where`` says where ("line 12", "card 3 (line 27)")."""

    where: str
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    how_met: str = ""
    met_on: date | None = None
    notes: str = ""
    cadence_days: int | None = None
    connected_on: date | None = None  # LinkedIn's "Connected On": a fact, never a contact
    last_contact_on: date | None = None  # when the user last talked to them, if given
    tags: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()  # every address, the first is ``email``: all count for dedupe
    extra: dict[str, Any] = field(default_factory=dict)  # passed through to new rows as is
    removed: int = 0  # control characters and bidi overrides stripped from the file's text

    def values(self) -> dict[str, Any]:
        return {"name": self.name, **{f: getattr(self, f) for f in MERGE_FIELDS}}


def fold(text: str) -> str:
    """The form names, companies and emails are compared in: case and spacing ignored."""
    return _SPACES.sub(" ", text).strip().casefold()


def split_tags(values: Iterable[str], separators: str = ";,") -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(re.split(f"[{re.escape(separators)}]", value or ""))
    return [t.strip() for t in out if t.strip()]


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        value = (value or "").strip()
        if value and fold(value) not in seen:
            seen[fold(value)] = value
    return list(seen.values())


def _more(notes: str, label: str, values: list[str]) -> str:
    if not values:
        return notes
    return (notes + "\n" if notes else "") + f"{label}: {', '.join(values)}"


class _Stripper(Stripper):
    """:class:`Stripper`, with any run of white space in a one-line field made one space."""

    def line(self, value: str | None) -> str:
        return _SPACES.sub(" ", super().line(value)).strip()

    def lines(self, values: Iterable[str]) -> list[str]:
        return [self.line(v) for v in values]


def build(source: str, where: str, *, name: str, emails: Iterable[str] = (),
          phones: Iterable[str] = (), urls: Iterable[str] = (), company: str = "",
          role: str = "", notes: str = "", how_met: str = "", met_on: date | None = None,
          cadence_days: str | int | None = None, tags: Iterable[str] = (),
          connected_on: date | None = None, last_contact_on: date | None = None,
          extra: dict[str, Any] | None = None) -> Candidate:
    """A validated candidate; a bad field raises InputError naming the file, place and field.

    Control characters and bidi overrides are stripped from every field (notes keep line
    breaks and tabs) and counted in ``removed``, rather than refusing the whole file. The
    first email, phone and link fill the contact's fields; further ones are kept in the notes
    ("Other emails: …") so nothing from the file is lost.
    """
    strip = _Stripper()
    try:
        all_emails = _unique(strip.lines(emails))
        all_phones, all_urls = _unique(strip.lines(phones)), _unique(strip.lines(urls))
        text = clean_text(strip.text(notes), "notes")
        text = _more(text, "Other emails", all_emails[1:])
        text = _more(text, "Other phones", all_phones[1:])
        text = _more(text, "Other links", all_urls[1:])
        return Candidate(
            where=where,
            name=clean_name(strip.line(name), "name"),
            company=clean_line(strip.line(company), "company", MAX_NAME),
            role=clean_line(strip.line(role), "role", MAX_NAME),
            email=clean_line(all_emails[0] if all_emails else "", "email", MAX_NAME),
            phone=clean_line(all_phones[0] if all_phones else "", "phone", MAX_NAME),
            url=clean_line(all_urls[0] if all_urls else "", "url", MAX_NAME),
            how_met=clean_line(strip.line(how_met), "how_met", MAX_NAME),
            met_on=check_supported(met_on, "met on") if met_on else None,
            notes=clean_text(text, "notes"),
            cadence_days=positive_int(cadence_days, "cadence_days", allow_empty=True),
            connected_on=check_supported(connected_on, "connected on") if connected_on
            else None,
            last_contact_on=check_supported(last_contact_on, "last contact")
            if last_contact_on else None,
            tags=tuple(clean_name(t, "tag") for t in _unique(strip.lines(tags))),
            emails=tuple(e.casefold() for e in all_emails),
            extra=extra or {},
            removed=strip.removed,
        )
    except InputError as exc:
        raise InputError(source, f"{where}: {exc.field} {exc.message}") from None


def nameless(where: str, emails: Iterable[str] = ()) -> tuple[str, str]:
    """The (who, why) of a record skipped because it has no name."""
    found = _unique(emails)
    return (f"{where} ({found[0]})" if found else where, "no name")
