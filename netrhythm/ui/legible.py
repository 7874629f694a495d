"""Theme colours made readable: text on every background the app draws it on reaches WCAG AA.

Textual builds each theme's variables (``$text-muted``, ``$text-accent``, the key bar's key
colour, the highlighted row's text) from a few base colours; in some themes they land under
4.5:1 against the backgrounds the app uses (``$background``, ``$surface``, ``$panel``, the
key bar, the tinted rows). :func:`legible_variables` moves each text colour toward white or
black, whichever the backgrounds leave room for, only as far as needed, so every theme keeps
its look; the highlighted row becomes a tint of ``$primary`` as strong as its texts allow; the
panels' borders (``$panel-border``) get WCAG's 3:1 for graphics. The app's coloured text uses
the ``$text-*`` variants (``$text-accent``), never ``$accent``, which is for borders.
``tests/ui/test_theme_contrast.py`` measures the result on the rendered screens.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.color import BLACK, WHITE, Color, ColorParseError

TARGET = 4.6  # WCAG AA asks 4.5:1 for body text; a little over, for rounding in terminals
TEXT_COLOURS = ("foreground", "text", "button-foreground", "text-primary", "text-secondary",
                "text-accent", "text-warning", "text-error", "text-success")
BACKGROUNDS = ("background", "surface", "panel")
TINTS = ("warning-muted",)  # headers of past weeks
CURSOR_ALPHA = 36  # percent at most


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(color: Color, backgrounds: Iterable[Color], target: float = TARGET) -> Color:
    """``color``, blended toward white or black until it reads on each background."""
    grounds = list(backgrounds)
    if all(contrast(color, ground) >= target for ground in grounds):
        return color
    extreme = max((WHITE, BLACK), key=lambda e: min(contrast(e, g) for g in grounds))
    for step in range(1, 21):
        candidate = color.blend(extreme, step / 20)
        if all(contrast(candidate, ground) >= target for ground in grounds):
            return candidate
    return extreme


def _muted_alpha(grounds: Iterable[Color], start: int) -> int:
    """The least opacity (percent) of the contrasting text colour that reads on each ground."""
    for percent in range(start, 101, 5):
        if all(contrast(g.blend(g.get_contrast_text(1), percent / 100), g) >= TARGET
               for g in grounds):
            return percent
    return 100


def legible_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """``variables`` (a theme's CSS variables) with its text colours made readable."""
    out = dict(variables)
    out["panel-border"] = variables.get("primary-muted", "ansi_blue")  # the panels' borders

    def colour(name: str) -> Color | None:
        try:
            parsed = Color.parse(variables[name])
        except (KeyError, ColorParseError):  # "auto 87%": Textual picks it per background
            return None
        return None if parsed.ansi is not None else parsed

    base = colour("background")
    primary = colour("primary")
    if base is None or primary is None:  # the ANSI themes: the terminal's own colours
        return out
    plain = [base] + [base + c for c in map(colour, BACKGROUNDS[1:]) if c is not None]
    grounds = plain + [base + c for c in map(colour, TINTS) if c is not None]
    met = colour("success-muted")
    if met is not None:  # practices met this week: $success-muted 20%
        grounds.append(base + met.multiply_alpha(0.2))
    texts = {name: readable(base + text, grounds) for name in TEXT_COLOURS
             if (text := colour(name)) is not None}
    # The highlighted row: a tint of the primary colour (on the solid one the coloured dates
    # and marks of a row cannot all read), as strong as the texts allow, fainter when its
    # list is not focused.
    lists = plain  # lists sit on $background or $surface; headers on $panel
    alpha = next((a / 100 for a in range(CURSOR_ALPHA, 9, -3)
                  if all(contrast(t, g + primary.with_alpha(a / 100)) >= TARGET
                         for t in texts.values() for g in lists)), 0.1)
    cursor = primary.with_alpha(alpha)
    out["block-cursor-background"] = cursor.hex
    out["block-cursor-blurred-background"] = primary.with_alpha(alpha / 2).hex
    out["block-cursor-foreground"] = out["block-cursor-blurred-foreground"] = "auto 95%"
    grounds += [g + cursor for g in lists]
    out.update({name: readable(text, grounds).hex for name, text in texts.items()})
    out["text-muted"] = f"auto {_muted_alpha(grounds, 60)}%"
    footer = colour("footer-background")
    for name in ("footer-key-foreground", "footer-foreground", "footer-description-foreground"):
        text = colour(name)
        if footer is not None and text is not None:
            out[name] = readable(base + text, [base + footer]).hex
    # Text on the primary colour (the dialogs' main button): the theme's, or the better of
    # black and white by WCAG's measure (Textual's "auto" picks by brightness: white on
    # atom-one-light's blue, 4.05:1 where black gives 5.2:1).
    on_primary = colour("button-color-foreground")
    best = max((WHITE, BLACK), key=lambda e: contrast(e, base + primary))
    out["button-color-foreground"] = readable(
        best if on_primary is None else base + primary + on_primary, [base + primary]).hex
    border = colour("primary-muted")
    if border is not None:  # the panels' borders: visible, WCAG's 3:1 for graphics
        out["panel-border"] = readable(base + border, plain, 3.0).hex
    return out
