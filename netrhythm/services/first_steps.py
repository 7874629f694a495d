"""The first steps on a new database, which the Week screen's welcome lists.

Three steps: add (or import) contacts, adjust the practices, log a first action. The welcome
shows while the database has no contact or no action, with only the steps left: an existing
user with contacts but nothing logged sees only "log a first action". Adjusting the practices
is offered only on a database with neither. Hiding the welcome is a setting (undoable, like
every setting).
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.services.context import Context
from netrhythm.storage import actions as action_store
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import settings as store

WELCOME_HIDDEN = "welcome_hidden"
STEPS = ("contacts", "practices", "log")


class FirstSteps(NamedTuple):
    """What a new user has done so far, and whether they hid the welcome."""

    has_contacts: bool
    has_actions: bool
    hidden: bool

    @property
    def left(self) -> tuple[str, ...]:
        """The steps still to do, in order (from ``STEPS``)."""
        todo = {"contacts": not self.has_contacts,
                "practices": not self.has_contacts and not self.has_actions,
                "log": not self.has_actions}
        return tuple(step for step in STEPS if todo[step])

    @property
    def show_welcome(self) -> bool:
        return not self.hidden and bool(self.left)


def first_steps(ctx: Context) -> FirstSteps:
    """The first steps as they stand (three cheap reads)."""
    return FirstSteps(contact_store.any_contact(), action_store.any_action(),
                      bool(store.get_setting(WELCOME_HIDDEN, False)))


def hide_welcome(ctx: Context, hidden: bool = True) -> str:
    """Hide (or show again) the welcome; one undoable change. Says what happened."""
    from netrhythm.storage.journal import change

    with change("hid the welcome" if hidden else "showed the welcome", ctx.now()):
        store.set_setting(WELCOME_HIDDEN, hidden)
    return "Welcome hidden." if hidden else "Welcome shown."
