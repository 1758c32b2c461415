"""A render's theme -> a warning naming each text colour that fails WCAG AA contrast on its background."""

from __future__ import annotations

from journeygen.theme.contrast import shortfalls
from journeygen.theme.model import Theme


def contrast_notes(theme: Theme) -> list[str]:
    """One line for the theme a render uses when any of its pairs is below WCAG AA; none when all pass."""
    found = shortfalls(theme)
    if not found:
        return []
    return [f"theme {theme.name!r} fails WCAG AA contrast in {len(found)} place(s): {'; '.join(found)} "
            "(set the text slot too, or see `journeygen themes FILE`)"]
