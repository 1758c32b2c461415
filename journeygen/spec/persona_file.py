"""A persona file (``*.persona.yaml``) -> the Document of a journey holding its personas, to render alone.

The file holds one persona mapping, or ``personas:`` with several, as a map's ``use:`` reads it. Its
positions are kept, so a problem is reported at its line in the persona file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from journeygen.spec.loader import Document, PathKey, Positions

PERSONA_SUFFIXES = (".persona.yaml", ".persona.yml", ".persona.json")


def is_persona_file(name: str) -> bool:
    """Whether ``name`` is a persona file by its suffix."""
    return name.lower().endswith(PERSONA_SUFFIXES)


def persona_document(doc: Document) -> Document:
    """The journey Document whose personas are the file's and whose one stage is named after them."""
    data = doc.data
    prefix: PathKey
    if isinstance(data, dict) and "personas" in data:
        people, prefix = data["personas"], ()
        rest = {k: v for k, v in data.items() if k != "personas"}
    else:
        people, prefix, rest = [data], ("personas", 0), {}
    names = [p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)] \
        if isinstance(people, list) else []
    title = " · ".join(names) or "Personas"
    journey: dict[str, Any] = {"title": title, "personas": people, "stages": [{"name": title}], **rest}
    return replace(doc, data=journey, positions=_prefixed(doc.positions, prefix))


def _prefixed(positions: Positions, prefix: PathKey) -> Positions:
    if not prefix:
        return positions
    return Positions({(*prefix, *p): pos for p, pos in positions.values.items()},
                     {(*prefix, *p): pos for p, pos in positions.keys.items()})
