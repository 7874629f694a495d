"""The Import dialog of the Contacts screen: path checked as typed, preview, import, summary."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
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
        assert _text(app, "#import-error") == ["No such file."]
        await _type(pilot, app, str(csv))
        assert _text(app, "#import-error") == [""]
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
        assert _text(app, "#import-error") == [
            "Nothing was imported. bad-no-end.vcf: card 2 (line 5): no END:VCARD before the "
            "next BEGIN:VCARD on line 9"]
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert by_name() == {}
