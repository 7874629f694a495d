"""Contrast of what a running app draws: each cell's character, colour and background, as the
compositor renders them (what the terminal would show), measured as WCAG 2 defines it.

Text (letters, digits, signs) needs 4.5:1 (AA for body text); drawn shapes that carry meaning
(the heat map's blocks, the ● overdue marks, bars) 3:1, WCAG's figure for graphics. Box-drawing
borders and spaces are not measured. Dim text (the key bar's keys that do nothing here) is
blended toward its background as Textual blends it, and measured like any text.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.filter import dim_color
from textual.geometry import Region

TEXT_RATIO = 4.5
GRAPHIC_RATIO = 3.0


class Cell(NamedTuple):
    """Text of one style on one background, where it was seen, and its contrast."""

    ratio: float
    needed: float
    text: str
    fg: str
    bg: str
    style: str


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def needed(char: str) -> float | None:
    """The ratio a character needs: text 4.5, a shape 3, a border or space nothing."""
    if char.isspace() or "\u2500" <= char <= "\u259f":  # box drawing, blocks (bars, heat map)
        return None
    if "\u25a0" <= char <= "\u25ff":  # shapes: the ● ◐ marks
        return GRAPHIC_RATIO
    return TEXT_RATIO if unicodedata.category(char)[0] in "LNPS" else None


def _rgb(color: RichColor | None) -> tuple[int, int, int] | None:
    if color is None or color.is_default:
        return None
    triplet = color.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def segment_cells(segment: Segment) -> tuple[str, tuple[int, int, int], tuple[int, int, int],
                                              Style] | None:
    style = segment.style or Style()
    fg, bg = style.color, style.bgcolor
    if style.reverse:
        fg, bg = bg, fg
    fg_rgb, bg_rgb = _rgb(fg), _rgb(bg)
    if fg_rgb is None or bg_rgb is None:
        return None
    if style.dim:
        fg_rgb = dim_color(RichColor.from_rgb(*bg_rgb), RichColor.from_rgb(*fg_rgb)).triplet
    return segment.text, tuple(fg_rgb), bg_rgb, style


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{v:02x}" for v in rgb)


def measure(app: App[object], region: Region | None = None) -> list[Cell]:
    """Every (character class, colour, background) drawn on the current screen (inside
    ``region`` if given), the worst contrast first."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens)
    assert isinstance(update, LayoutUpdate)
    seen: dict[tuple[object, ...], Cell] = {}
    for y, chops in enumerate(update.strips):
        x = 0
        for segment in (segment for strip in chops for segment in strip):
            width = segment.cell_length
            inside = region is None or (region.y <= y < region.bottom
                                        and x + width > region.x and x < region.right)
            found = segment_cells(segment) if inside else None
            x += width
            if found is None:
                continue
            text, fg, bg, style = found
            for char in text:
                need = needed(char)
                if need is None:
                    continue
                key = (fg, bg, need)
                if key not in seen:
                    seen[key] = Cell(round(contrast(fg, bg), 2), need, text.strip()[:30],
                                     _hex(fg), _hex(bg), str(style))
    return sorted(seen.values())


def failures(cells: list[Cell]) -> list[Cell]:
    return [cell for cell in cells if cell.ratio < cell.needed]
