"""The "With" field of the Log form: names typed with a list of choices under them.

While a name is typed, the list shows the contacts it may name and, unless it is exactly one,
"Create <name>"; ↑ and ↓ move the highlight. Enter (``enter``) takes the highlighted choice:
a name that was unique, a person to create, or one already complete lets the form save; an
ambiguous one is completed and waits for another Enter. A comma takes the highlighted choice
too and starts the next name. People to create are added with the action, in one change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.suggester import SuggestionReady
from textual.widgets import Input, OptionList

from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.form_field import FormField, TextInput
from netrhythm.ui.widgets.name_choices import Choice, Choices, NameChoices
from netrhythm.ui.widgets.suggest import split_last, split_names

HINT = "{log.choice-up}{log.choice-down} choose · Enter takes it · commas separate several"


class NameInput(TextInput):
    """A text input whose ↑ and ↓ move the highlight of the choices under it."""

    BINDINGS = [
        Binding("up", "move(-1)", "Previous choice", show=False, id="log.choice-up"),
        Binding("down", "move(1)", "Next choice", show=False, id="log.choice-down"),
    ]

    @dataclass
    class Moved(Message):
        delta: int

    def action_move(self, delta: int) -> None:
        self.post_message(self.Moved(delta))


class ChoiceList(OptionList, can_focus=False):
    """The choices for the name being typed (never focused: typing goes on in the input)."""


class WithField(FormField):
    """``With │ names``, a hint, and the choices for the name being typed."""

    DEFAULT_CSS = """
    WithField .field-note { width: 1fr; }
    WithField ChoiceList { margin-left: 14; height: auto; max-height: 4; border: none;
                           padding: 0; background: $surface; }
    WithField ChoiceList.-empty { display: none; }
    """

    def __init__(self, **kwargs: Any) -> None:
        control = NameInput(placeholder="names, separated by commas", id="contacts")
        self.keys_hint = say_keys(control, HINT)  # the user's keys for ↑ and ↓
        super().__init__("With", control, self.keys_hint, **kwargs)
        self.index = NameChoices()
        self.new_names: dict[str, str] = {}  # casefolded: as typed, people to create
        self._value = ""
        self._choices = Choices("")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield ChoiceList(id="with-choices", classes="-empty")

    @property
    def input(self) -> Input:
        return self.query_one("#contacts", Input)

    def set_names(self, tokens: Sequence[str], labels: Sequence[str]) -> None:
        self.index = NameChoices(tokens, labels)
        self._show(self.input.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        value, before = event.value, self._value
        self._value = value
        if value.endswith(",") and value[:-1] == before and not self._choices.settled:
            head, _ = split_last(before)
            self._set(head + self._take().token + ", ")
            return
        self._show(value)

    def on_name_input_moved(self, event: NameInput.Moved) -> None:
        event.stop()
        choices = self.query_one(ChoiceList)
        choices.action_cursor_down() if event.delta > 0 else choices.action_cursor_up()
        self._ghost()

    def enter(self) -> bool:
        """Take the highlighted choice; True when the form may save now."""
        choices = self._choices
        if choices.settled:
            return True
        chosen = self._take()
        head, _ = split_last(self.input.value)
        self._set(head + chosen.token)
        return chosen.new or len(choices.known) == 1

    def names(self) -> tuple[list[str], list[str]]:
        """The names typed: those naming contacts, and the people to create."""
        known, new = [], []
        for name in split_names(self.input.value):
            to_create = self.new_names.get(" ".join(name.split()).casefold())
            if to_create is not None and not self.index.choices(name).exact:
                new.append(to_create)
            else:
                known.append(name)
        return known, new

    def _take(self) -> Choice:
        """The highlighted choice (a person to create is remembered)."""
        highlighted = self.query_one(ChoiceList).highlighted
        items = self._choices.items
        if not items:
            return Choice(self._choices.typed, self._choices.typed)
        chosen = items[highlighted if highlighted is not None and highlighted < len(items)
                       else 0]
        if chosen.new:
            self.new_names[chosen.token.casefold()] = chosen.token
        return chosen

    def _set(self, value: str) -> None:
        self._value = value
        self.input.value = value
        self.input.cursor_position = len(value)
        self._show(value)

    def _show(self, value: str) -> None:
        self._choices = self.index.choices(split_last(value)[1])
        items = self._choices.items
        choices = self.query_one(ChoiceList)
        choices.set_options(Text(c.label, style="bold" if c.new else "") for c in items)
        shown = bool(items) and not (self._choices.exact and len(items) == 1)
        choices.set_class(not shown, "-empty")
        self.set_hint("" if shown else self.keys_hint)  # the list takes the hint's place
        if items:
            choices.highlighted = 0
        self._ghost()

    def _ghost(self) -> None:
        """The grey completion after the cursor is the highlighted choice, when it goes on
        from what is typed (the same name Enter would take); else there is none."""
        value = self.input.value
        head, typed = split_last(value)
        wanted, items = typed.casefold(), self._choices.items
        highlighted = self.query_one(ChoiceList).highlighted
        suggestion = ""
        if wanted and highlighted is not None and highlighted < len(items):
            chosen = items[highlighted]
            folded = chosen.token.casefold()
            if not chosen.new and folded.startswith(wanted) and folded != wanted:
                suggestion = head + chosen.token
        self.input.post_message(SuggestionReady(value, suggestion))
