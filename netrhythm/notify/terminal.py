"""The terminal fallback: a nudge as text, plus one line saying why it is not on the desktop.

User text is shown literally. Control characters (an escape sequence in a contact's name could
clear or recolour the terminal) are shown as ``\\x1b``-style codes; line breaks and tabs become
spaces so that the title and the message each stay on one line.
"""

from __future__ import annotations

import unicodedata

__all__ = ["format_terminal"]


def _printable(text: str) -> str:
    out = []
    for char in text:
        if char in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


def format_terminal(title: str, message: str, reason: str | None) -> str:
    """Three lines (two without ``reason``), no trailing newline::

    netrhythm: Follow up with Ana Ruiz
      Follow up with Ana Ruiz — you met at PyCon Lisbon. Due today.
      (not shown on the desktop: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set))
    """
    lines = [f"netrhythm: {_printable(title)}"]
    if message:
        lines.append(f"  {_printable(message)}")
    if reason:
        lines.append(f"  (not shown on the desktop: {_printable(reason)})")
    return "\n".join(lines)
