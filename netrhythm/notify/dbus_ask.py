"""Ask the D-Bus session bus one question, with ``dbus-send`` or with dbus-python.

Used where jeepney cannot be: ``probe`` checks for a notification server before the fallback
routes, and ``deliver.withdraw`` closes a notification. The argument is a string or, for an
``int``, a uint32 (a notification id). Each answer is a list of words (``["boolean", "true"]``,
or the strings of an array) or an error in one line (``timed_out`` when the bus did not answer
in time); nothing raises. Calls have bounded timeouts, and heavy imports (``subprocess``,
``dbus``) happen inside the calls, never when this module is imported.
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
    timed_out: bool = False


class DBusAsk(Protocol):
    """Call ``method`` of the object named ``dest`` (path and interface derived from it)."""

    def __call__(
        self, dest: str, method: str, arg: str | int | None, wait: float = 2.0
    ) -> Answer: ...


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

    def ask(dest: str, method: str, arg: str | int | None, wait: float = 2.0) -> Answer:
        import subprocess

        command = [
            exe, "--session", "--print-reply=literal", f"--reply-timeout={int(wait * 1000)}",
            f"--dest={dest}", _path(dest), f"{dest}.{method}",
        ]  # fmt: skip
        if arg is not None:
            command.append(f"uint32:{arg}" if isinstance(arg, int) else f"string:{arg}")
        try:
            done = subprocess.run(
                command, env=dict(env), capture_output=True, timeout=wait + 0.5, check=False,
                stdin=subprocess.DEVNULL, encoding="utf-8", errors="replace",
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return Answer(error=f"dbus-send did not finish within {wait:.1f} s", timed_out=True)
        except (OSError, subprocess.SubprocessError) as exc:
            return Answer(error=one_line(exc))
        if done.returncode != 0:
            error = one_line(done.stderr) or f"dbus-send exited with {done.returncode}"
            return Answer(error=error, timed_out="NoReply" in error or "timed out" in error)
        return Answer(done.stdout.replace("[", " ").replace("]", " ").split())

    return ask


def ask_with_dbus_python(address: str) -> DBusAsk:
    """Questions asked through a private dbus-python connection to ``address``."""

    def ask(dest: str, method: str, arg: str | int | None, wait: float = 2.0) -> Answer:
        try:
            import dbus

            bus = dbus.bus.BusConnection(address)
            try:
                proxy = bus.get_object(dest, _path(dest), introspect=False)
                call = proxy.get_dbus_method(method, dest)
                value = dbus.UInt32(arg) if isinstance(arg, int) else arg
                reply = call(*([] if value is None else [value]), timeout=wait)
            finally:
                bus.close()
        except Exception as exc:  # dbus.exceptions.DBusException and friends
            error = one_line(exc)
            return Answer(error=error, timed_out="NoReply" in error)
        if isinstance(reply, list | tuple):
            return Answer([str(item) for item in reply])
        return Answer(["boolean", "true" if reply else "false"])

    return ask
