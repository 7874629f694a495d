"""Helpers for the app's Pilot tests: wait for workers, read what is on screen."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled


async def wait_for_workers(app: App[Any]) -> None:
    """Wait for each worker running now. A load cancelled meanwhile because a newer one of its
    exclusive group superseded it (that one shows the data) is no failure, unlike
    ``app.workers.wait_for_complete()``, which raises ``WorkerCancelled`` then."""
    for worker in list(app.workers):
        try:
            await worker.wait()
        except WorkerCancelled:
            pass


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and the screen catch up (no sleeping on the clock)."""
    app = pilot.app
    for _ in range(20):
        await pilot.pause()
        await wait_for_workers(app)
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0,
                     what: str = "the condition") -> float:
    """Poll ``condition`` while the app runs; seconds it took (fails after ``timeout``)."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.05)
        await wait_for_workers(pilot.app)
    return time.perf_counter() - start


def held_back(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> threading.Event:
    """Make the function ``owner.name`` (one a worker calls) wait until the event returned is
    set (at most 10 s): the app goes on meanwhile, as when a load is slow."""
    gate = threading.Event()
    call = getattr(owner, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return call(*args, **kwargs)

    monkeypatch.setattr(owner, name, waiting)
    return gate


async def focus_on(pilot: Pilot, widget_id: str) -> Widget:
    """Wait (a few message rounds, no workers) until the widget ``widget_id`` has focus."""
    for _ in range(50):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return focused
        await pilot.pause()
    raise AssertionError(f"#{widget_id} never got focus")


async def typing_replaces_loaded_name(pilot: Pilot, gate: threading.Event, loaded: str,
                                      typed: str) -> None:
    """A form whose record load ``gate`` holds back has just been opened: its empty name gets
    focus, the load then fills it with ``loaded``, and typing ``typed`` replaces it."""
    from textual.widgets import Input

    name = await focus_on(pilot, "name")
    assert isinstance(name, Input) and name.value == ""
    gate.set()
    await settle(pilot)
    assert name.value == loaded
    await type_text(pilot, typed)
    assert name.value == typed


def screen_text(pilot: Pilot) -> str:
    """The current screen as plain text, one line per row (what a user sees)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def widget_text(widget: Widget) -> str:
    """What ``widget`` shows, as plain text."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    await pilot.press(*text)


def layout_problems(pilot: Pilot) -> list[str]:
    """Widgets outside the screen, siblings that overlap, text cut off, a footer too long.

    What is inside a scrolling container may extend past it: it is reached by scrolling.
    """
    from textual.containers import ScrollableContainer
    from textual.widgets import Footer, Label, Static

    from netrhythm.ui.widgets.footer import AppFooter

    screen = pilot.app.screen
    area = screen.region
    problems = []
    shown = [w for w in screen.query("*") if w.display and w.visible and w.region.area]
    for widget in shown:
        scrolled = any(isinstance(a, ScrollableContainer) for a in widget.ancestors)
        if not scrolled and not area.contains_region(widget.region):
            problems.append(f"{widget!r} at {widget.region} is outside the screen {area}")
        kids = [c for c in widget.children if c in shown and c.styles.overlay != "screen"]
        for n, one in enumerate(kids):
            for other in kids[n + 1:]:
                if one.region.overlaps(other.region):
                    problems.append(f"{one!r} {one.region} overlaps {other!r} {other.region}")
        if isinstance(widget, Static | Label) and not scrolled:
            box = widget.content_region
            needed = widget.get_content_height(box.size, screen.size, box.width)
            if needed > box.height:
                problems.append(f"{widget!r} needs {needed} lines, has {box.height}")
        if isinstance(widget, Footer) and widget.virtual_size.width > widget.size.width:
            problems.append(f"the footer needs {widget.virtual_size.width} columns")
        if isinstance(widget, AppFooter) and widget.needed_width > widget.size.width:
            problems.append(f"the footer needs {widget.needed_width} columns")
    return problems
