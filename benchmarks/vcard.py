"""The import measure: a file of invented vCards, imported into a copy of the data set.

``python -m benchmarks.vcard DB FILE`` imports FILE with
``netrhythm.services.transfer.exchange.import_contacts`` and prints JSON with the seconds the import
took (start-up excluded). The file mixes vCard 3.0 and 4.0 cards with names, companies,
titles, emails, phones, categories (tags) and notes, some folded and some with non-ASCII text.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from benchmarks import words
from benchmarks.generate import NOW, SEED


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def card(rnd: random.Random, number: int) -> str:
    first, last = rnd.choice(words.FIRST_NAMES), rnd.choice(words.LAST_NAMES)
    company = f"{rnd.choice(words.COMPANY_WORDS)} {rnd.choice(words.COMPANY_KINDS)}"
    handle = f"{first}.{last}.{number}".lower().replace(" ", "").replace("'", "")
    version = "4.0" if number % 3 == 0 else "3.0"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"FN:{_escape(f'{first} {last}')}",
             f"N:{_escape(last)};{_escape(first)};;;", f"ORG:{_escape(company)}",
             f"TITLE:{_escape(rnd.choice(words.ROLES) or 'Engineer')}",
             f"EMAIL;TYPE=work:{handle}@example.net"]
    if rnd.random() < 0.6:
        lines.append(f"TEL;TYPE=cell:+44 20 {rnd.randrange(10_000_000):07d}")
    if rnd.random() < 0.5:
        tags = {rnd.choice(words.TAGS)[0] for _ in range(rnd.randint(1, 3))}
        lines.append("CATEGORIES:" + ",".join(sorted(tags)))
    if rnd.random() < 0.3:
        note = _escape(f"Met through {rnd.choice(words.HOW_MET)}; talked about "
                       f"{rnd.choice(words.TAGS)[0]} for a long while, and promised to stay "
                       "in touch.")
        lines.append("NOTE:" + note[:60] + "".join(f"\r\n {note[i:i + 60]}"
                                                   for i in range(60, len(note), 60)))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def write_vcards(path: Path, count: int) -> Path:
    """``count`` cards in one file (the same every time)."""
    rnd = random.Random(SEED + count)
    path.write_text("".join(card(rnd, n) for n in range(1, count + 1)), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    from netrhythm.domain.clock import FixedClock
    from netrhythm.services.context import open_context
    from netrhythm.services.transfer.exchange import import_contacts

    ctx = open_context(Path(argv[0]), FixedClock(NOW))
    try:
        start = time.perf_counter()
        import_contacts(ctx, Path(argv[1]))
        seconds = time.perf_counter() - start
    finally:
        ctx.close()
    print(json.dumps({"seconds": seconds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
