"""What the command line prints, made safe for the terminal (and for whatever reads it).

While a command runs, standard output and standard error are wrapped so that everything
written to them, from any command, passes through one function,
:func:`netrhythm.domain.text.for_terminal`: control characters other than newline and tab,
bidi overrides and undecodable bytes come out as visible escapes, so a name that another
program wrote into the database, a column of an imported file or a file name in an error
message cannot retitle the window, move the cursor or reorder the line. An encoding that
cannot show a character (``LANG=C``, ``PYTHONIOENCODING=ascii``) gets a replacement
character instead of a crash. Data written for other programs (``export``, ``contacts export``
to a pipe or a file) goes out exactly, as UTF-8 bytes, through :func:`write_data`.

Failures to write (a full disk, ``> /dev/full``) become :class:`OutputError`, reported in one
line with exit code 1; a closed pipe (``| head``) ends the command quietly.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from netrhythm.domain.text import for_terminal

if TYPE_CHECKING:
    from typing import Any, TextIO


class OutputError(OSError):
    """Standard output could not be written; ``target`` is where it was going."""

    def __init__(self, exc: OSError, target: str) -> None:
        super().__init__(exc.errno, exc.strerror)
        self.target = target


def output_target() -> str:
    """Where standard output goes: a path (``/dev/full``, a file) or "standard output"."""
    try:
        return os.readlink(f"/proc/self/fd/{sys.__stdout__.fileno()}")  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        return "standard output"


class TerminalStream:
    """A text stream whose every write is escaped with :func:`for_terminal`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(for_terminal(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc, output_target()) from exc

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def write_data(text: str) -> None:
    """Data for another program (a JSON, vCard or CSV export) on standard output: exact UTF-8
    bytes to a pipe or a file; escaped like everything else when a person reads a terminal."""
    out = sys.stdout
    raw = out.stream if isinstance(out, TerminalStream) else out
    try:
        if raw.isatty() or not hasattr(raw, "buffer"):
            out.write(text)
            return
        raw.flush()
        raw.buffer.write(text.encode("utf-8"))
    except (BrokenPipeError, OutputError):
        raise
    except OSError as exc:
        raise OutputError(exc, output_target()) from exc


def finish() -> None:
    """Flush standard output now, so that a failure to write it is reported like any other
    failure (at exit, Python would print two lines of its own and exit with 120)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence()
    except OSError as exc:
        silence()
        raise OutputError(exc, output_target()) from exc


def silence() -> None:
    """Send what is still buffered for standard output nowhere: its reader is gone or its
    disk is full, and flushing it again at exit would fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


class _Warnings(logging.Handler):
    """``netrhythm: warning: …`` on standard error for what storage and services log."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"netrhythm: warning: {record.getMessage()}", file=sys.stderr)


@contextmanager
def terminal_streams() -> Iterator[None]:
    """Standard output and error escaped (and forgiving of encodings) for the block."""
    saved = sys.stdout, sys.stderr
    errors = getattr(sys.stdout, "errors", None)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    sys.stdout = TerminalStream(saved[0])  # type: ignore[assignment]
    sys.stderr = TerminalStream(saved[1])  # type: ignore[assignment]
    logger, handler = logging.getLogger("netrhythm"), _Warnings()
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        sys.stdout, sys.stderr = saved
        if errors and hasattr(sys.stdout, "reconfigure"):
            try:
                sys.stdout.reconfigure(errors=errors)
            except (OSError, ValueError):
                pass
