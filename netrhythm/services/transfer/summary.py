"""What an import did, as the lines the command line prints and the Import dialog shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SHOW_MERGES = 20
UNDO_LINE = "`netrhythm undo` reverts this import."  # the app says its own key instead


@dataclass
class ImportSummary:
    """What an import did (or, in a dry run, would do)."""

    source: str
    format: str
    read: int = 0
    added: int = 0
    merged: int = 0
    merges: list[tuple[str, str]] = field(default_factory=list)  # (who, into whom and what)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (who, why)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    removed: int = 0  # control characters and bidi overrides stripped from the file's text
    removed_from: int = 0  # … from this many contacts
    first_dues: list[date] = field(default_factory=list)  # of the cadences it starts, sorted

    def lines(self) -> list[str]:
        verb = ("Would add", "would merge", "would skip") if self.dry_run else \
            ("Added", "merged", "skipped")
        out = [f"Read {count(self.read, 'contact')} from {self.source} ({self.format}).",
               f"{verb[0]} {self.added}, {verb[1]} {self.merged}, {verb[2]} "
               f"{len(self.skipped)}."]
        out += [f"  merged {who} {why}" for who, why in self.merges[:SHOW_MERGES]]
        if len(self.merges) > SHOW_MERGES:
            out.append(f"  … and {len(self.merges) - SHOW_MERGES} more merged")
        out += [f"  skipped {who}: {why}" for who, why in self.skipped]
        out += [f"Note: {note}." for note in self.notes]
        if self.removed:
            out.append(removed_line(self.removed, count(self.removed_from, "contact"),
                                    self.dry_run))
        if self.first_dues:
            first, last = self.first_dues[0], self.first_dues[-1]
            when = f"on {first.isoformat()}" if first == last else \
                f"from {first.isoformat()} to {last.isoformat()}, at most 5 a week"
            out.append(f"Keep in touch: {count(len(self.first_dues), 'contact')} "
                       f"{'would be' if self.dry_run else 'are'} first due {when}.")
        if self.dry_run:
            out.append("Dry run: nothing was written.")
        elif self.added or self.merged:
            out.append(UNDO_LINE)
        return out


@dataclass
class BackupSummary:
    """What ``netrhythm import`` loaded: rows added (and, merging, skipped) per table."""

    source: str
    merged_into_data: bool
    added: dict[str, int]
    skipped: dict[str, int] = field(default_factory=dict)
    merged_contacts: int = 0
    settings_kept: bool = False
    removed: int = 0  # control characters and bidi overrides stripped from the file's text

    def lines(self) -> list[str]:
        parts = []
        for table, label in LABELS.items():
            added, skipped = self.added.get(table, 0), self.skipped.get(table, 0)
            merged = self.merged_contacts if table == "contacts" else 0
            if not (added or skipped or merged):
                continue
            extra = [f"{merged} merged into yours"] if merged else []
            extra += [f"{skipped} already here"] if skipped else []
            more = f" ({', '.join(extra)})" if extra else ""
            parts.append(f"{count(added, label)}{more}")
        how = "Merged" if self.merged_into_data else "Imported"
        out = [f"{how} {self.source}: {', '.join(parts) or 'nothing'}."]
        if self.removed:
            out.append(removed_line(self.removed, "its text"))
        if self.merged_into_data and self.settings_kept:
            out.append("Your settings were kept; the file's were not merged.")
        if any(self.added.values()) or self.merged_contacts:
            out.append(UNDO_LINE)
        else:
            out.append("Nothing new: everything in the file is already here.")
        return out


LABELS = {"practices": "practice", "events": "event", "contacts": "contact", "tags": "tag",
          "actions": "action", "follow_ups": "follow-up", "reviews": "week review",
          "settings": "setting", "paused_weeks": "paused week", "nudge_log": "nudge"}


def removed_line(removed: int, where: str, dry_run: bool = False) -> str:
    """``Removed 3 control characters (terminal escapes, bidi overrides) from 2 contacts.``"""
    verb = "Would remove" if dry_run else "Removed"
    return (f"{verb} {count(removed, 'control character')} (terminal escapes, bidi overrides) "
            f"from {where}.")


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
