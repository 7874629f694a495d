"""New contacts of an import on a server take ids no other machine holds: past the largest id
and past every id another machine has taken from the sequence but not written yet."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import query, run_cli
from tests.postgres.server import Server

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def test_an_import_starts_past_ids_another_machine_took(pg_server: Server, pg_database: str,
                                                        tmp_path: Path) -> None:
    import psycopg

    url = pg_server.url(pg_database)
    assert run_cli(url, "contacts", "add", "Maria Chen").code == 0
    with psycopg.connect(url, autocommit=True) as other:  # a machine adding a contact
        taken = [other.execute("SELECT nextval(pg_get_serial_sequence('contact', 'id'))")
                 .fetchone()[0] for _ in range(3)]  # type: ignore[index]
        done = run_cli(url, "contacts", "import", str(DATA / "Connections.csv"),
                       env={"XDG_DATA_HOME": str(tmp_path)})
        assert done.code == 0, done.err
        other.execute("INSERT INTO contact (id, name, created_on) VALUES (%s, 'Late', "
                      "'2026-11-23')", (taken[-1],))  # its contact lands after the import
    ids = [i for (i,) in query(url, "SELECT id FROM contact ORDER BY id")]
    assert len(ids) == len(set(ids)) == 1 + 3 + 1
    assert min(i for i in ids if i not in (*taken, ids[0])) > max(taken)
    assert run_cli(url, "contacts", "add", "Next One").code == 0  # the sequence moved past all
