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
    from netrhythm.cli.parser import build_parser

    args = build_parser(argv).parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # every failure becomes one clear line
        return _fail(exc, args)


def _run(args: Namespace) -> int:
    from netrhythm.cli import commands
    from netrhythm.paths import backups_dir, resolve_db_path

    db_path = resolve_db_path(args.db)
    if args.version:
        from netrhythm.cli.parser import version_text

        print(version_text(str(db_path), str(backups_dir(db_path))))
        return EXIT_OK
    return commands.dispatch(args, db_path)


def _fail(exc: Exception, args: object) -> int:
    from netrhythm.domain.errors import InputError
    from netrhythm.storage.errors import DatabaseFileError

    if isinstance(exc, InputError):
        _err(f"error: {exc.field}: {exc.message}")
        return EXIT_USAGE
    if isinstance(exc, DatabaseFileError):
        _err(str(exc))
        return EXIT_FAILURE
    import sqlite3

    from netrhythm.paths import resolve_db_path
    from netrhythm.storage.db import corrupt, is_corruption

    if isinstance(exc, sqlite3.DatabaseError) or exc.__class__.__module__ == "peewee":
        path = resolve_db_path(getattr(args, "db", None))
        if is_corruption(exc):
            _err(str(corrupt(path, exc)))
        else:
            _err(f"database error on {path}: {exc}")
        return EXIT_FAILURE
    if os.environ.get("NETRHYTHM_DEBUG"):
        raise exc
    _err(f"internal error: {exc.__class__.__name__}: {exc} (set NETRHYTHM_DEBUG=1 for details)")
    return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
