"""New spec data -> YAML text in canonical form: fresh, or merged into an existing spec keeping its comments.

An importer (a workshop sheet coming back) produces plain data. Written fresh it goes through
``fmt``'s canonical form, so ``fmt --check`` passes on it; written over an existing map it is merged
into that file's round-trip tree: mappings keep their keys' comments, list items are matched by
``id`` (else by name or text, else by place), and a value that did not change keeps its spelling.
The result must load to the same Journey as the data, or nothing is written.
"""

from __future__ import annotations

import io
from typing import Any

from journeygen.authoring.fmt import canonical, format_text, guard_yaml11, plain_scalar, round_trip_yaml
from journeygen.errors import RenderError, SpecError
from journeygen.spec.build import build
from journeygen.spec.loader import parse_text
from journeygen.spec.model import Journey

_KEYS = ("id", "name", "text")
"""What identifies a list item across the two versions, in order of preference."""


def fresh(data_yaml: str, name: str) -> str:
    """YAML text written by an importer, in canonical form."""
    return format_text(data_yaml, name)


def merged(existing: str, data: dict[str, Any], name: str) -> str:
    """``existing`` spec text with ``data`` merged in: comments and unchanged spellings kept, canonical form."""
    from ruamel.yaml.error import YAMLError

    rt = round_trip_yaml()
    try:
        tree = rt.load(existing)
    except YAMLError as exc:
        raise RenderError(f"{name}: cannot merge into it, it is not YAML a map can be read from ({exc}); "
                          "use --force to replace it") from None
    if not isinstance(tree, dict):
        raise RenderError(f"{name}: cannot merge into it, it does not hold a map; use --force to replace it")
    tree = canonical(_merge(tree, data), Journey, plain_scalar)
    guard_yaml11(tree)
    out = io.StringIO()
    rt.dump(tree, out)
    text = out.getvalue()
    try:
        same = build(parse_text(text, name)) == Journey.model_validate(data)
    except SpecError:
        same = False
    if not same:
        raise RenderError(f"{name}: merging the sheet into it would not give the sheet's journey; "
                          "use --force to replace the file instead")
    return text


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new and k != "journeygen"]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else _node(value)
        return old
    if isinstance(old, list) and isinstance(new, list):
        return _merge_list(old, new)
    return old if plain_scalar(old) == new or old == new else _node(new)


def _node(value: Any) -> Any:
    """New data as round-trip nodes: numbers written plain, text that would read as something else quoted."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    if isinstance(value, dict):
        return {key: _node(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_node(inner) for inner in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and plain_scalar(value) != value:
        return SingleQuotedScalarString(value)
    return value


def _identity(item: Any) -> tuple[str, Any] | None:
    if isinstance(item, dict):
        return next(((key, str(item[key])) for key in _KEYS if key in item), None)
    return ("text", str(item)) if isinstance(item, str) else None


def _merge_list(old: list[Any], new: list[Any]) -> list[Any]:
    """Items matched by identity (else the item in the same place, if that one is gone) keep their node and
    its comments; the list takes the new order and length."""
    new_ids = [_identity(item) for item in new]
    by_identity: dict[tuple[str, Any] | None, Any] = {_identity(item): item for item in old}
    by_identity.pop(None, None)
    result = []
    for index, item in enumerate(new):
        base = by_identity.get(new_ids[index])
        if base is None and index < len(old) and (_identity(old[index]) is None
                                                   or _identity(old[index]) not in new_ids):
            base = old[index]
        result.append(_node(item) if base is None else _merge(base, item))
    del old[len(result):]
    for index, item in enumerate(result):
        if index >= len(old):
            old.append(item)
        elif old[index] is not item:
            old[index] = item  # in place: a comment after the item stays on its line
    return old
