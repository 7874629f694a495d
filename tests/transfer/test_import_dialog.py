"""The Import dialog of the Contacts screen: path checked as typed, preview, import, summary."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, Label

from netrhythm.services.context import Context
from netrhythm.ui.dialogs.import_file import ImportDialog
from tests.transfer.conftest import by_name, data
from tests.ui.helpers import wait_for_workers

UNSET = object()


class Host(App[None]):
    """Just enough app to open the dialog and keep what it dismisses with."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(ImportDialog(), callback=self._done)

    def _done(self, result: str | None) -> None:
        self.result = result


def _text(app: App[None], selector: str) -> list[str]:
    return [str(label.render()) for label in app.screen.query(selector).results(Label)]


def _error(app: App[None]) -> str:
    assert isinstance(app.screen, ImportDialog)
    return app.screen.error


async def _type(pilot: object, app: Host, text: str) -> None:
    field = app.screen.query_one("#import-path", Input)
    field.value = text
    await pilot.pause()  # type: ignore[attr-defined]


async def test_preview_then_import_shows_the_summary_literally(ctx: Context,
                                                               tmp_path: Path) -> None:
    csv = tmp_path / "markup.csv"
    csv.write_text("name\n[b]Ana[/b]\n[b]Ana[/b]\n")
    app = Host(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, app, str(tmp_path / "nope.csv"))
        assert _error(app) == "No such file."
        await _type(pilot, app, str(csv))
        assert _error(app) == ""
        await pilot.click("#import-preview")
        await wait_for_workers(app)
        await pilot.pause()
        assert _text(app, "#import-summary Label")[1] == "Would add 1, would merge 0, would skip 1."
        assert by_name() == {}
        await pilot.click("#import-run")
        await wait_for_workers(app)
        await pilot.pause()
        lines = _text(app, "#import-summary Label")
        assert lines[1:3] == ["Added 1, merged 0, skipped 1.",
                              "  skipped line 3 [b]Ana[/b]: duplicate of [b]Ana[/b] from line 2, "
                              "same name, no company"]
        await pilot.press("escape")
        await pilot.pause()
    assert sorted(by_name()) == ["[b]Ana[/b]"]
    assert isinstance(app.result, str) and app.result.startswith("Read 2 contacts")


async def test_a_malformed_file_shows_the_error_and_escape_returns_none(ctx: Context) -> None:
    app = Host(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, app, str(data("bad-no-end.vcf")))
        await pilot.press("enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert _error(app) == (
            "Nothing was imported. bad-no-end.vcf: card 2 (line 5): no END:VCARD before the "
            "next BEGIN:VCARD on line 9")
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert by_name() == {}


async def test_a_new_error_clears_the_last_summary_and_the_app_says_its_undo_key(
        ctx: Context, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("name\nAna Ruiz\n")
    app = Host(ctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, app, str(good))
        await pilot.press("ctrl+s")  # as in every form
        await wait_for_workers(app)
        await pilot.pause()
        lines = _text(app, "#import-summary Label")
        assert lines[-1] == "u reverts this import (once this dialog is closed)."
        assert not any("netrhythm undo" in line for line in lines)
        await _type(pilot, app, str(data("bad-no-end.vcf")))
        await pilot.press("enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert _error(app).startswith("Nothing was imported. bad-no-end.vcf")
        assert _text(app, "#import-summary Label") == []  # not the last import's lines
    assert sorted(by_name()) == ["Ana Ruiz"]


async def test_the_dialog_is_laid_out_as_every_form(ctx: Context) -> None:
    app = Host(ctx)
    async with app.run_test(size=(100, 40)):
        labels = [str(label.render()) for label in
                  app.screen.query(".field-label").results(Label)]
        assert labels == ["File", "Tag"]
        keys = {b.key: b.description for b in app.screen.BINDINGS if isinstance(b, Binding)}
        assert keys == {"escape": "Close", "ctrl+s": "Import"}
