"""Delivery of nudges: desktop notifications (D-Bus through jeepney, or plyer), or the terminal.

Importing this package is cheap (no jeepney, plyer, subprocess or Textual): they are imported
inside ``deliver`` and ``withdraw`` when a notification is actually sent or withdrawn. Both
block for at most their timeout (5 s, bounded further by a run's ``Budget`` of 30 s); UI
callers run them off the UI thread. Note that ``netrhythm.notify.deliver`` is the function
(re-exported here); the module of the same name is ``sys.modules["netrhythm.notify.deliver"]``.
"""

from __future__ import annotations

from netrhythm.notify.deliver import (
    ACCEPTED,
    APP_NAME,
    FAILED,
    PRINTED,
    Delivery,
    deliver,
    withdraw,
)
from netrhythm.notify.limits import (
    CALL_TIMEOUT_S,
    DEFAULT_EXPIRE_MS,
    DEFAULT_SHOW_MINUTES,
    RUN_BUDGET_S,
    Budget,
)
from netrhythm.notify.terminal import format_terminal

__all__ = [
    "ACCEPTED", "APP_NAME", "CALL_TIMEOUT_S", "DEFAULT_EXPIRE_MS", "DEFAULT_SHOW_MINUTES",
    "FAILED", "PRINTED", "RUN_BUDGET_S", "Budget", "Delivery", "deliver", "format_terminal",
    "withdraw",
]
