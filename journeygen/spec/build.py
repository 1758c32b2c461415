"""A parsed Document -> a validated Journey, or every problem mapped back to file:line:col."""

from __future__ import annotations

import copy
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeygen.errors import Problem, SpecError, excerpt
from journeygen.spec.checks import Finding, check
from journeygen.spec.explain import at, colon_text, comma_split, comment, id_for_name
from journeygen.spec.loader import Document, PathKey, format_path
from journeygen.spec.model import CUSTOM_KEY, DANGLING, EMOTION_TAGS, UNCHECKED_REFERENCES, Journey, Stage
from journeygen.spec.suggest import did_you_mean
from journeygen.spec.text import MAX_TEXT

_MESSAGES = {
    "missing": "missing required field {field!r}",
    "model_type": "expected a mapping (key: value), got {kind}",
    "model_attributes_type": "expected a mapping (key: value), got {kind}",
    "dict_type": "expected a mapping (key: value), got {kind}",
    "tuple_type": "expected a list, got {kind}",
    "string_type": "expected text, got {kind}",
    "bool_type": "expected true or false, got {kind}",
    "bool_parsing": "expected true or false, got {kind}",
    "string_pattern_mismatch": "an id may hold letters, digits, '_', '.' and '-' only "
                               "(no spaces or invisible characters), got {value!r}",
    "string_too_long": f"text longer than {MAX_TEXT} characters (raise JOURNEYGEN_MAX_TEXT if this is intended)",
    "date_from_datetime_parsing": "expected a date like 2026-03-31, got {value!r}",
    "date_parsing": "expected a date like 2026-03-31, got {value!r}",
    "date_type": "expected a date like 2026-03-31, got {kind}",
    "less_than_equal": "expected a number no greater than {le}, got {value}",
    "greater_than_equal": "expected a number no less than {ge}, got {value}",
    "literal_error": "expected {expected}, got {value!r}",
    "too_short": "needs at least {min_length} item(s), got none",
    "too_long": "holds more than {max_length} items (raise {limit} if this is intended)",
}


FileCheck = Callable[[Journey, Path], tuple[list[Finding], list[Problem]]]
"""Findings about the files a valid Journey names, and the problems inside them (see journeygen.validate)."""


def build(doc: Document, files: FileCheck | None = None) -> Journey:
    """Validate the document's data (and with ``files``, what it names); raise SpecError with every problem."""
    try:
        journey = Journey.model_validate(doc.data)
    except ValidationError as exc:
        findings, pruned = checks_despite(doc.data)
        problems = [*validation_problems(doc, exc), *(_found(doc, f) for f in findings),
                    *_file_problems(doc, pruned, files)]
        raise SpecError(list(dict.fromkeys(problems))) from None  # a problem may be found twice
    problems = [*(_found(doc, f) for f in check(journey, doc.data)), *_file_problems(doc, journey, files)]
    if problems:
        raise SpecError(problems)
    return journey


def _file_problems(doc: Document, journey: Journey | None, files: FileCheck | None) -> list[Problem]:
    """What ``files`` finds wrong with the photos and theme a (perhaps pruned) journey names."""
    if journey is None or files is None or doc.base_dir is None:
        return []
    findings, inside = files(journey, doc.base_dir)
    return [*(_found(doc, f) for f in findings), *inside]


def checks_despite(data: Any, rounds: int = 3) -> tuple[list[Finding], Journey | None]:
    """The cross-reference findings (dangling and duplicate ids, scores off the scale) of ``data`` without the
    values pydantic rejects, so that one run reports every kind, and the Journey they were found in; no
    Journey when that would mean dropping a whole persona, stage or transition."""
    pruned = copy.deepcopy(data)
    off_scale: list[Finding] = []  # found before the references, which need the scores out of the way
    for _ in range(rounds):
        try:
            journey = Journey.model_validate(pruned)
        except ValidationError as exc:
            errors = _real(exc.errors())
            if all(e["type"] == DANGLING for e in errors):  # only findings left: the ones sought
                found = [finding for e in errors for finding in e["ctx"]["findings"]]
                if not any(f.scale for f in found):
                    return _with_duplicates(off_scale + found, pruned)
                off_scale += found
                targets = [_innermost_key(pruned, f.path[:f.path.index("emotion") + 1]) for f in found]
            else:
                targets = [_target(pruned, e) for e in errors]
            if None in targets:
                return off_scale, None
            for node, key in filter(None, targets):
                node.pop(key, None)
            continue
        return off_scale + check(journey, pruned), journey
    return off_scale, None


