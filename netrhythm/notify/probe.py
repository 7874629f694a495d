"""Which way a desktop notification can go from here, decided before anything is sent.

``find_route`` looks at the platform and the given environment, and says why not in one line
when no desktop delivery is possible (the nudge is then printed):

- Linux with a session bus (``DBUS_SESSION_BUS_ADDRESS``) that jeepney can use (a ``unix:``
  address): ``desktop:dbus``, netrhythm talks to ``org.freedesktop.Notifications`` itself
  (``freedesktop``); whether a server is there is found out on the same connection.
- Linux when jeepney cannot be used (not installed, a ``tcp:`` bus address): the fallback,
  plyer's own choice of backend, each checked here first: dbus-python (``desktop:plyer-dbus``,
  through plyer) or ``notify-send`` (``desktop:notify-send``, run by netrhythm so that its exit
  status counts), and a notification server that owns ``org.freedesktop.Notifications`` and
  answers ``GetCapabilities`` (a server that D-Bus starts on demand is started), asked with
  ``dbus-send`` when it is installed, else dbus-python. A stray ``/app`` directory (common in
  containers) would send plyer to a Flatpak portal that is not there.
- A real Flatpak (``/.flatpak-info``): plyer's portal route, unconfirmed.
- macOS: plyer needs pyobjus, which rarely installs cleanly; without it, the terminal.
- Windows: plyer's balloon tip (ctypes only); it cannot be confirmed.
- Anything else: the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from netrhythm.notify.dbus_ask import DBusAsk, ask_with_dbus_python, ask_with_dbus_send, one_line
from netrhythm.notify.limits import left

NOTIFICATIONS = "org.freedesktop.Notifications"
INSTALL_HINT = "install libnotify-bin (notify-send)"


@dataclass(frozen=True)
class Route:
    """How a notification would go: ``via`` is ``terminal`` when it cannot go to the desktop.

    ``reason`` says why not (for a desktop route: what cannot be confirmed, or with ``failed``,
    why the check timed out); ``body_markup``: the server reads the body as markup, so ``&``,
    ``<`` and ``>`` must be escaped; ``target``: the bus address (``desktop:dbus``) or the
    notify-send program (``desktop:notify-send``).
    """

    via: str
    reason: str | None = None
    body_markup: bool = False
    target: str | None = None
    failed: bool = False


def terminal(reason: str) -> Route:
    """No desktop delivery, because of ``reason`` (one line)."""
    return Route("terminal", reason)


def find_route(env: Mapping[str, str], deadline: float) -> Route:
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
    return _linux(env, deadline)


def jeepney_cannot(address: str) -> str | None:
    """Why jeepney cannot reach bus ``address`` (one line), or None when it can."""
    from netrhythm.notify.freedesktop import socket_address

    try:
        socket_address(address)
    except ImportError as exc:
        return f"jeepney cannot be imported ({one_line(exc)})"
    except ValueError as exc:
        return one_line(str(exc))
    return None


def _linux(env: Mapping[str, str], deadline: float) -> Route:
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if not address:
        return terminal("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    if os.path.isdir("/app") and os.path.exists("/.flatpak-info"):
        return Route("desktop:portal", "sent through the Flatpak portal; not confirmed")
    why_not = jeepney_cannot(address)
    if why_not is None:
        return Route("desktop:dbus", target=address)
    return _fallback(env, address, why_not, deadline)


def _fallback(env: Mapping[str, str], address: str, why_not: str, deadline: float) -> Route:
    """plyer's choice of backend when jeepney cannot be used (``why_not``)."""
    import shutil
    from importlib.util import find_spec

    if os.path.isdir("/app"):  # plyer's own test for Flatpak
        return terminal(f"{why_not}, and /app exists, so plyer would use a Flatpak portal, "
                        "but this is no Flatpak")
    has_dbus_python = find_spec("dbus") is not None
    notify_send = shutil.which("notify-send", path=env.get("PATH", os.defpath))
    if not has_dbus_python and notify_send is None:
        return terminal(f"no notification backend: {why_not}; {INSTALL_HINT} or dbus-python")
    via = "desktop:plyer-dbus" if has_dbus_python else "desktop:notify-send"
    dbus_send = shutil.which("dbus-send", path=env.get("PATH", os.defpath))
    if dbus_send is not None:
        ask = ask_with_dbus_send(dbus_send, env)
    elif has_dbus_python:
        ask = ask_with_dbus_python(address)
    else:
        return Route(via, "no dbus-send or dbus-python to check for a notification server",
                     target=notify_send)
    return _server(ask, Route(via, target=notify_send), address, deadline)


def _server(ask: DBusAsk, route: Route, address: str, deadline: float) -> Route:
    """``route``, if a notification server is there (or can be started); if it reads markup."""
    owned = ask("org.freedesktop.DBus", "NameHasOwner", NOTIFICATIONS, min(2.0, left(deadline)))
    if owned.error is not None:
        return _unanswered(route, owned.timed_out,
                           f"the D-Bus session bus at {address} does not answer: {owned.error}")
    starting = owned.words != ["boolean", "true"]
    if starting:
        names = ask("org.freedesktop.DBus", "ListActivatableNames", None, min(2.0, left(deadline)))
        if NOTIFICATIONS not in names.words:
            return terminal(f"no notification server on the D-Bus session bus ({NOTIFICATIONS})")
    capabilities = ask(NOTIFICATIONS, "GetCapabilities", None, left(deadline))
    if capabilities.error is not None and starting and not capabilities.timed_out:
        return terminal(
            f"no notification server is running and D-Bus could not start one: {capabilities.error}"
        )
    if capabilities.error is not None:
        return _unanswered(route, capabilities.timed_out,
                           f"the notification server does not answer: {capabilities.error}")
    return Route(route.via, route.reason, "body-markup" in capabilities.words, route.target)


def _unanswered(route: Route, timed_out: bool, reason: str) -> Route:
    """A question that timed out: ``route`` failed (try later); else no desktop here."""
    if timed_out:
        return Route(route.via, reason, target=route.target, failed=True)
    return terminal(reason)
