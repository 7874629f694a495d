"""Exactly once, against a real notification server (dunst), counting calls on the bus: two
and three `netrhythm nudge` runs at once and the open app; a failing and a hanging notify-send
(retried by the next run); a run killed mid-delivery (its lease taken over later); a nudge
printed without a desktop and shown once one appears; withdrawal by another process; quitting
the app while the server hangs. Each on a SQLite file and on a PostgreSQL server (whose runs
could as well be other machines')."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import query, run_cli
from tests.notify_server import NotificationServer, notification_server
from tests.nudge.bus_witness import BusWitness, bus_witness
from tests.nudge.scenario import (
    MONDAY,
    NO_BUS,
    QUIET,
    TUESDAY,
    WITHOUT_JEEPNEY,
    OpenApp,
    finished,
    follow_ups,
    nudge,
    server_env,
    wait_until,
)
from tests.test_notify_fallback import fake_notify_send

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[NotificationServer]:
    (tmp_path / "srv").mkdir()
    with notification_server(tmp_path / "srv") as running:
        yield running


@pytest.fixture
def witness(server: NotificationServer, tmp_path: Path) -> Iterator[BusWitness]:
    with bus_witness(server, tmp_path) as watching:
        yield watching


def rows(db: Path | str, where: str = "true") -> list[tuple[object, ...]]:
    """The nudge log of ``db`` (a file or a server database's URL)."""
    return query(db, f"SELECT key, state, attempts, server_id FROM nudge_log WHERE {where} "
                     "ORDER BY key")


def titles(witness: BusWitness) -> Counter[str]:
    return Counter(shown.title for shown in witness.notified())


SIX = {"Ana Ruiz": 2, "Bo Chen": 2, "Cy Diaz": 2, "Dee Ng": 3, "Eve Li": 3, "Fay Wu": 3}


@pytest.fixture(scope="module")
def six_due(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three follow-ups due on Monday, three more on Tuesday."""
    db = tmp_path_factory.mktemp("six") / "six.db"
    follow_ups(db, SIX)
    return db


@pytest.fixture
def six_due_copy(backend: str, tmp_path: Path,
                 request: pytest.FixtureRequest) -> Callable[[str], str]:
    """A new copy of :func:`six_due` per call (its name unique in the test): a file, or a
    database on the session's PostgreSQL server made from a template built once per worker."""
    if backend == "sqlite":
        template = request.getfixturevalue("six_due")

        def file_copy(name: str) -> str:
            shutil.copy(template, tmp_path / f"{name}.db")
            return str(tmp_path / f"{name}.db")

        return file_copy
    import hashlib

    from tests.postgres.server import Server

    server: Server = request.getfixturevalue("pg_server")
    made: dict[str, str] = request.getfixturevalue("pg_templates")  # this worker's
    if "six_due" not in made:
        name = f"nr_template_six_due_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        server.create_database(name)
        follow_ups(server.url(name), SIX)
        made["six_due"] = name
    test = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:12]

    def server_copy(name: str) -> str:
        server.create_database(f"nr_six_{test}_{name}", template=made["six_due"])
        return server.url(f"nr_six_{test}_{name}")

    return server_copy


@pytest.mark.parametrize("runs", [2, 3])
def test_concurrent_runs_and_the_open_app_show_each_nudge_once(
    runs: int, six_due_copy: Callable[[str], str], server: NotificationServer,
    witness: BusWitness, tmp_path: Path
) -> None:
    env = server_env(server)
    rounds = 2
    for round_ in range(rounds):
        db = six_due_copy(f"round{round_}")
        app = OpenApp(db, tmp_path / f"app{round_}", env, QUIET)  # open, quiet for now
        # Monday's three: the runs race each other (the app still sees Sunday night).
        codes = [finished(p) for p in [nudge(db, env, MONDAY) for _ in range(runs)]]
        assert all(code == (0, "", "") for code in codes), codes
        # Tuesday's three: the runs race each other and the app.
        started = [nudge(db, env, TUESDAY) for _ in range(runs)]
        time.sleep(0.3)  # about when the runs have started up
        app.set_now(TUESDAY)
        codes = [finished(p) for p in started]
        assert all(code == (0, "", "") for code in codes), codes
        app.wait_for_check(TUESDAY)
        report, _ = app.stop()
        assert report["problems"] == []
        assert [state for _, state, _, _ in rows(db)] == ["delivered"] * 6
    names = ("Ana Ruiz", "Bo Chen", "Cy Diaz", "Dee Ng", "Eve Li", "Fay Wu")
    assert titles(witness) == {f"Follow up with {name}": rounds for name in names}
    assert len(witness.notified()) == 6 * rounds
    assert witness.closed() == []


@pytest.fixture
def one_due(where: str) -> str:
    follow_ups(where, {"Ana Ruiz": 2})
    return where


def test_a_failing_then_a_hanging_notify_send_is_retried_by_the_next_run(
    one_due: str, server: NotificationServer, witness: BusWitness, tmp_path: Path
) -> None:
    program = (sys.executable, "-c", WITHOUT_JEEPNEY)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    failing = fake_notify_send(tmp_path / "a", 'echo "GDBus.Error: no way" >&2\nexit 1\n')
    code, out, err = finished(nudge(one_due, {**server_env(server), "PATH": failing}, MONDAY,
                                    program=program))
    assert (code, err) == (0, "")
    assert out == ("netrhythm: Follow up with Ana Ruiz\n  Follow up with Ana Ruiz. Due "
                   "today.\n  (not shown on the desktop: notify-send exited with 1: "
                   "GDBus.Error: no way)\n")
    assert rows(one_due) == [("follow-up:1:2026-11-23", "failed", 1, None)]

    hanging = fake_notify_send(tmp_path / "b", "sleep 30\n")
    started = time.monotonic()
    code, out, err = finished(nudge(one_due, {**server_env(server), "PATH": hanging},
                                    "2026-11-23T12:15:00", program=program))
    assert (code, out, err) == (0, "", "")  # printed once already: the retry is quiet
    assert time.monotonic() - started < 5 + 4
    assert rows(one_due) == [("follow-up:1:2026-11-23", "failed", 2, None)]
    assert witness.notified() == []

    code, out, err = finished(nudge(one_due, server_env(server), "2026-11-23T12:30:00",
                                    program=program))  # the real notify-send
    assert (code, out, err) == (0, "", "")
    [shown] = witness.notified()
    assert shown.title == "Follow up with Ana Ruiz" and shown.id is not None
    assert rows(one_due) == [("follow-up:1:2026-11-23", "delivered", 3, shown.id)]
    assert finished(nudge(one_due, server_env(server), "2026-11-23T12:45:00",
                          program=program)) == (0, "", "")
    assert len(witness.notified()) == 1


def test_a_run_killed_mid_delivery_leaves_a_lease_taken_over_later(
    one_due: str, server: NotificationServer, witness: BusWitness
) -> None:
    env = server_env(server)
    with server.paused():  # dunst hangs: the run waits on it, holding its claim
        run = nudge(one_due, env, MONDAY)
        wait_until(lambda: rows(one_due, "state = 'claimed'") != [], what="the claim")
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=10)
    assert rows(one_due) == [("follow-up:1:2026-11-23", "claimed", 1, None)]
    # A minute later the claim may still be at work: it is left alone.
    assert finished(nudge(one_due, env, "2026-11-23T12:00:50")) == (0, "", "")
    assert rows(one_due)[0][1] == "claimed" and witness.notified() == []
    # Past the lease (30 s for the run, plus a margin), the next run takes it over.
    assert finished(nudge(one_due, env, "2026-11-23T12:01:30")) == (0, "", "")
    [shown] = witness.notified()
    assert rows(one_due) == [("follow-up:1:2026-11-23", "delivered", 2, shown.id)]