def _with_duplicates(found: list[Finding], data: Any) -> tuple[list[Finding], Journey | None]:
    """``found`` (dangling references among them) and the duplicate ids of the Journey they dangle in."""
    try:
        journey = Journey.model_validate(data, context=UNCHECKED_REFERENCES)
    except ValidationError:
        return found, None
    return found + check(journey, data), journey


def _target(data: Any, error: ErrorDetails) -> tuple[dict[Any, Any], Any] | None:
    """What to drop so that ``error`` goes away: an unknown key wherever it is, else the innermost key."""
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        parent = at(data, source_path(loc[:-1], data)) if loc[:-1] else data
        if isinstance(parent, dict) and loc[-1] in parent:
            return parent, loc[-1]
    return _innermost_key(data, loc)


def _innermost_key(data: Any, loc: tuple[int | str, ...]) -> tuple[dict[Any, Any], Any] | None:
    """The innermost mapping and key the user wrote on the way to ``loc``, if it lies inside a list item."""
    node, found, depth = data, None, 0
    for part in loc:
        if isinstance(node, dict) and part in node:
            found = (node, part) if depth >= 2 else None
            node, depth = node[part], depth + 1
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node, depth = node[part], depth + 1
    return found


def validation_problems(doc: Document, exc: ValidationError, model: type[BaseModel] = Journey) -> list[Problem]:
    """Every error pydantic found validating ``doc`` against ``model``, at its place in the file."""
    errors = _real(exc.errors(include_url=False))
    paths = [(source_path(tuple(e["loc"]), doc.data), e["type"]) for e in errors]
    missing = {path[:-1] for path, kind in paths if kind == "missing"}
    unknown = {path[:-1] for path, kind in paths if kind == "extra_forbidden"}
    colons = {path: colon_text(at(doc.data, path)) for path in missing & unknown}
    return [problem for err, (path, kind) in zip(errors, paths, strict=True)
            if not (kind == "extra_forbidden" and colons.get(path[:-1]))
            for problem in _problems(doc, err, model, colons.get(path[:-1], ""))]


def _problems(doc: Document, err: ErrorDetails, model: type[BaseModel], colon: str) -> list[Problem]:
    """One error's problems: a dangling-reference error carries one finding per id, each placed on its own."""
    if err["type"] == DANGLING:
        return [_found(doc, f) for f in err["ctx"]["findings"]]
    return [_problem(doc, err, model, colon)]


