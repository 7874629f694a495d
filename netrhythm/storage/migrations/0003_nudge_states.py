"""Schema version 3: the nudge log keeps each nudge's state, so that a nudge is claimed by one
process at a time, retried when its delivery failed, and withdrawn when its reason goes away.

States (``state``): ``claimed`` (a process is delivering it: ``claimed_by`` pid@host, since
``claimed_at``; older than a run's time limit, it is a lease another run may take over),
``delivered`` (a notification server accepted it: ``server_id``, ``delivered_at``; or the open
app showed it as a toast), ``printed`` (only printed to a terminal: ``printed_at``), ``failed``
(``attempts``, ``last_error``) and ``withdrawn`` (closed on screen at ``withdrawn_at``).
``part_of`` names the summary nudge that carried a grouped one; ``named`` holds the ids of the
contacts a gone-cold nudge named (JSON), so the next one can say what changed.

Existing rows take the state their ``delivered_via`` says: ``terminal`` printed, ``pending`` a
claim of a run that never finished (its lease long over), ``grouped:KEY`` part of KEY and in
its state, anything else (``desktop:…``) delivered.

``ADD COLUMN`` never rebuilds the table (no row is copied, no reference is touched), so plain
SQL is safe here. Frozen SQL on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

from typing import Any

STATES = "('claimed', 'delivered', 'printed', 'failed', 'withdrawn')"
_STATE_OF_VIA = ("CASE WHEN {via} = 'terminal' THEN 'printed' "
                 "WHEN {via} = 'pending' THEN 'claimed' ELSE 'delivered' END")
_SUMMARY_VIA = "(SELECT s.delivered_via FROM nudge_log s WHERE s.key = nudge_log.part_of)"

SCHEMA = [
    "ALTER TABLE nudge_log ADD COLUMN state TEXT NOT NULL DEFAULT 'delivered' "
    f"CHECK (state IN {STATES})",
    "ALTER TABLE nudge_log ADD COLUMN claimed_by TEXT",
    "ALTER TABLE nudge_log ADD COLUMN claimed_at DATETIME",
    "ALTER TABLE nudge_log ADD COLUMN delivered_at DATETIME",
    "ALTER TABLE nudge_log ADD COLUMN server_id INTEGER",
    "ALTER TABLE nudge_log ADD COLUMN printed_at DATETIME",
    "ALTER TABLE nudge_log ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE nudge_log ADD COLUMN last_error TEXT",
    "ALTER TABLE nudge_log ADD COLUMN withdrawn_at DATETIME",
    "ALTER TABLE nudge_log ADD COLUMN part_of TEXT",
    "ALTER TABLE nudge_log ADD COLUMN named TEXT",
    # Grouped rows first: they take their summary's state.
    "UPDATE nudge_log SET part_of = substr(delivered_via, 9) WHERE delivered_via LIKE 'grouped:%'",
    "UPDATE nudge_log SET claimed_at = sent_at, state = coalesce("
    + _STATE_OF_VIA.format(via=_SUMMARY_VIA) + ", 'delivered') WHERE part_of IS NOT NULL",
    "UPDATE nudge_log SET claimed_at = sent_at, state = "
    + _STATE_OF_VIA.format(via="delivered_via") + " WHERE part_of IS NULL",
    "UPDATE nudge_log SET delivered_at = sent_at WHERE state = 'delivered'",
    "UPDATE nudge_log SET printed_at = sent_at WHERE state = 'printed'",
    "UPDATE nudge_log SET claimed_by = 'unknown (before schema 3)' WHERE state = 'claimed'",
    "CREATE INDEX nudge_log_part_of ON nudge_log (part_of) WHERE part_of IS NOT NULL",
    "CREATE INDEX nudge_log_shown ON nudge_log (delivered_at) "
    "WHERE state = 'delivered' AND server_id IS NOT NULL",
]


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
