"""Full-text contact search (FTS5): names, companies, tags, notes, how-met, events, actions."""

from __future__ import annotations

import re

from netrhythm.storage.tables import database

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn free text into a safe FTS5 query: every word must match, as a prefix."""
    words = _TOKEN.findall(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def search_contact_ids(text: str, limit: int | None = None) -> list[int]:
    """Ids of matching contacts, best match first (names weigh most)."""
    query = fts_query(text)
    if query is None:
        return []
    sql = ("SELECT rowid FROM contact_search WHERE contact_search MATCH ? "
           "ORDER BY bm25(contact_search, 10.0, 4.0, 4.0, 2.0, 1.0)")
    params: list[object] = [query]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in database.execute_sql(sql, params)]
