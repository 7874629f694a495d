"""plyer, for the routes netrhythm does not drive itself: macOS (pyobjus), Windows (a balloon
tip), a Flatpak's portal, and dbus-python on Linux when jeepney cannot be used.

plyer's call runs in a daemon thread and is waited for until the deadline: a call that hangs
counts as failed and is left behind (it can hold nothing but plyer's lock, so later calls fail
fast instead of queueing). One call at a time. While it is waited for, ``env``'s session bus,
display and PATH are applied to ``os.environ`` (plyer reads them there), and plyer's warnings
and prints are kept from the user's terminal; output of plyer's child processes is not (that
would take the process-wide file descriptors, which Textual draws on).

plyer reports no notification id, so what it shows cannot be withdrawn. Its expiry is whole
seconds; the Windows balloon is shown for ``WINDOWS_SECONDS`` (plyer keeps a thread alive that
long, which would keep ``netrhythm nudge`` from exiting).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from netrhythm.notify.dbus_ask import one_line
from netrhythm.notify.limits import left

# What plyer's backends read from the process environment.
ENV_KEYS = ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "PATH")
WINDOWS_SECONDS = 10
_LOCK = threading.Lock()


class PlyerMissing(Exception):
    """plyer (or its backend) cannot be imported."""


class PlyerFailed(Exception):
    """plyer raised, or did not return in time."""


def send(via: str, app: str, title: str, body: str, expire_ms: int,
         env: Mapping[str, str] | None, deadline: float) -> None:
    """Show the notification through plyer for route ``via``; raises as described above."""
    limit = left(deadline)
    if not _LOCK.acquire(timeout=limit):
        raise PlyerFailed("an earlier notification is still waiting for plyer")
    seconds = WINDOWS_SECONDS if via == "desktop:windows" else max(0, -(-expire_ms // 1000))
    outcome: list[BaseException | None] = []
    finished = threading.Event()

    def run() -> None:
        try:
            from plyer import notification

            notification.notify(app_name=app, title=title, message=body, timeout=seconds)
            outcome.append(None)
        except BaseException as exc:  # noqa: B036 - reported to the caller, never raised here
            outcome.append(exc)
        finally:
            _LOCK.release()
            finished.set()

    with _environment(env), _quiet():
        try:
            threading.Thread(target=run, name="netrhythm-plyer", daemon=True).start()
        except RuntimeError as exc:
            _LOCK.release()
            raise PlyerFailed(f"plyer could not be started: {one_line(exc)}") from None
        done = finished.wait(left(deadline))
    if not done:
        raise PlyerFailed(f"plyer did not return within {limit:.1f} s")
    error = outcome[0]
    if isinstance(error, ImportError):
        raise PlyerMissing(f"plyer cannot be imported ({one_line(error)})")
    if error is not None:
        raise PlyerFailed(f"plyer failed: {one_line(error)}")


@contextmanager
def _environment(env: Mapping[str, str] | None) -> Iterator[None]:
    """``os.environ`` showing ``env``'s values of ``ENV_KEYS``, restored afterwards."""
    if env is None or env is os.environ:
        yield
        return
    saved = {key: os.environ.get(key) for key in ENV_KEYS}
    try:
        for key in ENV_KEYS:
            _set(key, env.get(key))
        yield
    finally:
        for key, value in saved.items():
            _set(key, value)


def _set(key: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = value


@contextmanager
def _quiet() -> Iterator[None]:
    """No warnings, and nothing printed through ``sys.stdout``/``sys.stderr``."""
    import io
    import warnings
    from contextlib import redirect_stderr, redirect_stdout

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            yield
