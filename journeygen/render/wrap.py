"""Plain text -> lines of about a given width, broken only at single spaces so every character is kept."""

from __future__ import annotations

import re

_SPACE = re.compile(r"(?<! ) (?! )")
"""Lines wrap only at a single space, so the drawn words keep every character of the spec."""


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters where possible; explicit newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        first, *rest = _SPACE.split(paragraph)
        line = first
        for word in rest:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}"
        lines.append(line)
    return lines
