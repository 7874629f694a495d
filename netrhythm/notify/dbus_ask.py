"""Ask the D-Bus session bus one question, with ``dbus-send`` or with dbus-python.

Used by ``probe`` only. Each answer is a list of words (``["boolean", "true"]``, or the strings of
an array) or an error in one line; nothing raises. Calls have bounded timeouts, and heavy imports
(``subprocess``, ``dbus``) happen inside the calls, never when this module is imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Answer:
    """A reply as words, or ``error`` in one line."""

    words: list[str] = field(default_factory=list)
    error: str | None = None


class DBusAsk(Protocol):
    """Call ``method`` of the object named ``dest`` (path and interface derived from it)."""

    def __call__(self, dest: str, method: str, arg: str | None, wait: float = 2.0) -> Answer: ...


def one_line(text: object) -> str:
    """The first non-empty line of ``text`` (an exception: ``Type: first line``), trimmed."""
    if isinstance(text, BaseException):
        detail = one_line(str(text))
        return f"{type(text).__name__}: {detail}" if detail else type(text).__name__
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


def _path(dest: str) -> str:
    return "/" + dest.replace(".", "/")


def ask_with_dbus_send(exe: str, env: Mapping[str, str]) -> DBusAsk:
    """Questions asked by running ``dbus-send`` with ``env``."""

    def ask(dest: str, method: str, arg: str | None, wait: float = 2.0) -> Answer:
        import subprocess

        command = [
            exe, "--session", "--print-reply=literal", f"--reply-timeout={int(wait * 1000)}",
            f"--dest={dest}", _path(dest), f"{dest}.{method}",
        ]  # fmt: skip
        if arg is not None:
            command.append(f"string:{arg}")
        try:
            done = subprocess.run(
                command, env=dict(env), capture_output=True, timeout=wait + 2.0, check=False,
                stdin=subprocess.DEVNULL, encoding="utf-8", errors="replace",
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError) as exc:
            return Answer(error=one_line(exc))
        if done.returncode != 0:
            return Answer(error=one_line(done.stderr) or f"dbus-send exited with {done.returncode}")
        return Answer(done.stdout.replace("[", " ").replace("]", " ").split())

    return ask


def ask_with_dbus_python(address: str) -> DBusAsk:
    """Questions asked through a private dbus-python connection to ``address``."""

    def ask(dest: str, method: str, arg: str | None, wait: float = 2.0) -> Answer:
        try:
            import dbus

            bus = dbus.bus.BusConnection(address)
            try:
                proxy = bus.get_object(dest, _path(dest), introspect=False)
                call = proxy.get_dbus_method(method, dest)
                reply = call(*([] if arg is None else [arg]), timeout=wait)
            finally:
                bus.close()
        except Exception as exc:  # dbus.exceptions.DBusException and friends
            return Answer(error=one_line(exc))
        if isinstance(reply, list | tuple):
            return Answer([str(item) for item in reply])
        return Answer(["boolean", "true" if reply else "false"])

    return ask
