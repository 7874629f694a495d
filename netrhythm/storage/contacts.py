"""Contacts, their tags and derived facts (last contact, gives and asks) in a few queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from netrhythm.domain.records import ContactRec
from netrhythm.storage.dialect import Dialect, current
from netrhythm.storage.tables import Contact, ContactTag, Tag, database

_FACTS = """
SELECT ac.contact_id, max(ac.day),
       sum(CASE WHEN p.reciprocity = 'give' THEN 1 ELSE 0 END),
       sum(CASE WHEN p.reciprocity = 'ask' THEN 1 ELSE 0 END)
FROM action_contact ac JOIN action a ON a.id = ac.action_id
JOIN practice p ON p.id = a.practice_id
{where} GROUP BY ac.contact_id"""

_TAGS = """
SELECT ct.contact_id, {names}, min(t.cadence_days)
FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id {where} GROUP BY ct.contact_id"""

_COLUMNS = ("id", "name", "company", "role", "email", "phone", "url", "how_met", "met_at_id",
            "met_on", "notes", "cadence_days", "archived", "created_on", "connected_on",
            "last_contact_on", "cadence_from", "first_due_on")


def _in(column: str, ids: Sequence[int] | None) -> tuple[str, list[int]]:
    if ids is None:
        return "", []
    marks = ",".join("?" * len(ids)) or "NULL"  # "IN ()": SQLite's, not PostgreSQL's
    return f"WHERE {column} IN ({marks})", list(ids)


def load_contacts(
    ids: Sequence[int] | None = None, include_archived: bool = True, as_of: date | None = None
) -> list[ContactRec]:
    """Contacts with tags, last contact (up to ``as_of``) and gives/asks: four queries in all."""
    where, params = _in("c.id", ids)
    if not include_archived:
        where = (where + " AND" if where else "WHERE") + " NOT c.archived"
    d = current()
    rows = database.execute_sql(
        f"SELECT {', '.join('c.' + c for c in _COLUMNS)}, e.name FROM contact c "
        f"LEFT JOIN event e ON e.id = c.met_at_id {where} "
        f"ORDER BY {d.by_name('c.name')}, c.id",
        params,
    ).fetchall()
    fwhere, fparams = _in("ac.contact_id", ids)
    if as_of is not None:
        fwhere = (fwhere + " AND" if fwhere else "WHERE") + " ac.day <= ?"
        fparams.append(as_of.toordinal())
    facts = {r[0]: r[1:] for r in database.execute_sql(_FACTS.format(where=fwhere), fparams)}
    twhere, tparams = _in("ct.contact_id", ids)
    tags = {r[0]: r[1:] for r in database.execute_sql(
        _TAGS.format(where=twhere, names=d.join_names('t.name', 't.id')), tparams)}
    out = []
    for row in rows:
        values = dict(zip(_COLUMNS, row[:-1], strict=True))
        fact = facts.get(values["id"])
        tag = tags.get(values["id"])
        given = _date(values["last_contact_on"])
        logged = date.fromordinal(fact[0]) if fact else None
        if given is not None and as_of is not None and given > as_of:
            given = None
        out.append(ContactRec(
            id=values["id"], name=values["name"], company=values["company"], role=values["role"],
            email=values["email"], phone=values["phone"], url=values["url"],
            how_met=values["how_met"], met_at=row[-1], met_at_id=values["met_at_id"],
            met_on=_date(values["met_on"]), notes=values["notes"],
            cadence_days=values["cadence_days"], archived=bool(values["archived"]),
            created_on=_date(values["created_on"]) or date.min,
            tags=tuple(sorted(tag[0].split("\x1f"), key=str.lower)) if tag else (),
            tag_cadence=tag[1] if tag else None,
            last_contact=max(logged, given) if logged and given else logged or given,
            gives=fact[1] if fact else 0, asks=fact[2] if fact else 0,
            connected_on=_date(values["connected_on"]),
            last_contact_on=_date(values["last_contact_on"]),
            cadence_from=_date(values["cadence_from"]),
            first_due_on=_date(values["first_due_on"]),
        ))
    return out


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value)
    return date.fromisoformat(str(value)[:10])


def any_contact() -> bool:
    """Whether the database holds a contact (archived ones count)."""
    return database.execute_sql("SELECT EXISTS (SELECT 1 FROM contact)").fetchone()[0] == 1


def names_index(include_archived: bool = False, contact_id: int | None = None
                ) -> list[tuple[int, str, str]]:
    """(id, name, company) of every contact (or of the one ``contact_id``, if it is there),
    oldest first: what name resolution needs and nothing more."""
    # Plain SQL: through Peewee's row wrapper, 5,000 contacts took 3–4 times as long.
    conditions = ([] if include_archived else ["NOT archived"]) + \
        ([] if contact_id is None else ["id = ?"])
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    params = [] if contact_id is None else [contact_id]
    return database.execute_sql(f"SELECT id, name, company FROM contact{where} "
                                "ORDER BY id", params).fetchall()


def names_containing(text: str, include_archived: bool = False) -> list[tuple[int, str, str]]:
    """``names_index`` narrowed, for ASCII ``text``, to every contact whose casefolded name can
    contain it: names holding it in any case (``LIKE``), and every name with a character
    outside printable ASCII (casefolding may turn those into ASCII: ``ß`` into ``ss``)."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = "" if include_archived else " AND NOT archived"
    d = current()
    sql = (f"SELECT id, name, company FROM contact WHERE (name {d.like} ? ESCAPE '\\' "
           f"OR {d.has_non_ascii('name')}){where} ORDER BY id")
    return database.execute_sql(sql, [pattern]).fetchall()