def _real(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop pydantic's "too short after validation" echoes of errors inside the same list."""
    locs = [tuple(e["loc"]) for e in errors]
    return [e for e in errors if e["type"] != "too_short"
            or not any(len(loc) > len(e["loc"]) and loc[:len(e["loc"])] == tuple(e["loc"]) for loc in locs)]


def _found(doc: Document, finding: Finding) -> Problem:
    """A finding at its place; a score's path ends at ``score``, the score itself when written bare."""
    path = source_path(finding.path, doc.data)
    return _at(doc, _existing(doc, path) if finding.scale else path, finding.message, key=finding.at_key)


def _at(doc: Document, path: PathKey, message: str, *, key: bool = False) -> Problem:
    line, col = doc.positions.key(path) if key else doc.positions.value(path)
    return Problem(doc.name, line, col, format_path(path), message)


def source_path(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """A pydantic error location -> the path of the same place in the user's file."""
    out: list[str | int] = []
    for part in loc:
        if part in EMOTION_TAGS and out and out[-1] == "emotion":
            continue
        if part == CUSTOM_KEY and len(out) == 2 and out[0] == "stages":
            continue
        out.append(part)
    if out[:1] == ["personas"] and isinstance(data, dict) and "persona" in data and "personas" not in data:
        out = ["persona", *out[2:]]
    return tuple(out)


def _problem(doc: Document, err: ErrorDetails, model: type[BaseModel], colon: str = "") -> Problem:
    path = source_path(tuple(err["loc"]), doc.data)
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(path[-1])
        cause = comma_split(doc, path) or _hint(err["loc"], key, doc.data, model)
        return _at(doc, path, f"unknown key {excerpt(key)!r}{cause}", key=True)
    if kind == "missing":
        return _at(doc, path[:-1], _MESSAGES[kind].format(field=path[-1]) + colon)
    value = err.get("input")
    if kind == "too_long" and isinstance(value, str):
        kind = "string_too_long"
    template = _MESSAGES.get(kind)
    limit = "JOURNEYGEN_MAX_STAGES" if path == ("stages",) else "JOURNEYGEN_MAX_ITEMS"
    message = template.format(kind=_kind(value), value=excerpt(value), limit=limit, **err.get("ctx", {})) if template \
        else err["msg"]
    if kind == "string_pattern_mismatch":
        message = _name_for_id(doc, path, value) or message
    elif kind == "string_type":
        message += colon_text(value) or comment(doc, path)
    return _at(doc, _existing(doc, path), message.removeprefix("Value error, "))


def _name_for_id(doc: Document, path: PathKey, value: Any) -> str:
    """``persona: Radu Petrescu`` (or a stage's name in a transition): name the id to write instead."""
    if path[-1:] == ("persona",) or (path[-1:] == ("[key]",) and "emotion" in path):
        return id_for_name(doc.data, "personas", value)
    return id_for_name(doc.data, "stages", value) if path[:1] == ("transitions",) else ""


def _existing(doc: Document, path: PathKey) -> PathKey:
    """The longest part of ``path`` that the user actually wrote (``emotion``, not ``emotion.score``)."""
    for end in range(len(path), 0, -1):
        if path[:end] in doc.positions.values or path[:end] in doc.positions.keys:
            return path[:end]
    return path


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'source', value)}"
    if isinstance(value, str):
        return f"the text {excerpt(value)!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def _hint(loc: tuple[int | str, ...], key: str, data: Any, root: type[BaseModel]) -> str:
    if root is Journey and loc == ("persona",):
        return "; give either `persona` (one mapping) or `personas` (a list), not both"
    allowed = _fields_at(loc[:-1], root)
    if allowed and Stage.model_fields.keys() <= set(allowed):
        lanes = data.get("lanes") if isinstance(data, dict) else None
        custom = [lane.get("id") for lane in lanes or [] if isinstance(lane, dict)]
        allowed = [*allowed, *[c for c in custom if isinstance(c, str) and c not in allowed]]
        allowed.remove(CUSTOM_KEY)
        # An unknown stage key is as often an undeclared custom lane as a typo: only a close match is a
        # hint (at difflib's default, `feelings` would suggest `links`).
        hint = did_you_mean(key, allowed, cutoff=0.7)
        return hint or f"; a stage takes {', '.join(allowed)} (declare a custom lane in `lanes` to add one)"
    hint = did_you_mean(key, allowed)
    return hint or (f"; expected one of: {', '.join(allowed)}" if allowed else "")


def _fields_at(loc: tuple[int | str, ...], root: type[BaseModel]) -> list[str]:
    """The keys the model accepts at an error location (aliases where set)."""
    model = root
    for part in loc:
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        if field is None:
            continue
        inner = _model_in(field.annotation)
        if inner is None:
            return []
        model = inner
    fields = [f.alias or name for name, f in model.model_fields.items()]
    return fields + (["persona"] if model is Journey else [])


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
