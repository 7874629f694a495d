"""`contacts export --format vcf|csv`: files other apps read, and that read back the same."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
import vobject

from netrhythm.domain.clock import FixedClock
from netrhythm.domain.errors import InputError
from netrhythm.services.contacts import manage as contact_service
from netrhythm.services.context import Context, open_context
from netrhythm.services.transfer.exchange import export_contacts, import_contacts, write_private
from tests.helpers import FROZEN_NOW
from tests.transfer.conftest import by_name, data, fields

FIXTURES = ("apple-v30.vcf", "phone-v21.vcf", "nextcloud-v40.vcf", "plain.csv",
            "Connections.csv", "google.csv")


def _everything(ctx: Context) -> dict[str, dict[str, object]]:
    for name in FIXTURES:
        import_contacts(ctx, data(name))
    contact_service.add_contact(ctx, contact_service.ContactForm(
        name='Zoë "Z" Ng; PhD', company="Ng, Ng & Ng; Partners", role="Partner\\Founder",
        email="zoe@ng.example", phone="+1 (555) 010-0000", url="https://ng.example/a?b=c,d;e",
        how_met="Intro from Ana, at JSConf", met_on="2026-02-28",
        notes="Line one, with commas; and semicolons\nLine two: 🌱 עברית [bold]x[/bold]\n\n"
              + "long " * 40,
        cadence_days=21, tags=["climbing", "open source", "Mentors"],
        last_contact="2026-11-01"))
    return _fields()


def _fields() -> dict[str, dict[str, object]]:
    """What an import sets, with the days connected (LinkedIn) and last talked to."""
    return {name: {**fields(c), "connected_on": c.connected_on,
                   "last_contact_on": c.last_contact_on} for name, c in by_name().items()}


@pytest.mark.parametrize("fmt", ["vcf", "csv"])
def test_export_then_import_gives_the_same_contacts(ctx: Context, tmp_path: Path,
                                                    fmt: str) -> None:
    original = _everything(ctx)
    assert len(original) == 15
    path = tmp_path / f"out.{fmt}"
    write_private(path, export_contacts(ctx, fmt))
    other = open_context(tmp_path / "other.db", FixedClock(FROZEN_NOW))
    summary = import_contacts(other, path)
    assert (summary.added, summary.merged, summary.skipped) == (15, 0, [])
    assert _fields() == original
    assert original["Maria Chen"]["connected_on"] == date(2024, 3, 12)
    assert original['Zoë "Z" Ng; PhD']["last_contact_on"] == date(2026, 11, 1)


def test_vcard_export_is_vcard_30_that_vobject_reads(ctx: Context) -> None:
    _everything(ctx)
    cards = list(vobject.readComponents(export_contacts(ctx, "vcf")))
    assert len(cards) == 15
    zoe = next(c for c in cards if c.fn.value.startswith("Zoë"))
    assert zoe.version.value == "3.0"
    assert zoe.fn.value == 'Zoë "Z" Ng; PhD'
    assert zoe.org.value == ["Ng, Ng & Ng; Partners"]
    assert (zoe.title.value, zoe.email.value, zoe.tel.value) == (
        "Partner\\Founder", "zoe@ng.example", "+1 (555) 010-0000")
    assert zoe.categories.value == ["climbing", "Mentors", "open source"]
    assert (zoe.n.value.given, zoe.n.value.family) == ('Zoë "Z" Ng;', "PhD")  # last word


def test_csv_export_has_the_plain_header(ctx: Context) -> None:
    _everything(ctx)
    text = export_contacts(ctx, "csv")
    assert text.splitlines()[0] == ("name,email,company,role,phone,url,tags,notes,how_met,"
                                    "met_on,cadence_days,connected_on,last_contact")


def test_output_files_are_private_and_never_replaced(ctx: Context, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_private(tmp_path / "a.vcf", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.vcf").stat().st_mode) == 0o600
    with pytest.raises(InputError, match="a.vcf already exists; choose another name"):
        write_private(tmp_path / "a.vcf", "y")
    assert (tmp_path / "a.vcf").read_text() == "x"
    with pytest.raises(InputError, match="cannot be created"):
        write_private(tmp_path / "missing" / "a.vcf", "y")
