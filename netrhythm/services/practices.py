"""Practices: the weekly habits and their targets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from netrhythm.domain.errors import InputError
from netrhythm.domain.nudge_text import counted
from netrhythm.domain.records import PracticeRec
from netrhythm.domain.validate import clean_line, clean_name, positive_int
from netrhythm.services import lookup
from netrhythm.services.context import Context
from netrhythm.storage import practices as store
from netrhythm.storage.journal import change

RECIPROCITY = ("give", "ask", "neutral")
PERIODS = (1, 2, 4)


@dataclass(frozen=True)
class PracticeForm:
    name: str | None = None
    slug: str | None = None
    target: str | int | None = None
    period_weeks: str | int | None = None
    reciprocity: str | None = None
    prompt: str | None = None


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40]


def _values(form: PracticeForm) -> dict[str, object]:
    out: dict[str, object] = {}
    if form.name is not None:
        out["name"] = clean_name(form.name, "name")
    if form.slug is not None:
        slug = slugify(form.slug)
        if not slug:
            raise InputError("--slug", "needs letters or digits, like reach-out")
        out["slug"] = slug
    if form.target is not None:
        out["target"] = positive_int(form.target, "--target", maximum=100)
    if form.period_weeks is not None:
        period = positive_int(form.period_weeks, "--period", maximum=4)
        if period not in PERIODS:
            raise InputError("--period", "must be 1, 2 or 4 weeks")
        out["period_weeks"] = period
    if form.reciprocity is not None:
        value = form.reciprocity.strip().casefold()
        if value not in RECIPROCITY:
            raise InputError("--kind", "must be give, ask or neutral")
        out["reciprocity"] = value
    if form.prompt is not None:
        out["prompt"] = clean_line(form.prompt, "--prompt", 300)
    return out


def _check_slug_free(slug: str, own_id: int | None = None) -> None:
    for p in store.list_practices(include_archived=True):
        if p.slug == slug and p.id != own_id:
            raise InputError("--slug", f"{slug!r} is taken by {p.name}; choose another")


def add_practice(ctx: Context, form: PracticeForm) -> PracticeRec:
    if form.name is None:
        raise InputError("name", "is empty; give a name")
    def given(value: str | int | None, default: str | int) -> str | int:
        return default if value is None else value  # given but empty is refused, not 1

    values = _values(PracticeForm(form.name, form.slug or form.name, given(form.target, 1),
                                  given(form.period_weeks, 1),
                                  "neutral" if form.reciprocity is None else form.reciprocity,
                                  form.prompt or ""))
    _check_slug_free(str(values["slug"]))
    with change(f"added practice {values['name']}", ctx.now()):
        practice_id = store.add_practice(created_on=ctx.today(), **values)
    return store.get_practice(practice_id)


def edit_practice(ctx: Context, name: str, form: PracticeForm) -> PracticeRec:
    practice = lookup.practice(name, "practice", include_archived=True)
    values = _values(form)
    if "slug" in values:
        _check_slug_free(str(values["slug"]), practice.id)
    with change(f"edited practice {practice.name}", ctx.now()):
        store.update_practice(practice.id, **values)
    return store.get_practice(practice.id)


def set_archived(ctx: Context, name: str, archived: bool = True) -> PracticeRec:
    practice = lookup.practice(name, "practice", include_archived=True)
    verb = "archived" if archived else "restored"
    with change(f"{verb} practice {practice.name}", ctx.now()):
        store.update_practice(practice.id, archived=archived)
    return store.get_practice(practice.id)


def delete_practice(ctx: Context, name: str) -> tuple[PracticeRec, int]:
    """Delete a practice and its actions; returns it and how many actions went with it."""
    practice = lookup.practice(name, "practice", include_archived=True)
    count = store.count_actions(practice.id)
    with change(f"deleted practice {practice.name} and {counted(count, 'action', 'actions')}",
                ctx.now()):
        store.delete_practice(practice.id)
    return practice, count


def move_practice(ctx: Context, name: str, offset: int) -> bool:
    """Move a practice (archived ones too) up (-1) or down (+1) in the list; False when it is
    already first or last."""
    items = store.list_practices(include_archived=True)
    wanted = lookup.practice(name, include_archived=True).id
    index = next(i for i, p in enumerate(items) if p.id == wanted)
    other = index + offset
    if not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    with change(f"moved practice {items[other].name} {'up' if offset < 0 else 'down'}",
                ctx.now()):
        for position, p in enumerate(items):
            if p.position != position:
                store.update_practice(p.id, position=position)
    return True


@dataclass(frozen=True)
class PracticeLine:
    """A practice as the Settings screen lists it, with how many actions it holds."""

    practice: PracticeRec
    actions: int


def list_practices(include_archived: bool = False) -> list[PracticeRec]:
    """Practices in their order (archived ones too when asked)."""
    return store.list_practices(include_archived=include_archived)


def practice_lines() -> list[PracticeLine]:
    """Every practice, archived ones too, in their order, with their action counts."""
    counts = store.action_counts()
    return [PracticeLine(p, counts.get(p.id, 0))
            for p in store.list_practices(include_archived=True)]


def action_count(name: str) -> int:
    """How many actions would go with the practice ``name`` if it were deleted."""
    return store.count_actions(lookup.practice(name, include_archived=True).id)
