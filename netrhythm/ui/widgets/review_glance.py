"""The top of the Review screen, in plain words: did I keep the rhythm, where am I slipping,
whom have I neglected, and what will I do next week.

Each line starts with a mark (``✓``, ``!``, ``→``) so it reads without colour too.
"""

from __future__ import annotations

import re

from textual.content import Content

from netrhythm.services.review.build import RECENT_PERIODS, Review
from netrhythm.ui.format import literal, plural
from netrhythm.ui.widgets.review_practices import state

MAX_NAMED = 3
PERIOD_NOUNS = {1: ("week", "weeks"), 2: ("fortnight", "fortnights")}
NEXT_WEEK = re.compile(r"next week\s*[:,-]?\s*(.+)", re.IGNORECASE)


def _line(mark: str, style: str, head: str, *rest: Content | str | tuple[str, str]) -> Content:
    return Content.assemble((mark + " ", f"bold {style}"), (head, "bold"), *rest)


def rhythm_line(r: Review) -> Content:
    current = [p for p in r.practices if not p.practice.archived]
    live = [p for p in current if state(p) != "paused"]
    met = [p for p in live if p.period.met]
    if not current:
        return _line("…", "$text-muted", "Nothing to review yet: ",
                     "no practice had started by this week")
    if not live:
        return _line("‖", "$text-muted", "A quiet week: ", "every practice was paused")
    if not r.finished:
        return _line("…", "$warning", "So far this week: ",
                     f"{len(met)} of {plural(len(live), 'practice')} met")
    if len(met) == len(live):
        return _line("✓", "$success", "Kept the rhythm: ", f"all {len(live)} practices met")
    missed = ", ".join(p.practice.name for p in live if not p.period.met)
    head = "Mostly kept the rhythm: " if len(met) * 2 >= len(live) else "Lost the rhythm: "
    return _line("!", "$warning" if met else "$error", head,
                 f"{len(met)} of {len(live)} practices met", (" · missed ", "$text-muted"),
                 literal(missed))


def slipping_line(r: Review) -> Content:
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
        return _line("✓", "$success", "Nothing slipping: ",
                     f"no practice missed twice in the last {RECENT_PERIODS} weeks")
    slipping.sort(key=lambda s: -s[0])
    parts: list[Content | str | tuple[str, str]] = []
    for n, (_, name, where) in enumerate(slipping[:MAX_NAMED]):
        parts += [", " if n else "", literal(name, "bold"), (f" ({where})", "$text-muted")]
    return _line("!", "$warning", "Slipping: ", *parts)


def neglect_line(r: Review) -> Content:
    cold, missed = r.gone_cold, r.follow_ups_missed
    if not cold and not missed:
        return _line("✓", "$success", "Nobody neglected: ",
                     "no one gone cold, no follow-up missed")
    parts: list[Content | str | tuple[str, str]] = []
    if cold:
        names = ", ".join(c.name for c in cold[:MAX_NAMED]) + (", …" if len(cold) > 3 else "")
        parts += [f"{len(cold)} gone cold (", literal(names), ")"]
    if missed:
        names = ", ".join(f.contact_name for f in missed[:MAX_NAMED])
        parts += [" · " if parts else "", f"{plural(len(missed), 'follow-up')} missed (",
                  literal(names), ")"]
    return _line("!", "$error" if cold else "$warning", "Neglected: ", *parts)


def plan(reflection: str) -> str:
    """What the reflection says about next week: the words after "next week", else its
    last line (the answer to the third prompt usually comes last)."""
    found = NEXT_WEEK.search(reflection)
    if found:
        return found.group(1).strip().splitlines()[0]
    lines = [line.strip() for line in reflection.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def next_line(r: Review) -> Content:
    said = plan(r.reflection)
    if said:
        return _line("→", "$accent", "Next week: ", literal(said))
    return _line("→", "$accent", "Next week: ",
                 ("not planned yet · r: ", "$text-muted"), (r.prompts[-1], "italic"))


def glance(r: Review) -> Content:
    """The four answers, one per line."""
    return Content("\n").join([rhythm_line(r), slipping_line(r), neglect_line(r), next_line(r)])
