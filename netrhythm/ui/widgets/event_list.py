"""The list of events: upcoming ones (soonest first) under one heading, past ones under another.

Each row shows whether attending was logged (✓) or the event was cancelled (✗, name struck
through), the day, the start time in the user's zone, the name and, where there is room, the
place and how many people were met. Rows are laid out for the list's width and laid out
again when it changes; the highlighted event stays highlighted across reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netrhythm.domain.dates import MONTH_ABBR, WEEKDAY_ABBR
from netrhythm.domain.event_times import local_span
from netrhythm.services.events import EventOverview, EventSummary
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.contact_table import fit

MUTED = "$text-muted"
PLACE_FROM = 56  # list width from which the place gets a column
PEOPLE_FROM = 44  # list width from which the people count is shown
# Rows held at once: laying out every row of 5,000 events (imported calendars) took 3 s;
# 200 take about 0.1 s, and moving past either end slides them by half.
WINDOW = 200


class EventList(OptionList):
    """Events under "Upcoming" and "Past" headings; ``current`` is the highlighted one."""

    @dataclass
    class Selected(Message):
        """The highlighted event changed (``event_id`` None: there is none)."""

        event_id: int | None

    @dataclass
    class Opened(Message):
        """Enter (or a click) on an event."""

        event_id: int

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.overview: EventOverview | None = None
        self.today = date.min
        self._laid_out_for = 0
        self._announced: int | None = -1
        self._time_width = 0
        self._all: list[EventSummary] = []  # upcoming, then past
        self._position: dict[int, int] = {}  # event id -> its place in ``_all``
        self._start = 0  # the place of the first event whose row is held

    # -- data -------------------------------------------------------------------------------
    @property
    def summaries(self) -> list[EventSummary]:
        return self._all

    @property
    def current(self) -> EventSummary | None:
        option = self.highlighted_option
        if option is None or not option.id:
            return None
        found = self._position.get(int(option.id.removeprefix("event-")))
        return None if found is None else self._all[found]

    def show(self, overview: EventOverview, today: date, select: int | None = None) -> None:
        """Show ``overview``; highlight ``select``, else the event highlighted before."""
        current = self.current
        self.overview, self.today = overview, today
        self._all = overview.upcoming + overview.past
        self._position = {s.event.id: n for n, s in enumerate(self._all)}
        self._layout(select if select is not None else current.event.id if current else None)

    def select(self, event_id: int) -> bool:
        """Highlight an event (sliding the rows held to it); False when it is not listed."""
        position = self._position.get(event_id)
        if position is None:
            return False
        if not self._start <= position < self._start + WINDOW:
            self._layout(event_id)
            return True
        self.highlighted = self.get_option_index(f"event-{event_id}")
        return True

    # -- layout -----------------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        if self.overview is not None and self._width() != self._laid_out_for:
            current = self.current
            self._layout(current.event.id if current else None)

    def _width(self) -> int:
        return max(self.scrollable_content_region.width - 2, 20)  # the option padding

    def _layout(self, keep: int | None) -> None:
        """Hold the rows of at most ``WINDOW`` events, around ``keep`` (else from the top)."""
        overview, width = self.overview, self._width()
        if overview is None:
            return
        self._laid_out_for = width
        everything, upcoming = self._all, len(overview.upcoming)
        day_width = max((len(self._day(s)) for s in everything), default=10)
        # times line up: days without one get as much room as "18:30 "
        self._time_width = 6 if any(s.event.starts_at for s in everything) else 0
        wanted = self._position.get(keep) if keep is not None else None
        if wanted is not None and not self._start <= wanted < self._start + WINDOW:
            self._start = wanted - WINDOW // 2
        self._start = max(0, min(self._start, len(everything) - WINDOW))
        end = min(len(everything), self._start + WINDOW)
        options: list[Option | None] = []
        if self._start:
            options.append(self._more(f"↑ {self._start} more"))
        for n in range(self._start, end):
            if n in (0, upcoming):
                if options and n:
                    options.append(None)  # a rule between the two
                title, count = ("Upcoming", upcoming) if n < upcoming else \
                    ("Past", len(everything) - upcoming)
                options.append(Option(Content.assemble(title, (f"  {count}", MUTED)),
                                      disabled=True))
            options.append(Option(self._row(everything[n], day_width, width),
                                  id=f"event-{everything[n].event.id}"))
        if end < len(everything):
            options.append(self._more(f"↓ {len(everything) - end} more"))
        if not options:
            options.append(self._more(say_keys(self, "No events yet: press {events.new} to "
                                                     "add one.")))
        self.set_options(options)
        if wanted is None or not self.select(everything[wanted].event.id):
            super().action_first()
        self._announce()

    @staticmethod
    def _more(text: str) -> Option:
        return Option(Content(text).stylize(MUTED), disabled=True)

    # -- moving past the rows held: slide them ----------------------------------------------
    def _edge(self, step: int) -> bool:
        """Slide the rows held by half a window when the highlight is at their end (``step``
        1) or start (-1) and more events lie that way; True when it slid."""
        current = self.current
        if current is None:
            return False
        position = self._position[current.event.id]
        end = min(len(self._all), self._start + WINDOW)
        if (step > 0 and position == end - 1 < len(self._all) - 1) or \
                (step < 0 and position == self._start > 0):
            self._start += step * (WINDOW // 2)
            self._layout(self._all[position + step].event.id)
            return True
        return False

    def action_cursor_down(self) -> None:
        if not self._edge(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._edge(-1):
            super().action_cursor_up()

    def action_first(self) -> None:
        if self._all and self._start:
            self._start = 0
            self._layout(self._all[0].event.id)
        else:
            super().action_first()

    def action_last(self) -> None:
        if self._all and self._start + WINDOW < len(self._all):
            self._layout(self._all[-1].event.id)
        else:
            super().action_last()

    def _day(self, s: EventSummary) -> str:
        return day_label(s.event.held_on, self.today)

    def _row(self, s: EventSummary, day_width: int, width: int) -> Content:
        e = s.event
        mark = ("✗ ", "$text-error") if e.cancelled else \
            ("✓ ", "$text-success") if s.attended_on else "  "
        people = f"{s.people} met" if s.people else ""
        people_width = 7 if width >= PEOPLE_FROM else 0
        rest = width - 2 - day_width - 2 - (people_width + 1 if people_width else 0)
        place_width = rest * 2 // 5 if width >= PLACE_FROM and e.location else 0
        name_width = rest - (place_width + 2 if place_width else 0)
        span = local_span(e, self.overview.zone) if self.overview else None
        start = f"{span[0]:%H:%M} " if span else " " * self._time_width
        name = Content(fit(e.name, name_width - len(start)))
        parts: list[Content | str | tuple[str, str]] = [
            mark, (self._day(s).ljust(day_width), "$text-accent"), "  ",
            *(((start, MUTED),) if start else ()),
            name.stylize("strike $text-muted") if e.cancelled else name]
        if place_width:
            parts += ["  ", Content(fit(e.location, place_width)).stylize(MUTED)]
        if people_width:
            parts += [" ", (people.rjust(people_width), MUTED)]
        return Content.assemble(*parts)

    # -- selection --------------------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.Opened(self.current.event.id))

    def _announce(self) -> None:
        current = self.current
        event_id = current.event.id if current else None
        if event_id != self._announced:
            self._announced = event_id
            self.post_message(self.Selected(event_id))


def day_label(day: date, today: date) -> str:
    """``today``, ``Thu 26 Nov`` (this year, days aligned) or ``24 Dec 2025`` (another year)."""
    if day == today:
        return "today"
    month = MONTH_ABBR[day.month - 1]
    if day.year != today.year:
        return f"{day.day:>2} {month} {day.year}"
    return f"{WEEKDAY_ABBR[day.weekday()]} {day.day:>2} {month}"
