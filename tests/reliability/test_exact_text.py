"""Text that must survive exactly: emoji, combining characters, right-to-left names, text that
looks like markup, and 10,000-character notes, through the command line, the JSON export and
import, and the vCard and CSV export and import. (The app shows them literally:
tests/ui/test_literal_text.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

NAMES = {
    "emoji": "Zoë 🌱 O'Brien 👩🏽‍💻",
    "combining": "E\u0301mile Zola\u0308",  # decomposed: E + U+0301, a + U+0308
    "arabic": "سارا احمدی",
    "hebrew": "דנה כהן",
    "markup": "[bold]x[/]",
    "link": "[link=x]y",
}
# 10,000 characters of all of it, several lines, no surrounding spaces (input is stripped)
PIECE = "Notes 🌍 [b]x[/b] [link=x]y[/link] e\u0301 سارا דנה 👩🏽‍💻\tend.\n"
LONG = (PIECE * (10_000 // len(PIECE) + 1))[:9_999] + "!"
FIELDS = {
    "company": "[red]Acme[/red] & Søn",
    "role": "Café ☕ [b]lead[/b]",
    "phone": "+49 (0) 30 1234",
    "url": "https://example.org/ü?q=[x]",
    "how_met": "[link=x]met[/link] at PyCon, 🌱",
    "notes": LONG,
}
TAGS = ["[i]t", "🌱garden", "עברית"]
SHARED = ("name", "company", "role", "email", "phone", "url", "how_met", "notes", "tags",
          "cadence_days")


def add_everyone(db: Path) -> None:
    for key, name in NAMES.items():
        flags = [f"--{k.replace('_', '-')}={v}" for k, v in FIELDS.items()]
        flags.append(f"--email=zoë.{key}@example.org")  # one each: imports merge on email
        tags = [f"--tag={t}" for t in TAGS]
        result = run_cli(db, "contacts", "add", name, *flags, *tags, "--every", "30")
        assert result.code == 0, result.err
    logged = run_cli(db, "log", "give-value", f"--with={NAMES['arabic']}", f"--note={LONG}",
                     "--date", "2026-11-20")
    assert logged.code == 0, logged.err


def shown(db: Path, name: str) -> dict[str, object]:
    result = run_cli(db, "contacts", "show", name, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def listed(db: Path) -> list[dict[str, object]]:
    result = run_cli(db, "contacts", "list", "--json", "--all")
    assert result.code == 0, result.err
    return sorted(json.loads(result.out), key=lambda c: str(c["name"]))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("text") / "source.db"
    add_everyone(db)
    return db


def test_text_is_stored_and_shown_exactly_on_the_command_line(source: Path) -> None:
    people = {c["name"]: c for c in listed(source)}
    assert set(people) == set(NAMES.values())
    for name in NAMES.values():
        detail = shown(source, name)
        assert {k: detail[k] for k in FIELDS} == FIELDS
        assert sorted(detail["tags"]) == sorted(TAGS)  # type: ignore[call-overload]
        assert {k: people[name][k] for k in FIELDS} == FIELDS
    (action,) = shown(source, NAMES["arabic"])["timeline"]  # type: ignore[misc]
    assert action["note"] == LONG
    table = run_cli(source, "contacts", "list").out
    assert all(name in table for name in NAMES.values())
    plain = run_cli(source, "contacts", "show", NAMES["markup"]).out
    assert plain.splitlines()[0] == NAMES["markup"]
    assert "[red]Acme[/red] & Søn" in plain


@pytest.mark.slow
def test_text_survives_the_json_export_and_import(source: Path, tmp_path: Path) -> None:
    backup, target = tmp_path / "all.json", tmp_path / "target.db"
    assert run_cli(source, "export", "--output", str(backup)).code == 0
    assert LONG in json.loads(backup.read_text("utf-8"))["actions"][0]["note"]
    imported = run_cli(target, "import", str(backup))
    assert imported.code == 0, imported.err
    assert listed(target) == listed(source)
    for name in NAMES.values():
        assert shown(target, name) == shown(source, name)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["vcf", "csv"])
def test_text_survives_the_contacts_export_and_import(source: Path, tmp_path: Path,
                                                      fmt: str) -> None:
    exported, target = tmp_path / f"contacts.{fmt}", tmp_path / "target.db"
    written = run_cli(source, "contacts", "export", "--format", fmt, "--output", str(exported))
    assert written.code == 0, written.err
    imported = run_cli(target, "contacts", "import", str(exported))
    assert imported.code == 0, imported.err
    assert f"Added {len(NAMES)}, merged 0, skipped 0." in imported.out
    before = {c["name"]: {k: c[k] for k in SHARED} for c in listed(source)}
    after = {c["name"]: {k: c[k] for k in SHARED} for c in listed(target)}
    assert after == before
