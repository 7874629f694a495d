"""Contacts in and out (vCard, LinkedIn, Google and plain CSV) and the full JSON backup.

Every import reads and validates the whole file first, then writes it as one change: a malformed
file writes nothing, and ``netrhythm undo`` reverts a whole import.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from netrhythm.domain.dates import parse_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.text import json_escape_unsafe
from netrhythm.domain.validate import clean_name
from netrhythm.files.atomic import write_new
from netrhythm.files.space import disk_full_cause
from netrhythm.files.special import NotRegularFile, TooLarge, read_limited
from netrhythm.formats import plain_csv, vcard
from netrhythm.formats.detect import Parsed, parse_contacts
from netrhythm.services.context import Context
from netrhythm.services.transfer import backup
from netrhythm.services.transfer.backup_merge import BackupMerge
from netrhythm.services.transfer.dedupe import Deduper
from netrhythm.services.transfer.import_cadence import plan_starts
from netrhythm.services.transfer.summary import BackupSummary, ImportSummary, count
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import transfer as store
from netrhythm.storage.db import LATEST_VERSION
from netrhythm.storage.journal import bulk_load, change

MB = 1024 * 1024
# A contacts file of 50 MB holds about 175,000 vCards; the JSON export of ten years of heavy
# use (5,000 contacts, 60,000 actions) is 19 MB and takes 170 MB of memory to import.
CONTACTS_LIMIT = 50 * MB
BACKUP_LIMIT = 100 * MB
# The path itself is wrong (exit 2, choose another); anything else is a failure (exit 1).
_PATH_ERRNOS = {errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM,
                errno.EROFS, errno.ENAMETOOLONG, errno.ELOOP}


def read_file(path: Path, field_name: str = "FILE", limit: int = CONTACTS_LIMIT,
              what: str = "contacts file") -> bytes:
    """The bytes of a file to import, or an InputError that says why it cannot be read: it
    is missing, not a regular file (a FIFO would hang, /dev/zero never ends), or larger than
    ``limit``."""
    try:
        return read_limited(path, limit)
    except FileNotFoundError:
        raise InputError(field_name, f"{path}: no such file") from None
    except NotRegularFile as exc:
        raise InputError(field_name, f"{path} is {exc.kind}, not a file; give the path of a "
                                     f"{what}") from None
    except TooLarge as exc:
        raise InputError(field_name, f"{path} is {exc.size / MB:,.1f} MB; a {what} may be at "
                                     f"most {limit // MB} MB (split it into smaller files)"
                         ) from None
    except OSError as exc:
        raise InputError(field_name, f"{path}: cannot be read ({exc.strerror})") from None


def _plan(parsed: Parsed, extra_tag: str | None, summary: ImportSummary,
          last_contact: date | None = None) -> Deduper:
    """Match every candidate against the database and the file; fill in the summary."""
    deduper = Deduper(store.contacts_for_dedupe())
    for candidate in parsed.candidates:
        if extra_tag:
            candidate = dataclasses.replace(candidate, tags=(*candidate.tags, extra_tag))
        if last_contact and candidate.last_contact_on is None:
            candidate = dataclasses.replace(candidate, last_contact_on=last_contact)
        outcome = deduper.add(candidate)
        who = f"{candidate.where} {candidate.name}"
        if outcome.kind == "merged":
            summary.merges.append((who, outcome.why))
        elif outcome.kind == "skipped":
            summary.skipped.append((who, outcome.why))
    summary.added, summary.merged = len(deduper.new), len(summary.merges)
    summary.skipped.sort(key=_position)
    return deduper


def _position(item: tuple[str, str]) -> int:
    """The line a (who, why) pair names, to list them in file order."""
    found = re.search(r"line (\d+)", item[0])
    return int(found.group(1)) if found else 0


def _write_targets(deduper: Deduper, today: date) -> list[int]:
    """Write what deduplication decided: new contacts, filled fields, added tags."""
    changed = deduper.changed_existing()
    return store.write_contacts(
        new=[{**t.values, "archived": False, "created_on": today, **t.extra,
              "tags": list(t.tags.values())} for t in deduper.new],
        updates=[{**t.values, "id": t.id} for t in changed if t.filled],
        links=[(t.id, t.new_tags) for t in changed if t.new_tags and t.id is not None],
    )


def import_contacts(ctx: Context, path: Path, dry_run: bool = False,
                    tag: str | None = None, last_contact: str | None = None) -> ImportSummary:
    """Import a vCard, LinkedIn, Google or plain CSV file: validated whole, then one change.

    ``last_contact`` (``--last-contact``): when the user last talked to everyone in the file
    (a file's own last-contact column wins). Cadences the import starts are spread
    (``import_cadence``)."""
    today = ctx.today()
    extra_tag = clean_name(tag, "--tag") if tag is not None else None
    given = parse_date(last_contact, today, "--last-contact") if last_contact else None
    parsed = parse_contacts(read_file(path), path.name, path.suffix)
    read = len(parsed.candidates) + len(parsed.skipped)
    summary = ImportSummary(path.name, parsed.format, read=read,
                            skipped=list(parsed.skipped), notes=parsed.notes, dry_run=dry_run,
                            removed=sum(c.removed for c in parsed.candidates),
                            removed_from=sum(1 for c in parsed.candidates if c.removed))
    if dry_run:
        deduper = _plan(parsed, extra_tag, summary, given)
        summary.first_dues = plan_starts(deduper, today, ctx.read_week_start()).days()
        return summary
    # bulk_load: the search index is rebuilt once at the end instead of per row (2x faster).
    # The journal gets the new contacts as one range delete and merges row by row, so
    # `undo` reverts the whole import, in well under a second even for 10,000 cards.
    with change(f"imported contacts from {path.name}", ctx.now()) as entry, bulk_load():
        deduper = _plan(parsed, extra_tag, summary, given)
        starts = plan_starts(deduper, today, ctx.read_week_start())
        starts.apply_to_new(deduper)
        _write_targets(deduper, today)
        starts.write_existing()
        summary.first_dues = starts.days()
        merged = f", merged {summary.merged}" if summary.merged else ""
        entry.description = \
            f"imported {count(summary.added, 'contact')} from {path.name}{merged}"
    return summary


def export_json(ctx: Context) -> str:
    """Everything in the database as versioned JSON (the ``netrhythm export`` document)."""
    doc = backup.to_json(store.dump(), ctx.now(), LATEST_VERSION)
    return json_escape_unsafe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def import_json(ctx: Context, path: Path, merge: bool = False) -> BackupSummary:
    """Load an export: into an empty database as is (ids kept), else only with ``merge``."""
    tables, removed = backup.parse(read_file(path, limit=BACKUP_LIMIT, what="netrhythm export"),
                                   path.name)
    with change(f"imported {path.name}", ctx.now()) as entry, bulk_load():
        found = store.non_empty()
        if found and not merge:
            raise InputError(path.name, (
                f"this database is not empty ({', '.join(found)}); `netrhythm import "
                f"{path.name} --merge` adds the backup to it, or use an empty one with --db NEW"))
        try:
            summary = _merge(tables, path.name) if found else _restore(tables, path.name)
        except store.RowRejected as exc:
            raise InputError(path.name, f"{exc.table}: the database refused a row "
                                        f"({exc.problem}); nothing was imported") from None
        summary.removed = removed
        entry.description = (f"imported {path.name} ("
                             f"{count(summary.added.get('contacts', 0), 'contact')}, "
                             f"{count(summary.added.get('actions', 0), 'action')})")
    return summary


def _restore(tables: dict[str, list[dict[str, Any]]], source: str) -> BackupSummary:
    store.restore(tables)
    return BackupSummary(source, False, {t: len(rows) for t, rows in tables.items()})


def _merge(tables: dict[str, list[dict[str, Any]]], source: str) -> BackupSummary:
    plan = BackupMerge(tables, store.merge_state(), source)
    store.insert_tables(plan.parents())
    deduper = plan.contacts(store.contacts_for_dedupe())
    new_ids = _write_targets(deduper, date.min)
    store.insert_tables(plan.children(new_ids))
    return BackupSummary(source, True, dict(plan.added), dict(plan.skipped), plan.merged,
                         settings_kept=bool(tables["settings"]))


def export_contacts(ctx: Context, fmt: str = "vcf") -> str:
    """Every contact (archived ones too) as vCard 3.0 or plain CSV text."""
    contacts = contact_store.load_contacts(include_archived=True)
    if fmt == "vcf":
        return vcard.write(contacts)
    if fmt == "csv":
        return plain_csv.write(contacts)
    raise InputError("--format", f"{fmt!r} is not a format; use vcf or csv")


def write_private(path: Path, text: str, field_name: str = "--output") -> None:
    """Create ``path`` readable by the owner only (0600), whole or not at all; an existing file
    is never replaced. A full disk (or another failure of the system) is not the path's fault:
    it is raised as is, for the command line to report as a failure."""
    try:
        write_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise InputError(field_name, f"{path} already exists; choose another name or move it "
                                     "away first (nothing was written)") from None
    except OSError as exc:
        if disk_full_cause(exc) is None and exc.errno in _PATH_ERRNOS:
            raise InputError(field_name, f"{path}: cannot be created ({exc.strerror})") from None
        raise
