"""The freedesktop notification server, asked directly over the D-Bus session bus with jeepney.

``Bus`` is one private connection whose every write and read is bounded by one deadline (the
socket's timeout is set to the time left before each operation). jeepney's own blocking
connection is not used: its ``Hello`` handshake waits without a limit. jeepney is imported inside
the calls, never when this module is imported. jeepney connects to ``unix:path=`` and
``unix:abstract=`` addresses; ``socket_address`` says when it cannot use an address.

The calls (``capabilities``, ``notify``, ``close``) raise one of two errors, each with a message
of one line: ``NoDesktop`` when there is nothing to deliver to (the bus does not answer, no
server owns ``org.freedesktop.Notifications`` and D-Bus cannot start one), so the nudge can
only be printed; ``CallFailed`` when a server was there and the call failed or took too long,
so a later run should try again.
"""

from __future__ import annotations

from typing import Any

from netrhythm.notify.dbus_ask import one_line
from netrhythm.notify.limits import left

NOTIFICATIONS = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"


class NoDesktop(Exception):
    """Nothing on this bus can show a notification."""


class CallFailed(Exception):
    """A notification server (or the bus) was there, and the call failed or timed out."""


def socket_address(address: str) -> str:
    """The socket jeepney would connect to for bus ``address``; ValueError when it cannot.

    Raises ImportError when jeepney is not installed.
    """
    from jeepney.bus import get_connectable_addresses

    try:
        return next(get_connectable_addresses(address))
    except (RuntimeError, ValueError, StopIteration) as exc:  # another transport, or garbled
        raise ValueError(f"jeepney cannot use the bus address {address} "
                         "(it connects to unix:path= and unix:abstract= only)") from exc


class Bus:
    """A connection to the session bus at ``address`` that gives up at ``deadline``."""

    def __init__(self, address: str, deadline: float) -> None:
        from jeepney import Parser
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import prep_socket

        self.address, self.deadline, self.limit = address, deadline, left(deadline)
        self._parser, self._serial = Parser(), 0
        target = socket_address(address)
        if self.limit <= 0:
            raise CallFailed("no time left to connect to the D-Bus session bus")
        try:
            self._sock = prep_socket(target, timeout=self.limit)
        except TimeoutError:
            raise CallFailed(self._late("connect to the D-Bus session bus")) from None
        except Exception as exc:  # refused, no such socket, authentication rejected
            raise NoDesktop(f"the D-Bus session bus at {address} does not answer: "
                            f"{one_line(exc)}") from None
        try:
            self.call(message_bus.Hello(), "Hello")
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Bus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if hasattr(self, "_sock"):
            self._sock.close()

    def call(self, message: Any, what: str) -> tuple[Any, ...]:
        """Send ``message`` (a method call) and return its reply's body; raises as described."""
        from jeepney import HeaderFields
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        self._serial += 1
        serial = self._serial
        try:
            self._timed(self._sock.sendall, message.serialise(serial=serial))
            while True:
                reply = self._parser.get_next_message()
                if reply is None:
                    data = self._timed(self._sock.recv, 4096)
                    if not data:
                        raise ConnectionResetError("the bus closed the connection")
                    self._parser.add_data(data)
                elif reply.header.fields.get(HeaderFields.reply_serial) == serial:
                    return tuple(unwrap_msg(reply))
        except TimeoutError:
            raise CallFailed(self._late(f"answer {what}")) from None
        except DBusErrorResponse as exc:
            raise _refusal(exc.name or "", exc.data, what) from None
        except Exception as exc:  # the connection broke, a reply could not be parsed
            raise CallFailed(f"{what} failed: {one_line(exc)}") from None

    def _timed(self, operation: Any, *args: Any) -> Any:
        remaining = left(self.deadline)
        if remaining <= 0:
            raise TimeoutError
        self._sock.settimeout(remaining)
        return operation(*args)

    def _late(self, what: str) -> str:
        return f"the notification server did not {what} within {self.limit:.1f} s"


def _refusal(name: str, data: object, what: str) -> Exception:
    detail = one_line(" ".join(str(item) for item in data) if isinstance(data, tuple) else data)
    if name in ("org.freedesktop.DBus.Error.ServiceUnknown",
                "org.freedesktop.DBus.Error.NameHasNoOwner"):
        return NoDesktop(f"no notification server on the D-Bus session bus ({NOTIFICATIONS})")
    if name.startswith("org.freedesktop.DBus.Error.Spawn."):
        return NoDesktop(f"no notification server is running and D-Bus could not start one: "
                         f"{detail or name}")
    return CallFailed(f"the notification server refused {what}: {name}: {detail}".rstrip(": "))


def _method(name: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
    from jeepney import DBusAddress, new_method_call

    server = DBusAddress(OBJECT_PATH, bus_name=NOTIFICATIONS, interface=NOTIFICATIONS)
    return new_method_call(server, name, signature, body)


def capabilities(bus: Bus) -> list[str]:
    """What the server supports (``body-markup``, ...); D-Bus starts a server if it can."""
    (names,) = bus.call(_method("GetCapabilities"), "GetCapabilities")
    return [str(name) for name in names]


def notify(bus: Bus, app: str, title: str, body: str, expire_ms: int) -> int:
    """Show a notification; the server's id for it. ``expire_ms``: -1 server default, 0 never."""
    args: tuple[Any, ...] = (app, 0, "", title, body, [], {}, expire_ms)
    (notification_id,) = bus.call(_method("Notify", "susssasa{sv}i", args), "Notify")
    return int(notification_id)


def close(bus: Bus, notification_id: int) -> None:
    """Withdraw notification ``notification_id`` (servers ignore an id that is gone)."""
    bus.call(_method("CloseNotification", "u", (notification_id,)), "CloseNotification")