def archived_names() -> list[str]:
    """The names of the archived contacts."""
    return [name for (name,) in
            database.execute_sql("SELECT name FROM contact WHERE archived").fetchall()]


def names_by_id(contact_ids: Sequence[int]) -> list[str]:
    """The names of the contacts ``contact_ids``, in that order."""
    if not contact_ids:
        return []
    where, params = _in("id", contact_ids)
    names = dict(database.execute_sql(f"SELECT id, name FROM contact {where}", params))
    return [names[i] for i in contact_ids]


def insert_contact(tags: Iterable[str] = (), **fields: Any) -> int:
    contact_id = int(Contact.insert(**fields).execute())
    set_tags(contact_id, tags)
    return contact_id


def update_contact(contact_id: int, **fields: Any) -> None:
    if fields:
        Contact.update(**fields).where(Contact.id == contact_id).execute()


def delete_contact(contact_id: int) -> None:
    Contact.get_by_id(contact_id).delete_instance()


def tag_ids(names: Iterable[str]) -> list[int]:
    """Ids of the named tags, creating the missing ones (names match case-insensitively)."""
    d = current()
    same = f"SELECT id FROM tag WHERE {d.by_name('name')} = {d.by_name('?')}"
    out = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        row = database.execute_sql(same, [name]).fetchone()
        out.append(row[0] if row else int(Tag.insert(name=name).execute()))
    return out


def set_tags(contact_id: int, names: Iterable[str]) -> None:
    """Make the contact's tags exactly ``names``."""
    wanted = set(tag_ids(names))
    have = {r for (r,) in ContactTag.select(ContactTag.tag).where(
        ContactTag.contact == contact_id).tuples()}
    if have - wanted:
        ContactTag.delete().where(
            (ContactTag.contact == contact_id) & ContactTag.tag.in_(list(have - wanted))
        ).execute()
    if wanted - have:
        ContactTag.insert_many([(contact_id, t) for t in sorted(wanted - have)],
                               fields=[ContactTag.contact, ContactTag.tag]).execute()


def list_tags() -> list[tuple[str, int | None, int, date | None]]:
    """(name, cadence, number of active contacts, day the cadence was set) of every tag, by
    name."""
    sql = ("SELECT t.name, t.cadence_days, count(c.id), t.cadence_set_on FROM tag t "
           "LEFT JOIN contact_tag ct ON ct.tag_id = t.id "
           "LEFT JOIN contact c ON c.id = ct.contact_id AND NOT c.archived "
           f"GROUP BY t.id ORDER BY {current().by_name('t.name')}")
    return [(n, c, k, _date(on)) for n, c, k, on in database.execute_sql(sql)]


def set_tag_cadence(name: str, cadence_days: int | None, set_on: date | None = None) -> None:
    """Give the tag ``name`` (created if missing) a cadence, set on ``set_on``."""
    (tag_id,) = tag_ids([name])
    Tag.update(cadence_days=cadence_days, cadence_set_on=set_on).where(
        Tag.id == tag_id).execute()


