"""`netrhythm draft` through the console script: golden drafts on the demo data (frozen at
Monday 23 November 2026), names as everywhere, and templates that are checked and undone."""

from __future__ import annotations

import subprocess

import pytest

from netrhythm.paths import Location
from tests.helpers import NOW, SCRIPT, dump, run_cli


@pytest.fixture
def demo(demo_location: Location) -> str:
    return str(demo_location)


GOLDEN = {
    # a follow-up due with the task it is for: the follow-up practice, the event, the task
    ("Saanvi Weber",): """\
Hi Saanvi,

It was good to meet you at Design Systems Night about ten months ago. As promised, I'm \
following up on this: Send the slides from the talk. It would be great to swap notes on \
climate, hiring and python sometime. Would you be up for a short call in the next couple of \
weeks?
""",
    # reached out to most often: how long, the last thing together, where you met, interests
    ("Tomás Obi",): """\
Hi Tomás,

It has been about two months since we last talked. We first met at PyData Berlin about a \
year ago. I'd love to hear what you're up to in design and devops these days. Would you be \
up for a quick call or a coffee sometime soon?
""",
    # given value most often: an introduction, asked before it is made
    ("Maria Chen",): """\
Hi Maria,

I thought of you because Dev Cohen shares your interest in accessibility. I'd only \
introduce you if you both want it, so no pressure either way. Would you welcome an \
introduction?
""",
    # an upcoming event on one of her interests (Climate Tech Breakfast, 17 December)
    ("Saanvi Weber", "--for", "attend-event"): """\
Hi Saanvi,

I'm thinking of going to Climate Tech Breakfast on Thursday 17 December, and it made me \
think of you and your interest in climate. It would be a good excuse to catch up in person. \
Would you like to come along?
""",
    # how met is free text, shown in a neutral frame
    ("Anouk Sharma", "--for", "reach-out"): """\
Hi Anouk,

It has been about a year since we last talked. I was thinking back to how we first \
connected (Alumni network). I'd love to hear what you're up to in product these days. Would \
you be up for a quick call or a coffee sometime soon?
""",
    # shortened for a LinkedIn invitation: the least important sentence goes first
    ("Saanvi Weber", "--max-chars", "250"): """\
Hi Saanvi,

It was good to meet you at Design Systems Night about ten months ago. As promised, I'm \
following up on this: Send the slides from the talk. Would you be up for a short call in the \
next couple of weeks?
""",
}


@pytest.mark.parametrize("args", list(GOLDEN), ids=" ".join)
def test_golden_drafts_on_the_demo_data(demo: str, args: tuple[str, ...]) -> None:
    result = run_cli(demo, "draft", *args)
    assert (result.code, result.err) == (0, "")
    assert result.out == GOLDEN[args]


def test_a_custom_ask_practice_drafts_an_ask(demo: str) -> None:
    assert run_cli(demo, "practices", "add", "Ask for advice", "--kind", "ask",
                   "--target", "1").code == 0
    result = run_cli(demo, "draft", "Adaeze Farouk", "--for", "ask for")
    assert result.out == """\
Hi Adaeze,

It has been about two months since we last talked. Since you're into data and security, I'd \
value your view on something I'm working on. Would you have 20 minutes for a call in the \
next few weeks?
"""


def test_unknown_and_ambiguous_names_list_candidates_and_exit_2(demo: str) -> None:
    ambiguous = run_cli(demo, "draft", "saanvi")
    assert (ambiguous.code, ambiguous.out) == (2, "")
    assert ambiguous.err == (
        "netrhythm: error: contact: 'saanvi' matches several contacts: Saanvi Weber (Tidewater "
        "Bank), Saanvi Karimi (Kite & Key), Saanvi Müller (Driftwood Games)\n")
    unknown = run_cli(demo, "draft", "Saanvy Weber")
    assert (unknown.code, unknown.out) == (2, "")
    assert "no contact named 'Saanvy Weber'; did you mean Saanvi Weber" in unknown.err


def test_my_name_signs_the_draft_and_undo_removes_it(demo: str) -> None:
    assert run_cli(demo, "settings", "my-name", "Sam Lee").out == "Drafts are signed Sam Lee.\n"
    assert run_cli(demo, "draft", "Maria Chen").out.endswith(
        "Would you welcome an introduction?\n\nAll the best,\nSam Lee\n")
    assert "my-name                Sam Lee\n" in run_cli(demo, "settings").out
    assert run_cli(demo, "undo").out == "Undid: set your name to Sam Lee.\n"
    assert run_cli(demo, "draft", "Maria Chen").out.endswith("introduction?\n")


def test_templates_are_shown_checked_saved_used_and_undone(demo: str) -> None:
    listed = run_cli(demo, "draft", "--templates")
    assert listed.code == 0
    assert "give-value    default" in listed.out and "{peer_interest}" in listed.out
    shown = run_cli(demo, "draft", "--template", "follow-up")
    assert shown.out.startswith("It was good to meet you at {event} {met}. | ")
    before = dump(demo)
    refused = run_cli(demo, "draft", "--set-template", "follow-up", "Hi {evnt}. Hello.")
    assert (refused.code, refused.out) == (2, "")
    assert refused.err.startswith("netrhythm: error: --set-template: unknown placeholder "
                                  "{evnt}; did you mean {event}? known: {name}, {event}")
    assert dump(demo) == before
    mine = "We met at {event}. | Hello again.\nAny news on {interests}?\nCoffee soon?"
    proc = subprocess.run([str(SCRIPT), "--db", str(demo), "draft", "--set-template",
                           "follow-up", "-"], input=mine, capture_output=True, text=True,
                          env={"NETRHYTHM_NOW": NOW, "PATH": ""}, timeout=60)
    assert (proc.returncode, proc.stdout) == (
        0, "Saved your follow-up template. `netrhythm undo` takes it back.\n")
    assert run_cli(demo, "draft", "--template", "follow-up").out == mine + "\n"
    assert "follow-up     yours" in run_cli(demo, "draft", "--templates").out
    assert run_cli(demo, "draft", "Saanvi Weber").out == (
        "Hi Saanvi,\n\nWe met at Design Systems Night. Any news on climate, hiring and python? "
        "Coffee soon?\n")
    assert run_cli(demo, "undo").out == "Undid: set the follow-up draft template.\n"
    assert run_cli(demo, "draft", "Saanvi Weber").out == GOLDEN[("Saanvi Weber",)]
    assert run_cli(demo, "draft", "--set-template", "reach-out", "Hello.").code == 0
    assert run_cli(demo, "draft", "--reset-template", "reach-out").out == \
        "The reach-out template is the default again.\n"
    assert run_cli(demo, "draft", "Tomás Obi").out == GOLDEN[("Tomás Obi",)]
