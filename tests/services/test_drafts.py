"""The draft service: the facts it gathers from a real database, and what it never reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netrhythm.domain.draft_words import clean
from netrhythm.domain.errors import InputError
from netrhythm.services.contacts.manage import ContactForm, add_contact, set_archived
from netrhythm.services.context import Context
from netrhythm.services.drafts import templates as draft_settings
from netrhythm.services.drafts.compose import draft_for, draft_named, gather, kind_of
from netrhythm.services.events import EventForm, add_event
from netrhythm.services.lookup import contact, practice
from netrhythm.services.practices import PracticeForm, add_practice
from netrhythm.services.settings import current, set_value
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.undo import undo
from netrhythm.storage import contacts as contact_store
from tests.helpers import dump, query

TODAY = date(2026, 11, 23)


def add(ctx: Context, name: str, **fields: object) -> int:
    return add_contact(ctx, ContactForm(name=name, **fields)).id  # type: ignore[arg-type]


@pytest.fixture
def people(ctx: Context) -> Context:
    """Maria, met at Rust Meetup a month ago; people who share her interests; events."""
    add_event(ctx, EventForm("Rust Meetup", "2026-10-20", notes="rust talks"))
    add_event(ctx, EventForm("Go Night", "2026-12-10", location="c-base", notes="go and rust"))
    add_event(ctx, EventForm("Climate Camp", "2027-02-01", notes="climate"))  # beyond 30 days
    add(ctx, "Dr. Maria Chen", how_met="introduced by Ana", met_at="Rust Meetup",
        tags=["rust", "go", "mentors"], notes="Has a dog called Pixel.")
    contact_store.set_tag_cadence("mentors", 30)
    add(ctx, "Ana Ruiz", tags=["rust"])
    add(ctx, "Ben Okafor", tags=["rust", "go"])
    add(ctx, "Cleo Park", tags=["go"])
    set_archived(ctx, "Cleo Park")
    log_action(ctx, LogRequest("reach-out", ["Ana Ruiz"], date="2026-11-20"))
    log_action(ctx, LogRequest("give-value", ["Dr. Maria Chen"], note="Sent the secret plan",
                               date="2026-09-01"))
    return ctx


def test_the_facts_come_from_storage_and_never_hold_notes(people: Context) -> None:
    maria = contact("maria")
    facts = gather(people, maria)
    assert (facts.name, facts.how_met, facts.event, facts.met_on) == (
        "Dr. Maria Chen", "introduced by Ana", "Rust Meetup", date(2026, 10, 20))
    assert facts.interests == ("go", "rust")  # "mentors" has a cadence: a circle, not a topic
    assert (facts.last_kind, facts.last_on) == ("give-value", date(2026, 9, 1))
    # Ana was in touch most recently; Ben shares more; Cleo is archived
    assert [(p.name, p.interest) for p in facts.peers] == [("Ana Ruiz", "rust"),
                                                           ("Ben Okafor", "go")]
    assert facts.upcoming is not None and facts.upcoming.name == "Go Night"
    # meeting her at an event scheduled a follow-up (no task): the draft follows up
    assert facts.task == ""
    text = draft_for(people, maria).text
    assert text.startswith("Hi Maria,\n\nIt was good to meet you at Rust Meetup last month.")
    for kind in ("follow-up", "reach-out", "give-value", "attend-event"):
        text = draft_for(people, maria, practice(kind)).text
        assert "Pixel" not in text and "secret plan" not in text


def test_a_due_follow_up_task_is_quoted(people: Context) -> None:
    log_action(people, LogRequest("reach-out", ["Ben Okafor"], note="the slides from the talk",
                                  date="2026-11-16", follow_up_days="7"))
    result = draft_for(people, contact("ben"))
    assert result.practice is not None and result.practice.slug == "follow-up"
    assert "As promised, I'm following up on this: the slides from the talk." in result.text


def test_custom_practices_write_the_kind_of_their_reciprocity(people: Context) -> None:
    ask = add_practice(people, PracticeForm(name="Ask for advice", target="1",
                                            reciprocity="ask"))
    post = add_practice(people, PracticeForm(name="Write a post", target="1",
                                             reciprocity="give"))
    chat = add_practice(people, PracticeForm(name="Coffee", target="1", reciprocity="neutral"))
    assert [kind_of(p) for p in (ask, post, chat, None)] == [
        "ask", "give-value", "reach-out", "reach-out"]
    result = draft_named(people, "maria", "ask for advice")
    assert result.draft.kind == "ask"
    assert "I'd value your view" in result.text


def test_my_name_signs_drafts_and_undo_takes_it_back(people: Context) -> None:
    assert set_value(people, "my-name", "  Sam Lee ") == "Drafts are signed Sam Lee."
    assert current(people)["my-name"] == "Sam Lee"
    assert draft_named(people, "maria").text.endswith("\n\nAll the best,\nSam Lee")
    set_value(people, "draft-tone", "brief")
    brief = draft_named(people, "maria")
    assert brief.text.endswith("\n\nBest,\nSam Lee") and len(brief.draft.sentences) <= 3
    assert undo() == "set the draft tone to brief"
    assert undo() == "set your name to Sam Lee"
    assert "All the best" not in draft_named(people, "maria").text


def test_templates_are_checked_saved_used_and_undone(people: Context) -> None:
    before = dump(people.location)
    with pytest.raises(InputError) as caught:
        draft_settings.set_template(people, "follow-up", "We met at {evnt}. Hi.")
    assert (caught.value.field, "unknown placeholder {evnt}" in caught.value.message) == (
        "--set-template", True)
    assert dump(people.location) == before
    draft_settings.set_template(people, "Follow up", "We met at {event}! | Hello.\nTalk soon?")
    assert draft_settings.template_text("follow-up") == (
        "We met at {event}! | Hello.\nTalk soon?", True)
    assert draft_named(people, "maria", "follow-up").draft.sentences == (
        "We met at Rust Meetup!", "Talk soon?")
    assert draft_named(people, "ana", "follow-up").draft.sentences == ("Hello.", "Talk soon?")
    assert undo() == "set the follow-up draft template"
    assert draft_settings.template_text("follow-up")[1] is False
    draft_settings.set_template(people, "reach-out", "Hello.")
    assert draft_settings.reset_template(people, "reach-out") == \
        "The reach-out template is the default again."
    assert undo() == "reset the reach-out draft template"
    assert draft_settings.template_text("reach-out") == ("Hello.", True)


def test_a_saved_template_that_no_longer_parses_falls_back_to_the_default(
        people: Context) -> None:
    from netrhythm.storage.settings import set_setting

    set_setting(draft_settings.TEMPLATES, {"reach-out": "Only {nonsense}.", "bogus": 3})
    assert draft_named(people, "maria", "reach-out").draft.sentences[-1] == \
        "Would you be up for a quick call or a coffee sometime soon?"


def test_unknown_and_archived_contacts_are_refused_by_name(people: Context) -> None:
    with pytest.raises(InputError, match="no contact named 'Cleo'"):
        draft_named(people, "Cleo")
    with pytest.raises(InputError, match="no contact has id #999"):
        draft_for(people, 999)


def test_no_note_is_ever_quoted_on_the_demo_data(demo_ctx: Context) -> None:
    """Every active contact, every kind: no contact note and no action note appears (as a
    draft would hold it: cleaned), except a note that is also the task of a follow-up due
    with them (that one may be quoted)."""
    def read(sql: str, *params: object) -> list[tuple[Any, ...]]:  # plain reads, beside it
        return query(demo_ctx.location, sql, params)

    notes = {cid: clean(text) for cid, text in read(
        "SELECT id, notes FROM contact WHERE notes != ''")}
    action_notes: dict[int, set[str]] = {}
    for cid, text in read(
            "SELECT ac.contact_id, a.note FROM action a JOIN action_contact ac "
            "ON ac.action_id = a.id WHERE a.note != ''"):
        action_notes.setdefault(cid, set()).add(clean(text))
    due_by = (TODAY + timedelta(days=7)).isoformat()
    tasks: dict[int, set[str]] = {}
    for cid, text in read(
            "SELECT contact_id, note FROM follow_up WHERE done_on IS NULL AND due_on <= ? "
            "AND note != ''", due_by):
        tasks.setdefault(cid, set()).add(clean(text))
    ids = [cid for (cid,) in read("SELECT id FROM contact WHERE NOT archived")]
    kinds = [practice(slug) for slug in ("follow-up", "reach-out", "give-value",
                                         "attend-event")]
    quoted_tasks = 0
    for cid in ids:
        for chosen in kinds:
            text = draft_for(demo_ctx, cid, chosen).text
            assert notes.get(cid, "\0") not in text
            for note in action_notes.get(cid, set()) - tasks.get(cid, set()):
                assert note not in text, (cid, note, text)
            quoted_tasks += any(task in text for task in tasks.get(cid, ()))
    assert quoted_tasks > 0  # the check can see a quoted note


@pytest.fixture(scope="module")
def shared_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    """One database for every generated contact (hypothesis runs many examples per test)."""
    from netrhythm.domain.clock import FixedClock
    from netrhythm.services.context import open_context
    from tests.helpers import FROZEN_NOW

    context = open_context(tmp_path_factory.mktemp("drafts") / "n.db", FixedClock(FROZEN_NOW))
    add_event(context, EventForm("Rust Meetup", "2026-11-01"))
    add_event(context, EventForm("Garden Swap", "2026-12-01", notes="gardening, rust"))
    add(context, "Peer Person", tags=["rust", "gardening"])
    yield context
    context.close()


words = st.text(st.sampled_from(list("abcXYZ éü.,!?()\"'-:{}")), max_size=25)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(how_met=words, tags=st.lists(st.sampled_from(["rust", "gardening", "go"]), max_size=3),
       met=st.booleans(), note=words, action_note=words, last=st.integers(0, 400))
def test_generated_contacts_never_see_their_notes_quoted(
        shared_ctx: Context, how_met: str, tags: list[str], met: bool, note: str,
        action_note: str, last: int) -> None:
    marker = f"Secret{contact_store.names_index()[-1][0] + 1}"
    contact_id = add(shared_ctx, f"Generated {marker}", how_met=how_met, tags=tags,
                     met_at="Rust Meetup" if met else None, notes=f"{note} {marker}note")
    day = (TODAY - timedelta(days=last)).isoformat()
    log_action(shared_ctx, LogRequest("give-value", [f"#{contact_id}"], date=day,
                                      note=f"{action_note} {marker}action"))
    for slug in ("follow-up", "reach-out", "give-value", "attend-event"):
        text = draft_for(shared_ctx, contact_id, practice(slug)).text
        assert f"{marker}note" not in text and f"{marker}action" not in text, text
        assert 2 <= len(draft_for(shared_ctx, contact_id, practice(slug)).draft.sentences) <= 4
