"""The review's four answers at a glance: did I keep the rhythm, where am I slipping, whom
have I neglected, and what will I do next week.

Plain data that the Review screen and ``netrhythm review`` both render. A line is a mark
(``✓ ! → … ‖``, so it reads without colour), a tone (how the screen colours the mark), a head
and parts; names are parts of their own (the user's text: the screen shows them literally),
and a ``key`` part is a hint only the screen shows.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from netrhythm.domain.dates import short_date
from netrhythm.domain.nudge_text import counted
from netrhythm.services.review.build import RECENT_PERIODS, Review
from netrhythm.services.review.rows import state

MAX_NAMED = 3
PERIOD_NOUNS = {1: ("week", "weeks"), 2: ("fortnight", "fortnights")}
NEXT_WEEK = re.compile(r"next week\s*[:,-]?\s*(.+)", re.IGNORECASE)


class Part(NamedTuple):
    text: str
    kind: str = "text"  # text, muted, prompt, key (the screen's only); the user's: name, note


class Line(NamedTuple):
    mark: str
    tone: str  # good, warn, bad, quiet, plan
    head: str
    parts: tuple[Part, ...]

    def text(self, keys: bool = False) -> str:
        """The line as plain text; ``keys``: with the screen's key hints."""
        body = "".join(p.text for p in self.parts if keys or p.kind != "key")
        return f"{self.mark} {self.head}: {body}"


def _names(names: list[str], limit: int = MAX_NAMED) -> list[Part]:
    """``A, B, C, …``: each name a part of its own."""
    parts: list[Part] = []
    for n, name in enumerate(names[:limit]):
        parts += [Part(", ")] if n else []
        parts.append(Part(name, "name"))
    return parts + ([Part(", …")] if len(names) > limit else [])


def rhythm_line(r: Review) -> Line:
    current = [p for p in r.practices if not p.practice.archived]
    live = [p for p in current if state(p) != "paused"]
    met = [p for p in live if p.period.met]
    if not current:
        return Line("…", "quiet", "Nothing to review yet",
                    (Part("no practice had started by this week"),))
    if not live:
        return Line("‖", "quiet", "A quiet week", (Part("every practice was paused"),))
    if not r.finished:
        return Line("…", "warn", "So far this week",
                    (Part(f"{len(met)} of {counted(len(live), 'practice', 'practices')} met"),))
    if len(met) == len(live):
        return Line("✓", "good", "Kept the rhythm",
                    (Part(f"all {len(live)} practices met" if len(live) > 1
                          else "its one practice met"),))
    missed = [p.practice.name for p in live if not p.period.met]
    head = "Mostly kept the rhythm" if len(met) * 2 >= len(live) else "Lost the rhythm"
    return Line("!", "warn" if met else "bad", head,
                (Part(f"{len(met)} of {len(live)} practices met"), Part(" · missed ", "muted"),
                 *_names(missed, len(missed))))


def slipping_line(r: Review) -> Line:
    archived = {p.practice.name for p in r.practices if p.practice.archived}
    periods = {p.practice.name: p.practice.period_weeks for p in r.practices}
    slipping = []
    for row in r.heat:
        misses = row.recent.count(False)
        if row.practice in archived or not misses or (misses < 2 and row.recent[-1]):
            continue
        one, many = PERIOD_NOUNS.get(periods.get(row.practice, 1), ("period", "periods"))
        where = (f"missed {misses} of the last {len(row.recent)} {many}" if misses > 1
                 else f"missed last {one}")
        slipping.append((misses, row.practice, where))
    if not slipping:
        return Line("✓", "good", "Nothing slipping",
                    (Part(f"no practice missed twice in the last {RECENT_PERIODS} weeks"),))
    slipping.sort(key=lambda s: -s[0])
    parts: list[Part] = []
    for n, (_, name, where) in enumerate(slipping[:MAX_NAMED]):
        parts += [Part(", ")] if n else []
        parts += [Part(name, "name"), Part(f" ({where})", "muted")]
    return Line("!", "warn", "Slipping", tuple(parts))


def neglect_line(r: Review) -> Line:
    cold, missed = r.gone_cold, r.follow_ups_missed
    when = f"as of {short_date(r.cold_on)}"
    if not cold and not missed:
        return Line("✓", "good", "Nobody neglected",
                    (Part(f"no one gone cold {when}, no follow-up missed"),))
    parts: list[Part] = []
    if cold:
        parts += [Part(f"{len(cold)} gone cold {when} ("), *_names([c.name for c in cold]),
                  Part(")")]
    if missed:
        parts += [Part(" · " if parts else ""),
                  Part(f"{counted(len(missed), 'follow-up', 'follow-ups')} missed ("),
                  *_names([f.contact_name for f in missed]), Part(")")]
    return Line("!", "bad" if cold else "warn", "Neglected", tuple(parts))


def plan(reflection: str) -> str:
    """What the reflection says about next week: the words after "next week", else its
    last line (the answer to the third prompt usually comes last)."""
    found = NEXT_WEEK.search(reflection)
    if found:
        return found.group(1).strip().splitlines()[0]
    lines = [line.strip() for line in reflection.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def next_line(r: Review) -> Line:
    said = plan(r.reflection)
    if said:
        return Line("→", "plan", "Next week", (Part(said, "note"),))
    return Line("→", "plan", "Next week", (Part("not planned yet · ", "muted"),
                                           Part("r: ", "key"), Part(r.prompts[-1], "prompt")))


def glance(r: Review) -> list[Line]:
    """The four answers, in order; before any practice began, nothing can be slipping, so
    that line is left out."""
    began = any(not p.practice.archived for p in r.practices)
    return [rhythm_line(r), *([slipping_line(r)] if began else []), neglect_line(r),
            next_line(r)]
