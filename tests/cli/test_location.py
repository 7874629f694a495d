"""Where the data lives: one value, a SQLite file or a server's URL (shown without password).

This netrhythm keeps its data in a file: a URL is refused with one line, before anything is
created (no folder named ``postgresql:`` appears), and its password is never printed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from netrhythm.paths import Location, has_password, resolve_location
from tests.helpers import SCRIPT

URL = "postgresql://me:s3cret@db.example/nr?sslmode=require&password=hunter2"


def test_a_location_is_a_file_or_a_url() -> None:
    file = Location.of("~/n.db")
    assert (file.path, file.url, str(file)) == (Path.home() / "n.db", None, str(Path.home() /
                                                                               "n.db"))
    assert file.backups == Path.home() / "n.db-backups"
    server = Location.of(f"  {URL} ")
    assert server.path is None and server.url == URL
    assert str(server) == "postgresql://me@db.example/nr?sslmode=require"
    assert server.backups.name == "server-backups"
    assert resolve_location(None) == Location(resolve_location(None).file)  # the default: a file


def _run(tmp_path: Path, *args: str, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


def test_a_server_url_is_refused_in_one_line_without_its_password(tmp_path: Path) -> None:
    safe = "postgresql://me@db.example/nr?sslmode=require"
    for args, env in ((["--db", safe, "status"], {}),
                      (["log", "reach-out"], {"NETRHYTHM_DB": URL})):
        done = _run(tmp_path, *args, env=env)
        assert done.returncode == 2, done
        assert done.stdout == ""
        assert done.stderr == (
            "netrhythm: error: --db: postgresql://me@db.example/nr?sslmode=require is a "
            "database server's address; this netrhythm keeps its data in a SQLite file: give "
            "--db a file path (or unset NETRHYTHM_DB)\n")
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_a_password_on_the_command_line_is_refused(tmp_path: Path) -> None:
    """It shows in ``ps`` and stays in the shell's history: refused before anything else,
    ``--version`` included, and the message does not repeat it."""
    assert has_password(URL) and has_password("postgres://me:pw@h/nr")
    assert has_password("postgresql://me@h/nr?sslmode=require&PASSWORD=pw")
    assert not has_password("postgresql://me@h/nr?sslmode=require")
    assert not has_password("postgresql:///nr?host=/run/postgresql&passfile=/p")
    for url in (URL, "postgres://me:pw@h/nr", "postgresql://me@h/nr?password=pw"):
        for args in (["status"], ["--version"], ["log", "reach-out"], []):
            done = _run(tmp_path, "--db", url, *args)
            assert done.returncode == 2, done
            assert done.stdout == ""
            assert done.stderr.startswith("netrhythm: error: --db: a password typed on the "
                                          "command line shows in `ps`"), done.stderr
            assert "pw" not in done.stderr and "s3cret" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_version_shows_the_location_without_a_password(tmp_path: Path) -> None:
    done = _run(tmp_path, "--version", env={"NETRHYTHM_DB": URL})
    assert done.returncode == 0 and "s3cret" not in done.stdout and "hunter2" not in done.stdout
    assert "database: postgresql://me@db.example/nr?sslmode=require\n" in done.stdout
    file = _run(tmp_path, "--db", "my.db", "--version")
    assert f"database: {tmp_path / 'my.db'}\nbackups: {tmp_path / 'my.db-backups'}" in file.stdout
