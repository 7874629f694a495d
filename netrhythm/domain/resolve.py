"""Finding practices, contacts and events by the names people type.

Names match case-insensitively: an exact match wins, then a unique prefix, then a unique
substring. Anything else is an error that lists the candidates (or the closest names: a name
is close when it, or one of its words, is spelled nearly like what was typed, so ``mraia``
finds every Maria). ``#12`` names a contact by id, to tell two people of the same name apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from netrhythm.domain.errors import InputError

CLOSE = 0.6  # how alike a name (or a word of it) must be to be suggested, 0..1
SHOWN_CLOSE = 5


class NoMatch(InputError):
    """Nothing is named like that: not even a part of a name matches."""

    def with_hint(self, hint: str) -> InputError:
        """The same refusal followed by the sentence ``hint``."""
        stop = "" if self.message.endswith("?") else "."
        return NoMatch(self.field, f"{self.message}{stop} {hint}")


def pick(text: str, options: Sequence[tuple[int, str, str]], field: str, kind: str) -> int:
    """The id of the option that ``text`` names; options are (id, name, label)."""
    wanted = text.strip().casefold()
    if not wanted:
        raise InputError(field, f"is empty; name a {kind}")
    if wanted.startswith("#") and wanted[1:].isdigit():
        for option_id, _, _ in options:
            if option_id == int(wanted[1:]):
                return option_id
        raise InputError(field, f"no {kind} has id {wanted}")
    for test in (
        lambda name: name == wanted,
        lambda name: name.startswith(wanted),
        lambda name: wanted in name,
    ):
        found = list({o[0]: o for o in options if test(o[1].casefold())}.values())
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            shown = ", ".join(f"{label} (#{i})" if _dupes(found) else label
                              for i, _, label in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise InputError(field, f"{text.strip()!r} matches several {kind}s: {shown}{more}")
    labels = close_labels(wanted, options)
    hint = f"; did you mean {_or(labels)}?" if labels else ""
    raise NoMatch(field, f"no {kind} named {text.strip()!r}{hint}")


def close_labels(wanted: str, options: Sequence[tuple[int, str, str]],
                 limit: int = SHOWN_CLOSE) -> list[str]:
    """The labels of the options named most nearly like ``wanted`` (casefolded), closest
    first, one per option id."""
    import difflib  # only for a name that matches nothing

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    best: dict[int, tuple[float, str]] = {}
    for option_id, name, label in options:
        folded = name.casefold()
        for candidate in (folded, *folded.split()):
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < CLOSE or matcher.quick_ratio() < CLOSE:
                continue
            score = matcher.ratio()
            if score >= CLOSE and score > best.get(option_id, (0.0, ""))[0]:
                best[option_id] = (score, label)
    ranked = sorted(best.values(), key=lambda s: (-s[0], s[1].casefold()))
    return list(dict.fromkeys(label for _, label in ranked))[:limit]


def _or(labels: Sequence[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def _dupes(found: Sequence[tuple[int, str, str]]) -> bool:
    names = [o[1].casefold() for o in found]
    return len(set(names)) < len(names)
