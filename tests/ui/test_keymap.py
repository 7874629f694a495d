"""Keys users choose: keymap.toml, keyed by binding id, remaps keys everywhere they show; a bad
file is reported (file, line, id, fix) and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.dialogs.help import HelpDialog
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.keymap import load_keymap
from netrhythm.ui.widgets.footer import AppFooter
from tests.ui.helpers import settle


def keymap_app(ctx: Context, path: Path, text: str) -> NetrhythmApp:
    path.write_text(text, encoding="utf-8")
    return build_app(ctx, cursor_blink=False, keymap_path=path)


def footer_text(app: NetrhythmApp) -> str:
    return app.screen.query_one(AppFooter).render().plain


async def test_a_remapped_screen_key_does_the_action_and_the_old_key_does_not(
        demo_ctx: Context, tmp_path: Path) -> None:
    app = keymap_app(demo_ctx, tmp_path / "keymap.toml",
                     '# mine\n"app.review" = "ctrl+r"\n[week]\nreach_out = "R"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not app._notifications
        footer = footer_text(app)
        assert "R Reach out" in footer and "r Reach out" not in footer
        assert "^r Review" in footer
        await pilot.press("r")  # no longer reaches out
        await settle(pilot)
        assert not isinstance(app.screen, LogDialog)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        help_lines = [" ".join(str(cell.render()).strip() for cell in row.query(Static))
                      for row in app.screen.query(".help-row")]
        assert any(line.split()[:1] == ["R"] and "Reach out" in line for line in help_lines)
        assert any(line.split()[:5] == ["w", "c", "ctrl+r", "E", ","] for line in help_lines)
        await pilot.press("escape", "ctrl+r")
        await settle(pilot)
        assert app.current_mode == "review"


BROKEN = [
    ("[week\nreach_out = 'R'\n", "line 1: not TOML"),
    ("app.review = 'V'\nweek.reach_uot = 'R'\n", "line 2, week.reach_uot: no key has this id"),
    ("[week]\nreach_out = 'ctrl+rr'\n", "line 2, week.reach_out: 'rr' is not a key name"),
    ("\n\n[week]\nreach_out = 't'\n", "line 4, week.reach_out: t already does This week"),
    ("week.reach_out = 3\n", "line 1, week.reach_out: give the key as text"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_keymap_names_the_line_id_and_fix(tmp_path: Path, text: str,
                                                    message: str) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    keymap, problem = load_keymap(path)
    assert keymap == {}
    assert problem is not None
    assert problem.startswith(f"{path}: {message}")
    assert problem.endswith("Using the default keys.")


async def test_a_broken_keymap_is_reported_and_changes_nothing(
        demo_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    app = keymap_app(demo_ctx, path, '[week]\nreach_out = "R"\nthis_wek = "T"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        [toast] = app._notifications
        assert toast.title == "Keymap not used"
        assert str(path) in toast.message and "line 3, week.this_wek" in toast.message
        assert "r Reach out" in footer_text(app)
        await pilot.press("R")  # the valid line of the file is not applied either
        await settle(pilot)
        assert not isinstance(app.screen, LogDialog)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)


def test_no_keymap_file_is_no_keymap(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keymap.toml") == ({}, None)
    assert load_keymap(None) == ({}, None)


def test_every_binding_id_of_the_app_can_be_remapped() -> None:
    """A new screen or dialog with keys must join ``keymap.SCOPES`` (or its ids are refused)."""
    import importlib
    import pkgutil

    from textual.binding import Binding

    import netrhythm.ui
    from netrhythm.ui.keymap import all_ids

    ids = set()
    for info in pkgutil.walk_packages(netrhythm.ui.__path__, "netrhythm.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            for binding in getattr(value, "__dict__", {}).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    assert len(ids) > 80
    assert ids <= set(all_ids())


async def test_the_welcome_names_the_keys_the_keymap_gave(ctx: Context, tmp_path: Path) -> None:
    """On a new database the welcome's steps show the user's keys, and they work."""
    app = keymap_app(ctx, tmp_path / "keymap.toml",
                     '[week]\nnew_contact = "a"\nimport_contacts = "ctrl+o"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not app._notifications
        welcome = [str(app.screen.query_one("#welcome").get_option_at_index(n).prompt)
                   for n in range(app.screen.query_one("#welcome").option_count)]
        assert welcome[0].split() == "a Add a contact, or ctrl+o to import a file".split()
        assert welcome[1].split()[0] == "," and welcome[2].split()[:2] == ["1-9", "Log"]
        who_next = app.screen.query_one("#who-next")
        assert "a adds one" in " ".join(who_next.render_line(n).text for n in range(4))
        await pilot.press("a")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormDialog"


async def test_texts_that_name_a_key_name_the_users_key(demo_ctx: Context, tmp_path: Path
                                                         ) -> None:
    """Hints, empty lists and "Press u to undo" say the keys the keymap gave."""
    app = keymap_app(demo_ctx, tmp_path / "keymap.toml",
                     '"app.undo" = "U"\n[log]\nsave = "ctrl+t"\n'
                     '[contacts]\nclear = "ctrl+g"\nsort = "S"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not app._notifications
        await pilot.press("l")
        await settle(pilot)
        assert str(app.screen.query_one(".dialog-keys").render()) == \
            "Enter or ctrl+t saves · Esc cancels"
        await pilot.press("escape", "c", "slash", *"zzqx")
        await settle(pilot)
        table = app.screen.query_one("ContactTable")
        assert table.empty == "No contact matches this search: ctrl+g clears it."
        assert str(app.screen.query_one("#contacts-count").render()).endswith("(S)")
        await pilot.press("ctrl+g", "comma")
        await settle(pilot)
        assert app.screen.query_one("DataBox").border_subtitle == "U undoes any change"


async def test_the_welcome_says_how_to_hide_it_and_undo(ctx: Context, tmp_path: Path) -> None:
    app = keymap_app(ctx, tmp_path / "keymap.toml",
                     '"app.undo" = "U"\n[week]\nhide_welcome = "X"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#welcome").border_subtitle == "X hides this"
        await pilot.press("X")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Welcome hidden. Press U to undo."]


def test_every_key_a_text_names_is_a_binding() -> None:
    """``{binding.id}`` in the app's texts (``ui.key_hints``) names a binding that exists."""
    import ast
    import re

    import netrhythm.ui
    from netrhythm.ui.keymap import all_ids

    texts = [node.value for path in Path(netrhythm.ui.__path__[0]).rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text("utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    named = {match for text in texts for match in re.findall(r"\{([a-z_]+\.[a-z_0-9-]+)\}", text)}
    assert len(named) > 15
    assert named <= set(all_ids()) | {"binding.id"}
