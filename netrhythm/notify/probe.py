"""Can a desktop notification be delivered here, and how? Decided before plyer is touched.

plyer 2.1.0 cannot be trusted to say whether a notification arrived: its notify-send backend
ignores the exit status, its Flatpak backend ignores the result, and it picks the backend with a
warning printed on the way. So ``find_route`` checks what plyer will need, in the given
environment, and says why not in one line when delivery is impossible:

- Linux: a session bus (``DBUS_SESSION_BUS_ADDRESS``), a backend plyer can use (dbus-python or
  ``notify-send``), and a notification server that owns ``org.freedesktop.Notifications`` and
  answers ``GetCapabilities`` (a server that D-Bus starts on demand is started). Asked with
  ``dbus-send`` when it is installed, else with dbus-python; with neither, delivery is attempted
  unverified. A real Flatpak (``/.flatpak-info``) goes through the portal, unconfirmed; a stray
  ``/app`` directory (common in containers) would send plyer to a portal that is not there.
- macOS: plyer needs pyobjus, which rarely installs cleanly; without it, the terminal.
- Windows: plyer's balloon tip uses ctypes only; it runs in a thread and cannot be confirmed.
- Anything else: plyer has no backend; the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from netrhythm.notify.dbus_ask import DBusAsk, ask_with_dbus_python, ask_with_dbus_send

NOTIFICATIONS = "org.freedesktop.Notifications"
INSTALL_HINT = "install libnotify-bin (notify-send)"


@dataclass(frozen=True)
class Route:
    """How a notification would go: ``via`` is ``terminal`` when it cannot go to the desktop.

    ``reason`` says why not (or, for a desktop route, what could not be confirmed);
    ``body_markup``: the server reads the body as markup, so ``&``, ``<`` and ``>`` must be escaped.
    """

    via: str
    reason: str | None = None
    body_markup: bool = False


def terminal(reason: str) -> Route:
    """No desktop delivery, because of ``reason`` (one line)."""
    return Route("terminal", reason)


def find_route(env: Mapping[str, str]) -> Route:
    """The route a notification would take from a process with environment ``env``."""
    from importlib.util import find_spec  # here, not at import: the command line stays fast

    if sys.platform == "darwin":
        if find_spec("pyobjus") is None:
            return terminal("macOS notifications need pyobjus (pip install pyobjus)")
        return Route("desktop:macos")
    if sys.platform in ("win32", "cygwin"):
        return Route("desktop:windows", "sent as a Windows balloon tip; delivery not confirmed")
    if not sys.platform.startswith("linux"):
        return terminal(f"plyer has no desktop notifications on {sys.platform}")
    return _linux(env)


def _linux(env: Mapping[str, str]) -> Route:
    import shutil
    from importlib.util import find_spec

    address = env.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if not address:
        return terminal("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    if os.path.isdir("/app"):  # plyer's own test for Flatpak
        if os.path.exists("/.flatpak-info"):
            return Route("desktop:portal", "sent through the Flatpak portal; not confirmed")
        return terminal("/app exists, so plyer would use a Flatpak portal, but this is no Flatpak")
    has_dbus_python = find_spec("dbus") is not None
    notify_send = shutil.which("notify-send", path=env.get("PATH", os.defpath))
    if not has_dbus_python and notify_send is None:
        return terminal(f"no notification backend for plyer: {INSTALL_HINT} or dbus-python")
    via = "desktop:dbus" if has_dbus_python else "desktop:notify-send"
    dbus_send = shutil.which("dbus-send", path=env.get("PATH", os.defpath))
    if dbus_send is not None:
        ask = ask_with_dbus_send(dbus_send, env)
    elif has_dbus_python:
        ask = ask_with_dbus_python(address)
    else:
        return Route(via, "no dbus-send or dbus-python to check for a notification server")
    return _server(ask, via, address)


def _server(ask: DBusAsk, via: str, address: str) -> Route:
    """Whether a notification server is there (or can be started), and if it reads markup."""
    owned = ask("org.freedesktop.DBus", "NameHasOwner", NOTIFICATIONS)
    if owned.error is not None:
        return terminal(f"the D-Bus session bus at {address} does not answer: {owned.error}")
    wait = 2.0
    if owned.words != ["boolean", "true"]:
        names = ask("org.freedesktop.DBus", "ListActivatableNames", None)
        if NOTIFICATIONS not in names.words:
            return terminal(f"no notification server on the D-Bus session bus ({NOTIFICATIONS})")
        wait = 5.0  # D-Bus starts the server on this first call
    capabilities = ask(NOTIFICATIONS, "GetCapabilities", None, wait)
    if capabilities.error is not None and wait > 2.0:
        return terminal(
            f"no notification server is running and D-Bus could not start one: {capabilities.error}"
        )
    if capabilities.error is not None:
        return terminal(f"the notification server does not answer: {capabilities.error}")
    return Route(via, None, "body-markup" in capabilities.words)
