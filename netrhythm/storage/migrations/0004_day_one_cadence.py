"""Schema version 4: a cadence runs from real contact, and from the day it started.

New columns (nullable, added with ``ALTER TABLE ADD COLUMN``: no table is rebuilt, so no
foreign key can cascade; every row keeps its values):

- ``contact.connected_on``: LinkedIn's "Connected On", a fact about a contact, never a contact;
- ``contact.last_contact_on``: a last contact the user gave (``--last-contact``);
- ``contact.cadence_from`` and ``contact.first_due_on``: when the contact's cadence started
  and when they are due if not talked to since (``netrhythm.domain.cadence``);
- ``tag.cadence_set_on``: the day a tag's cadence was set (unknown, so empty, for old tags).

Existing rows:

1. LinkedIn imports stored "Connected On" as ``met_on``. Those contacts are the ones whose
   ``how_met`` is "LinkedIn" (what the LinkedIn import writes, or a user typing that they met
   on LinkedIn, which means the same): their ``met_on`` moves to ``connected_on``. A date the
   user typed as met-on for any other contact stays.
2. Contacts with a cadence get the start a new netrhythm would have given them: the day they
   were added, or their first contact when that is earlier; first due a cadence after being
   added. Due dates of contacts talked to do not change; someone never contacted is due a
   cadence after being added (no longer after the day met).
3. The search index holds the connected-on date of the contacts it moved; the index of new
   contacts per week (``contact_met_or_added``) reads met, else connected, else added.

Then every active contact with a cadence and no contact yet starts it again on the day of
the upgrade, spread at most 5 due a week (many were overdue from the day they were met or
connected, or due all on one day after an import); that needs today's date and the spreading
rule, so ``storage.db`` does it after migrating, on the newest schema
(``storage.cadence.restart_never_contacted``). This file does not depend on any migration
after 0002.

Frozen SQL on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

from typing import Any

# ordinal day number (``date.toordinal()``, ``action_contact.day``) to an ISO date
_DATE = "date({} + 1721424.5)"
_CADENCE = ("coalesce(c.cadence_days, (SELECT min(t.cadence_days) FROM contact_tag ct "
            "JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id))")
_FIRST_CONTACT = "(SELECT min(ac.day) FROM action_contact ac WHERE ac.contact_id = c.id)"
_INDEX = """
INSERT INTO contact_search (rowid, name, org, tags, notes, history)
SELECT c.id, c.name, c.company || ' ' || c.role || ' ' || c.email,
  coalesce((SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id), ''),
  c.notes || ' ' || c.how_met,
  CASE WHEN c.connected_on IS NULL THEN '' ELSE 'connected ' || c.connected_on || ' ' END ||
  coalesce((SELECT e.name FROM event e WHERE e.id = c.met_at_id), '') || ' ' ||
  coalesce((SELECT group_concat(a.note || ' ' || coalesce(e.name, ''), ' ')
            FROM action_contact ac JOIN action a ON a.id = ac.action_id
            LEFT JOIN event e ON e.id = a.event_id WHERE ac.contact_id = c.id), '')
FROM contact c WHERE c.connected_on IS NOT NULL"""

SCHEMA = [
    "ALTER TABLE contact ADD COLUMN connected_on DATE",
    "ALTER TABLE contact ADD COLUMN last_contact_on DATE",
    "ALTER TABLE contact ADD COLUMN cadence_from DATE",
    "ALTER TABLE contact ADD COLUMN first_due_on DATE",
    "ALTER TABLE tag ADD COLUMN cadence_set_on DATE",
    # the rows change below without refreshing the search index row by row
    "UPDATE journal_cursor SET search_sync = 0 WHERE id = 1",
    "UPDATE contact SET connected_on = met_on, met_on = NULL "
    "WHERE met_on IS NOT NULL AND lower(trim(how_met)) = 'linkedin'",
    f"""UPDATE contact AS c SET
        cadence_from = min(c.created_on, coalesce({_DATE.format(_FIRST_CONTACT)},
                                                  c.created_on)),
        first_due_on = date(c.created_on, '+' || {_CADENCE} || ' days')
        WHERE {_CADENCE} IS NOT NULL""",
    "DELETE FROM contact_search WHERE rowid IN "
    "(SELECT id FROM contact WHERE connected_on IS NOT NULL)",
    _INDEX,
    "UPDATE journal_cursor SET search_sync = 1 WHERE id = 1",
    "DROP INDEX contact_met_or_added",
    "CREATE INDEX contact_met_or_added ON contact (coalesce(met_on, connected_on, created_on))",
]


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
