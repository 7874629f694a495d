"""LinkedIn's Connections.csv, Google Contacts CSV (old and new) and plain CSV files,
including Excel's semicolons, byte-order marks and UTF-16."""

from __future__ import annotations

from datetime import date

from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from tests.transfer.conftest import by_name, data, fields


def test_linkedin_connections_after_the_notes_preamble(ctx: Context) -> None:
    summary = import_contacts(ctx, data("Connections.csv"))
    assert summary.format == "LinkedIn connections"
    assert (summary.read, summary.added, summary.merged) == (5, 3, 1)
    assert summary.skipped == [("line 7", "no name")]
    assert summary.merges == [("line 9 Priya Natarajan",
                               "into Priya Natarajan from line 8, same name and company: "
                               "added email")]
    people = by_name()
    assert fields(people["Maria Chen"]) == {
        "company": "Acme, Inc.", "role": "VP Engineering", "email": "maria@acme.example",
        "phone": "", "url": "https://www.linkedin.com/in/mariachen", "how_met": "LinkedIn",
        "met_on": None, "notes": "", "cadence_days": None, "tags": (),
    }
    # "Connected On" is a fact of its own, never a contact (nor the day met)
    assert (people["Maria Chen"].connected_on, people["Maria Chen"].last_contact) == \
        (date(2024, 3, 12), None)
    assert people["Chidi Okafor"].role == "Chief Medical Officer, Research"
    assert people["Chidi Okafor"].connected_on == date(2025, 1, 3)
    assert people["Priya Natarajan"].email == "priya@initech.example"


def test_google_contacts_csv_multi_values_labels_and_nameless_rows(ctx: Context) -> None:
    summary = import_contacts(ctx, data("google.csv"))
    assert summary.format == "Google Contacts CSV"
    assert (summary.read, summary.added, summary.merged) == (5, 3, 0)
    assert summary.skipped == [
        ("line 4", "no name"),
        ("line 7 Lena Fischer", "duplicate of Lena Fischer from line 2, same email"),
    ]
    people = by_name()
    assert fields(people["Lena Fischer"]) == {
        "company": "Studio Nord", "role": "Creative Director", "email": "lena@studio.example",
        "phone": "+49 40 555 0101", "url": "https://studio.example/lena", "how_met": "",
        "met_on": None,
        "notes": "Runs the Hamburg design meetup.\nPrefers Signal.\n"
                 "Other emails: lena.f@mail.example, lena@old.example",
        "cadence_days": None, "tags": ("Design", "Hamburg"),
    }
    assert (people["Bear"].email, people["Bear"].tags) == ("bear@woods.example", ())
    assert (people["Tomás Silva"].email, people["Tomás Silva"].tags) == (
        "tomas@silva.example", ("Friends",))


def test_google_contacts_csv_2024_layout(ctx: Context) -> None:
    summary = import_contacts(ctx, data("google-2024.csv"))
    assert (summary.format, summary.read, summary.added) == ("Google Contacts CSV", 2, 2)
    amara = by_name()["Amara Osei"]
    assert fields(amara) == {
        "company": "Kumasi Code", "role": "Engineering Manager", "email": "amara@kumasi.example",
        "phone": "+233 20 000 0000", "url": "https://kumasi.example", "how_met": "",
        "met_on": None, "notes": "Mentor from the Accra bootcamp.", "cadence_days": None,
        "tags": ("Mentors",),
    }
    assert by_name()["Kenji Watanabe"].phone == "+81 90 0000 0000"


def test_plain_csv_every_field_quotes_blank_rows_and_unknown_columns(ctx: Context) -> None:
    summary = import_contacts(ctx, data("plain.csv"))
    assert summary.format == "CSV"
    assert (summary.read, summary.added, summary.merged) == (5, 3, 1)
    assert summary.skipped == [("line 7 (noname@nowhere.example)", "no name")]
    assert summary.notes == ["ignored columns: favourite color"]
    people = by_name()
    assert sorted(people) == ["Ana Ruiz", "Ben Cohen", "Carla Mendes"]
    assert fields(people["Ana Ruiz"]) == {
        "company": "Globex", "role": "Product Lead", "email": "ana@globex.example",
        "phone": "+34 600 111 222", "url": "https://globex.example/ana", "how_met": "PyCon ES",
        "met_on": date(2026, 10, 3),
        "notes": "Introduced me to the Madrid PM group.\nFollow up about the offsite.",
        "cadence_days": 30, "tags": ("climbing", "design", "mentors"),
    }
    assert fields(people["Ben Cohen"])["email"] == ""
    carla = people["Carla Mendes"]
    assert (carla.notes, carla.how_met, carla.cadence_days) == (
        'She said "call me in spring"', "Lisbon Web Summit", 14)


def test_excel_semicolons_with_a_byte_order_mark(ctx: Context) -> None:
    summary = import_contacts(ctx, data("excel-semicolon.csv"))
    assert (summary.read, summary.added) == (2, 2)
    people = by_name()
    assert fields(people["Élodie Martin"]) | {"notes": ""} == {
        "company": "Société Démo", "role": "Analyste", "email": "elodie@exemple.example",
        "phone": "", "url": "", "how_met": "", "met_on": None, "notes": "",
        "cadence_days": None, "tags": ("finance", "paris"),
    }
    assert people["Jörg Weiß"].company == "Weiß & Co"


def test_excel_unicode_text_utf16_with_tabs(ctx: Context) -> None:
    summary = import_contacts(ctx, data("excel-utf16.csv"))
    assert (summary.read, summary.added) == (2, 2)
    people = by_name()
    assert (people["Zoë Ng"].email, people["Zoë Ng"].tags) == ("zoe@ng.example", ("design",))
    assert people["小林 陽子"].company == "小林商事"
