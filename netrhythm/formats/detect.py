"""Which kind of file this is, and its parsed candidates: vCard, LinkedIn, Google or plain CSV."""

from __future__ import annotations

from dataclasses import dataclass, field

from netrhythm.domain.errors import InputError
from netrhythm.formats import google_csv, linkedin, plain_csv, vcard
from netrhythm.formats.csvtable import find_header, read_table
from netrhythm.formats.decode import decode, split_lines
from netrhythm.formats.records import Candidate

CSV_FORMATS = (("LinkedIn connections", linkedin), ("Google Contacts CSV", google_csv),
               ("CSV", plain_csv))


@dataclass
class Parsed:
    """What a contacts file holds, before anything is compared with the database."""

    format: str
    candidates: list[Candidate]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_contacts(data: bytes, source: str, suffix: str = "") -> Parsed:
    """Detect the format from the content (and the file name) and parse the whole file."""
    text = decode(data, source)
    if vcard.looks_like(text) or suffix.lower() in (".vcf", ".vcard"):
        found, skipped = vcard.parse(text, source)
        return Parsed("vCard", found, skipped)
    if text.lstrip().startswith("{"):
        raise InputError(source, "looks like a JSON file, not contacts; a netrhythm export is "
                                 "loaded with `netrhythm import FILE`")
    for name, module in CSV_FORMATS:
        header = find_header(text, module.is_header)
        if header is None:
            continue
        table = read_table(text, source, *header)
        found, skipped = module.parse(table, source)
        notes = []
        if module is plain_csv and plain_csv.unknown_columns(table):
            notes.append("ignored columns: " + ", ".join(plain_csv.unknown_columns(table)))
        return Parsed(name, found, skipped, notes)
    raise _no_header(text, source)


def _no_header(text: str, source: str) -> InputError:
    number, first = next((n, line) for n, line in enumerate(split_lines(text), 1) if line.strip())
    if linkedin.looks_like(text):
        return InputError(source, "looks like LinkedIn's Connections.csv but has no header with "
                                  "'First Name' and 'Connected On'; export it again")
    fields = ", ".join(plain_csv.HEADER)
    return InputError(source, (
        f"line {number}: the header {first.strip()[:60]!r} has no 'name' column; a CSV file "
        f"needs a first line naming its columns, such as {fields} (or a vCard .vcf file)"))
