"""vCard 2.1, 3.0 and 4.0 through vobject, and the vCard 3.0 writer for ``contacts export``.

The file is cut into cards here, so errors name the card and its line and a card without END is
caught. vobject's reader splits each card into properties: folded lines, quoted-printable soft
line breaks (only with ``allowQP=True``), parameters. Values are decoded here (quoted-printable in
the line's CHARSET, backslash escapes): vobject's value decoding cuts text at the first unescaped
comma, and skipping it also halves the time. The X-NETRHYTHM-* properties carry what vCard has
no field for, so an export reads back to the same contacts.
"""

from __future__ import annotations

import io
import quopri
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import vobject
from vobject.base import VObjectError, getLogicalLines, parseLine

from netrhythm.domain.errors import InputError
from netrhythm.domain.records import ContactRec
from netrhythm.formats.decode import split_lines
from netrhythm.formats.records import Candidate, build, nameless, split_tags

_BEGIN = re.compile(r"^begin:vcard\s*$", re.IGNORECASE)
_END = re.compile(r"^end:vcard\s*$", re.IGNORECASE)
X_HOW_MET, X_MET_ON, X_EVERY = "X-NETRHYTHM-HOW-MET", "X-NETRHYTHM-MET-ON", "X-NETRHYTHM-EVERY"
X_CONNECTED_ON, X_LAST_CONTACT = "X-NETRHYTHM-CONNECTED-ON", "X-NETRHYTHM-LAST-CONTACT"


def looks_like(text: str) -> bool:
    return bool(_BEGIN.match(text.lstrip().split("\n", 1)[0].strip()))


def cards(text: str, source: str) -> list[tuple[int, str]]:
    """(first line number, text) of every card; text outside cards or a missing END is fatal."""
    out: list[tuple[int, str]] = []
    start: int | None = None
    lines = split_lines(text)
    for number, line in enumerate(lines, 1):
        if _BEGIN.match(line):
            if start is not None:
                raise InputError(source, f"card {len(out) + 1} (line {start}): no END:VCARD "
                                         f"before the next BEGIN:VCARD on line {number}")
            start = number
        elif _END.match(line):
            if start is None:
                raise InputError(source, f"line {number}: END:VCARD without a BEGIN:VCARD")
            out.append((start, "\r\n".join(lines[start - 1:number]) + "\r\n"))
            start = None
        elif start is None and line.strip():
            raise InputError(source, f"line {number}: {line.strip()[:40]!r} is outside any "
                                     "BEGIN:VCARD … END:VCARD card")
    if start is not None:
        raise InputError(source, f"card {len(out) + 1} (line {start}): no END:VCARD; "
                                 "the file may be cut short")
    return out


Line = tuple[bool, str]  # (preferred, value) of one property


def _read(card: str, source: str, where: str, first: int) -> dict[str, list[Line]]:
    """The card's properties by name, read with vobject's line grammar (folding, QP soft
    breaks, parameters); quoted-printable is undone here, binary values (photos) dropped."""
    props: dict[str, list[Line]] = {}
    try:
        for text, number in getLogicalLines(io.StringIO(card), allowQP=True):
            name, raw_params, value, _group = parseLine(text, number)
            params: dict[str, list[str]] = {}
            for param in raw_params:  # [NAME, value, …], or [VALUE] for 2.1's bare TYPE
                key = param[0].upper() if len(param) > 1 else "TYPE"
                for item in param[1:] or param:
                    params.setdefault(key, []).extend(v.upper() for v in item.split(","))
            types = params.get("ENCODING", []) + params.get("TYPE", [])
            if "B" in types or "BASE64" in types:
                continue
            if "QUOTED-PRINTABLE" in types:
                charset = (params.get("CHARSET") or ["UTF-8"])[0]
                value = quopri.decodestring(value.encode("utf-8")).decode(charset)
            preferred = "PREF" in params or "PREF" in types
            props.setdefault(name.upper(), []).append((preferred, value))
    except VObjectError as exc:
        line = first + max(int(exc.lineNumber or 1), 1) - 1
        problem = re.sub(r"^At line \d+: ", "", str(exc.msg if hasattr(exc, "msg") else exc))
        raise InputError(source, f"{where}: line {line} cannot be read ({problem}); a line "
                                 "must look like NAME:value") from None
    except (LookupError, ValueError) as exc:  # unknown charset, bad quoted-printable bytes
        raise InputError(source, f"{where}: cannot be decoded ({exc})") from None
    return props


