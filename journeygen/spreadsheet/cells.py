"""Spreadsheet cells <-> items: the ``text | key: value`` line grammar, escapes, and the formula guard."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from journeygen.spec.model import Evidence
from journeygen.spec.suggest import did_you_mean

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPES = {"\\": "\\", "|": "|", "n": "\n", "-": "-"}


_NUMBER = re.compile(r"-[0-9]+(?:\.[0-9]+)?")
"""A negative number: a spreadsheet reads it as the number it is, never as a formula."""


def guard(cell: str) -> str:
    """Neutralise a formula by a leading apostrophe; an apostrophe that would be ambiguous gets one too.
    A plain negative number (``-2``, an emotion score on -2..2) stays a number."""
    formula = cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell)
    if formula or (cell.startswith("'") and cell[1:2] in (*_FORMULA_START, "'")):
        return "'" + cell
    return cell


def unguard(cell: str) -> str:
    """Undo ``guard``: drop the apostrophe it added, and only that one."""
    if cell.startswith("'") and cell[1:2] in (*_FORMULA_START, "'"):
        return cell[1:]
    return cell


def escape(text: str) -> str:
    """Text -> one line of a cell: backslash, ``|`` and new lines escaped, a leading ``-`` too."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "\\n")
    return "\\" + out if out.startswith("-") else out


def unescape(text: str) -> str:
    """Undo ``escape``; a backslash before any other character stays as written."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and text[index + 1: index + 2] in _ESCAPES:
            out.append(_ESCAPES[text[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def split_bars(line: str) -> list[str]:
    """Split a line at ``|`` not preceded by a backslash escape."""
    parts, start, index = [], 0, 0
    while index < len(line):
        if line[index] == "\\":
            index += 2
            continue
        if line[index] == "|":
            parts.append(line[start:index])
            start = index + 1
        index += 1
    return [*parts, line[start:]]


def format_item(text: str, attrs: Iterable[tuple[str, object]]) -> str:
    """``Size quiz | owner: Web | due: 2026-03-31``; attributes without a value are left out."""
    parts = [escape(text)]
    parts += [f"{key}: {escape(str(value))}" for key, value in attrs if value is not None and value != ""]
    return " | ".join(parts)


def parse_item(line: str, allowed: Sequence[str]) -> tuple[str, dict[str, str]]:
    """One cell line -> its text and attributes; ValueError names an unknown or repeated attribute."""
    if not allowed:
        return unescape(line.strip()), {}
    first, *rest = split_bars(line)
    attrs: dict[str, str] = {}
    for part in rest:
        key, colon, value = part.partition(":")
        key = key.strip().lower().replace(" ", "_")
        if not colon or key not in allowed:
            hint = did_you_mean(key, allowed) if colon else ""
            raise ValueError(f"{part.strip()!r} is not an attribute{hint}; write `text | key: value` with key one of: "
                             f"{', '.join(allowed)} (a literal | is written \\|)")
        if key in attrs:
            raise ValueError(f"attribute {key!r} given twice")
        attrs[key] = unescape(value.strip())
    return unescape(first.strip()), attrs


def cell_lines(cell: str) -> list[str]:
    """The non-blank lines of a cell, each one item."""
    return [line for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


_EVIDENCE = re.compile(r"\s*(?P<source>[^\u201c<;]+?)\s*(?:\u201c(?P<quote>[^\u201d]*)\u201d)?"
                       r"\s*(?:<(?P<link>[^>]*)>)?\s*(?:;|$)")


def format_evidence(entries: Iterable[Evidence]) -> str:
    """Evidence in one attribute: ``Interview 7 \u201cI felt tricked\u201d <research/int-07.md>; Tickets``."""
    return "; ".join(e.cited for e in entries)


def parse_evidence(value: str) -> list[dict[str, str] | str]:
    """Undo ``format_evidence``: a bare source stays a string; text it cannot split is one source."""
    found: list[dict[str, str] | str] = []
    position = 0
    while position < len(value.rstrip()):
        match = _EVIDENCE.match(value, position)
        if match is None or match.end() == position:
            found.append(value[position:].strip())
            break
        parts = {k: v for k, v in match.groupdict().items() if v is not None}
        found.append(parts if len(parts) > 1 else parts["source"])
        position = match.end()
    return found
