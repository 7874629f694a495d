"""The transfer commands through the real console script: output, files and exit codes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.helpers import run_cli
from tests.transfer.conftest import data


def test_contacts_import_prints_the_summary_and_undo_reverts_it(tmp_path: Path, where: str) -> None:
    db = where
    preview = run_cli(db, "contacts", "import", str(data("Connections.csv")), "--dry-run")
    assert preview.code == 0, preview.err
    assert preview.out.splitlines()[:2] == [
        "Read 5 contacts from Connections.csv (LinkedIn connections).",
        "Would add 3, would merge 1, would skip 1."]
    assert run_cli(db, "contacts", "list").out == "No contacts.\n"
    done = run_cli(db, "contacts", "import", str(data("Connections.csv")), "--tag", "linkedin")
    assert done.code == 0
    assert done.out.splitlines()[-1] == "`netrhythm undo` reverts this import."
    listed = json.loads(run_cli(db, "contacts", "list", "--json").out)
    assert [(c["name"], c["tags"]) for c in listed] == [
        ("Chidi Okafor", ["linkedin"]), ("Maria Chen", ["linkedin"]),
        ("Priya Natarajan", ["linkedin"])]
    undone = run_cli(db, "undo")
    assert undone.out == "Undid: imported 3 contacts from Connections.csv, merged 1.\n"
    assert run_cli(db, "contacts", "list").out == "No contacts.\n"


def test_malformed_import_exits_2_with_one_clear_line(tmp_path: Path, where: str) -> None:
    db = where
    result = run_cli(db, "contacts", "import", str(data("bad-no-end.vcf")))
    assert result.code == 2
    assert result.out == ""
    assert result.err == ("netrhythm: error: bad-no-end.vcf: card 2 (line 5): no END:VCARD "
                          "before the next BEGIN:VCARD on line 9\n")
    missing = run_cli(db, "import", str(tmp_path / "nope.json"))
    assert (missing.code, missing.err) == (2, f"netrhythm: error: FILE: {tmp_path}/nope.json: "
                                              "no such file\n")
    empty_tag = run_cli(db, "contacts", "import", str(data("plain.csv")), "--tag", " ")
    assert (empty_tag.code, empty_tag.err) == (2, "netrhythm: error: --tag: is empty; give a "
                                                  "name\n")


def test_exports_go_to_stdout_or_to_a_new_private_file(tmp_path: Path, where: str) -> None:
    db = where
    assert run_cli(db, "contacts", "import", str(data("nextcloud-v40.vcf"))).code == 0
    vcf = run_cli(db, "contacts", "export")
    assert vcf.out.startswith("BEGIN:VCARD\nVERSION:3.0\n")  # (newlines read as text)
    assert vcf.out.count("BEGIN:VCARD") == 2
    assert run_cli(db, "contacts", "export", "--output", str(tmp_path / "c.vcf")).code == 0
    assert (tmp_path / "c.vcf").read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    csv_out = run_cli(db, "contacts", "export", "--format", "csv", "--output",
                      str(tmp_path / "c.csv"))
    assert (csv_out.code, csv_out.out, csv_out.err) == (0, "", f"Wrote {tmp_path}/c.csv.\n")
    assert stat.S_IMODE((tmp_path / "c.csv").stat().st_mode) == 0o600
    again = run_cli(db, "contacts", "export", "--format", "csv", "--output",
                    str(tmp_path / "c.csv"))
    assert again.code == 2
    assert "c.csv already exists; choose another name or move it away first" in again.err
    backup = run_cli(db, "export")
    assert json.loads(backup.out)["format"] == "netrhythm-export"
    assert len(json.loads(backup.out)["contacts"]) == 2
