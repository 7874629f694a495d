"""Run the command that the parser chose: import its handler, open the database, call it.

The parser names each command's handler as ``"module:function"`` (see
:mod:`netrhythm.cli.parser`); its module is imported here, when that command runs, so a quick
command never loads the code (or the libraries) of the others.
"""

from __future__ import annotations

import gc
from argparse import Namespace
from collections.abc import Callable
from importlib import import_module
from typing import Any

from netrhythm.paths import Location


def handler(name: str) -> Callable[..., Any]:
    """The function named ``"module:function"``."""
    module, _, function = name.partition(":")
    found: Callable[..., Any] = getattr(import_module(module), function)
    return found


def collect_from_now() -> None:
    """Freeze every object made so far and turn the garbage collector (off since ``main``
    started) back on: what start-up made lives as long as the process, and the collector
    would walk it again and again, and once more at exit."""
    # A kept speed trick: its measured saving is in README's Performance section.
    gc.freeze()
    gc.enable()


def dispatch(args: Namespace, location: Location) -> int:
    run = handler(args.handler)
    if not args.opens_database:
        collect_from_now()
        return int(run(args, location))
    from netrhythm.services.context import open_context

    ctx = open_context(location)
    collect_from_now()
    try:
        return int(run(ctx, args))
    finally:
        ctx.close()
