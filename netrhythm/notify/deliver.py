"""Deliver one notification to the desktop, or say honestly why not; withdraw one by its id.

``deliver`` picks the route (``probe.find_route``): on Linux with a session bus, netrhythm
talks to ``org.freedesktop.Notifications`` itself with jeepney (``freedesktop``): ``Notify``
with app name "netrhythm" and an expiry, and the server's id comes back. Where jeepney cannot
be used it falls back to plyer's choice (``notify-send``, run and checked by ``notify_send``;
dbus-python through plyer); macOS, Windows and a Flatpak portal go through plyer
(``via_plyer``). Nothing is imported for this until a notification is sent, so importing the
package costs the command line nothing.

The result says one of three things: ``accepted`` by a server (with its id when known),
``failed`` (a server or program was there and did not confirm; try again later) or
``printed`` (no desktop here: the caller prints the nudge with ``format_terminal``), each with
one line of reason where there is one. Nothing raises for delivery problems.

Every call is bounded: ``timeout`` seconds (``CALL_TIMEOUT_S``, 5) for all it does, and never
past the end of a run's ``Budget`` (30 s) when one is given. It still BLOCKS for up to that
long: callers in the UI call it off the UI thread (a Textual ``@work(thread=True)`` worker).

The text is made safe for the route, never reinterpreted: the body is escaped when the server
reads markup (``body-markup``), NUL characters and lone surrogates (which D-Bus and argv cannot
carry) become U+FFFD, an empty title becomes "netrhythm"; quotes and option-like text need
nothing (no shell is involved, and notify-send gets ``--``); the Flatpak portal route escapes
quotes for the GVariant text that plyer pastes them into.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from netrhythm.notify.limits import (
    CALL_TIMEOUT_S,
    DEFAULT_EXPIRE_MS,
    Budget,
    call_deadline,
    left,
    out_of_time,
    too_late,
)
from netrhythm.notify.probe import Route, find_route, jeepney_cannot

APP_NAME = "netrhythm"
ACCEPTED, FAILED, PRINTED = "accepted", "failed", "printed"
_UNSAFE = re.compile("[\0\ud800-\udfff]")


@dataclass(frozen=True)
class Delivery:
    """How a notification went: ``status`` is ``accepted``, ``failed`` or ``printed``.

    ``via`` is the route (``desktop:dbus``, ``desktop:notify-send``, ``desktop:plyer-dbus``,
    ``desktop:portal``, ``desktop:macos``, ``desktop:windows``; ``terminal`` when printed;
    ``none`` when no time was left to try); ``reason`` says why it failed or was printed (for
    an accepted one: what cannot be confirmed); ``id`` is the server's notification id.
    """

    status: str
    via: str
    reason: str | None = None
    id: int | None = None

    @property
    def ok(self) -> bool:
        """Accepted by a notification server."""
        return self.status == ACCEPTED


def deliver(
    title: str, message: str, *, env: Mapping[str, str] | None = None,
    expire_ms: int = DEFAULT_EXPIRE_MS, timeout: float = CALL_TIMEOUT_S,
    budget: Budget | None = None,
) -> Delivery:
    """Show ``title``/``message`` on the desktop as app "netrhythm", if possible.

    ``env``: the environment to deliver in (default ``os.environ``). ``expire_ms``: how long
    the server shows it (-1: its default, 0: until dismissed). Blocks for at most ``timeout``
    seconds (and not past ``budget``'s end); never raises for delivery problems.
    """
    deadline = call_deadline(timeout, budget)
    if too_late(deadline):
        return Delivery(FAILED, "none", out_of_time(timeout, budget))
    environ: Mapping[str, str] = os.environ if env is None else env
    route = find_route(environ, deadline)
    if route.via == "terminal":
        return Delivery(PRINTED, "terminal", route.reason)
    if route.failed:
        return Delivery(FAILED, route.via, route.reason)
    if route.via == "desktop:dbus":
        return _over_dbus(route, title, message, expire_ms, deadline)
    safe_title, safe_message = prepare(title, message, route.body_markup, route.via)
    if route.via == "desktop:notify-send" and route.target is not None:
        from netrhythm.notify import notify_send

        try:
            notification_id = notify_send.send(route.target, environ, APP_NAME, safe_title,
                                               safe_message, expire_ms, deadline)
        except notify_send.SendFailed as exc:
            return Delivery(FAILED, route.via, str(exc))
        return Delivery(ACCEPTED, route.via, route.reason, notification_id)
    from netrhythm.notify import via_plyer

    try:
        via_plyer.send(route.via, APP_NAME, safe_title, safe_message, expire_ms, env, deadline)
    except via_plyer.PlyerMissing as exc:
        return Delivery(PRINTED, "terminal", str(exc))
    except via_plyer.PlyerFailed as exc:
        return Delivery(FAILED, route.via, str(exc))
    return Delivery(ACCEPTED, route.via, route.reason or "plyer gives no id to withdraw it by")


def _over_dbus(route: Route, title: str, message: str, expire_ms: int,
               deadline: float) -> Delivery:
    from netrhythm.notify import freedesktop as fd

    try:
        with fd.Bus(route.target or "", deadline) as bus:
            markup = "body-markup" in fd.capabilities(bus)
            safe_title, safe_message = prepare(title, message, markup, route.via)
            notification_id = fd.notify(bus, APP_NAME, safe_title, safe_message, expire_ms)
    except fd.NoDesktop as exc:
        return Delivery(PRINTED, "terminal", str(exc))
    except fd.CallFailed as exc:
        return Delivery(FAILED, route.via, str(exc))
    return Delivery(ACCEPTED, route.via, None, notification_id)


def withdraw(
    notification_id: int, *, env: Mapping[str, str] | None = None,
    timeout: float = CALL_TIMEOUT_S, budget: Budget | None = None,
) -> str | None:
    """Ask the server to close notification ``notification_id`` (``CloseNotification``).

    None when the server took the request (an id already gone is no error), else why not, in
    one line. Over jeepney, or ``dbus-send`` where jeepney cannot be used; bounded like
    ``deliver``.
    """
    deadline = call_deadline(timeout, budget)
    if too_late(deadline):
        return out_of_time(timeout, budget)
    environ: Mapping[str, str] = os.environ if env is None else env
    address = environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if not address:
        return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
    why_not = jeepney_cannot(address)
    if why_not is None:
        from netrhythm.notify import freedesktop as fd

        try:
            with fd.Bus(address, deadline) as bus:
                fd.close(bus, notification_id)
        except (fd.NoDesktop, fd.CallFailed) as exc:
            return str(exc)
        return None
    import shutil

    from netrhythm.notify.dbus_ask import ask_with_dbus_send

    dbus_send = shutil.which("dbus-send", path=environ.get("PATH", os.defpath))
    if dbus_send is None:
        return f"{why_not}, and dbus-send is not installed"
    answer = ask_with_dbus_send(dbus_send, environ)(
        "org.freedesktop.Notifications", "CloseNotification", notification_id, left(deadline)
    )
    return answer.error


def prepare(title: str, message: str, body_markup: bool = False,
            via: str = "desktop:dbus") -> tuple[str, str]:
    """``title`` and ``message`` made safe to pass along ``via`` (see the module docstring)."""
    title = _UNSAFE.sub("\ufffd", title) or APP_NAME
    message = _UNSAFE.sub("\ufffd", message)
    if body_markup:
        message = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if via == "desktop:portal":  # pasted by plyer into a GVariant text '…'
        title, message = (t.replace("\\", "\\\\").replace("'", "\\'") for t in (title, message))
    return title, message
