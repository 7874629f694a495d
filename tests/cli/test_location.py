"""Where the data lives: one value, a SQLite file or a server's URL (shown without password).

A server that cannot be reached is one line and exit 1, before anything is created (no
folder named ``postgresql:`` appears), and a password is never printed."""

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


def test_an_unreachable_server_is_one_line_without_its_password(tmp_path: Path) -> None:
    socket = tmp_path / "no-server"
    safe = f"postgresql://me@/nr?host={socket}"
    secret = f"postgresql://me:s3cret@/nr?host={socket}"
    for args, env in ((["--db", safe, "status"], {}),
                      (["log", "reach-out"], {"NETRHYTHM_DB": secret})):
        done = _run(tmp_path, *args, env={**(env or {}), "XDG_DATA_HOME": str(tmp_path)})
        assert done.returncode == 1, done
        assert done.stdout == ""
        assert done.stderr == (f"netrhythm: cannot reach the database server of {safe} (no "
                               "such file or directory); is it running, and is the address "
                               "right? Nothing was changed.\n")
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
