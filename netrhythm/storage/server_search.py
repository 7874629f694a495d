"""Contact search on PostgreSQL: the index, the PL/pgSQL that keeps it, and the query.

The rules are SQLite's (FTS5, ``unicode61 remove_diacritics 2``, see :mod:`.search`): text is
cut into words at every character that is not a letter or a digit; words are compared with
case and accents folded ("Zoë" is "zoe", "MÜLLER" is "muller"); every word typed must start
a word of the contact (a prefix: "gard" finds "gardening", "ana" does not find "banana"); a
typed word that holds several ("foo_bar") must find them one after the other. The best match
comes first, by the same BM25 as FTS5's (weights: name 10, company/role/email 4, tags 4,
notes/how-met 2, history 1; ties by id, as FTS5 returns them).

Why not ``tsvector`` or ``pg_trgm``: PostgreSQL's text-search parser keeps an email or a host
whole ("ana@example.com" is one lexeme, so "example" would not find it) and splits dates into
signed numbers ("-03"), and ``ts_rank`` orders differently from BM25; a trigram match finds
"ana" inside "banana". Both change what a search finds. So each contact's row here holds its
five fields already folded, as " word word ..." (``nr_search_words``: ``unaccent``, ``lower``,
every run of other characters made one space), and a typed word matches where " word" occurs
(``strpos``). Counting those places gives FTS5's BM25 (same formula and constants; the sum
over several words may differ in its last bit). A typed word holding several words counts
its places without overlaps ("a a" in "a a a": once; FTS5: twice).

Speed, on the benchmark's heavy data (5,000 contacts, 60,000 actions), local socket: a
search reads every row once (no index serves a one-letter prefix): 7-14 ms unranked (the
Contacts screen's filter; SQLite 0.1-6 ms), 9-31 ms ranked with a limit of 100 (SQLite
0.3-11 ms); rebuilding the whole index takes 1.7 s.

Folding differs from SQLite's only where the server's locale and ``unaccent`` do: ``unaccent``
also spells ligatures out ("æ" is "ae", "ß" is "ss"), and in a database whose locale is "C"
only ASCII letters and what ``unaccent`` makes ASCII count as letters. The index is kept by
the same writes as SQLite's (:mod:`.triggers`), paused while ``journal_cursor.search_sync``
is 0 (bulk loads), then rebuilt (:func:`rebuild`) or trimmed (:func:`unindex`).
"""

from __future__ import annotations

from typing import Any

from netrhythm.storage.errors import ServerError

EXTENSION = "unaccent"


class MissingExtensionError(ServerError):
    """The database lacks an extension netrhythm needs, and this role may not create it."""


_WORDS = """CREATE FUNCTION nr_search_words(t text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT rtrim(regexp_replace(' ' || lower(unaccent(coalesce(t, ''))), '[^[:alnum:]]+', ' ',
                              'g'), ' ')
$$"""

# The five fields of contacts, as SQLite's index holds them (triggers._INDEX); each {..._in}
# names the contacts (empty: all), grouped by joins rather than a subquery per contact, which
# took 43 s to rebuild the index of 5,000 contacts.
_ROWS = """
INSERT INTO contact_search (id, name, org, tags, notes, history, doc, size)
SELECT id, n, o, t, no, h, n || ' |' || o || ' |' || t || ' |' || no || ' |' || h,
  length(n || o || t || no || h) - length(replace(n || o || t || no || h, ' ', '')) FROM (
  SELECT c.id, nr_search_words(c.name) AS n,
    nr_search_words(c.company || ' ' || c.role || ' ' || c.email) AS o,
    nr_search_words(tg.names) AS t, nr_search_words(c.notes || ' ' || c.how_met) AS no,
    nr_search_words(
      CASE WHEN c.connected_on IS NULL THEN ''
           ELSE 'connected ' || to_char(c.connected_on, 'YYYY-MM-DD') || ' ' END
      || coalesce(m.name, '') || ' ' || coalesce(ah.notes, '')) AS h
  FROM contact c
  LEFT JOIN event m ON m.id = c.met_at_id
  LEFT JOIN (SELECT ct.contact_id, string_agg(t.name, ' ' ORDER BY ct.id) AS names
             FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id {tags_in}
             GROUP BY ct.contact_id) tg ON tg.contact_id = c.id
  LEFT JOIN (SELECT ac.contact_id,
               string_agg(a.note || ' ' || coalesce(e.name, ''), ' ' ORDER BY a.id) AS notes
             FROM action_contact ac JOIN action a ON a.id = ac.action_id
             LEFT JOIN event e ON e.id = a.event_id {actions_in}
             GROUP BY ac.contact_id) ah ON ah.contact_id = c.id
  {contacts_in}) x;"""
_ALL = {"tags_in": "", "actions_in": "", "contacts_in": ""}
_SOME = {"tags_in": "WHERE ct.contact_id = ANY(ids)",
         "actions_in": "WHERE ac.contact_id = ANY(ids)", "contacts_in": "WHERE c.id = ANY(ids)"}

_INDEX = f"""CREATE FUNCTION nr_search_index(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM contact_search WHERE id = ANY(ids);
  {_ROWS.format(**_SOME)}
END $$"""

