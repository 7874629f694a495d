"""Time limits for delivery: a few seconds per notification, one budget for a whole run.

Each delivery (or withdrawal) gets ``CALL_TIMEOUT_S`` for everything it does: connecting to the
session bus, asking the server, a ``notify-send`` process, a plyer call. A run that delivers
several nudges shares one ``Budget`` (``RUN_BUDGET_S``); each call then has the smaller of its
own limit and what is left of the budget. Deadlines are ``time.monotonic()`` values.
"""

from __future__ import annotations

import time

CALL_TIMEOUT_S = 5.0
RUN_BUDGET_S = 30.0
DEFAULT_SHOW_MINUTES = 60  # how long a notification stays on screen (setting nudge.show-minutes)
DEFAULT_EXPIRE_MS = DEFAULT_SHOW_MINUTES * 60_000
MIN_CALL_S = 0.01  # less time than this left: a call is not started


class Budget:
    """The time a whole run may spend on notifications, shared by its calls."""

    def __init__(self, seconds: float = RUN_BUDGET_S) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left (0 when used up)."""
        return left(self.deadline)


def call_deadline(timeout: float, budget: Budget | None) -> float:
    """The deadline of one call: ``timeout`` from now, but never past ``budget``'s end."""
    end = time.monotonic() + timeout
    return end if budget is None else min(end, budget.deadline)


def too_late(deadline: float) -> bool:
    """Too little time left before ``deadline`` to start a call."""
    return left(deadline) < MIN_CALL_S


def left(deadline: float) -> float:
    """Seconds until ``deadline`` (0 when it has passed)."""
    return max(0.0, deadline - time.monotonic())


def out_of_time(timeout: float, budget: Budget | None) -> str:
    """Why a call did not even start: the run's budget is used up (or ``timeout`` is 0)."""
    if budget is not None and budget.left() < MIN_CALL_S:
        return f"no time left: the run's {budget.seconds:g} s for notifications are used up"
    return f"no time to deliver (timeout {timeout:g} s)"
