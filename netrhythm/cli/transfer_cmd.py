"""`netrhythm contacts import|export`, `netrhythm export` and `netrhythm import`."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from netrhythm.cli.output import write_data
from netrhythm.services.context import Context
from netrhythm.services.transfer import exchange as transfer


def _emit(text: str, output: str | None) -> None:
    """Data on standard output (exactly), or in a new file ``output`` (0600, written whole or
    not at all; an existing file is refused)."""
    if output:
        transfer.write_private(Path(output).expanduser(), text)
        print(f"Wrote {output}.", file=sys.stderr)
    else:
        write_data(text)


def run_import_contacts(ctx: Context, args: Namespace) -> int:
    summary = transfer.import_contacts(ctx, Path(args.file).expanduser(),
                                       dry_run=args.dry_run, tag=args.tag,
                                       last_contact=args.last_contact)
    print(*summary.lines(), sep="\n")
    return 0


def run_export_contacts(ctx: Context, args: Namespace) -> int:
    _emit(transfer.export_contacts(ctx, args.format), args.output)
    return 0


def run_export(ctx: Context, args: Namespace) -> int:
    _emit(transfer.export_json(ctx), args.output)
    return 0


def run_import(ctx: Context, args: Namespace) -> int:
    result = transfer.import_json(ctx, Path(args.file).expanduser(), merge=args.merge)
    print(*result.lines(), sep="\n")
    return 0
