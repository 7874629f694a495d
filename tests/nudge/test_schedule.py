"""`nudge --print-schedule`: entries that run exactly the intended command for any database
path. systemd's unit is checked by `systemd-analyze verify` (required, never skipped) and by
reading ExecStart with systemd's rules; the cron line is cut by cron's % rule and then run by
a real /bin/sh; the plist is read by plistlib."""

from __future__ import annotations

import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.paths import Location
from netrhythm.services.nudges import schedule
from tests.helpers import SCRIPT, run_cli

DB_PATHS = [
    "/data/plain.db",
    "/data/100% sure/%h/n.db",
    "/home/a b/$HOME/${USER}/$$/cost $5.db",
    "/data/it's \"quoted\" \\ back\\slash \\%.db",
    "/data/tab-free; semicolon & <xml> ]]> é ✓.db",
    "",
]
UNSAFE = ["/data/new\nline.db", "/data/tab\there.db", "/data/esc\x1b[2J.db", "/data/\udcff.db"]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real executable under a folder whose name systemd, cron and sh would misread: it
    writes its arguments and its session bus address, as JSON, to the file $ARGV_OUT."""
    folder = tmp_path_factory.mktemp("bin") / "net %h 100% $HOME ${X} rhythm"
    folder.mkdir()
    script = folder / "netrhythm"
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        "with open(os.environ['ARGV_OUT'], 'w') as out:\n"
        "    json.dump([sys.argv[1:], os.environ.get('DBUS_SESSION_BUS_ADDRESS')], out)\n"
    )
    script.chmod(0o755)
    return str(script)


def expected(program: str, db: str) -> list[str]:
    return [program, "--db", db, "nudge", "--quiet"]


# systemd ---------------------------------------------------------------------------------


def unit_files(text: str, folder: Path) -> list[Path]:
    """The two printed parts, saved under the names the comments give."""
    files = []
    for part in re.split(r"^# ~/\.config/systemd/user/", text, flags=re.M)[1:]:
        name, body = part.split("\n", 1)
        (folder / name).write_text(body.split("\n# Save the two parts", 1)[0])
        files.append(folder / name)
    return files


def systemd_command(exec_start: str) -> tuple[str, list[str]]:
    """(path run, argv) for an ExecStart value, by systemd's rules for what we print: words
    split on spaces, double quotes with C escapes, then %% -> % (every specifier), then in
    argv $$ -> $ (environment variables); a leading @ takes argv[0] from the next word."""
    words: list[str] = []
    for match in re.finditer(r'(@?)"((?:[^"\\]|\\.)*)"(?=\s|$)|(\S+)', exec_start):
        prefix, quoted, plain = match.groups()
        word = plain if quoted is None else prefix + re.sub(r"\\(.)", r"\1", quoted)
        assert not re.search(r"%[^%]", word.replace("%%", "")), f"a specifier in {word!r}"
        words.append(word.replace("%%", "%"))
    separate_argv0 = words[0].startswith("@")
    path = words[0].lstrip("@")
    argv = words[1:] if separate_argv0 else words

    def no_variables(word: str) -> str:
        assert not re.search(r"\$[^$]", word.replace("$$", "")), f"a variable in {word!r}"
        return word.replace("$$", "$")

    return path, [no_variables(word) for word in argv]


@pytest.mark.parametrize("db", DB_PATHS)
def test_systemd_unit_verifies_and_runs_exactly_the_command(
    program: str, db: str, tmp_path: Path
) -> None:
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (Debian: apt-get install systemd)"
    text = schedule.systemd(schedule.command(db, [program]))
    files = unit_files(text, tmp_path)
    assert [f.name for f in files] == ["netrhythm-nudge.service", "netrhythm-nudge.timer"]
    done = subprocess.run([analyze, "verify", *map(str, files)], capture_output=True,
                          text=True, timeout=60)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "netrhythm-nudge" not in report, report  # other units' warnings are not ours
    [exec_start] = re.findall(r"^ExecStart=(.*)$", text, flags=re.M)
    path, argv = systemd_command(exec_start)
    assert path == program
    assert argv == expected(program, db)


def test_systemd_refuses_a_program_path_it_cannot_run() -> None:
    with pytest.raises(InputError) as refused:
        schedule.systemd(schedule.command("/data/n.db", ["/opt/it's/netrhythm"]))
    assert refused.value.field == "--print-schedule"
    assert "quote or backslash" in refused.value.message


# cron ------------------------------------------------------------------------------------


def cron_command(line: str) -> tuple[str, str | None]:
    """What cron runs for a crontab line: the command (up to the first unescaped %, where
    ``\\%`` stands for %) and the text it would feed on standard input (None: no %)."""
    command = line.split(None, 5)[5]
    out, escaped = [], False
    for index, char in enumerate(command):
        if escaped:
            if char == "%":
                out[-1] = "%"  # the backslash goes, the % stays
            else:
                out.append(char)
            escaped = False
            continue
        if char == "%":
            return "".join(out), command[index + 1:]
        out.append(char)
        escaped = char == "\\"
    return "".join(out), None


@pytest.mark.parametrize("db", DB_PATHS)
def test_cron_line_runs_exactly_the_command_through_cron_and_sh(
    program: str, db: str, tmp_path: Path
) -> None:
    bus = "unix:path=/run/user/1000/bus,guid=50%off"
    text = schedule.cron(schedule.command(db, [program]), {"DBUS_SESSION_BUS_ADDRESS": bus})
    [line] = [x for x in text.splitlines() if not x.startswith("#")]
    assert line.startswith("*/15 * * * * ")
    command, stdin = cron_command(line)
    assert stdin is None, f"cron would cut the command at a %: {line}"
    out = tmp_path / "argv.json"
    env = {"PATH": "/usr/bin:/bin", "ARGV_OUT": str(out), "HOME": "/nowhere", "USER": "x"}
    subprocess.run(["/bin/sh", "-c", command], env=env, check=True, timeout=30)
    assert json.loads(out.read_text()) == [expected(program, db)[1:], bus]


def test_cron_names_this_sessions_bus_or_the_usual_guess(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    given = run_cli(db, "nudge", "--print-schedule", "cron",
                    env={"DBUS_SESSION_BUS_ADDRESS": "unix:abstract=/tmp/dbus-XyZ,guid=1f"})
    assert "DBUS_SESSION_BUS_ADDRESS=unix:abstract=/tmp/dbus-XyZ,guid=1f " in given.out
    assert "this session's bus (DBUS_SESSION_BUS_ADDRESS)" in given.out
    guessed = run_cli(db, "nudge", "--print-schedule", "cron",
                      env={"DBUS_SESSION_BUS_ADDRESS": ""})
    assert f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{os.getuid()}/bus " in guessed.out
    assert "a guess, as DBUS_SESSION_BUS_ADDRESS is not set here" in guessed.out


# launchd ---------------------------------------------------------------------------------


@pytest.mark.parametrize("db", DB_PATHS)
def test_launchd_plist_holds_exactly_the_arguments(program: str, db: str) -> None:
    text = schedule.launchd(schedule.command(db, [program]))
    entry = plistlib.loads(text.encode())
    assert entry["ProgramArguments"] == expected(program, db)
    assert (entry["Label"], entry["StartInterval"]) == ("org.netrhythm.nudge", 900)
    assert "launchctl load ~/Library/LaunchAgents/org.netrhythm.nudge.plist" in text


# the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["systemd", "cron", "launchd"])
@pytest.mark.parametrize("db", UNSAFE)
def test_a_path_no_entry_can_hold_is_refused(tmp_path: Path, kind: str, db: str) -> None:
    result = run_cli(Path(db), "nudge", "--print-schedule", kind)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("netrhythm: error: --db: the database path contains ")
    assert "give --db a path without one" in result.err
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("kind", ["systemd", "cron", "launchd"])
def test_entries_name_this_netrhythm_quietly_and_create_nothing(
    tmp_path: Path, kind: str
) -> None:
    db = tmp_path / "my %h db.db"
    result = run_cli(db, "nudge", "--print-schedule", kind)
    assert result.code == 0, result.err
    assert "/netrhythm" in result.out and "nudge --quiet" in result.out.replace(
        "</string>\n\t\t<string>", " ")
    assert not db.exists()


@pytest.mark.parametrize("kind", ["systemd", "cron", "launchd"])
def test_a_database_url_is_printed_without_its_password(tmp_path: Path, kind: str) -> None:
    url = "postgresql://me:s3cr%40t:x@db.example:5432/nr?password=hunter2&sslmode=require"
    refused = subprocess.run([str(SCRIPT), "--db", url, "nudge", "--print-schedule", kind],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2  # typed on the command line: refused, and not repeated
    assert "s3cr" not in refused.stderr + refused.stdout and "hunter2" not in refused.stderr
    for args, env in (([], {"NETRHYTHM_DB": url}),):
        done = subprocess.run([str(SCRIPT), *args, "nudge", "--print-schedule", kind],
                              env={**os.environ, **env}, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        assert "s3cr" not in done.stdout and "hunter2" not in done.stdout
        assert "password" not in done.stdout
        assert "me@db.example:5432/nr?sslmode=require" in done.stdout.replace("%%", "%")


def test_url_password_stripping() -> None:
    def strip(value: str) -> str:
        return str(Location.of(value))

    assert strip("postgresql://u:p@h/db") == "postgresql://u@h/db"
    assert strip("postgresql://:p@h/db") == "postgresql://h/db"
    assert strip("postgresql://h/db?password=p") == "postgresql://h/db"
    assert strip("postgresql://u@h/db") == "postgresql://u@h/db"
    assert strip("/plain/path.db") == "/plain/path.db"
    assert strip("~/x/../n.db") == str(Path.home() / "n.db")


def test_a_server_entry_never_holds_the_password_and_says_where_it_goes(tmp_path: Path) -> None:
    """Printing needs no server: the entry names it without the password, and a note on
    standard error (the entry stays installable as printed) says to use ~/.pgpass."""
    import os
    import subprocess

    from tests.helpers import SCRIPT

    env = {**os.environ, "NETRHYTHM_DB": "postgresql://me:s3cret@db.example/nr?sslmode=require"}
    for kind in ("systemd", "cron", "launchd"):
        done = subprocess.run([str(SCRIPT), "nudge", "--print-schedule", kind], env=env,
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "s3cret" not in done.stdout + done.stderr
        assert "me@db.example/nr?sslmode=require" in done.stdout.replace("&amp;", "&")
        assert done.stderr == ("netrhythm: note: the entry gives the server's address without "
                               "its password; put it in ~/.pgpass for the scheduled command "
                               "(netrhythm never writes a password into a file)\n")
    assert list(tmp_path.iterdir()) == []
