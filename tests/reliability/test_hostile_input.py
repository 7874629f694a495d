"""Hostile input everywhere (tests/data/hostile.toml): refused clearly, and nothing written.

On the command line: exit code 2, nothing on stdout, one line on stderr naming the field, no
traceback, and every table exactly as it was. In the app's forms: the message beside the
field, the form still open, and every table exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from netrhythm.domain.clock import FixedClock
from tests.helpers import SCRIPT, dump, run_cli

CORPUS = tomllib.loads((Path(__file__).parents[1] / "data" / "hostile.toml").read_text("utf-8"))
SETUP = CORPUS["setup"]


@dataclass(frozen=True)
class Form:
    """Where a form is opened (the app's mode and the key that shows it), the keys that open
    it there, and the dialog class it is."""

    mode: str
    mode_key: str
    keys: tuple[str, ...]
    dialog: str  # "module:Class"


# Adding a form: one line here, then cases in hostile.toml with form = "NAME".
FORMS = {
    "log": Form("week", "w", ("1",), "netrhythm.ui.dialogs.log_action:LogDialog"),
    "contact": Form("contacts", "c", ("n",),
                    "netrhythm.ui.dialogs.contact_form:ContactFormDialog"),
    "event": Form("events", "E", ("n",), "netrhythm.ui.dialogs.event_form:EventFormDialog"),
    "practice": Form("settings", "comma", ("n",),
                     "netrhythm.ui.dialogs.practice_form:PracticeFormDialog"),
}


def build(spec: Any) -> str | bytes:
    """A value from its spec: text, {repeat, times}, {hex}, or a list of those joined."""
    if isinstance(spec, str):
        return spec
    if isinstance(spec, dict) and "repeat" in spec:
        return str(spec["repeat"]) * int(spec["times"])
    if isinstance(spec, dict) and "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if isinstance(spec, list):
        parts = [build(part) for part in spec]
        if any(isinstance(p, bytes) for p in parts):
            return b"".join(p if isinstance(p, bytes) else p.encode() for p in parts)
        return "".join(str(p) for p in parts)
    raise ValueError(f"not a value spec: {spec!r}")


def case_id(case: dict[str, Any]) -> str:
    if "id" in case:
        return str(case["id"])
    if "form" in case:
        value = build(case["fill"].get(case["field"], ""))
        shown = repr(value[:30]) + (f" ({len(value):,} characters)" if len(value) > 30 else "")
        return f"{case['form']} form, {case['field']} = {shown}"
    if "file" in case:
        return f"{' '.join(case.get('command', ['contacts', 'import']))} {case['file']}"
    words = [a if isinstance(a, str) else "…" for a in case["args"]]
    return " ".join(words)[:50]


def cases(section: str) -> list[Any]:
    return [pytest.param(c, id=case_id(c)) for c in CORPUS[section]]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database every case starts from, made by [setup]'s commands."""
    db = tmp_path_factory.mktemp("hostile") / "seed.db"
    for args in SETUP["commands"]:
        result = run_cli(db, *args, now=SETUP["now"])
        assert result.code == 0, (args, result.err)
    return db


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    path = tmp_path / "n.db"
    shutil.copyfile(seeded, path)
    return path


def run(db: Path, args: list[str | bytes]) -> subprocess.CompletedProcess[str]:
    """``netrhythm --db DB ARGS``: the console script when an argument is raw bytes (how the
    interpreter decodes them is the point), else ``main()`` in this process (ten times faster;
    test_the_console_script_says_the_same shows the two agree)."""
    if any(isinstance(a, bytes) for a in args):
        return run_script(db, args)
    return run_main(db, [str(a) for a in args])


def run_script(db: Path, args: list[str | bytes]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETRHYTHM_NOW": SETUP["now"], "DBUS_SESSION_BUS_ADDRESS": ""}
    env.pop("NETRHYTHM_DEBUG", None)
    return subprocess.run([str(SCRIPT), "--db", str(db), *args], capture_output=True,
                          text=True, errors="replace", env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def run_main(db: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    from netrhythm.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in ("NETRHYTHM_NOW", "NETRHYTHM_DEBUG")}
    os.environ["NETRHYTHM_NOW"] = SETUP["now"]
    os.environ.pop("NETRHYTHM_DEBUG", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", str(db), *args])
            except SystemExit as exc:  # argparse's usage errors
                code = int(exc.code or 0)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def assert_refused(result: subprocess.CompletedProcess[str], case: dict[str, Any],
                   field: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr[-2000:])
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    if case.get("usage"):
        assert lines[0].startswith("usage: "), lines
        # "netrhythm log: error: the following arguments are required: PRACTICE", or
        # "netrhythm review: error: argument --format: invalid choice: 'pdf' …"
        assert lines[-1].startswith(f"{field}: error: ") or f"error: {field}: " in lines[-1], \
            lines[-1]
    else:
        assert len(lines) == 1, result.stderr[-2000:]
        assert lines[0].startswith(f"netrhythm: error: {field}: "), lines[0][:300]
    assert case["says"] in lines[-1], lines[-1][:300]


def arguments(specs: list[Any], db: Path, tmp: Path) -> list[str | bytes]:
    out: list[str | bytes] = []
    for spec in specs:
        value = build(spec)
        if isinstance(value, str):
            value = value.replace("{db}", str(db)).replace("{tmp}", str(tmp))
        out.append(value)
    return out


@pytest.mark.parametrize("case", cases("cli"))
def test_bad_command_line_is_refused_and_changes_nothing(db: Path, tmp_path: Path,
                                                        case: dict[str, Any]) -> None:
    spare = tmp_path / "spare"
    spare.mkdir()
    before = dump(db)
    result = run(db, arguments(case["args"], db, spare))
    assert_refused(result, case, case["field"])
    assert dump(db) == before
    assert list(spare.iterdir()) == []  # no half-written export or demo


@pytest.mark.parametrize("case", cases("import"))
def test_bad_file_is_refused_names_the_place_and_imports_nothing(
        db: Path, tmp_path: Path, case: dict[str, Any]) -> None:
    content = build(case["content"])
    path = tmp_path / case["file"]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = dump(db)
    command = case.get("command", ["contacts", "import"])
    result = run(db, [*command, str(path), *case.get("args", [])])
    assert_refused(result, case, case.get("field", case["file"]))
    assert dump(db) == before


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


@pytest.mark.parametrize("case", cases("stripped"))
def test_control_characters_in_a_file_are_stripped_and_counted(
        db: Path, tmp_path: Path, case: dict[str, Any]) -> None:
    content = build(case["content"])
    path = tmp_path / case["file"]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = dump(db)
    command = case.get("command", ["contacts", "import"])
    result = run(db, [*command, str(path), *case.get("args", [])])
    assert (result.returncode, result.stderr) == (0, ""), result
    assert case["says"] in result.stdout, result.stdout
    assert not UNSAFE.search(result.stdout), repr(result.stdout)  # the summary shows none raw
    after = dump(db)
    if "--dry-run" in case.get("args", []):
        assert after == before
    else:
        assert after != before
        assert not [line for line in after if UNSAFE.search(line)]


@pytest.mark.slow
def test_the_console_script_says_the_same(db: Path, tmp_path: Path) -> None:
    """A few cases through the installed console script: the same exit code and output."""
    picks = [CORPUS["cli"][0], next(c for c in CORPUS["cli"] if c.get("usage")),
             next(c for c in CORPUS["cli"] if c["args"][0] == "demo")]
    for case in picks:
        args = arguments(case["args"], db, tmp_path)
        script, direct = run_script(db, args), run_main(db, [str(a) for a in args])
        assert (script.returncode, script.stdout, script.stderr) == \
            (direct.returncode, direct.stdout, direct.stderr)


@pytest.mark.parametrize("case", cases("tolerated"))
def test_odd_but_harmless_input_is_accepted(db: Path, case: dict[str, Any]) -> None:
    result = run(db, arguments(case["args"], db, db.parent))
    assert (result.returncode, result.stderr) == (0, "")


def test_the_corpus_covers_every_command_and_form() -> None:
    from netrhythm.cli.parser import COMMANDS

    used = {c["args"][0] for c in CORPUS["cli"] + CORPUS["tolerated"]} | {
        c.get("command", ["contacts"])[0] for c in CORPUS["import"]}
    assert set(COMMANDS) <= used
    assert {c["form"] for c in CORPUS["form"]} == set(FORMS)
    total = sum(len(CORPUS[s]) for s in ("cli", "import", "form"))
    assert total >= 60


# ---------------------------------------------------------------- the app's forms

def _dialog(form: Form) -> type:
    module, name = form.dialog.split(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


@pytest.fixture
def form_ctx(db: Path) -> Iterator[Any]:
    from netrhythm.services.context import open_context

    context = open_context(db, FixedClock(datetime.fromisoformat(SETUP["now"])))
    yield context
    context.close()


async def _fill(pilot: Any, key: str, value: str) -> None:
    """Type ``value`` into the widget with id ``key``, as a person would (long or control
    text is pasted, the way it really arrives)."""
    from textual import events
    from textual.widgets import Input, TextArea

    widget = pilot.app.screen.query_one(f"#{key}")
    widget.focus()
    await pilot.pause()
    if isinstance(widget, Input):
        await pilot.press("end", "shift+home", "backspace")
    elif isinstance(widget, TextArea):
        widget.clear()
    if len(value) > 100 or not value.isprintable():  # controls, bidi overrides
        pilot.app.post_message(events.Paste(value))  # as the terminal delivers a paste
        await pilot.pause()
    else:
        await pilot.press(*value)


async def _refused(pilot: Any, case: dict[str, Any], form: Form, dialog: type) -> str | None:
    """Open the form, fill it in, save: what is wrong, or None when it was refused right."""
    from netrhythm.ui.widgets.form_field import FormField
    from tests.ui.helpers import settle

    if pilot.app.current_mode != form.mode:
        await pilot.press(form.mode_key)
        await settle(pilot)
    await pilot.press(*case.get("open", form.keys))
    await settle(pilot)
    if not isinstance(pilot.app.screen, dialog):
        return f"{dialog.__name__} did not open"
    for key, spec in case["fill"].items():
        value = build(spec)
        assert isinstance(value, str)
        await _fill(pilot, key, value)
    await pilot.press("ctrl+s")
    await settle(pilot)
    if not isinstance(pilot.app.screen, dialog):
        return "the form closed: it saved"
    error = pilot.app.screen.query_one(f"#field-{case['field']}", FormField).error
    await pilot.press("escape")
    await settle(pilot)
    if case["says"] not in error or "\n" in error.strip():
        return f"the message beside {case['field']} is {error[:200]!r}"
    return None


CHUNK = 7  # form cases per session of the app: sessions run in parallel, each in seconds


def sessions() -> list[Any]:
    out = []
    for name in FORMS:
        found = [c for c in CORPUS["form"] if c["form"] == name]
        parts = range(0, len(found), CHUNK)
        out += [pytest.param(name, found[i:i + CHUNK], id=f"{name}-{n + 1}of{len(parts)}")
                for n, i in enumerate(parts)]
    return out


@pytest.mark.parametrize(("name", "chunk"), sessions())
async def test_bad_form_input_is_shown_beside_the_field_and_nothing_is_saved(
        form_ctx: Any, name: str, chunk: list[dict[str, Any]]) -> None:
    """[[form]] cases of one form, one after the other in one session of the app."""
    from netrhythm.ui.app import build_app
    from tests.ui.helpers import settle

    form, before, problems = FORMS[name], dump(form_ctx.db_path), []
    app = build_app(form_ctx, cursor_blink=False)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        for case in chunk:
            problem = await _refused(pilot, case, form, _dialog(form))
            if problem is None and dump(form_ctx.db_path) != before:
                problem = "the database changed"
            if problem:
                problems.append(f"{case_id(case)}: {problem}")
    assert not problems, "\n".join(problems)
    assert dump(form_ctx.db_path) == before
