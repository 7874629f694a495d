"""Contact search on PostgreSQL needs the ``unaccent`` extension: a role that may create tables
but not extensions is told which extension, and who must create it, and nothing is created."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from netrhythm.storage import db
from netrhythm.storage.server_search import MissingExtensionError
from netrhythm.storage.tables import database, file_database
from tests.postgres.server import Server
from tests.postgres.test_server_open import _psql


@pytest.fixture
def plain_role(pg_server: Server, pg_database: str) -> Iterator[str]:
    """A role that may create tables in the database's schema but not extensions."""
    role = f"r_{pg_database}"[:60]
    _psql(pg_server, pg_database, f'DROP ROLE IF EXISTS "{role}"')
    _psql(pg_server, pg_database, f'CREATE ROLE "{role}" LOGIN')
    _psql(pg_server, pg_database, f'GRANT CREATE ON SCHEMA public TO "{role}"')
    yield role
    if database.obj is not file_database:
        db.close_database()
        database.initialize(file_database)
    _psql(pg_server, pg_database, f'DROP OWNED BY "{role}"')
    _psql(pg_server, pg_database, f'DROP ROLE "{role}"')


def test_a_role_that_may_not_create_unaccent_is_told_who_can_and_nothing_is_made(
        pg_server: Server, pg_database: str, plain_role: str) -> None:
    url = f"postgresql://{plain_role}@/{pg_database}?host={pg_server.folder}"
    with pytest.raises(MissingExtensionError) as raised:
        db.open_database(url, date(2026, 11, 23))
    message = str(raised.value)
    assert message.startswith(f"{url}: contact search needs PostgreSQL's unaccent extension")
    assert "unaccent extension" in message and "CREATE EXTENSION unaccent" in message
    assert "database owner or a superuser" in message and "Nothing was changed" in message
    assert "\n" not in message
    assert _psql(pg_server, pg_database,
                 "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
