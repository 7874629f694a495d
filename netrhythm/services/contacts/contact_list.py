"""The contact list behind the app's Contacts screen: loaded once, filtered per keystroke.

``contact_list`` reads every contact in one query (about 40 ms for 5,000) into a sorted
``ContactList``; ``filter_lines`` keeps, in that order, the contacts the full-text index
matches. A keystroke costs one FTS5 query and one pass over the list, never a reload.
A ``ContactList`` keeps its contacts column by column (about 100 bytes each, where a list of
``ContactLine`` tuples takes 350 to 430) and makes a ``ContactLine`` only when one is read:
a table reads just the rows on screen. ``contact_lines`` gives a plain list (who next reads a
few contacts that way).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from typing import Any, Literal, NamedTuple, overload

from netrhythm.domain.cadence import Due, due_state
from netrhythm.services.contacts.search import matching_ids
from netrhythm.services.context import Context
from netrhythm.storage.contact_list import ContactLineRow
from netrhythm.storage.contact_list import contact_lines as _query

SortKey = Literal["name", "overdue", "last"]
SORT_KEYS: tuple[SortKey, ...] = ("name", "overdue", "last")
SORT_LABELS: dict[SortKey, str] = {
    "name": "name", "overdue": "days overdue", "last": "last contact",
}


class ContactLine(NamedTuple):
    """One contact as a list shows it, with its keep-in-touch state."""

    id: int
    name: str
    company: str
    role: str
    tags: tuple[str, ...]
    cadence_days: int | None
    last_contact: date | None
    since: date  # last contact, else the day you met, else the day they were added
    archived: bool
    due: Due


def contact_lines(ctx: Context, include_archived: bool = False,
                  ids: Collection[int] | None = None) -> list[ContactLine]:
    """Every active contact (and archived ones when asked; only ``ids`` when given), sorted
    by name."""
    today = ctx.today()
    columns = _Columns(today, _query(today, include_archived, ids))
    return [columns.line(row) for row in range(len(columns.ids))]


def contact_list(ctx: Context, include_archived: bool = False,
                 key: SortKey = "name") -> ContactList:
    """Every active contact (and archived ones when asked), sorted by ``key`` as
    ``sort_lines`` sorts."""
    today = ctx.today()
    columns = _Columns(today, _query(today, include_archived))
    return ContactList(columns, columns.order(key))


def _by_name(line: ContactLine) -> tuple[Any, ...]:
    return line.name.casefold(), line.id


def _by_overdue(line: ContactLine) -> tuple[Any, ...]:
    return line.due.due_on is None, -line.due.days_overdue, line.name.casefold(), line.id


def _by_last(line: ContactLine) -> tuple[Any, ...]:
    return line.last_contact is not None, line.since, line.name.casefold(), line.id


_SORT: dict[SortKey, Callable[[ContactLine], tuple[Any, ...]]] = {
    "name": _by_name, "overdue": _by_overdue, "last": _by_last,
}


def sort_lines(lines: Iterable[ContactLine], key: SortKey) -> list[ContactLine]:
    """``name``: A to Z; ``overdue``: most days overdue first, no cadence last;
    ``last``: never contacted first (the longest since met or added first), then the
    longest since last contact; ties in name order."""
    return sorted(lines, key=_SORT[key])


def filter_lines(lines: ContactList, text: str) -> ContactList:
    """The lines whose contact matches ``text`` in the search index, in the order given.

    Empty text keeps every line; text without a letter or digit matches nothing.
    """
    return lines if not text.strip() else lines.only(matching_ids(text))


class _Columns:
    """The contacts of one load, a column per field (row ``r`` of each is one contact): names
    in one string, text that repeats (companies, roles, tag sets) shared, days as day numbers
    and cadences as numbers (0: none; a cadence is at least a day); the keep-in-touch state is
    worked out again when a line is made."""

    __slots__ = ("today", "ids", "names", "name_starts", "companies", "roles", "tags",
                 "cadences", "lasts", "sinces", "archived", "top_id", "dense")

    def __init__(self, today: date, rows: Iterable[ContactLineRow]) -> None:
        self.today = today
        self.ids = array("q")
        self.name_starts = array("I", [0])  # name ``r`` is names[starts[r]:starts[r + 1]]
        self.companies: list[str] = []
        self.roles: list[str] = []
        self.tags: list[tuple[str, ...]] = []
        self.cadences = array("i")
        self.lasts = array("i")
        self.sinces = array("i")
        self.archived = bytearray()
        names: list[str] = []
        for row in rows:
            self._add(row, names)
        self.names = "".join(names)
        self.top_id = max(self.ids, default=0)
        # a flag per id from 0 to top_id costs at most a few bytes a contact
        self.dense = min(self.ids, default=0) >= 0 and self.top_id < 16 * len(self.ids) + 4096

    def _add(self, row: ContactLineRow, names: list[str]) -> None:
        self.ids.append(row.id)
        names.append(row.name)
        self.name_starts.append(self.name_starts[-1] + len(row.name))
        self.companies.append(row.company)
        self.roles.append(row.role)
        self.tags.append(row.tags)
        self.cadences.append(row.cadence_days or 0)
        self.lasts.append(row.last_contact.toordinal() if row.last_contact else 0)
        self.sinces.append((row.last_contact or row.met_on or row.created_on).toordinal())
        self.archived.append(row.archived)

    def name(self, row: int) -> str:
        return self.names[self.name_starts[row]:self.name_starts[row + 1]]

    def due(self, row: int) -> Due:
        return due_state(None, None, date.fromordinal(self.sinces[row]),
                         self.cadences[row] or None, self.today)

    def line(self, row: int) -> ContactLine:
        """Row ``row`` as a ``ContactLine``."""
        last = date.fromordinal(self.lasts[row]) if self.lasts[row] else None
        return ContactLine(
            id=self.ids[row], name=self.name(row), company=self.companies[row],
            role=self.roles[row], tags=self.tags[row], cadence_days=self.cadences[row] or None,
            last_contact=last, since=date.fromordinal(self.sinces[row]),
            archived=bool(self.archived[row]), due=self.due(row),
        )

    def order(self, key: SortKey) -> array[int]:
        """The rows as ``sort_lines`` sorts their lines, in passes that each keep the order
        of ties (by id, then name, then ``key``): one small key per row at a time, never a
        tuple and a line."""
        rows = sorted(range(len(self.ids)), key=self.ids.__getitem__)
        rows.sort(key=lambda row: self.name(row).casefold())
        if key == "overdue":
            rows.sort(key=self._overdue)
        elif key == "last":
            rows.sort(key=lambda row: (self.lasts[row] != 0, self.sinces[row]))
        return array("I", rows)

    def _overdue(self, row: int) -> int:
        """Most days overdue first, no cadence last."""
        due = self.due(row)
        return sys.maxsize if due.due_on is None else -due.days_overdue


class ContactList(Sequence[ContactLine]):
    """Contacts in a list's order; each ``ContactLine`` is made when read. Immutable: a new
    search or sort makes a new list over the same columns."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: _Columns, rows: array[int]) -> None:
        self._columns = columns
        self._rows = rows

    @classmethod
    def empty(cls) -> ContactList:
        return cls(_Columns(date.min, ()), array("I"))

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> ContactLine: ...

    @overload
    def __getitem__(self, index: slice) -> list[ContactLine]: ...

    def __getitem__(self, index: int | slice) -> ContactLine | list[ContactLine]:
        if isinstance(index, slice):
            return [self._columns.line(row) for row in self._rows[index]]
        return self._columns.line(self._rows[index])

    def id_at(self, index: int) -> int:
        """The contact id at ``index`` (without making its line)."""
        return self._columns.ids[self._rows[index]]

    def position(self, contact_id: int) -> int | None:
        """Where contact ``contact_id`` is in this list, or None."""
        ids = self._columns.ids
        return next((i for i, row in enumerate(self._rows) if ids[row] == contact_id), None)

    def only(self, ids: Iterable[int]) -> ContactList:
        """The contacts whose id is in ``ids``, in this list's order. Ids as SQLite hands them
        out (from 1 up, few gaps) are marked in a flag per id, 5 KB for 5,000 contacts, where
        a set of one letter's 4,000 matches takes 250 KB; other ids go in a set."""
        every = self._columns.ids
        if not self._columns.dense:
            wanted = set(ids)
            return self._where(row for row in self._rows if every[row] in wanted)
        flags = bytearray(self._columns.top_id + 1)
        for contact_id in ids:
            if 0 <= contact_id < len(flags):
                flags[contact_id] = 1
        return self._where(row for row in self._rows if flags[every[row]])

    def _where(self, rows: Iterable[int]) -> ContactList:
        return ContactList(self._columns, array("I", rows))
