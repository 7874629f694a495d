"""A second ``dbus-monitor`` on a test's private bus that also sees the replies: each ``Notify``
call with the id the server returned for it, and each ``CloseNotification`` call.

``tests.notify_server`` counts calls; this also ties each notification to its id, so a test can
say which notification was withdrawn. Started and stopped by PID, like everything there.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.notify_server import NOTIFICATIONS, NotificationServer, require, stop_process

HEADS = ("method call ", "method return ", "error ", "signal ")


@dataclass(frozen=True)
class Shown:
    """A ``Notify`` call: its title, body, expiry (ms) and the id it got (None: no reply)."""

    title: str
    body: str
    expire_ms: int
    id: int | None


@dataclass
class BusWitness:
    log: Path

    def _messages(self) -> list[tuple[str, list[str]]]:
        messages: list[tuple[str, list[str]]] = []
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith(HEADS):
                messages.append((line, []))
            elif messages:
                messages[-1][1].append(line.strip())
        return messages

    def notified(self) -> list[Shown]:
        """Every ``Notify`` call so far, in order."""
        calls, replies = [], {}
        for head, body in self._messages():
            fields = dict(f.split("=", 1) for f in head.replace(";", "").split() if "=" in f)
            if head.startswith("method call ") and fields.get("member") == "Notify":
                strings = [b[len('string "'):-1] for b in body if b.startswith('string "')]
                expire = [int(b.split()[1]) for b in body if b.startswith("int32 ")][-1]
                calls.append((fields["sender"], fields["serial"], strings[2], strings[3], expire))
            elif head.startswith("method return ") and body and body[0].startswith("uint32 "):
                replies[(fields["destination"], fields["reply_serial"])] = int(body[0].split()[1])
        return [Shown(title, text, expire, replies.get((sender, serial)))
                for sender, serial, title, text, expire in calls]

    def closed(self) -> list[int]:
        """The ids of every ``CloseNotification`` call so far, in order."""
        out = []
        for head, body in self._messages():
            if head.startswith("method call ") and head.endswith("member=CloseNotification"):
                out.append(int(body[0].split()[1]))
        return out


@contextmanager
def bus_witness(server: NotificationServer, folder: Path) -> Iterator[BusWitness]:
    """Watch ``server``'s bus until the block ends."""
    monitor = require("dbus-monitor")["dbus-monitor"]
    log = folder / "witness.log"
    rules = [f"type='method_call',interface='{NOTIFICATIONS}'", "type='method_return'"]
    with log.open("ab") as out:
        process = subprocess.Popen([monitor, "--session", *rules], env=server.env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 10
        while "member=NameLost" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"dbus-monitor did not start: {log.read_text()[-500:]}")
            time.sleep(0.02)
        yield BusWitness(log)
    finally:
        stop_process(process)