def _split(value: str, separator: str | None = None) -> list[str]:
    """Unescape ``\\n \\, \\; \\\\`` and split on unescaped ``separator``. vobject's own
    decoding is not used: it cuts single values at the first unescaped comma
    ("FN:Chen, Maria" became "Chen"), and vCard 2.1 files never escape commas."""
    if "\\" not in value and (separator is None or separator not in value):
        return [value]
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(_ESCAPES.get(following, "\\" + following))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current)]


_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}


def _texts(props: dict[str, list[Line]], name: str) -> list[str]:
    """The decoded values of a property, preferred ones (PREF) first."""
    lines = props.get(name)
    if not lines:
        return []
    if len(lines) > 1:
        lines = sorted(lines, key=lambda line: not line[0])
    return [_split(value)[0].strip() for _, value in lines]


def _first(props: dict[str, list[Line]], *names: str) -> str:
    return next((t for name in names for t in _texts(props, name) if t), "")


def _structured(props: dict[str, list[Line]], name: str) -> list[str]:
    return [p.strip() for p in _split(props[name][0][1], ";")] if name in props else []


def _name(props: dict[str, list[Line]]) -> str:
    full = _first(props, "FN")
    if full:
        return full
    parts = _structured(props, "N")  # family; given; additional; prefix; suffix
    return " ".join(p for p in (parts[1:2] + parts[2:3] + parts[:1]) if p)


def _candidate(props: dict[str, list[Line]], source: str,
               where: str) -> Candidate | tuple[str, str]:
    if _first(props, "KIND", "X-ADDRESSBOOKSERVER-KIND").lower() == "group":
        return (where, "a contact group, not a person")
    name, emails = _name(props), _texts(props, "EMAIL")
    if not name:
        return nameless(where, emails)
    met, connected, last = (_date(props, name, source, where)
                            for name in (X_MET_ON, X_CONNECTED_ON, X_LAST_CONTACT))
    categories = [c for _, value in props.get("CATEGORIES", []) for c in _split(value, ",")]
    return build(
        source, where, name=name, emails=emails,
        phones=[re.sub(r"^tel:", "", t, flags=re.IGNORECASE) for t in _texts(props, "TEL")],
        urls=_texts(props, "URL"), company=(_structured(props, "ORG") + [""])[0],
        role=_first(props, "TITLE", "ROLE"), notes="\n".join(_texts(props, "NOTE")),
        how_met=_first(props, X_HOW_MET), met_on=met, cadence_days=_first(props, X_EVERY),
        tags=split_tags(categories), connected_on=connected, last_contact_on=last,
    )


def _date(props: dict[str, list[Line]], name: str, source: str, where: str) -> date | None:
    text = _first(props, name)
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise InputError(source, f"{where}: {name} {text[:30]!r} is not a date "
                                 "like 2026-11-23") from None


def parse(text: str, source: str) -> tuple[list[Candidate], list[tuple[str, str]]]:
    found: list[Candidate] = []
    skipped: list[tuple[str, str]] = []
    for number, (line, card_text) in enumerate(cards(text, source), 1):
        where = f"card {number} (line {line})"
        result = _candidate(_read(card_text, source, where, line), source, where)
        if isinstance(result, Candidate):
            found.append(result)
        else:
            skipped.append(result)
    return found, skipped


def write(contacts: Iterable[ContactRec]) -> str:
    """vCard 3.0, one card per contact."""
    return "".join(_card(c).serialize() for c in contacts)


def _card(c: ContactRec) -> Any:
    card = vobject.vCard()
    card.add("fn").value = c.name
    given, _, family = c.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    values = [("org", [c.company] if c.company else None), ("title", c.role),
              ("email", c.email), ("tel", c.phone), ("url", c.url), ("note", c.notes),
              ("categories", list(c.tags)), (X_HOW_MET, c.how_met),
              (X_MET_ON, c.met_on.isoformat() if c.met_on else ""),
              (X_EVERY, str(c.cadence_days) if c.cadence_days is not None else ""),
              (X_CONNECTED_ON, c.connected_on.isoformat() if c.connected_on else ""),
              (X_LAST_CONTACT, c.last_contact_on.isoformat() if c.last_contact_on else "")]
    for name, value in values:
        if value:
            line = card.add(name)
            line.value = value
            if name == "email":
                line.type_param = "INTERNET"
    return card
