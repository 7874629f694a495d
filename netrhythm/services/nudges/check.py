"""One nudge check, the same for `netrhythm nudge` (a scheduler, --watch) and the open app:
claim each due nudge, deliver it, record how it went; withdraw what is no longer due.

- Claim: each nudge (with the nudges a summary groups) is claimed in the nudge log, in its own
  write transaction, just before delivery; a key another process holds is skipped. A claim
  older than ``facts.LEASE`` (a killed run's) is taken over.
- Deliver: one ``Budget`` (30 s) per check, each notification at most 5 s, shown for
  ``nudge.show-minutes``.
- Record: ``accepted`` (with the server's id) is delivered; ``failed`` and ``printed`` come back
  in the next check while still due (the engine leaves them out of ``already_sent``). The text
  of a nudge that was not shown is to be printed once (``Outcome.print_now``), not on every
  retry. In the app (``toast=True``) the app's own toast counts as shown when there is no
  desktop to show it on (``printed``); a ``failed`` one is toasted once and still retried.
- Withdraw: shown notifications whose reason went away are closed by their server id
  (``CloseNotification``), whichever process showed them; claimed first, so only one process
  closes each, and put back when the server did not take it.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from netrhythm.domain.nudges import Nudge, NudgePlan, ShownFacts
from netrhythm.services.context import Context
from netrhythm.services.nudges.facts import lease_start
from netrhythm.services.nudges.facts import plan as make_plan
from netrhythm.services.settings import show_minutes
from netrhythm.storage import nudge_log as log
from netrhythm.storage.db import write_transaction

if TYPE_CHECKING:
    from netrhythm.notify import Budget, Delivery


class _Taken(Exception):
    """Another process holds one of the keys: the claim is rolled back."""


class Outcome(NamedTuple):
    """How one nudge went: ``status`` is ``accepted``, ``failed``, ``printed`` or ``toast``.

    ``reason``: why it is not on the desktop; ``print_now``: print (or toast) its text, the
    first time it was not shown.
    """

    nudge: Nudge
    status: str
    via: str
    reason: str | None
    print_now: bool = False


class Withdrawn(NamedTuple):
    """A notification closed (``error`` None) or not (why, and it is tried again)."""

    key: str
    title: str
    error: str | None = None


class CheckResult(NamedTuple):
    outcomes: list[Outcome]
    withdrawn: list[Withdrawn]
    suppressed_reason: str | None


def process_id() -> str:
    """``pid@host``: who holds a claim."""
    return f"{os.getpid()}@{os.uname().nodename if hasattr(os, 'uname') else 'localhost'}"


def run_check(ctx: Context, *, toast: bool = False) -> CheckResult:
    """Deliver what is due and withdraw what is stale (see the module docstring). Blocks for
    up to the run's budget (30 s) when a notification server hangs."""
    from netrhythm.notify import Budget, deliver

    budget = Budget()
    show_ms = show_minutes() * 60_000
    plan = make_plan(ctx)
    outcomes = []
    for nudge in plan.to_send:
        claimed_at = _claim(ctx, nudge, plan)
        if claimed_at is None:
            continue
        delivery = deliver(nudge.title, nudge.message, expire_ms=show_ms, budget=budget)
        outcomes.append(_record(ctx, nudge, claimed_at, delivery, toast))
    withdrawn = [w for w in (_withdraw(ctx, shown, budget) for shown in plan.to_withdraw)
                 if w is not None]
    return CheckResult(outcomes, withdrawn, plan.suppressed_reason)


def _claim(ctx: Context, nudge: Nudge, plan: NudgePlan) -> datetime | None:
    """Claim ``nudge`` (a summary: with every nudge it groups, or not at all); when claimed."""
    now, by = ctx.now(), process_id()
    grouped = plan.grouped if nudge.rule == "summary" else []
    try:
        with write_transaction():
            for item, part_of in [(nudge, None), *((g, nudge.key) for g in grouped)]:
                if not log.claim(item.key, item.title, item.message, by=by, now=now,
                                 lease_start=lease_start(now), part_of=part_of,
                                 named=item.named):
                    raise _Taken  # rolls the whole claim back
    except _Taken:
        return None
    return now


def _record(ctx: Context, nudge: Nudge, claimed_at: datetime, delivery: Delivery,
            toast: bool) -> Outcome:
    from netrhythm.notify import ACCEPTED, FAILED, PRINTED

    status, via = delivery.status, delivery.via
    if toast and status == PRINTED:  # no desktop here: the app's toast is the notification
        state, status, via = log.DELIVERED, "toast", "toast"
    else:
        state = {ACCEPTED: log.DELIVERED, FAILED: log.FAILED}.get(status, log.PRINTED)
    with write_transaction():
        first = log.finish(nudge.key, by=process_id(), claimed_at=claimed_at, state=state,
                           via=via, now=ctx.now(), server_id=delivery.id, error=delivery.reason,
                           printing=status in (FAILED, PRINTED))
    reason = None if status == ACCEPTED else delivery.reason
    return Outcome(nudge, status, via, reason, bool(first))


def _withdraw(ctx: Context, shown: ShownFacts, budget: Budget) -> Withdrawn | None:
    from netrhythm.notify import withdraw

    now = ctx.now()
    with write_transaction():
        if not log.claim_withdrawal(shown.key, now):
            return None  # another process withdrew it first
    error = withdraw(shown.notification_id, budget=budget)
    if error is not None:
        with write_transaction():
            log.unwithdraw(shown.key, now)
    return Withdrawn(shown.key, shown.title, error)
