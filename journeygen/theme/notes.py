"""A render's theme -> a warning naming each text colour that fails WCAG AA contrast on its background."""

from __future__ import annotations

from journeygen.render import RenderOptions
from journeygen.spec.model import Journey
from journeygen.theme.catalog import theme_for
from journeygen.theme.contrast import shortfalls


def contrast_notes(journey: Journey, options: RenderOptions) -> list[str]:
    """One line for the theme a render uses when any of its pairs is below WCAG AA; none when all pass."""
    theme = theme_for(journey, options)
    found = shortfalls(theme)
    if not found:
        return []
    return [f"theme {theme.name!r} fails WCAG AA contrast in {len(found)} place(s): {'; '.join(found)} "
            "(set the text slot too, or see `journeygen themes FILE`)"]
