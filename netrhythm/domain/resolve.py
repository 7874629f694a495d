"""Finding practices, contacts and events by the names people type.

Names match case-insensitively: an exact match wins, then a unique prefix, then a unique
substring. Anything else is an error that lists the candidates (or the closest names).
``#12`` names a contact by id, to tell two people of the same name apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from netrhythm.domain.errors import InputError


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
    import difflib  # only for a name that matches nothing

    close = difflib.get_close_matches(wanted, [o[1].casefold() for o in options], n=3)
    # an option may be listed under several names (a practice's slug and name): one label each
    labels = list(dict.fromkeys(o[2] for o in options if o[1].casefold() in close))[:3]
    hint = f"; did you mean {' or '.join(labels)}?" if labels else ""
    raise InputError(field, f"no {kind} named {text.strip()!r}{hint}")


def _dupes(found: Sequence[tuple[int, str, str]]) -> bool:
    names = [o[1].casefold() for o in found]
    return len(set(names)) < len(names)
