"""The nudge log: one row per nudge key and its state, claimed by exactly one process at a time.

A claim is one statement whose change count says who won: ``INSERT ... ON CONFLICT (key) DO
NOTHING`` for a new key, or ``UPDATE ... WHERE`` the row is open to retry (``failed``,
``printed``, or a ``claimed`` lease older than ``lease_start``). The count comes from the
statement itself (Peewee's ``as_rowcount``), never from ``lastrowid``, which on SQLite still
holds the id of this connection's previous insert when an insert was ignored. Both statements
are plain SQL that SQLite and PostgreSQL accept, and Peewee writes the placeholders.

Writers of the log take turns (:func:`_take_turns`, first in each write): a summary is claimed
with the nudges it groups in one transaction, and on PostgreSQL (READ COMMITTED, rows locked as
written) two processes whose plans group the same nudges in another order would each hold some
rows while waiting for the other's, a deadlock the server ends by failing one of them. SQLite's
writers take turns already (``BEGIN IMMEDIATE``).

Whoever holds a claim records how delivery went with ``finish``, guarded by its own
``claimed_by`` and ``claimed_at``: a run whose lease was taken over changes nothing. A
withdrawal is claimed the same way (``delivered`` to ``withdrawn``, then ``CloseNotification``)
and put back with ``unwithdraw`` when the server did not take it. The states:
migrations/0003_nudge_states.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from netrhythm.storage.dialect import current
from netrhythm.storage.tables import NudgeLog, database

if TYPE_CHECKING:
    from typing import Any

CLAIMED, DELIVERED, PRINTED, FAILED, WITHDRAWN = (
    "claimed", "delivered", "printed", "failed", "withdrawn")
RETRY = (FAILED, PRINTED)
SETTLED = (DELIVERED, WITHDRAWN)
TURN = 1  # the nudge log's number for Dialect.take_turns


class Shown(NamedTuple):
    """A notification a server accepted (``server_id``), and the keys it stands for."""

    key: str
    server_id: int
    covers: tuple[str, ...]
    named: tuple[int, ...]
    title: str


def _named(value: str | None) -> tuple[int, ...]:
    try:
        ids = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(i for i in ids if isinstance(i, int)) if isinstance(ids, list) else ()


def _take_turns() -> None:
    """Wait until no other transaction writes the log, and keep others waiting until this one
    ends (nothing on SQLite, whose write transaction does so already)."""
    sql = current().take_turns
    if sql:
        database.execute_sql(sql.format(TURN))


def busy_or_done(lease_start: datetime) -> set[str]:
    """Keys that need no delivery now: delivered, withdrawn, or claimed since ``lease_start``."""
    query = NudgeLog.select(NudgeLog.key).where(
        NudgeLog.state.in_(SETTLED)
        | ((NudgeLog.state == CLAIMED) & (NudgeLog.claimed_at >= lease_start)))
    # The plain cursor: Peewee's row wrapper took 4-5 ms for a thousand keys (years of nudges).
    return {key for (key,) in database.execute(query)}


def claim(key: str, title: str, message: str, *, by: str, now: datetime,
          lease_start: datetime, part_of: str | None = None,
          named: tuple[int, ...] = ()) -> bool:
    """Claim ``key`` for delivery by ``by`` (pid@host); False when another process holds it
    or it needs no delivery. Call inside a write transaction."""
    _take_turns()
    named_json = json.dumps(list(named)) if named else None
    inserted = NudgeLog.insert(
        key=key, sent_at=now, title=title, message=message, delivered_via="pending",
        state=CLAIMED, claimed_by=by, claimed_at=now, attempts=1, part_of=part_of,
        named=named_json,
    ).on_conflict(conflict_target=[NudgeLog.key], action="NOTHING").as_rowcount().execute()
    if inserted == 1:
        return True
    open_to_retry = NudgeLog.state.in_(RETRY) | (
        (NudgeLog.state == CLAIMED) & (NudgeLog.claimed_at < lease_start))
    retried = NudgeLog.update(
        state=CLAIMED, claimed_by=by, claimed_at=now, title=title, message=message,
        part_of=part_of, named=named_json, attempts=NudgeLog.attempts + 1,
    ).where((NudgeLog.key == key) & open_to_retry).execute()
    return retried == 1


def finish(key: str, *, by: str, claimed_at: datetime, state: str, via: str,
           now: datetime, server_id: int | None = None, error: str | None = None,
           printing: bool = False) -> bool | None:
    """Record how the claimed ``key`` (and the nudges it carries) went: ``state`` is delivered,
    printed or failed. ``printing``: the text is printed now, unless every key it covers was
    printed before. Returns whether to print it; None when the claim was no longer ours.
    Call inside a write transaction."""
    _take_turns()
    ours = ((NudgeLog.key == key) | (NudgeLog.part_of == key)) & (NudgeLog.state == CLAIMED) & (
        NudgeLog.claimed_by == by) & (NudgeLog.claimed_at == claimed_at)
    first_print = printing and NudgeLog.select().where(
        ours & NudgeLog.printed_at.is_null()).exists()
    values: dict[str, object] = {"state": state, "delivered_via": via[:200], "claimed_by": None}
    if state == DELIVERED:
        values.update(delivered_at=now, server_id=server_id)
    elif state == FAILED:
        values["last_error"] = (error or "")[:500]
    if first_print:
        values["printed_at"] = now
    changed = NudgeLog.update(values).where(ours).execute()
    return first_print if changed else None


def shown_since(since: datetime, until: datetime | None = None) -> list[Shown]:
    """Notifications a server accepted after ``since`` (and not after ``until``: a process
    whose clock is behind leaves alone what it cannot have seen), so perhaps still on screen,
    each with the keys it stands for (its own, or those of the nudges a summary grouped)."""
    where = ((NudgeLog.state == DELIVERED) & NudgeLog.server_id.is_null(False)
             & (NudgeLog.delivered_at > since) & NudgeLog.part_of.is_null())
    if until is not None:
        where &= NudgeLog.delivered_at <= until
    query: Any = NudgeLog.select(
        NudgeLog.key, NudgeLog.server_id, NudgeLog.named, NudgeLog.title).where(where)
    rows: list[tuple[Any, ...]] = list(query.tuples())
    if not rows:
        return []
    parts: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for key, part_of, named in NudgeLog.select(NudgeLog.key, NudgeLog.part_of, NudgeLog.named) \
            .where(NudgeLog.part_of.in_([row[0] for row in rows])).tuples():
        parts[part_of].append((key, named))
    out = []
    for key, server_id, named, title in rows:
        carried = parts.get(key, [(key, named)])
        ids = tuple(i for _, value in carried for i in _named(value))
        out.append(Shown(key, int(server_id), tuple(k for k, _ in carried), ids, title))
    return out


def claim_withdrawal(key: str, now: datetime) -> bool:
    """Mark the delivered ``key`` (and what it carries) withdrawn; False when another process
    did first. Call inside a write transaction, then close the notification."""
    _take_turns()
    changed = NudgeLog.update(state=WITHDRAWN, withdrawn_at=now).where(
        (NudgeLog.key == key) & (NudgeLog.state == DELIVERED)).execute()
    if changed:
        NudgeLog.update(state=WITHDRAWN, withdrawn_at=now).where(
            (NudgeLog.part_of == key) & (NudgeLog.state == DELIVERED)).execute()
    return changed == 1


def unwithdraw(key: str, withdrawn_at: datetime) -> None:
    """The server did not take the withdrawal claimed at ``withdrawn_at``: delivered again."""
    _take_turns()
    NudgeLog.update(state=DELIVERED, withdrawn_at=None).where(
        ((NudgeLog.key == key) | (NudgeLog.part_of == key)) & (NudgeLog.state == WITHDRAWN)
        & (NudgeLog.withdrawn_at == withdrawn_at)).execute()


def last_named(prefix: str, not_key: str) -> tuple[int, ...] | None:
    """The contact ids that the latest shown nudge whose key starts with ``prefix`` (other than
    ``not_key``) named; None when there was none."""
    rows = NudgeLog.select(NudgeLog.named).where(
        NudgeLog.key.startswith(prefix) & (NudgeLog.key != not_key)
        & NudgeLog.state.in_((DELIVERED, PRINTED, WITHDRAWN)) & NudgeLog.named.is_null(False)
    ).order_by(NudgeLog.sent_at.desc(), NudgeLog.id.desc()).limit(1).tuples()
    return next((_named(named) for (named,) in rows), None)


def logged_keys() -> set[str]:
    """Every key in the log, whatever its state."""
    return {key for (key,) in NudgeLog.select(NudgeLog.key).tuples()}