def backdate_starts(contact_ids: Sequence[int], day: date) -> None:
    """A contact on ``day`` was logged: where a contact's cadence started later, it now counts
    from ``day`` (backfilling older actions counts as talking: domain.cadence)."""
    if contact_ids:
        where, params = _in("id", contact_ids)
        database.execute_sql(f"UPDATE contact SET cadence_from = ? {where} AND cadence_from > ?",
                             [day.isoformat(), *params, day.isoformat()])


def tag_cadences() -> list[tuple[str, int]]:
    """(name, cadence) of every tag with a cadence."""
    return database.execute_sql(
        "SELECT name, cadence_days FROM tag WHERE cadence_days IS NOT NULL").fetchall()


def tag_members(name: str) -> list[int]:
    """Ids of the active contacts tagged ``name`` (any case)."""
    d = current()
    sql = ("SELECT ct.contact_id FROM tag t JOIN contact_tag ct ON ct.tag_id = t.id "
           f"JOIN contact c ON c.id = ct.contact_id WHERE {d.by_name('t.name')} = "
           f"{d.by_name('?')} AND NOT c.archived")
    return [r[0] for r in database.execute_sql(sql, [name])]


# Active contacts with a cadence, and the day each is due on a day ?1 (a day number), by
# domain.cadence.next_due. Their cadence is their own (index contact_cadence) or the shortest
# of their tags'; on SQLite, CROSS JOIN keeps the join order, from the few tags with a cadence
# to their contacts. ``last`` is their latest contact up to ?1: an action, or the last contact
# given.
@lru_cache
def cadenced(d: Dialect) -> str:
    """The ``cadenced`` table (a WITH clause) in dialect ``d``."""
    given = d.day("c.last_contact_on")
    last = d.max2("""coalesce((SELECT max(ac.day) FROM action_contact ac
                            WHERE ac.contact_id = c.id AND ac.day <= ?1), 0)""",
                  f"CASE WHEN {given} <= ?1 THEN {given} ELSE 0 END")
    return f"""
WITH tc AS (SELECT ct.contact_id, min(t.cadence_days) AS cad FROM tag t
            {d.in_order} contact_tag ct ON ct.tag_id = t.id
            WHERE t.cadence_days IS NOT NULL GROUP BY ct.contact_id),
     ids AS (SELECT id FROM contact WHERE cadence_days IS NOT NULL
             UNION SELECT contact_id FROM tc),
     facts AS MATERIALIZED (
       SELECT c.id, c.name, coalesce(c.cadence_days, tc.cad) AS cad, {last} AS last,
              {d.day("c.cadence_from")} AS start, {d.day("c.first_due_on")} AS first,
              {d.day("c.created_on")} AS added
       FROM ids {d.in_order} contact c ON c.id = ids.id LEFT JOIN tc ON tc.contact_id = c.id
       WHERE NOT c.archived),
     cadenced AS (
       SELECT id, name, cad, nullif(last, 0) AS last,
              CASE WHEN last > 0 AND (start IS NULL OR last >= start) THEN last + cad
                   ELSE coalesce(first, coalesce(start, added) + cad) END AS due
       FROM facts WHERE cad >= 1)"""


_OVERDUE = """
SELECT id, name, last, cad, ?1 - due FROM cadenced WHERE due < ?1 ORDER BY id"""


def overdue_contacts(as_of: date) -> list[tuple[int, str, date | None, int, int]]:
    """(id, name, last contact, cadence, days overdue) of active contacts past their cadence
    on ``as_of``, by id."""
    day = as_of.toordinal()
    return [(i, n, date.fromordinal(last) if last else None, cad, over)
            for i, n, last, cad, over in database.execute_sql(cadenced(current()) + _OVERDUE,
                                                              [day])]


def ids_new_between(first: date, last: date) -> list[int]:
    """Contacts met (else connected, else added) between two dates."""
    sql = ("SELECT id FROM contact WHERE coalesce(met_on, connected_on, created_on) "
           "BETWEEN ? AND ? ORDER BY coalesce(met_on, connected_on, created_on), id")
    return [r[0] for r in database.execute_sql(sql, [first.isoformat(), last.isoformat()])]
