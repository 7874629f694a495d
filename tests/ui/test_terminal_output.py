"""What the app writes to a real terminal: control characters that another program wrote into
the database never reach it raw.

The app runs as ``netrhythm`` does, on a pseudo-terminal, and every byte it writes is read
back. Textual's ``Content`` drops BEL, BS, VT, FF and CR only; without netrhythm's line filter
an ESC, a C1 control or a bidi override in a name goes to the terminal as it is.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import sqlite3
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from tests.helpers import NOW, SCRIPT, run_cli

HOSTILE = "Mal\x1b]0;pwned\x07 \x9b31m \u202eevil\x1b[2J"
RAW = [b"\x1b]0;pwned", b"\x1b[2J", "\x9b".encode(), "\u202e".encode(), b"\x07 "]


def _read(fd: int, until: bytes, out: bytearray, timeout: float = 20.0) -> None:
    """Read what the app writes into ``out`` until ``until`` shows up (or time runs out)."""
    end = time.monotonic() + timeout
    start = len(out)
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            out += chunk
            if until in out[start:]:
                return
    raise AssertionError(f"{until!r} never appeared; the app wrote {bytes(out[-500:])!r}")


def _settle(fd: int, out: bytearray, quiet: float = 0.7) -> None:
    """Read until the app has written nothing for ``quiet`` seconds."""
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        out += chunk


@pytest.mark.slow
def test_control_characters_from_the_database_never_reach_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    added = run_cli(db, "contacts", "add", "Placeholder", "--every", "7", "--met-on",
                    "2026-01-05", "--company", "Acme")
    assert added.code == 0, added.err
    conn = sqlite3.connect(db)  # another program writes the name
    conn.execute("UPDATE contact SET name = ?, company = ?", (HOSTILE, HOSTILE))
    conn.commit()
    conn.close()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**os.environ, "NETRHYTHM_NOW": NOW, "TERM": "xterm-256color",
           "DBUS_SESSION_BUS_ADDRESS": ""}
    env.pop("NETRHYTHM_DEBUG", None)
    proc = subprocess.Popen([str(SCRIPT), "--db", str(db)], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    out = bytearray()
    try:
        _read(master, b"pwned", out)  # the Week screen: the name, gone cold
        _settle(master, out)
        os.write(master, b"c")  # the Contacts screen: the name and the company
        _settle(master, out, quiet=1.5)
        os.write(master, b"\r")  # the contact's details
        _settle(master, out, quiet=1.5)
        os.write(master, b"q")
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)
    assert out.count(b"pwned") >= 2, bytes(out[-2000:])  # the name was drawn, several times
    assert [raw for raw in RAW if raw in out] == []
