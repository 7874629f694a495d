"""Delivery of nudges: desktop notifications through plyer, or the terminal with the reason.

Importing this package is cheap (no plyer, no subprocess, no Textual): plyer is imported inside
``deliver`` when a notification is actually sent. ``deliver`` blocks; UI callers run it off the
UI thread. Note that ``netrhythm.notify.deliver`` is the function (re-exported here); the module
of the same name is ``sys.modules["netrhythm.notify.deliver"]``.
"""

from __future__ import annotations

from netrhythm.notify.deliver import APP_NAME, Delivery, deliver
from netrhythm.notify.terminal import format_terminal

__all__ = ["APP_NAME", "Delivery", "deliver", "format_terminal"]