def test_printed_without_a_desktop_then_shown_once_a_server_is_there(
    one_due: str, server: NotificationServer, witness: BusWitness
) -> None:
    assert run_cli(one_due, "settings", "nudge.show-minutes", "5").code == 0
    code, out, _ = finished(nudge(one_due, NO_BUS, MONDAY))
    assert code == 0 and out.startswith("netrhythm: Follow up with Ana Ruiz\n")
    assert finished(nudge(one_due, NO_BUS, "2026-11-23T12:15:00")) == (0, "", "")  # once
    assert rows(one_due) == [("follow-up:1:2026-11-23", "printed", 2, None)]
    assert finished(nudge(one_due, server_env(server), "2026-11-23T12:30:00")) == (0, "", "")
    [shown] = witness.notified()
    assert (shown.title, shown.expire_ms) == ("Follow up with Ana Ruiz", 5 * 60_000)
    assert rows(one_due) == [("follow-up:1:2026-11-23", "delivered", 3, shown.id)]


def test_a_follow_up_logged_is_withdrawn_by_whichever_process_checks_next(
    one_due: str, server: NotificationServer, witness: BusWitness, tmp_path: Path
) -> None:
    env = server_env(server)
    app = OpenApp(one_due, tmp_path / "app", env, QUIET)
    assert finished(nudge(one_due, env, MONDAY)) == (0, "", "")  # shown by a scheduled run
    [shown] = witness.notified()
    assert server.displayed() == 1
    assert run_cli(one_due, "log", "follow-up", "--with", "Ana", now="2026-11-23T12:20:00",
                   env=NO_BUS).code == 0
    dry = run_cli(one_due, "nudge", "--dry-run", now="2026-11-23T12:20:00", env=env)
    assert dry.out == "Would withdraw: Follow up with Ana Ruiz (no longer due)\n"
    app.set_now("2026-11-23T12:20:00")
    check = app.wait_for_check("2026-11-23T12:20:00")  # the app's next check closes it
    assert check["withdrawn"] == ["follow-up:1:2026-11-23"]
    report, _ = app.stop()
    assert report["problems"] == []
    assert witness.closed() == [shown.id]
    wait_until(lambda: server.displayed() == 0, 5, "dunst to close it")
    assert rows(one_due) == [("follow-up:1:2026-11-23", "withdrawn", 1, shown.id)]
    assert finished(nudge(one_due, env, "2026-11-23T12:30:00")) == (0, "", "")
    assert witness.closed() == [shown.id] and len(witness.notified()) == 1


def test_quitting_the_app_never_waits_on_a_hung_server(
    one_due: str, server: NotificationServer, witness: BusWitness, tmp_path: Path
) -> None:
    env = server_env(server)
    with server.paused():
        app = OpenApp(one_due, tmp_path / "app", env, MONDAY)
        wait_until(lambda: rows(one_due, "state = 'claimed'") != [], what="the app's claim")
        time.sleep(0.5)  # its delivery is waiting on dunst now (for up to 5 s)
        report, took = app.stop()
    assert report["problems"] == []
    print(f"quitting took {took:.2f} s while the delivery waited on dunst")  # pytest -s
    assert took < 3, f"quitting took {took:.1f} s"
    assert rows(one_due)[0][1] == "claimed"  # cut off: the lease is taken over later
    assert finished(nudge(one_due, env, "2026-11-23T12:02:00")) == (0, "", "")
    assert [s.title for s in witness.notified()] == ["Follow up with Ana Ruiz"]
