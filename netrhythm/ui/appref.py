"""Typed access to the running netrhythm app and its context, for any widget or screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

from netrhythm.services.context import Context

if TYPE_CHECKING:
    from netrhythm.ui.app import NetrhythmApp


def app_of(node: DOMNode) -> NetrhythmApp:
    """The netrhythm app that ``node`` belongs to."""
    return cast("NetrhythmApp", node.app)


def ctx_of(node: DOMNode) -> Context:
    """The context (database and clock) of the app that ``node`` belongs to."""
    return app_of(node).ctx
