"""A server that cannot be used is one clear line, exit 1, nothing written: no such database,
no such user, a server that does not answer, a connection dropped in the middle of a command,
a refused password; no psycopg installed says what to install; a remote host without
required encryption gets a warning. Passwords never show."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pytest

from netrhythm.cli.errors import explain
from netrhythm.paths import Location
from netrhythm.storage import db
from netrhythm.storage.errors import ServerError
from netrhythm.storage.server_errors import server_problem, unencrypted_warning
from netrhythm.storage.tables import Contact, database, file_database
from tests.postgres.server import Server

TODAY = date(2026, 11, 23)


@pytest.fixture
def back_to_files() -> Iterator[None]:
    yield
    if database.obj is not file_database:
        db.close_database()
        database.initialize(file_database)


def _fails_with(url: str) -> str:
    with pytest.raises(ServerError) as failed:
        db.open_database(url, TODAY)
    message, code = explain(failed.value, Location.of(url)) or ("", 0)
    assert code == 1 and message == str(failed.value)
    assert "\n" not in message and message.endswith(("Nothing was changed.", "Try again."))
    return message


def test_no_such_database_user_or_server(pg_server: Server, back_to_files: None) -> None:
    missing = pg_server.url("nr_not_created")
    assert _fails_with(missing) == (
        f"{missing}: the server has no database nr_not_created; create it first (createdb "
        "nr_not_created, as the user that will own it). Nothing was changed.")
    stranger = missing.replace("postgres@", "nobody_here@").replace("nr_not_created", "postgres")
    assert "the server has no user nobody_here; create it (createuser nobody_here)" in \
        _fails_with(stranger)
    gone = "postgresql://postgres@/postgres?host=/nonexistent-socket-folder"
    message = _fails_with(gone)
    assert message.startswith(f"cannot reach the database server of {gone} (")
    assert message.endswith("is it running, and is the address right? Nothing was changed.")


def test_a_connection_dropped_mid_command_writes_nothing(
        pg_server: Server, pg_database: str, back_to_files: None) -> None:
    import psycopg

    url = pg_server.url(pg_database)
    db.open_database(url, TODAY)
    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with pytest.raises(Exception) as dropped:  # noqa: PT011  (whatever the driver raises)
        with database.atomic():
            Contact.create(name="Half written", created_on=TODAY)
            with psycopg.connect(**pg_server.connect_kwargs(pg_database),
                                 autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            Contact.create(name="Never written", created_on=TODAY)
    message, code = explain(dropped.value, Location.of(url)) or ("", 0)
    assert (message, code) == (
        f"the connection to {url} was lost in the middle of the command; nothing of it was "
        "written. Try again.", 1)
    with psycopg.connect(**pg_server.connect_kwargs(pg_database)) as check:
        assert check.execute("SELECT count(*) FROM contact").fetchone() == (0,)


def test_a_connection_broken_between_commands_is_made_again(
        pg_server: Server, pg_database: str, back_to_files: None) -> None:
    """A server restarted, a laptop woken up: the open app's next read, or its next change,
    connects again instead of failing (only where nothing can have been half-done)."""
    import psycopg

    from netrhythm.storage import contacts, practices

    db.open_database(pg_server.url(pg_database), TODAY)

    def cut() -> None:
        pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(**pg_server.connect_kwargs(pg_database), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    cut()
    assert len(practices.list_practices()) == 4  # a read
    cut()
    with db.write_transaction():  # a change: its BEGIN finds the connection broken
        contacts.insert_contact(name="After the break", created_on=TODAY)
    cut()
    assert [c.name for c in contacts.load_contacts()] == ["After the break"]


def test_a_refused_password_is_named_without_the_password() -> None:
    """(The test server trusts every local user: the driver's message, as it words it.)"""
    location = Location.of("postgresql://me:s3cret@db.example/nr?sslmode=require")
    error = Exception('connection failed: connection to server at "10.0.0.5", port 5432 '
                      'failed: FATAL:  password authentication failed for user "me"')
    problem = server_problem(error, location)
    assert problem is not None
    assert str(problem) == ("postgresql://me@db.example/nr?sslmode=require: the server refused "
                            "the password of me; put the right one in ~/.pgpass or PGPASSWORD "
                            "(or in NETRHYTHM_DB). Nothing was changed.")
    assert server_problem(Exception('duplicate key value violates unique constraint "x"'),
                          location) is None  # not about the server: the usual paths say it


def test_without_psycopg_a_server_says_what_to_install(pg_server: Server) -> None:
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from datetime import date\n"
            "from netrhythm.domain.errors import InputError\n"
            "from netrhythm.storage import db\n"
            "try:\n"
            f"    db.open_database({pg_server.url('postgres')!r}, date(2026, 11, 23))\n"
            "except InputError as exc:\n"
            "    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout == ("--db: a PostgreSQL server needs the postgres extra: pip install "
                           "'netrhythm[postgres]' (or use a SQLite file)\n"), done.stderr


def test_a_remote_host_without_required_encryption_is_warned_of(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    monkeypatch.delenv("PGHOST", raising=False)
    assert unencrypted_warning("postgresql://me@db.example/nr") == (
        "the connection to db.example is not required to be encrypted: anyone on the way can "
        "read your contacts; add ?sslmode=verify-full (or require) to the address")
    assert unencrypted_warning("postgresql://me@db.example/nr?sslmode=prefer") is not None
    for quiet in ("postgresql://me@db.example/nr?sslmode=verify-full",
                  "postgresql://me@db.example/nr?sslmode=require",
                  "postgresql://me@localhost/nr", "postgresql://me@127.0.0.1:5433/nr",
                  "postgresql:///nr?host=/run/postgresql", "postgresql:///nr"):
        assert unencrypted_warning(quiet) is None, quiet
    monkeypatch.setenv("PGSSLMODE", "verify-full")
    assert unencrypted_warning("postgresql://me@db.example/nr") is None


def test_an_address_where_something_else_answers_is_named(back_to_files: None) -> None:
    """A web server (or anything not PostgreSQL) on the port: said so, not its odd reply."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def answer_like_a_web_server() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(64)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

    threading.Thread(target=answer_like_a_web_server, daemon=True).start()
    try:
        message = _fails_with(f"postgresql://me@127.0.0.1:{port}/nr?sslmode=require")
    finally:
        listener.close()
    assert message == (f"postgresql://me@127.0.0.1:{port}/nr?sslmode=require: what answers at "
                       "that address is not a PostgreSQL server; is the address (host and port) "
                       "right? Nothing was changed.")
