"""Plain-text fields: numbers kept as written, control characters refused, ids slugged, names' initials."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints

MAX_TEXT = int(os.environ.get("JOURNEYGEN_MAX_TEXT", "") or 5000)

# C0 and C1 controls except tab and newline, DEL, lone surrogates, and the bidi override/embedding
# controls (U+202A-202E, U+2066-2069) that can make one label look like another.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _as_text(value: Any) -> Any:
    """Scalars that YAML read as numbers or booleans become the text the user wrote."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return getattr(value, "source", str(value))
    return value


def _clean(value: str) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(f"contains the control character U+{ord(bad.group()):04X}, which cannot be shown; remove it")
    return value.replace("\r\n", "\n").replace("\r", "\n")


Text = Annotated[str, BeforeValidator(_as_text), StringConstraints(max_length=MAX_TEXT), AfterValidator(_clean)]
"""A text field: shown literally in every output, never read as markup."""

Id = Annotated[str, BeforeValidator(_as_text), StringConstraints(pattern=r"^\w[\w.-]*$", max_length=100)]
"""An identifier: letters (any script), digits, ``_``, ``.`` and ``-``; no spaces or invisible characters."""


def slug(name: str) -> str:
    """``"Maria Popescu"`` -> ``"maria-popescu"``; keeps letters of every script."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[^\w]+", "-", folded).strip("-_")[:100]


_NICKNAME = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\"[^\"]*\"|\u201c[^\u201c\u201d]*\u201d|\u201e[^\u201c\u201d]*\u201d")
"""A nickname beside a name: in parentheses or brackets, or quoted ("Ania", “Ania”, „Ania”)."""


def initials(name: str) -> str:
    """A person's initials for an avatar: the first letters of the name's first two words, a nickname in
    parentheses or quotes left out: ``Anna (Ania) Nowak`` -> ``AN``, ``דנה (Dana) לוי`` -> ``דל``; else ``?``."""
    for text in (_NICKNAME.sub(" ", name), name):
        words = [w for w in (re.sub(r"\W+", "", part) for part in text.split()) if w]
        if words:
            return "".join(w[0] for w in words[:2]).upper()
    return "?"
