"""Deliver one notification to the desktop through plyer, or say honestly why not.

``deliver`` first decides whether desktop delivery can work (``probe.find_route``: session bus,
backend, notification server; macOS needs pyobjus; see that module), and only then imports plyer,
inside the call, so that importing this package costs the command line nothing. plyer's warnings
and anything it prints through ``sys.stdout``/``sys.stderr`` are kept from the user's terminal. A
failure never raises: it comes back as ``Delivery(via="terminal", ok=False, reason=...)`` and the
caller prints the nudge with ``format_terminal``.

``deliver`` BLOCKS (D-Bus round trips, a ``notify-send`` process: tens of milliseconds, seconds
when a server is slow or D-Bus must start one). Callers in the UI must call it off the UI thread
(a Textual ``@work(thread=True)`` worker). Calls are serialized by a lock.

The text is made safe for the route, never reinterpreted: the body is escaped when the server
reads markup (``body-markup``), NUL characters become U+FFFD, and on the ``notify-send`` route
text that starts with ``-`` (which notify-send would parse as an option and drop the
notification) gets an invisible U+2060 WORD JOINER in front. Quotes need nothing on the dbus and
notify-send routes (no shell is involved); the Flatpak portal route escapes them for GVariant.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from netrhythm.notify.dbus_ask import one_line
from netrhythm.notify.probe import Route, find_route

APP_NAME = "netrhythm"
TIMEOUT_S = 10  # seconds on screen (plyer's notify-send backend ignores it and sends -t 0)
# What plyer's backends read from the process environment; applied while a given env is used.
ENV_KEYS = ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "PATH")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Delivery:
    """Where a notification went: ``desktop:notify-send``, ``desktop:dbus``, … or ``terminal``.

    ``ok`` is False when it did not reach the desktop; ``reason`` then says why in one line (on a
    desktop route it may note what could not be confirmed).
    """

    via: str
    ok: bool
    reason: str | None = None


def deliver(title: str, message: str, *, env: Mapping[str, str] | None = None) -> Delivery:
    """Send ``title``/``message`` as a desktop notification from app "netrhythm", if possible.

    ``env`` is the environment to deliver in (default ``os.environ``); when given, its session
    bus, display and PATH are applied to ``os.environ`` for the duration of the plyer call.
    Blocks; never raises for delivery problems. Linux needs a session bus, a notification
    server and notify-send or dbus-python; macOS needs pyobjus; Windows uses plyer's balloon tip
    (unconfirmed); otherwise, and whenever plyer fails, the result says ``terminal`` and why.
    """
    environ: Mapping[str, str] = os.environ if env is None else env
    route = find_route(environ)
    if route.via == "terminal":
        return Delivery("terminal", False, route.reason)
    safe_title, safe_message = prepare(title, message, route)
    try:
        with _LOCK, _environment(env), _quiet():
            from plyer import notification

            notification.notify(
                app_name=APP_NAME, title=safe_title, message=safe_message, timeout=TIMEOUT_S
            )
    except ImportError as exc:
        return Delivery("terminal", False, f"plyer cannot be imported ({one_line(exc)})")
    except Exception as exc:  # DBusException, NotImplementedError, OSError, ...
        return Delivery("terminal", False, f"plyer failed: {one_line(exc)}")
    return Delivery(route.via, True, route.reason)


def prepare(title: str, message: str, route: Route) -> tuple[str, str]:
    """``title`` and ``message`` made safe to pass along ``route`` (see the module docstring)."""
    title = title.replace("\0", "\ufffd") or APP_NAME
    message = message.replace("\0", "\ufffd")
    if route.body_markup:
        message = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if route.via == "desktop:notify-send":
        title, message = (("\u2060" + t) if t.startswith("-") else t for t in (title, message))
    elif route.via == "desktop:portal":  # pasted by plyer into a GVariant text '…'
        title, message = (t.replace("\\", "\\\\").replace("'", "\\'") for t in (title, message))
    return title, message


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
    """No warnings, and nothing printed through ``sys.stdout``/``sys.stderr``.

    Output of plyer's child processes (``notify-send``) is not redirected: that would need the
    process-wide file descriptors, which Textual draws on. The probe rules out the failures that
    would make them print.
    """
    import io
    import warnings
    from contextlib import redirect_stderr, redirect_stdout

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            yield
