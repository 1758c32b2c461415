"""A problem, the spec's data and its text -> what a newcomer most likely wrote, and how to write it instead.

YAML reads some plain text as structure: a comma in ``{...}`` splits it, ``: `` makes a mapping, ``#``
starts a comment, a ``- `` line indented under text continues that text. Each hint names the cause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from journeygen.errors import Problem
from journeygen.spec.loader import Document, PathKey, format_path
from journeygen.spec.text import slug


def at(data: Any, path: PathKey) -> Any:
    """The value at ``path`` in the data, or None."""
    for part in path:
        if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            continue
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _line(doc: Document, number: int) -> str:
    return doc.lines[number - 1] if 0 < number <= len(doc.lines) else ""


def _quoted(text: str) -> str:
    import json  # only a hint being written needs it

    return json.dumps(text, ensure_ascii=False)


def comma_split(doc: Document, path: PathKey) -> str:
    """`` {description: Returning customer, 29}`` gives a key ``29``: the comma ended the text before it."""
    parent, key = at(doc.data, path[:-1]), path[-1]
    if not isinstance(parent, dict) or parent.get(key, "") is not None:
        return ""
    line, col = doc.positions.key(path)
    before = _line(doc, line)[:col - 1].rstrip()
    keys = list(parent)
    index = keys.index(key)
    if not before.endswith(",") or index == 0:
        return ""
    previous = keys[index - 1]
    start_line, start_col = doc.positions.value((*path[:-1], previous))
    if start_line != line or not isinstance(parent[previous], str):
        return ""
    whole = _line(doc, line)[start_col - 1:col - 1 + len(str(key))]
    return (f": the comma before it ended the text of {previous!r}; to keep the comma, quote the text: "
            f"{previous}: {_quoted(whole)}")


def colon_text(value: Any) -> str:
    """``- Wait: too long`` is a mapping ``{Wait: too long}``: the ``: `` made it one. ``use: ...`` is meant as
    a mapping (a ``use:`` entry left unresolved): no hint for it."""
    if not isinstance(value, dict) or len(value) != 1:
        return ""
    (key, inner), = value.items()
    if isinstance(inner, (dict, list)) or not isinstance(key, str) or key == "use":
        return ""
    text = f"{key}: {'' if inner is None else getattr(inner, 'source', inner)}".rstrip()
    return f": the ': ' in it made YAML read a key and a value; to keep it as text, quote it: {_quoted(text)}"


def comment(doc: Document, path: PathKey) -> str:
    """``name: # TODO`` is empty: a ``#`` after a space starts a comment."""
    line, col = doc.positions.value(path)
    rest = _line(doc, line)[col - 1:].lstrip()
    if not rest.startswith("#") or at(doc.data, path) is not None:
        return ""
    return f": the text after '#' was read as a comment; to keep it, quote it: {_quoted(rest)}"


def id_for_name(data: Any, kind: str, value: Any) -> str:
    """``persona: Radu Petrescu`` names a persona where its id is wanted: say which id."""
    items = at(data, (kind,))
    if kind == "personas" and items is None:
        items = [at(data, ("persona",))]
    if not isinstance(value, str) or not isinstance(items, list):
        return ""
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str) and slug(item["name"]) == slug(value):
            ident = item.get("id") or slug(item["name"])
            return f"{value!r} is the name of a {kind.removesuffix('s')}; refer to it by its id: {ident}"
    return ""


def warnings(doc: Document) -> list[Problem]:
    """What parsed but probably is not what was meant: text lost to a ``#`` comment, a list item merged
    into the text above it."""
    return sorted([*_comments(doc), *_merged_items(doc)])


def _comments(doc: Document) -> Iterator[Problem]:
    for path, (line, col) in doc.positions.values.items():
        hint = comment(doc, path) if path and not isinstance(path[-1], int) else ""
        if hint:
            yield Problem(doc.name, line, col, format_path(path), "empty" + hint)


def _merged_items(doc: Document) -> Iterator[Problem]:
    lines = doc.lines
    for path, (line, col) in doc.positions.values.items():
        value = at(doc.data, path)
        if not isinstance(value, str) or " - " not in value or line > len(lines):
            continue
        if lines[line - 1][col - 1:].strip() in (value, ""):
            continue
        for number in range(line + 1, min(len(lines), line + value.count(" ") + 1) + 1):
            nested = lines[number - 1].strip()
            if nested.startswith("- ") and nested in value:
                yield Problem(doc.name, line, col, format_path(path),
                              f"line {number} ({nested!r}) is indented under line {line} and became part of its "
                              f"text, {value!r}; to make it an item of its own, line it up with line {line}")
                break
