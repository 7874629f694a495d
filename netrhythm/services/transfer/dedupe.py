"""Duplicates: a record with the same email, or the same name and company, as a contact already
in netrhythm (or earlier in the same file) is merged into it: empty fields filled, tags united.

Pure Python over keys loaded in bulk, so 10,000 records cost a few dictionary lookups each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from netrhythm.formats.records import MERGE_FIELDS, Candidate, fold


@dataclass
class Target:
    """A contact an import ends up writing: an existing one (``id``) or a new one."""

    id: int | None
    where: str  # "#12" for an existing contact, else where the file first named it
    values: dict[str, Any]
    tags: dict[str, str]  # folded name → name as written
    extra: dict[str, Any] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)  # fields this import fills
    new_tags: list[str] = field(default_factory=list)  # tags this import adds

    @property
    def changed(self) -> bool:
        return bool(self.filled or self.new_tags)


@dataclass(frozen=True)
class Outcome:
    kind: str  # "added", "merged" or "skipped"
    target: Target
    why: str = ""


class Deduper:
    """Feed candidates in file order; each is added, merged into a match, or skipped."""

    def __init__(self, existing: Iterable[tuple[int, dict[str, Any], list[str]]]) -> None:
        self.by_email: dict[str, Target] = {}
        self.by_name: dict[tuple[str, str], Target] = {}
        self.new: list[Target] = []
        self.existing: list[Target] = []
        for contact_id, values, tags in existing:
            target = Target(contact_id, f"#{contact_id}", dict(values),
                            {fold(t): t for t in tags})
            self.existing.append(target)
            self._remember(target, [values.get("email") or ""])

    def _remember(self, target: Target, emails: Iterable[str]) -> None:
        for email in [*emails, target.values.get("email") or ""]:
            if email.strip():
                self.by_email.setdefault(fold(email), target)
        key = (fold(target.values["name"]), fold(target.values.get("company") or ""))
        self.by_name.setdefault(key, target)

    def _match(self, c: Candidate) -> tuple[Target | None, str]:
        for email in c.emails:
            if email in self.by_email:
                return self.by_email[email], "same email"
        target = self.by_name.get((fold(c.name), fold(c.company)))
        how = "same name and company" if c.company else "same name, no company"
        return target, how

    def add(self, c: Candidate) -> Outcome:
        target, how = self._match(c)
        if target is None:
            target = Target(None, c.where, c.values(), {}, dict(c.extra))
            self._unite_tags(target, c.tags, record=False)
            self.new.append(target)
            self._remember(target, c.emails)
            return Outcome("added", target)
        filled = self._fill(target, c)
        added_tags = self._unite_tags(target, c.tags, record=target.id is not None)
        self._remember(target, c.emails)
        name = target.values["name"]
        label = f"{name} ({target.where})" if target.id is not None else \
            f"{name} from {target.where}"
        if not filled and not added_tags:
            if target.id is not None:
                return Outcome("skipped", target, f"already in netrhythm: {label}, {how}")
            return Outcome("skipped", target, f"duplicate of {label}, {how}")
        gained = [f.replace("_", " ") for f in filled] + [f"tag {t}" for t in added_tags]
        return Outcome("merged", target, f"into {label}, {how}: added {', '.join(gained)}")

    @staticmethod
    def _fill(target: Target, c: Candidate) -> list[str]:
        filled = []
        for name in MERGE_FIELDS:
            value = getattr(c, name)
            if value not in ("", None) and target.values.get(name) in ("", None):
                target.values[name] = value
                filled.append(name)
        if target.id is not None:
            target.filled.extend(filled)
        return filled

    @staticmethod
    def _unite_tags(target: Target, tags: Iterable[str], record: bool) -> list[str]:
        added = []
        for tag in tags:
            if fold(tag) not in target.tags:
                target.tags[fold(tag)] = tag
                added.append(tag)
        if record:
            target.new_tags.extend(added)
        return added

    def changed_existing(self) -> list[Target]:
        return [t for t in self.existing if t.changed]
