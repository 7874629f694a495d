"""The composition root: parse arguments, open the database, run a command, map errors to exits.

Exit codes: 0 ok, 1 runtime failure (a database file that cannot be used, an internal error),
2 usage or input error. No stack trace reaches the user (set NETRHYTHM_DEBUG=1 to see one).
This module and the fast commands never import Textual.
"""

from __future__ import annotations

import gc
import os
import sys
from argparse import Namespace
from collections.abc import Sequence

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"netrhythm: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    # Collector off until the command's code is loaded (commands.collect_from_now): a kept
    # speed trick, measured in README's Performance section.
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()


def _main(argv: list[str]) -> int:
    from netrhythm.cli import output
    from netrhythm.cli.parser import build_parser

    with output.terminal_streams():  # everything printed is escaped for the terminal
        args = build_parser(argv).parse_args(argv)  # builds only the command that runs
        try:
            code = _run(args)
            output.finish()  # a failure to write the output is a failure of the command
            return code
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # the reader is gone (``| head``): nothing more to say
            output.silence()
            return EXIT_OK
        except Exception as exc:  # every failure becomes one clear line
            return _fail(exc, args)


def _run(args: Namespace) -> int:
    from netrhythm.cli import commands
    from netrhythm.paths import Location, keymap_path, resolve_location

    location = resolve_location(args.db)
    from netrhythm.storage.driver import prepare

    # Before anything imports Peewee: no PostgreSQL driver when every database is a file.
    prepare(location, *[Location.of(where) for where in _other_databases(args)])
    if args.version:
        from netrhythm.cli.parser import version_text

        print(version_text(str(location), str(location.backups), str(keymap_path())))
        return EXIT_OK
    return commands.dispatch(args, location)


def _other_databases(args: Namespace) -> list[str]:
    """Where a command keeps data besides ``--db``: the demo's database, a copy's target.
    (A password typed in one is refused by the command itself, naming its flag.)"""
    return [where for where in (getattr(args, "demo_db", None), getattr(args, "copy_to", None))
            if where and where.strip()]


def _fail(exc: Exception, args: object) -> int:
    """One line on standard error and the exit code (:mod:`netrhythm.cli.errors` decides)."""
    from netrhythm.cli.errors import explain
    from netrhythm.paths import Location, resolve_location

    try:
        location = resolve_location(getattr(args, "db", None))
    except (OSError, ValueError, RuntimeError):
        from pathlib import Path

        location = Location(Path(str(getattr(args, "db", None) or "netrhythm.db")))
    explained = explain(exc, location)
    if explained is not None:
        _err(explained[0])
        return explained[1]
    if os.environ.get("NETRHYTHM_DEBUG"):
        raise exc
    message = " ".join(str(exc).split())
    _err(f"internal error: {exc.__class__.__name__}: {message} (set NETRHYTHM_DEBUG=1 for "
         "details)")
    return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
