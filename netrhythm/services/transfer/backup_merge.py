"""Merging a backup into a database that already has data (``netrhythm import FILE --merge``).

Ids are remapped: practices match by slug, events by name and date, tags by name, contacts like
``contacts import`` (email, or name and company: empty fields filled, tags united). Actions,
follow-ups, reviews, paused weeks and nudges already present are not added twice, so merging the
same file again changes nothing. Settings are not merged: yours (such as the week start the
streaks of your data depend on) are kept.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from netrhythm.formats.records import build, fold
from netrhythm.services.transfer.dedupe import Deduper, Target
from netrhythm.storage.transfer import MergeState

Rows = dict[str, list[dict[str, Any]]]


class BackupMerge:
    """Plans the merge in two steps around the contacts, whose new ids the database assigns."""

    def __init__(self, tables: Rows, state: MergeState, source: str) -> None:
        self.tables, self.state, self.source = tables, state, source
        self.added: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.merged = 0
        self.ids: dict[str, dict[int, int]] = {t: {} for t in ("practices", "events", "actions")}
        self.contact_targets: dict[int, Target] = {}
        self.deduper = Deduper([])

    def _new_id(self, table: str) -> int:
        self.state.next_ids[table] += 1
        self.added[table] += 1
        return self.state.next_ids[table] - 1

    def parents(self) -> Rows:
        """Practices, events and tags that are not here yet, with new ids."""
        out: Rows = {"practices": [], "events": [], "tags": []}
        for row in self.tables["practices"]:
            if row["slug"] in self.state.practices:
                self.ids["practices"][row["id"]] = self.state.practices[row["slug"]]
                self.skipped["practices"] += 1
                continue
            self.ids["practices"][row["id"]] = self.state.practices[row["slug"]] = \
                self._new_id("practices")
            out["practices"].append({**row, "id": self.ids["practices"][row["id"]]})
        events = {(fold(name), held): i for i, name, held in self.state.events}
        uids = dict(self.state.event_uids)  # the same calendar occurrence is the same event
        for row in self.tables["events"]:
            key = (fold(row["name"]), row["held_on"])
            calendar_key = (row["uid"], row["recurrence_id"]) if row.get("uid") else None
            if calendar_key in uids:
                self.skipped["events"] += 1
                self.ids["events"][row["id"]] = uids[calendar_key]
                continue
            if key in events:
                self.skipped["events"] += 1
            else:
                events[key] = self._new_id("events")
                out["events"].append({**row, "id": events[key]})
            self.ids["events"][row["id"]] = events[key]
            if calendar_key is not None:
                uids[calendar_key] = events[key]
        tags = {fold(name) for name in self.state.tags}
        for row in self.tables["tags"]:
            if fold(row["name"]) in tags:
                self.skipped["tags"] += 1
                continue
            tags.add(fold(row["name"]))
            out["tags"].append({**row, "id": self._new_id("tags")})
        return out

    def contacts(self, existing: list[tuple[int, dict[str, Any], list[str]]]) -> Deduper:
        """Every backup contact matched against those here (and each other)."""
        tag_names = {row["id"]: row["name"] for row in self.tables["tags"]}
        tags: dict[int, list[str]] = {}
        for link in self.tables["contact_tags"]:
            tags.setdefault(link["contact"], []).append(tag_names[link["tag"]])
        self.deduper = Deduper(existing)
        for index, row in enumerate(self.tables["contacts"]):
            candidate = build(
                self.source, f"contacts[{index}]", name=row["name"], emails=[row["email"]],
                phones=[row["phone"]], urls=[row["url"]], company=row["company"],
                role=row["role"], notes=row["notes"], how_met=row["how_met"],
                met_on=row["met_on"], cadence_days=row["cadence_days"],
                tags=tags.get(row["id"], []), connected_on=row["connected_on"],
                last_contact_on=row["last_contact_on"],
                extra={"met_at": self.ids["events"].get(row["met_at"] or 0),
                       "archived": row["archived"], "created_on": row["created_on"],
                       "cadence_from": row["cadence_from"],
                       "first_due_on": row["first_due_on"]})
            outcome = self.deduper.add(candidate)
            self.contact_targets[row["id"]] = outcome.target
            self.added["contacts"] += outcome.kind == "added"
            self.merged += outcome.kind == "merged"
            self.skipped["contacts"] += outcome.kind == "skipped"
        return self.deduper

    def children(self, new_contact_ids: list[int]) -> Rows:
        """Actions, follow-ups and the rest, pointing at the remapped ids."""
        for target, new_id in zip(self.deduper.new, new_contact_ids, strict=True):
            target.id = new_id
        contact = {old: int(t.id or 0) for old, t in self.contact_targets.items()}
        event = self.ids["events"]
        out: Rows = {k: [] for k in ("actions", "follow_ups", "reviews", "paused_weeks",
                                     "nudge_log")}
        seen: dict[tuple[Any, ...], int] = {a[1:]: a[0] for a in self.state.actions}
        for row in self.tables["actions"]:
            people = [contact[c] for c in row["contacts"]]
            sig: tuple[Any, ...] = (
                self.ids["practices"][row["practice"]], row["occurred_on"], row["occurred_at"],
                row["note"], event.get(row["event"] or 0), frozenset(people))
            if sig in seen:
                self.ids["actions"][row["id"]] = seen[sig]
                self.skipped["actions"] += 1
                continue
            new_id = seen[sig] = self._new_id("actions")
            self.ids["actions"][row["id"]] = new_id
            out["actions"].append({**row, "id": new_id, "practice": sig[0], "event": sig[4],
                                   "contacts": people})
        self._follow_ups(out, contact)
        self._keyed(out, "reviews", "week_start", self.state.reviews)
        self._keyed(out, "paused_weeks", "week_start", self.state.paused)
        self._keyed(out, "nudge_log", "key", self.state.nudges)
        return out

    def _follow_ups(self, out: Rows, contact: dict[int, int]) -> None:
        seen: set[tuple[int, date, str]] = set(self.state.follow_ups)
        for row in self.tables["follow_ups"]:
            key = (contact[row["contact"]], row["due_on"], row["note"])
            if key in seen:
                self.skipped["follow_ups"] += 1
                continue
            seen.add(key)
            out["follow_ups"].append({
                **row, "id": self._new_id("follow_ups"), "contact": key[0],
                "action": self.ids["actions"].get(row["action"] or 0),
                "event": self.ids["events"].get(row["event"] or 0)})

    def _keyed(self, out: Rows, table: str, key: str, present: set[Any]) -> None:
        for row in self.tables[table]:
            if row[key] in present:
                self.skipped[table] += 1
                continue
            present.add(row[key])
            self.added[table] += 1
            out[table].append(row)
