"""Peewee models mirroring the schema the migrations build (a test diffs the two).

``database`` is a proxy: :func:`netrhythm.storage.db.open_database` points it at the SQLite
file's database or at a PostgreSQL server's (:mod:`netrhythm.storage.server`)."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from netrhythm.storage.connection import GuardedDatabase

file_database = GuardedDatabase(None)  # a SQLite file's, once opened
database = DatabaseProxy()
database.initialize(file_database)


class Base(Model):
    id = AutoField()

    class Meta:
        database = database
        legacy_table_names = False


class Practice(Base):
    name = TextField()
    slug = CharField(unique=True)
    prompt = TextField(default="")
    target = IntegerField()
    period_weeks = IntegerField(default=1)
    reciprocity = CharField(default="neutral")
    position = IntegerField(default=0)
    archived = BooleanField(default=False)
    created_on = DateField()


class Event(Base):
    name = TextField()
    held_on = DateField(index=True)
    location = TextField(default="")
    url = TextField(default="")
    notes = TextField(default="")
    created_on = DateField()
    last_day = DateField(null=True)  # the last day it covers; None: one day
    starts_at = TextField(null=True)  # "2026-03-12T18:30:00Z" (UTC), or a wall time; None: all day
    ends_at = TextField(null=True)  # exclusive, like starts_at
    tz = TextField(default="")  # the zone its calendar named: IANA name, "UTC" or ""
    uid = TextField(null=True)  # the calendar's UID; None: typed by hand
    recurrence_id = TextField(default="")  # "" for an event that does not repeat
    sequence = IntegerField(default=0)  # the calendar's SEQUENCE
    cancelled = BooleanField(default=False)
    revision = IntegerField(default=0)  # rises with every change (exported as SEQUENCE)


class Contact(Base):
    name = TextField()
    company = TextField(default="")
    role = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    url = TextField(default="")
    how_met = TextField(default="")
    met_at = ForeignKeyField(Event, null=True, on_delete="SET NULL", column_name="met_at_id")
    met_on = DateField(null=True)
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    archived = BooleanField(default=False)
    created_on = DateField()
    connected_on = DateField(null=True)  # LinkedIn's "Connected On": a fact, never a contact
    last_contact_on = DateField(null=True)  # a last contact given by the user (--last-contact)
    cadence_from = DateField(null=True)  # the day the cadence started for them (domain.cadence)
    first_due_on = DateField(null=True)  # when due if not talked to since then (domain.spread)


class Tag(Base):
    name = TextField(unique=True)
    cadence_days = IntegerField(null=True)
    cadence_set_on = DateField(null=True)  # the day its cadence was set


class ContactTag(Base):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")


class Action(Base):
    practice = ForeignKeyField(Practice, on_delete="CASCADE")
    occurred_on = DateField()
    day = IntegerField()  # occurred_on.toordinal(): weeks are grouped on it in SQL
    occurred_at = TextField(null=True)  # "HH:MM", optional
    note = TextField(default="")
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    created_at = DateTimeField()


class ActionContact(Base):
    action = ForeignKeyField(Action, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    day = IntegerField()  # the action's day, copied so "last contact" is one index seek


class FollowUp(Base):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    due_on = DateField()
    note = TextField(default="")
    done_on = DateField(null=True)
    action = ForeignKeyField(Action, null=True, on_delete="SET NULL")
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    created_on = DateField()
    revision = IntegerField(default=0)  # rises with every change (exported as SEQUENCE)


class WeekReview(Base):
    week_start = DateField(unique=True)
    reflection = TextField(default="")
    written_at = DateTimeField()


class Setting(Base):
    key = CharField(unique=True)
    value = TextField()  # JSON


class PausedWeek(Base):
    week_start = DateField(unique=True)


class NudgeLog(Base):
    """One row per nudge key; ``state`` and its columns: migrations/0003_nudge_states.py."""

    key = CharField(unique=True)
    sent_at = DateTimeField()  # first claimed
    title = TextField()
    message = TextField()
    delivered_via = CharField()
    state = CharField(default="delivered")
    claimed_by = TextField(null=True)  # pid@host, while claimed
    claimed_at = DateTimeField(null=True)
    delivered_at = DateTimeField(null=True)
    server_id = IntegerField(null=True)  # the notification server's id, to withdraw it by
    printed_at = DateTimeField(null=True)
    attempts = IntegerField(default=1)
    last_error = TextField(null=True)
    withdrawn_at = DateTimeField(null=True)
    part_of = TextField(null=True)  # the key of the summary nudge that carried this one
    named = TextField(null=True)  # JSON ids of the contacts a gone-cold nudge named


class Change(Base):
    description = TextField()
    created_at = DateTimeField()
    machine = TextField(default="")  # the machine that made it; "" before schema 6


class ChangeRow(Base):
    """One row written by a change: what undo needs to revert it (see storage.replay)."""

    change = ForeignKeyField(Change, on_delete="CASCADE")
    op = TextField()  # insert, update, delete, load
    tbl = TextField()
    row_id = IntegerField(null=True)
    last_id = IntegerField(null=True)  # an id range's last id (bulk insert)
    old = TextField(null=True)  # the old row as JSON (update, delete)


MODELS = (
    Practice, Event, Contact, Tag, ContactTag, Action, ActionContact, FollowUp,
    WeekReview, Setting, PausedWeek, NudgeLog, Change, ChangeRow,
)
