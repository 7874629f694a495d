"""`netrhythm copy --to URL_OR_PATH`: the whole database into an empty one elsewhere."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.paths import Location, typed_location


def run(args: Namespace, location: Location) -> int:
    """Copy ``location`` (``--db``, the database in use) to ``--to``; says what went where."""
    from netrhythm.services.context import clock_from_env
    from netrhythm.services.transfer.copying import copy_database

    target = typed_location(args.copy_to, "--to")
    print(*copy_database(location, target, clock_from_env()).lines(), sep="\n")
    return 0
