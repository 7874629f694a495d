"""No duplicates across files and within one; --tag, --dry-run, undo of a whole import."""

from __future__ import annotations

from netrhythm.services.contacts import manage as contact_service
from netrhythm.services.contacts.search import search
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from netrhythm.services.undo import latest_change, undo
from tests.transfer.conftest import by_name, data, state


def test_linkedin_then_phone_vcards_leave_no_duplicates(ctx: Context) -> None:
    import_contacts(ctx, data("Connections.csv"))
    summary = import_contacts(ctx, data("apple-v30.vcf"))
    assert (summary.added, summary.merged) == (1, 4)  # Ana is new, then merged with her phone
    assert summary.merges[0] == (
        "card 1 (line 1) Maria Chen",
        "into Maria Chen (#1), same email: added phone, notes, tag gardening, tag python, "
        "tag Mentors")
    people = by_name()
    assert sorted(people) == ["Ana Ruiz", "Chidi Okafor", "Maria Chen", "Priya Natarajan"]
    maria = people["Maria Chen"]
    assert maria.email == "maria@acme.example"  # filled fields are never overwritten
    assert maria.role == "VP Engineering" and maria.how_met == "LinkedIn"
    assert maria.phone == "+1 415 555 0100"
    assert maria.tags == ("climbing", "gardening", "Mentors", "python")
    assert people["Chidi Okafor"].email == "chidi@northwind.example"


def test_only_empty_fields_are_filled(ctx: Context) -> None:
    contact_service.add_contact(ctx, contact_service.ContactForm(
        name="Ana Ruiz", company="Globex", role="Head of Product", notes="Keep this note.",
        tags=["mentors"]))
    summary = import_contacts(ctx, data("plain.csv"))
    assert summary.merges[0] == (
        "line 2 Ana Ruiz", "into Ana Ruiz (#1), same name and company: added email, phone, "
                           "url, how met, met on, cadence days, tag design")
    ana = by_name()["Ana Ruiz"]
    assert (ana.role, ana.notes) == ("Head of Product", "Keep this note.")
    assert (ana.email, ana.cadence_days) == ("ana@globex.example", 30)
    assert ana.tags == ("climbing", "design", "mentors")


def test_archived_contacts_are_matched_too(ctx: Context) -> None:
    contact_service.add_contact(ctx, contact_service.ContactForm(
        name="Maria Chen", email="Maria@Acme.example"))
    contact_service.set_archived(ctx, "Maria Chen")
    summary = import_contacts(ctx, data("Connections.csv"))
    assert summary.merges[0][1].startswith("into Maria Chen (#1), same email")
    assert len([c for c in by_name().values() if c.name == "Maria Chen"]) == 1


def test_tag_option_tags_added_and_merged_contacts(ctx: Context) -> None:
    import_contacts(ctx, data("nextcloud-v40.vcf"))
    summary = import_contacts(ctx, data("nextcloud-v40.vcf"), tag="phone book")
    assert (summary.added, summary.merged) == (0, 2)
    assert all("phone book" in c.tags for c in by_name().values())
    assert latest_change() == "imported 0 contacts from nextcloud-v40.vcf, merged 2"


def test_dry_run_reports_the_same_and_writes_nothing(ctx: Context) -> None:
    before = state(ctx.location)
    preview = import_contacts(ctx, data("apple-v30.vcf"), dry_run=True)
    assert state(ctx.location) == before
    assert preview.lines()[1] == "Would add 3, would merge 2, would skip 2."
    assert preview.lines()[-1] == "Dry run: nothing was written."
    real = import_contacts(ctx, data("apple-v30.vcf"))
    assert (real.added, real.merged, real.skipped) == (
        preview.added, preview.merged, preview.skipped)


def test_undo_reverts_a_whole_import(ctx: Context) -> None:
    import_contacts(ctx, data("plain.csv"))
    before = state(ctx.location)
    summary = import_contacts(ctx, data("apple-v30.vcf"), tag="imported")
    assert summary.lines() == [
        "Read 7 contacts from apple-v30.vcf (vCard).",
        "Added 2, merged 2, skipped 3.",
        "  merged card 4 (line 34) Maria Chen into Maria Chen from card 1 (line 1), same email: "
        "added tag climbing",
        "  merged card 6 (line 48) Ana Ruiz into Ana Ruiz (#1), same name and company: "
        "added tag imported",
        "  skipped card 3 (line 27): a contact group, not a person",
        "  skipped card 5 (line 42) Chidi Okafor: duplicate of Chidi Okafor from card 2 "
        "(line 18), same name and company",
        "  skipped card 7 (line 54) Ana Ruiz: already in netrhythm: Ana Ruiz (#1), same name "
        "and company",
        "`netrhythm undo` reverts this import.",
    ]
    assert undo() == "imported 2 contacts from apple-v30.vcf, merged 2"
    assert state(ctx.location) == before


def test_imported_contacts_are_searchable(ctx: Context) -> None:
    import_contacts(ctx, data("apple-v30.vcf"))
    assert [c.name for c in search("tomatoes")] == ["Maria Chen"]
    assert [c.name for c in search("Northwind")] == ["Chidi Okafor"]


def test_a_file_of_only_known_people_records_no_change(ctx: Context) -> None:
    import_contacts(ctx, data("google-2024.csv"))
    assert latest_change() == "imported 2 contacts from google-2024.csv"
    again = import_contacts(ctx, data("google-2024.csv"))
    assert again.lines()[-1] == "  skipped line 3 Kenji Watanabe: already in netrhythm: " \
                                "Kenji Watanabe (#2), same name, no company"
    assert latest_change() == "imported 2 contacts from google-2024.csv"
