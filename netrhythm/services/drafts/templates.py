"""What the user sets for drafts: their own name (the sign-off), the tone, their templates.

Templates are kept per kind of draft in one setting (``draft_templates``: kind → text) and
checked when saved: an unknown placeholder is refused and named. Every change is one
undoable change.
"""

from __future__ import annotations

from netrhythm.domain.draft_templates import DEFAULT_TEMPLATES, KINDS, Template, parse_templates
from netrhythm.domain.drafts import TONES
from netrhythm.domain.errors import InputError
from netrhythm.services.context import Context
from netrhythm.storage import settings as store

MY_NAME = "my_name"
TONE = "draft_tone"
TEMPLATES = "draft_templates"
MAX_TEMPLATE = 4_000


def my_name() -> str:
    return str(store.get_setting(MY_NAME, ""))


def tone() -> str:
    value = str(store.get_setting(TONE, "warm"))
    return value if value in TONES else "warm"


def kind_named(text: str, field: str) -> str:
    """A kind of draft as typed (``follow-up``, ``Follow up``)."""
    wanted = "-".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())
    if wanted not in KINDS:
        raise InputError(field, f"{text.strip()[:40]!r} is not a kind of draft; use one of: "
                                f"{', '.join(KINDS)}")
    return wanted


def _saved() -> dict[str, str]:
    saved = store.get_setting(TEMPLATES, {})
    return {k: v for k, v in saved.items() if k in KINDS and isinstance(v, str)} \
        if isinstance(saved, dict) else {}


def template_text(kind: str) -> tuple[str, bool]:
    """The template text for ``kind`` and whether it is the user's own (else the default)."""
    saved = _saved().get(kind)
    return (saved, True) if saved is not None else (DEFAULT_TEMPLATES[kind], False)


def templates(kind: str) -> tuple[Template, ...] | None:
    """The user's templates for ``kind``, parsed; None for the defaults (also when a saved
    text no longer parses, e.g. one imported from another version)."""
    saved = _saved().get(kind)
    if saved is None:
        return None
    try:
        return parse_templates(saved, kind)
    except InputError:
        return None


def set_template(ctx: Context, kind_text: str, text: str) -> str:
    """Save the user's template for a kind, once it is valid; returns what was done."""
    from netrhythm.domain.validate import clean_text
    from netrhythm.storage.journal import change

    kind = kind_named(kind_text, "--set-template")
    text = clean_text(text.replace("\r\n", "\n"), "--set-template", MAX_TEMPLATE)
    parse_templates(text, "--set-template")
    with change(f"set the {kind} draft template", ctx.now()):
        store.set_setting(TEMPLATES, {**_saved(), kind: text})
    return f"Saved your {kind} template. `netrhythm undo` takes it back."


def reset_template(ctx: Context, kind_text: str) -> str:
    from netrhythm.storage.journal import change

    kind = kind_named(kind_text, "--reset-template")
    saved = _saved()
    if kind not in saved:
        return f"The {kind} template is already the default."
    del saved[kind]
    with change(f"reset the {kind} draft template", ctx.now()):
        store.set_setting(TEMPLATES, saved)
    return f"The {kind} template is the default again."


def set_value(ctx: Context, key: str, text: str) -> str:
    """``settings my-name NAME`` (empty: no sign-off) and ``settings draft-tone warm|brief``."""
    from netrhythm.domain.validate import clean_line
    from netrhythm.storage.journal import change

    if key == "my-name":
        name = clean_line(text, key, 100)
        with change(f"set your name to {name}" if name else "cleared your name", ctx.now()):
            store.set_setting(MY_NAME, name)
        return f"Drafts are signed {name}." if name else "Drafts have no sign-off."
    value = text.strip().casefold()
    if value not in TONES:
        raise InputError(key, f"{text.strip()[:20]!r} is not a tone; use warm or brief")
    with change(f"set the draft tone to {value}", ctx.now()):
        store.set_setting(TONE, value)
    return f"Drafts are {value}."
