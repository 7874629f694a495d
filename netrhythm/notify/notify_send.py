"""``notify-send`` run by netrhythm itself, so that its answer counts.

plyer's notify-send backend ignores the exit status and sends ``-t 0`` (never expires). Here
the program runs with the app name, the expiry in milliseconds and ``--print-id`` (libnotify
0.7.10 and later print the server's id; an older notify-send that rejects the option is run
again without it, and the id stays unknown). ``--`` ends the options, so a title such as
``-2 days left`` is shown as it is. A non-zero exit status, a signal or a run past the deadline
raises ``SendFailed`` with one line; on a timeout the whole process group is killed, so nothing
it started is left waiting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from netrhythm.notify.dbus_ask import one_line
from netrhythm.notify.limits import left

if TYPE_CHECKING:  # subprocess is imported only when notify-send runs
    from subprocess import Popen


class SendFailed(Exception):
    """notify-send did not confirm the notification (exit status, signal, timeout)."""


def send(
    program: str, env: Mapping[str, str], app: str, title: str, body: str, expire_ms: int,
    deadline: float,
) -> int | None:
    """Run ``program`` (a notify-send); the notification's id when it printed one."""
    options = [program, f"--app-name={app}", f"--expire-time={expire_ms}"]
    code, out, err = _run([*options, "--print-id", "--", title, body], env, deadline)
    if code != 0 and _print_id_unknown(err):
        code, out, err = _run([*options, "--", title, body], env, deadline)
    if code < 0:
        raise SendFailed(f"notify-send was stopped by signal {-code}")
    if code != 0:
        detail = one_line(err) or one_line(out)
        raise SendFailed(f"notify-send exited with {code}" + (f": {detail}" if detail else ""))
    first = out.strip().splitlines()[:1]
    return int(first[0]) if first and first[0].isdigit() else None


def _print_id_unknown(stderr: str) -> bool:
    """notify-send older than 0.7.10: "Unknown option --print-id"."""
    return "print-id" in stderr and "nknown option" in stderr


def _run(command: list[str], env: Mapping[str, str], deadline: float) -> tuple[int, str, str]:
    """Exit status, output and errors of ``command``, which must end before ``deadline``."""
    import subprocess

    limit = left(deadline)
    if limit <= 0:
        raise SendFailed("no time left to run notify-send")
    try:
        process = subprocess.Popen(
            command, env=dict(env), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True, text=True, encoding="utf-8",
            errors="replace",
        )  # fmt: skip
    except (OSError, ValueError) as exc:
        raise SendFailed(f"notify-send could not be started: {one_line(exc)}") from None
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise SendFailed(f"notify-send did not finish within {limit:.1f} s") from None
    return process.returncode, out, err


def _kill(process: Popen[str]) -> None:
    """Kill ``process``'s group (it leads a session of its own) and let go of its pipes."""
    import signal
    import subprocess

    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        pass
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
