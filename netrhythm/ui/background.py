"""Run service calls off the UI thread and hand their results back to it.

``in_thread(node, job, done)`` runs ``job()`` in a Textual thread worker, then ``done(result)``
on the UI thread; ``failed(exc)`` gets any exception (by default a toast says what went wrong).
Workers in one group are exclusive: a newer call cancels an older one, whose result is then
dropped, so a slow old answer never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

T = TypeVar("T")


def error_text(exc: Exception, folder: Path | None = None) -> str:
    """What went wrong, as a user reads it: a full disk with its free space and folder (the
    file's, else ``folder``, else home), a file that could not be written or read with its
    path, else the error's own words."""
    from netrhythm.files.space import disk_full_cause, disk_full_message, folder_of

    full = disk_full_cause(exc)
    if full is not None:
        said = disk_full_message(folder_of(full, folder or Path.home()))
        return said[:1].upper() + said[1:] + "."
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return f"{exc.__class__.__name__}: {exc}"


def report_error(node: DOMNode, exc: Exception) -> None:
    ctx = getattr(node.app, "ctx", None)  # a full disk is most likely the database's
    path = ctx.location.path if ctx is not None else None
    node.app.notify(error_text(exc, path.parent if path else None),
                    title="Something went wrong", severity="error", markup=False, timeout=8)


def in_thread(node: DOMNode, job: Callable[[], T], done: Callable[[T], Any], *,
              group: str, failed: Callable[[Exception], Any] | None = None,
              exclusive: bool = True) -> Worker[None]:
    """Run ``job`` in a thread; deliver its result (or error) on the UI thread."""

    def deliver(callback: Callable[[], Any]) -> None:
        worker = get_current_worker()

        def on_ui_thread() -> None:
            if not worker.is_cancelled:
                callback()

        try:
            node.app.call_from_thread(on_ui_thread)
        except RuntimeError:  # the app is shutting down
            pass

    def run() -> None:
        try:
            result = job()
        except Exception as exc:  # shown to the user, never a crash
            handler = failed or partial(report_error, node)
            deliver(partial(handler, exc))
            return
        deliver(lambda: done(result))

    return node.run_worker(run, thread=True, group=group, exclusive=exclusive,
                           exit_on_error=False, name=group)
