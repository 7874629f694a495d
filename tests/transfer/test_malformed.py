"""A malformed file imports nothing and says where and what: the line or card and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from tests.transfer.conftest import data, state

CASES = [
    ("bad-no-end.vcf",
     "card 2 (line 5): no END:VCARD before the next BEGIN:VCARD on line 9"),
    ("bad-truncated.vcf", "card 2 (line 5): no END:VCARD; the file may be cut short"),
    ("bad-line.vcf",
     "card 2 (line 5): line 8 cannot be read (Failed to parse line: this line has no colon); "
     "a line must look like NAME:value"),
    ("bad-outside.vcf", "line 1: 'hello' is outside any BEGIN:VCARD … END:VCARD card"),
    ("bad-utf8.csv", "line 3: the byte at offset 32 (0xe9) is not valid UTF-8; save it as "
                     "UTF-8 (or UTF-16) and import again"),
    ("bad-extra-cells.csv", "line 3: 4 cells but the header (line 1) names 3 columns; quote "
                            "cells that contain a comma"),
    ("bad-no-name-column.csv", "line 1: the header 'email,company' has no 'name' column"),
    ("bad-quote.csv", "line 3: a quoted cell opened on this line is never closed; add the "
                      "closing quote"),
    ("bad-cadence.csv", "line 3: cadence_days 'often' is not a whole number"),
    ("bad-linkedin-date.csv", "line 6: Connected On 'sometime last year' is not a date like "
                              "23 Nov 2026 or 2026-11-23; fix the cell or clear it"),
    ("empty.csv", "is empty; there is nothing to import"),
]


@pytest.mark.parametrize(("name", "problem"), CASES)
def test_malformed_file_names_the_place_and_writes_nothing(ctx: Context, name: str,
                                                           problem: str) -> None:
    import_contacts(ctx, data("plain.csv"))  # something to keep intact
    before = state(ctx.location)
    with pytest.raises(InputError) as raised:
        import_contacts(ctx, data(name))
    assert raised.value.field == name
    assert raised.value.message.startswith(problem), raised.value.message
    assert state(ctx.location) == before


def test_a_bad_row_after_thousands_of_good_ones_still_writes_nothing(ctx: Context,
                                                                     tmp_path: Path) -> None:
    rows = [f"Person {i},p{i}@example.com" for i in range(3000)]
    path = tmp_path / "big.csv"
    path.write_text("name,email\n" + "\n".join(rows) + "\n" + ("x" * 201) + ",long@x\n")
    before = state(ctx.location)
    with pytest.raises(InputError, match="line 3002: name is 201 characters long"):
        import_contacts(ctx, path)
    assert state(ctx.location) == before


@pytest.mark.parametrize(("content", "problem"), [
    (b"name\nAna\x00Ruiz\n", "line 2: contains a NUL byte"),
    (b"\xff\xfen\x00a\x00\x00\xd8\n\x00",
     "line 1: the byte at offset 6 (0x00) is not valid UTF-16"),
    (b"{\"format\": \"netrhythm-export\"}", "looks like a JSON file, not contacts"),
    (b"name,email\r\nAna,ana@x\r\n\"Ben\",\"b\"x\r\n", "line 3: ',' expected after '\"'"),
])
def test_encoding_and_syntax_problems(ctx: Context, tmp_path: Path, content: bytes,
                                      problem: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        import_contacts(ctx, path)
    assert raised.value.message.startswith(problem), raised.value.message


def test_missing_file_and_folder_are_input_errors(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_contacts(ctx, tmp_path / "nope.vcf")
    with pytest.raises(InputError, match="is a folder"):
        import_contacts(ctx, tmp_path)
