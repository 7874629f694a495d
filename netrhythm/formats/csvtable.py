"""CSV files as a header and numbered rows: delimiter (comma, semicolon, tab), quotes, strictness.

Line numbers are those a text editor shows, also when a quoted cell spans several lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from netrhythm.domain.errors import InputError

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 30


@dataclass
class Table:
    """A CSV file's header (normalised names) and its non-empty rows with their line numbers."""

    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]]

    def column(self, *names: str) -> int | None:
        return next((self.header.index(n) for n in names if n in self.header), None)


def norm(cell: str) -> str:
    """A header cell in a comparable form: ``Email_Address `` → ``email address``."""
    return re.sub(r"[\s_]+", " ", cell.strip().lstrip("\ufeff")).casefold()


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    # A cell may be as long as the file (it is in memory already): an over-long note is then
    # refused by the field's own limit, naming the field, instead of csv's "field larger than
    # field limit (131072)".
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(start, str(exc)) from None
        yield start, row
        start = reader.line_num + 1


def _csv_error(line: int, message: str) -> InputError:
    if "end of data" in message or "unexpected end" in message:
        problem = "a quoted cell opened on this line is never closed; add the closing quote"
    else:
        problem = f"{message}; check the quotes on this line"
    return InputError("CSV", f"line {line}: {problem}")


def find_header(text: str, is_header: Callable[[list[str]], bool]) -> tuple[str, int] | None:
    """The delimiter and the index of the first row (among the first few) that ``is_header``."""
    for delimiter in DELIMITERS:
        try:
            for index, (_, row) in enumerate(_rows(text, delimiter)):
                if index >= HEADER_SEARCH_ROWS:
                    break
                if is_header([norm(c) for c in row]):
                    return delimiter, index
        except InputError:
            continue
    return None


def read_table(text: str, source: str, delimiter: str, header_index: int) -> Table:
    """Every row after the header; extra non-empty cells are an error naming the line."""
    header: list[str] = []
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    try:
        for index, (line, row) in enumerate(_rows(text, delimiter)):
            if index < header_index:
                continue
            if index == header_index:
                header, header_line = [norm(c) for c in row], line
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                raise InputError("CSV", (
                    f"line {line}: {len(row)} cells but the header (line {header_line}) names "
                    f"{len(header)} columns; quote cells that contain {_name(delimiter)}"))
            rows.append((line, row[:len(header)] + [""] * (len(header) - len(row))))
    except InputError as exc:
        raise InputError(source, exc.message) from None
    return Table(header, header_line, rows)


def _name(delimiter: str) -> str:
    return {",": "a comma", ";": "a semicolon", "\t": "a tab"}[delimiter]


def write_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
