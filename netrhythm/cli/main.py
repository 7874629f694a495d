"""The composition root: parse arguments, open the database, run a command, map errors to exits.

Exit codes: 0 ok, 1 runtime failure (a database file that cannot be used, an internal error),
2 usage or input error. No stack trace reaches the user (set NETRHYTHM_DEBUG=1 to see one).
This module and the fast commands never import Textual.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"netrhythm: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes thousands of objects that live as long as the process, and the cyclic
    # garbage collector would keep walking them: ~7 ms of a 100 ms command. A quick command
    # makes little garbage in cycles, so it runs without the collector; the app and the long
    # commands turn it back on (commands.dispatch).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if argv is None and not gc.isenabled():
            # A quick command run as a program (the console script, ``python -m``): the
            # process ends now, and the interpreter's last collection would walk every object
            # that start-up made (~15 ms). Frozen, they are skipped; nothing is left to run
            # (the database is closed, output is flushed at exit as always).
            gc.freeze()
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    from netrhythm.cli import output
    from netrhythm.cli.quick_args import quick_parse

    with output.terminal_streams():  # everything printed is escaped for the terminal
        argv = list(sys.argv[1:] if argv is None else argv)
        args: object = quick_parse(argv)  # the everyday commands, without importing argparse
        if args is None:
            from netrhythm.cli.parser import build_parser

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


def _run(args: object) -> int:
    from netrhythm.cli import commands
    from netrhythm.paths import backups_dir, resolve_db_path

    db_path = resolve_db_path(getattr(args, "db", None))
    if getattr(args, "version", False):
        from netrhythm.cli.parser import version_text

        print(version_text(str(db_path), str(backups_dir(db_path))))
        return EXIT_OK
    return commands.dispatch(args, db_path)


def _fail(exc: Exception, args: object) -> int:
    """One line on standard error and the exit code (:mod:`netrhythm.cli.errors` decides)."""
    from netrhythm.cli.errors import explain
    from netrhythm.paths import resolve_db_path

    try:
        db_path = resolve_db_path(getattr(args, "db", None))
    except (OSError, ValueError, RuntimeError):
        from pathlib import Path

        db_path = Path(str(getattr(args, "db", None) or "netrhythm.db"))
    explained = explain(exc, db_path)
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
