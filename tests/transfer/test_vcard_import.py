"""vCard 2.1, 3.0 and 4.0 files from phones and address books: exact counts and fields."""

from __future__ import annotations

from datetime import date

from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from tests.transfer.conftest import by_name, data, fields


def test_apple_vcard_30_folded_escaped_grouped_and_deduplicated(ctx: Context) -> None:
    summary = import_contacts(ctx, data("apple-v30.vcf"))
    assert (summary.read, summary.added, summary.merged) == (7, 3, 2)
    assert summary.format == "vCard"
    assert summary.skipped == [
        ("card 3 (line 27)", "a contact group, not a person"),
        ("card 5 (line 42) Chidi Okafor",
         "duplicate of Chidi Okafor from card 2 (line 18), same name and company"),
    ]
    assert summary.merges == [
        ("card 4 (line 34) Maria Chen",
         "into Maria Chen from card 1 (line 1), same email: added tag climbing"),
        ("card 7 (line 54) Ana Ruiz",
         "into Ana Ruiz from card 6 (line 48), same name and company: added phone"),
    ]
    people = by_name()
    assert sorted(people) == ["Ana Ruiz", "Chidi Okafor", "Maria Chen"]
    assert fields(people["Maria Chen"]) == {
        "company": "Acme, Inc.", "role": "VP Engineering",
        "email": "maria.chen@mail.example",  # the preferred (type=pref) address comes first
        "phone": "+1 415 555 0100", "url": "https://acme.example/people/maria",
        "how_met": "", "met_on": None,
        "notes": "Met at PyCon US, Pittsburgh.\nLoves tomatoes and container gardening; asked "
                 "about our hiring process.\nOther emails: maria@acme.example\n"
                 "Other phones: +1 415 555 0199",
        "cadence_days": None, "tags": ("climbing", "gardening", "Mentors", "python"),
    }
    assert people["Chidi Okafor"].role == "Chief Medical Officer, Research"
    assert people["Chidi Okafor"].email == "chidi@northwind.example"
    assert (people["Ana Ruiz"].company, people["Ana Ruiz"].phone) == ("Globex", "+34 600 000 000")
    assert people["Ana Ruiz"].created_on == date(2026, 11, 23)


def test_phone_vcard_21_quoted_printable_charsets_and_unescaped_commas(ctx: Context) -> None:
    summary = import_contacts(ctx, data("phone-v21.vcf"))
    assert (summary.read, summary.added, summary.merged) == (4, 3, 0)
    assert summary.skipped == [("card 3 (line 25) (unknown@number.example)", "no name")]
    people = by_name()
    assert sorted(people) == ["Jürgen Müller", "Noémie Gaël", "Smith, Jo"]
    assert fields(people["Jürgen Müller"]) == {
        "company": "Beispiel GmbH", "role": "Leiter Vertrieb, DACH",
        "email": "juergen@beispiel.example", "phone": "+49 170 1234567", "url": "",
        "how_met": "", "met_on": None,
        "notes": "Met at the Berlin meetup, table 4.\nWants an intro to a designer; likes "
                 "climbing ⛰\nOther phones: +49 30 1234",
        "cadence_days": None, "tags": ("Berlin", "climbing"),
    }
    noemie = people["Noémie Gaël"]  # ISO-8859-1 quoted-printable; the photo is ignored
    assert (noemie.email, noemie.url) == ("noemie.gael@atelier.example", "http://atelier.example")
    assert noemie.notes == "Other emails: noemie@maison.example"
    assert people["Smith, Jo"].phone == "+44 20 7946 0000"


def test_vcard_40_preferences_uri_phones_groups_and_unicode(ctx: Context) -> None:
    summary = import_contacts(ctx, data("nextcloud-v40.vcf"))
    assert (summary.read, summary.added, summary.merged) == (3, 2, 0)
    assert summary.skipped == [("card 2 (line 16)", "a contact group, not a person")]
    people = by_name()
    assert fields(people["Sofía Ramírez 🌱"]) == {
        "company": "Verde Labs", "role": "Founder", "email": "sofia.r@correo.example",
        "phone": "+34-600-123-456", "url": "https://verde.example", "how_met": "",
        "met_on": None,
        "notes": "Climate tech founder. Ask about the seed round.\n"
                 "Other emails: sofia@verde.example",
        "cadence_days": None, "tags": ("climate", "founders"),
    }
    yael = people["יעל כהן"]
    assert (yael.email, yael.company, yael.tags) == (
        "yael@example.co.il", "Tel Aviv Makers", ("founders",))


def test_importing_the_same_file_again_changes_nothing(ctx: Context) -> None:
    import_contacts(ctx, data("apple-v30.vcf"))
    before = by_name()
    again = import_contacts(ctx, data("apple-v30.vcf"))
    assert (again.added, again.merged) == (0, 0)
    assert len(again.skipped) == 7
    assert ("card 1 (line 1) Maria Chen",
            "already in netrhythm: Maria Chen (#1), same email") in again.skipped
    assert by_name() == before
