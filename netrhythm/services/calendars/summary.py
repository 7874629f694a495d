"""What a calendar import did (or, in a dry run, would do), as lines for the terminal and the
Import dialog. Text from the file was cleaned of control characters when it was read."""

from __future__ import annotations

from dataclasses import dataclass, field

from netrhythm.services.transfer.summary import UNDO_LINE, count

SHOW = 20  # items listed per kind; the rest are counted


@dataclass
class CalendarSummary:
    """Counts and items of one import; items are ``line 14 Name (Thu 12 Mar 2026 18:30)``."""

    source: str
    zone: str
    calendar_name: str = ""
    dry_run: bool = False
    read: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)  # kept: something links to them
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    own_skipped: int = 0
    unmatched: int = 0
    match: str = ""
    stripped: int = 0
    shortened: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.cancelled or self.removed)

    def lines(self) -> list[str]:
        name = f" (calendar: {self.calendar_name})" if self.calendar_name else ""
        out = [f"Read {count(self.read, 'event')} from {self.source}{name}; times in "
               f"{self.zone}."]
        verbs = ("Would add", "would update", "would cancel", "would remove", "would skip") \
            if self.dry_run else ("Added", "updated", "cancelled", "removed", "skipped")
        out.append(f"{verbs[0]} {len(self.added)}, {verbs[1]} {len(self.updated)}, "
                   f"{verbs[2]} {len(self.cancelled)}, {verbs[3]} {len(self.removed)}, "
                   f"{verbs[4]} {len(self.skipped)}; {self.unchanged} unchanged.")
        for label, items in (("added", self.added), ("updated", self.updated),
                             ("cancelled", self.cancelled), ("removed", self.removed)):
            out += [f"  {label} {item}" for item in items[:SHOW]]
            if len(items) > SHOW:
                out.append(f"  … and {len(items) - SHOW} more {label}")
        out += [f"  skipped {what}: {why}" for what, why in self.skipped[:SHOW]]
        if len(self.skipped) > SHOW:
            out.append(f"  … and {len(self.skipped) - SHOW} more skipped")
        out += self._notes()
        if self.dry_run:
            out.append("Dry run: nothing was written.")
        elif self.changed:
            out.append(UNDO_LINE)
        else:
            out.append("Nothing new: every event in the file is already here.")
        return out

    def _notes(self) -> list[str]:
        out = []
        if self.cancelled:
            out.append("Note: cancelled events stay, marked cancelled, because actions, people "
                       "met there or follow-ups point at them.")
        if self.own_skipped:
            out.append(f"Note: left out {count(self.own_skipped, 'follow-up')} that netrhythm "
                       "exported (they are here already).")
        if self.unmatched:
            out.append(f"Note: left out {count(self.unmatched, 'event')} without "
                       f"{self.match!r} (--match).")
        if self.stripped:
            out.append(f"Note: removed {count(self.stripped, 'control character')} from the "
                       "text.")
        if self.shortened:
            out.append(f"Note: shortened {count(self.shortened, 'text')} to netrhythm's limits "
                       "(names and places 200 characters, notes 20,000; longer links left out).")
        return out
