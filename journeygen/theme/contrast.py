"""Colours -> WCAG 2 contrast ratios, and nudging a derived colour until it is readable."""

from __future__ import annotations

from collections.abc import Sequence

from journeygen.theme.colour import darken, lighten, rgb
from journeygen.theme.model import GRAPHIC_PAIRS, TEXT_PAIRS, Theme

AA_TEXT = 4.5
"""WCAG AA minimum for normal-size text."""
AA_GRAPHICS = 3.0
"""WCAG AA minimum for graphical objects (curves, markers) against their background."""


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) .. 1 (white)."""
    r, g, b = (_linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 .. 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str, backgrounds: Sequence[str], minimum: float = AA_TEXT) -> str:
    """``colour``, darkened on light backgrounds (lightened on dark) just enough to reach ``minimum``."""
    light = sum(luminance(bg) for bg in backgrounds) / len(backgrounds) > 0.18
    for step in range(21):
        candidate = darken(colour, step / 20) if light else lighten(colour, step / 20)
        if min(ratio(candidate, bg) for bg in backgrounds) >= minimum:
            return candidate
    return candidate


def best_text(background: str, choices: Sequence[str]) -> str:
    """Whichever of ``choices`` contrasts most with ``background``."""
    return max(choices, key=lambda c: ratio(c, background))


def shortfalls(theme: Theme) -> list[str]:
    """Every text pair below 4.5:1 and every curve or marker below 3:1, as readable lines."""
    out = []
    for table, minimum in ((TEXT_PAIRS, AA_TEXT), (GRAPHIC_PAIRS, AA_GRAPHICS)):
        for fg_slot, bg_slot, fg, bg in theme.pairs(table):
            if ratio(fg, bg) < minimum:
                out.append(f"{fg_slot} {fg} on {bg_slot} {bg}: contrast {ratio(fg, bg):.2f}:1, "
                           f"below the WCAG AA minimum of {minimum:g}:1")
    return out
