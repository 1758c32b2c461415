"""Text -> the same text with what the bundled fonts cannot draw (emoji, Chinese, Thai ...) replaced by a mark.

The map is measured and drawn with the bundled DejaVu Sans only, so that it is the same on every
machine; a character it lacks would be an empty box in the PNG, nothing at all in the PDF, and in the
SVG a glyph of whatever font the viewer has, wider than the layout measured. It becomes U+FFFD (a
diamond with a question mark) instead: one for a whole emoji sequence, one for each letter with its
marks, and ``notes`` names the field and the characters. Controls, format characters (joiners, bidi
marks) and combining marks are left as written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeygen.spec.model import Journey

REPLACEMENT = "\ufffd"
_UNDRAWN = frozenset({"Cc", "Cf", "Mn", "Mc", "Me", "Zl", "Zp"})
"""Controls, format characters and marks: no glyph of their own is needed (a mark goes with its letter)."""
_ZWJ = 0x200D


@cache
def _fonts() -> tuple[Any, ...]:
    """The bundled faces (regular and bold) as HarfBuzz fonts, loaded on first use."""
    import uharfbuzz as hb  # type: ignore[import-untyped]

    from journeygen.layout.fonts import FONT_FILES

    return tuple(hb.Font(hb.Face(hb.Blob.from_file_path(str(path)))) for path in FONT_FILES.values())


@lru_cache(maxsize=1 << 14)  # bounded: a hostile spec may hold every code point there is
def _drawn(char: str) -> bool:
    """Whether both faces draw ``char``, or it needs no glyph of its own (one cmap look-up per distinct
    character: building the set of all 5,778 covered code points cost 3 ms at start-up)."""
    code = ord(char)
    regular, bold = _fonts()
    return ((regular.get_nominal_glyph(code) is not None and bold.get_nominal_glyph(code) is not None)
            or unicodedata.category(char) in _UNDRAWN)


def _attached(code: int) -> bool:
    """Variation selectors, skin tones, keycaps and tags: parts of the emoji before them."""
    return (0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or code == 0x20E3
            or 0xE0020 <= code <= 0xE007F)


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _cluster_end(text: str, index: int, regional: bool) -> int:
    """Where the emoji sequence or letter that starts just before ``index`` ends (ZWJ joins, modifiers, flag
    pairs, marks)."""
    while index < len(text):
        code = ord(text[index])
        if code == _ZWJ and index + 1 < len(text):
            index += 2
        elif _attached(code) or unicodedata.category(text[index])[0] == "M":
            index += 1
        elif regional and _regional(text[index]):
            index, regional = index + 1, False
        else:
            break
    return index


def clusters_missing(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each character the fonts cannot draw, with its marks, or emoji sequence."""
    index = 0
    while index < len(text):
        if _drawn(text[index]):
            index += 1
            continue
        end = _cluster_end(text, index + 1, _regional(text[index]))
        yield index, end
        index = end


def drawable(text: str) -> str:
    """``text`` with every character the bundled fonts lack replaced by U+FFFD (one per emoji sequence)."""
    if all(_drawn(char) for char in text):
        return text
    out, last = [], 0
    for start, end in clusters_missing(text):
        out += [text[last:start], REPLACEMENT]
        last = end
    return "".join([*out, text[last:]])


_NOT_DRAWN = frozenset({"id", "persona", "personas", "addresses", "triggers", "source", "target", "locale", "photo",
                        "theme", "author", "note"})
"""Fields whose text is never drawn: ids, references, file names, settings, the author (PDF metadata) and
emotion notes (tooltips, which keep the text as written)."""


def _texts(value: Any, path: str, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if key not in _NOT_DRAWN:
            yield path, value
    elif isinstance(value, dict):
        for name, inner in value.items():
            yield from _texts(inner, f"{path}.{name}" if path else str(name), str(name))
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from _texts(inner, f"{path}[{index}]", key)


def _runs(text: str) -> Iterator[str]:
    """Each run of characters the fonts cannot draw (``中文`` rather than ``中``, ``文``)."""
    start = end = -1
    for first, last in clusters_missing(text):
        if first != end:
            if end >= 0:
                yield text[start:end]
            start = first
        end = last
    if end >= 0:
        yield text[start:end]


def undrawable(journey: Journey) -> list[str]:
    """``stages[0].actions[1].text: 😀 (U+1F600)`` for each drawn text field holding what the fonts cannot draw."""
    found = []
    for path, text in _texts(journey.model_dump(mode="json", exclude_none=True), ""):
        runs = list(dict.fromkeys(_runs(text)))
        if runs:
            codes = ", ".join(f"{c} ({' '.join(f'U+{ord(x):04X}' for x in c)})" for c in runs)
            found.append(f"{path}: {codes}")
    return found


def notes(journey: Journey) -> list[str]:
    """One line naming every field and character the drawn map shows as U+FFFD; none when all is drawn."""
    found = undrawable(journey)
    if not found:
        return []
    return [f"the bundled fonts cannot draw these characters, shown as {REPLACEMENT} instead: {'; '.join(found)}"]
