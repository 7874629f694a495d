"""Contact search finds the same contacts in the same order on both backends: on the demo, then
after edits (accents, tags, notes, events, action notes), a delete, an undo, a vCard import
and its undo. Each backend's answers are also checked against what the words say."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from netrhythm.services.contacts.search import matching_ids, search
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from netrhythm.storage import actions, contact_list, contacts, events, journal, practices
from netrhythm.storage.search import search_contact_ids
from netrhythm.storage.tables import Action, Tag
from tests.helpers import FROZEN_NOW
from tests.postgres.parity import TODAY, Scenario
from tests.transfer.vcard_gen import cards

FIXED = ["a", "an", "e", "zo", "zoe", "ZOË", "Zoe", "muller", "Müller", "MULLER", "mül",
         "python", "coffee", "tech meetup", "meetup tech", "connected 2024", "connected", "gard",
         "acme", "example", "x_y", "_", "!!", "renamed", "slides", "beekeep", "ana novak", "o'neil",
         "2024 03", "engineer lead", "gartner", "olmal", "GÄRT", "quilt"]


def _queries() -> list[str]:
    """The fixed words, and words from the data itself: names, tags, events, notes."""
    lines = list(contact_list.contact_lines(TODAY, include_archived=True))
    found = [w for c in lines[:40:3] for w in c.name.split()[:1]]
    found += [t for c in lines[:60] for t in c.tags][:8]
    found += [e.name for e in events.list_events()[:6]]
    found += [a.note.split()[0] for a in actions.actions_between(TODAY - timedelta(60), TODAY)
              if a.note.strip()][:8]
    return FIXED + found


def _answers() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in _queries():
        out[q] = (list(search_contact_ids(q)), list(search_contact_ids(q, limit=7)),
                  list(matching_ids(q)), [c.id for c in search(q, limit=5)],
                  [c.id for c in search(q, limit=5, include_archived=True)])
    return out


def _edits(ctx: Context, folder: Path) -> dict[str, Any]:
    seen = {"demo": _answers()}
    lines = list(contact_list.contact_lines(TODAY))
    zoe, other, gone, quilter = (c.id for c in lines[:4])
    event = events.list_events()[-1]
    practice = practices.list_practices()[0]
    with journal.change("Edited"):
        contacts.update_contact(zoe, name="Zoë MÜLLER", notes="Loves beekeeping!",
                                how_met="x_y hackathon", company="Acme-Corp",
                                email="zoe@example.com")
        contacts.set_tags(zoe, ["python", "garden"])
        contacts.update_contact(other, name="Zoe Muller", connected_on=TODAY)
        events.update_event(event.id, name="Renamed Meetup")
        sent = actions.insert_action(practice.id, TODAY, "sent the slides", event.id, [other],
                                     FROZEN_NOW)
        Tag.update(name="Gärtnerei").where(Tag.name == "garden").execute()
        Action.update(note="Ölmalerei workshop").where(Action.id == sent).execute()
        contacts.delete_contact(gone)
        contacts.set_tags(quilter, [*lines[3].tags, "quilting"])
    seen["edited"] = _answers()
    journal.undo()
    seen["undone"] = _answers()
    cards_file = folder / "people.vcf"
    cards_file.write_text(cards(40), newline="")
    import_contacts(ctx, cards_file, tag="bulk")
    seen["imported"] = _answers()
    journal.undo()
    seen["import undone"] = _answers()
    seen["ids"] = (zoe, other, gone, quilter)
    return seen


def test_search_finds_alike_on_both(on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(_edits)
    zoe, other, gone, quilter = on_file["ids"]
    edited = on_file["edited"]
    for spelled in ("zoe", "ZOË", "Zoe", "muller", "Müller", "MULLER", "mül", "zo"):
        assert {zoe, other} <= set(edited[spelled][2]), spelled
    assert edited["quilt"][2] == [quilter] and on_file["demo"]["quilt"][2] == []
    assert zoe in edited["gartner"][2] and zoe in edited["GÄRT"][2]
    assert other in edited["olmal"][2] and other not in edited["slides"][2]
    for word in ("beekeep", "x_y", "acme", "example", "renamed", "python", "connected"):
        assert zoe in edited[word][2] or other in edited[word][2], word
    assert edited["_"][0] == [] and edited["!!"][0] == []
    assert gone not in edited["a"][2] and gone in on_file["undone"]["a"][2]
    assert on_file["imported"] != on_file["demo"]
    assert on_file["import undone"] == on_file["undone"] == on_file["demo"]
    for stage in ("demo", "edited", "undone", "imported", "import undone"):
        differing = [q for q in on_file[stage] if on_file[stage][q] != on_server[stage][q]]
        assert not differing, (stage, {q: (on_file[stage][q], on_server[stage][q])
                                       for q in differing[:3]})