_TRIGGER = """CREATE FUNCTION nr_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT search_sync FROM journal_cursor WHERE id = 1) <> 1 THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'contact' THEN
    IF TG_OP = 'DELETE' THEN DELETE FROM contact_search WHERE id = OLD.id;
    ELSE PERFORM nr_search_index(ARRAY[NEW.id]); END IF;
  ELSIF TG_TABLE_NAME IN ('contact_tag', 'action_contact') THEN
    IF TG_OP = 'DELETE' THEN PERFORM nr_search_index(ARRAY[OLD.contact_id]);
    ELSE PERFORM nr_search_index(ARRAY[NEW.contact_id]); END IF;
  ELSIF TG_TABLE_NAME = 'tag' THEN
    PERFORM nr_search_index(ARRAY(SELECT contact_id FROM contact_tag WHERE tag_id = NEW.id));
  ELSIF TG_TABLE_NAME = 'action' THEN
    PERFORM nr_search_index(ARRAY(SELECT contact_id FROM action_contact
                                  WHERE action_id = NEW.id));
  ELSIF TG_TABLE_NAME = 'event' THEN
    PERFORM nr_search_index(ARRAY(
      SELECT id FROM contact WHERE met_at_id = NEW.id UNION
      SELECT ac.contact_id FROM action_contact ac JOIN action a ON a.id = ac.action_id
      WHERE a.event_id = NEW.id));
  END IF;
  RETURN NULL;
END $$"""

# the writes that change what a contact's row holds: SQLite's triggers.SEARCH, one by one
_ON = (
    ("contact", "INSERT OR UPDATE OR DELETE"), ("contact_tag", "INSERT OR DELETE"),
    ("tag", "UPDATE OF name"), ("action_contact", "INSERT OR DELETE"),
    ("action", "UPDATE OF note, event_id"), ("event", "UPDATE OF name"),
)

SCHEMA = [
    """CREATE TABLE contact_search (
        id bigint PRIMARY KEY, name text NOT NULL, org text NOT NULL, tags text NOT NULL,
        notes text NOT NULL, history text NOT NULL, doc text NOT NULL,
        size integer NOT NULL)""",
    _WORDS, _INDEX, _TRIGGER,
    *(f'CREATE TRIGGER "search_{table}" AFTER {event} ON "{table}" '
      "FOR EACH ROW EXECUTE FUNCTION nr_search()" for table, event in _ON),
]


def create(db: Any) -> None:
    """The extension, the index table and its triggers (in the schema's transaction)."""
    from peewee import DatabaseError

    try:
        db.execute_sql(f"CREATE EXTENSION IF NOT EXISTS {EXTENSION}")
    except DatabaseError as exc:
        raise MissingExtensionError(
            f"contact search needs PostgreSQL's {EXTENSION} extension, and it could not be "
            f"created ({str(exc).strip().splitlines()[0]}): the database owner or a superuser "
            f"must run CREATE EXTENSION {EXTENSION}; in this database (it comes with "
            "postgresql-contrib). Nothing was changed.") from exc
    cursor = db.cursor()
    for statement in SCHEMA:
        cursor.execute(statement)


def rebuild(db: Any) -> None:
    db.execute_sql("DELETE FROM contact_search")
    db.execute_sql(_ROWS.format(**_ALL))


def unindex(db: Any, first: int | None, last: int | None) -> None:
    if first is None:
        db.execute_sql("DELETE FROM contact_search")
    else:
        db.execute_sql("DELETE FROM contact_search WHERE id BETWEEN ? AND ?", (first, last))


_F = "(length(s.{0}) - length(replace(s.{0}, q.p, ''))) / length(q.p)"
_HITS = """WITH q AS (SELECT i, nr_search_words(w) AS p
                FROM unnest(?::text[]) WITH ORDINALITY AS x(w, i)),
hit AS (SELECT s.id, q.i, {f} AS f, s.size AS d
        FROM contact_search s JOIN q ON q.p <> '' AND strpos(s.doc, q.p) > 0)"""
_FREQ = " + ".join(f"{w}::float8 * {_F.format(c)}" for c, w in (
    ("name", 10), ("org", 4), ("tags", 4), ("notes", 2), ("history", 1)))
# FTS5's bm25(): k1 = 1.2, b = 0.75, an idf of at most 0 counts as 1e-6
_RANKED = _HITS.format(f=_FREQ) + """,
stats AS (SELECT count(*)::float8 AS n, sum(size)::float8 / greatest(count(*), 1) AS avgdl
          FROM contact_search),
idf AS (SELECT i, ln((n - count(*) + 0.5) / (count(*) + 0.5)) AS v
        FROM hit CROSS JOIN stats GROUP BY i, n)
SELECT h.id FROM hit h JOIN idf USING (i) CROSS JOIN stats
GROUP BY h.id HAVING count(*) = (SELECT count(*) FROM q)
ORDER BY -sum(CASE WHEN idf.v <= 0 THEN 1e-6::float8 ELSE idf.v END
              * (h.f * (1.2::float8 + 1.0::float8))
              / (h.f + 1.2::float8 * (1.0::float8 - 0.75::float8
                                      + 0.75::float8 * h.d / stats.avgdl))), h.id"""
_UNRANKED = _HITS.format(f="0") + """
SELECT id FROM hit GROUP BY id HAVING count(*) = (SELECT count(*) FROM q) ORDER BY id"""


def query(words: list[str], limit: int | None, ranked: bool) -> tuple[str, list[Any]]:
    """The SQL and parameters finding the contacts every one of ``words`` matches."""
    sql = _RANKED if ranked else _UNRANKED
    params: list[Any] = [words]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params
