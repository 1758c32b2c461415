"""Spec text -> the same spec in canonical form (key order, indentation, short forms), comments kept.

YAML goes through ruamel.yaml's round-trip mode with a resolver that reads every plain scalar as
text, so each scalar is written back exactly as the user wrote it; meaning is decided by
journeygen's own loader, before and after, and a result that loads to a different Journey is
refused. JSON is re-indented with the same key order and short forms.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import yaml as pyyaml
from pydantic import BaseModel

from journeygen.authoring.comments import put_tail, take_tail
from journeygen.errors import RenderError, SpecError
from journeygen.readfile import read_limited
from journeygen.spec.build import build
from journeygen.spec.loader import Limits, _resolve_plain, decode, parse_text
from journeygen.spec.model import (
    CUSTOM_KEY,
    Action,
    Emotion,
    Idea,
    Journey,
    Lane,
    Metric,
    MicroJourney,
    MicroStep,
    Persona,
    Stage,
    Touchpoint,
    Transition,
)
from journeygen.spec.uses import resolve

Resolve = Callable[[Any], Any]
Shape = type[BaseModel] | tuple[type[BaseModel]]
"""A model (a mapping of that kind) or a one-tuple of a model (a list of them)."""

_CHILDREN: dict[type[BaseModel], dict[str, Shape]] = {
    Journey: {"personas": (Persona,), "persona": Persona, "lanes": (Lane,), "stages": (Stage,),
              "transitions": (Transition,)},
    Stage: {"actions": (Action,), "touchpoints": (Touchpoint,), "emotion": Emotion, "ideas": (Idea,),
            "metrics": (Metric,), "micro_journeys": (MicroJourney,)},
    MicroJourney: {"steps": (MicroStep,)},
}
# Values a YAML 1.1 reader (PyYAML, older editors) would not read as text although journeygen does.
_YAML11_TRAPS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:null")


OTHER = "*"
"""Where keys the model does not name (a stage's custom lanes) go in the canonical order."""


def key_order(model: type[BaseModel]) -> list[str]:
    """The canonical key order of a kind of mapping: the order of SPEC.md, which the model follows;
    a stage's custom lanes come right after the built-in lanes; a ``use:`` (a shared file) comes first."""
    keys = ["use", *(field.alias or name for name, field in model.model_fields.items()
                     if name not in (CUSTOM_KEY, "use"))]
    order = [k for key in keys for k in (("persona", key) if key == "personas" else (key,))]
    return [k for key in order for k in ((key, OTHER) if model is Stage and key == "metrics" else (key,))]


def _reorder(node: MutableMapping[Any, Any], model: type[BaseModel]) -> None:
    order = {key: rank for rank, key in enumerate(key_order(model))}
    other = order.get(OTHER, len(order))
    wanted = sorted(node, key=lambda key: order.get(key, other))  # stable: custom lanes keep their order
    if list(node) == wanted:
        return
    tail = take_tail(node) if wanted[-1] != list(node)[-1] and hasattr(node, "ca") else ""
    for key in wanted:
        if hasattr(node, "move_to_end"):
            node.move_to_end(key)  # ruamel's CommentedMap: the key's comments travel with it
        else:
            node[key] = node.pop(key)
    put_tail(node, tail)


def _short_value(node: Any, model: type[BaseModel], resolve: Resolve) -> Any | None:
    """The scalar a one-key mapping can be written as, or None when the long form must stay."""
    field = "score" if model is Emotion else getattr(model, "__short_field__", None)
    if field is None or not isinstance(node, dict) or list(node) != [field] or _has_own_comments(node):
        return None
    value = node[field]
    meant = resolve(value)
    if model is Emotion:
        return value if isinstance(meant, int) and not isinstance(meant, bool) else None
    return value if isinstance(meant, (str, int, float)) and not isinstance(meant, bool) else None


def _has_own_comments(node: Any) -> bool:
    """Comments inside a block mapping would be lost by a short form; a flow mapping's end-of-line
    comment is held by its parent too, so it survives."""
    if not hasattr(node, "ca"):
        return False
    return bool(node.ca.items) or (node.ca.comment is not None and not node.fa.flow_style())


def canonical(node: Any, shape: Shape, resolve: Resolve) -> Any:
    """``node`` (data of the given shape) in canonical form; mappings are changed in place."""
    if isinstance(shape, tuple):
        if isinstance(node, list):
            for index, item in enumerate(node):
                node[index] = canonical(item, shape[0], resolve)
        return node
    if shape is Emotion and isinstance(node, dict) and "score" not in node:
        for persona, emotion in node.items():
            node[persona] = canonical(emotion, Emotion, resolve)
        return node
    if not isinstance(node, dict):
        return node
    _reorder(node, shape)
    for key, child in _CHILDREN.get(shape, {}).items():
        if key in node:
            node[key] = canonical(node[key], child, resolve)
    short = _short_value(node, shape, resolve)
    return node if short is None else short


def plain_scalar(value: Any) -> Any:
    """How journeygen reads a scalar from the round-trip tree: plain ones by the YAML 1.2 core schema."""
    return _resolve_plain(value) if type(value) is str else value


def guard_yaml11(node: Any) -> None:
    """Quote plain text that a YAML 1.1 reader would take for a boolean or number (``No``, ``12:30``)."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if type(value) is str and isinstance(_resolve_plain(value), str) and _yaml11_tag(value) in _YAML11_TRAPS:
            node[key] = SingleQuotedScalarString(value)
        else:
            guard_yaml11(value)


def _yaml11_tag(value: str) -> str:
    resolver = pyyaml.resolver.Resolver()
    return str(resolver.resolve(pyyaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def round_trip_yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.resolver import VersionedResolver

    class _TextResolver(VersionedResolver):
        """Reads every plain scalar as text: journeygen's loader, not ruamel, decides what it means."""

        @property
        def versioned_resolver(self) -> dict[Any, Any]:
            return {}

    rt = YAML(typ="rt")
    rt.Resolver = _TextResolver
    rt.preserve_quotes = True
    rt.brace_single_entry_mapping_in_flow_sequence = True  # [{name: S}], not the surprising [name: S]
    rt.width = 100_000  # never re-wrap a line: long flow mappings and texts stay on one line
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def format_yaml(text: str) -> str:
    """YAML spec text in canonical form, every comment kept."""
    from ruamel.yaml.error import YAMLError

    rt = round_trip_yaml()
    try:
        tree = rt.load(text)
    except YAMLError as exc:
        raise RenderError(f"fmt cannot read this YAML: {exc}") from None
    tree = canonical(tree, Journey, plain_scalar)
    guard_yaml11(tree)
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


def format_json(text: str) -> str:
    """JSON spec text in canonical form: two-space indentation, canonical key order, short forms."""
    data = canonical(json.loads(text), Journey, lambda value: value)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_text(text: str, name: str, *, json_syntax: bool = False, base_dir: Path | None = None) -> str:
    """A valid spec's text in canonical form; raises SpecError if invalid, and refuses to change meaning.

    ``base_dir`` is the spec's folder, where the files its ``use:`` entries name are found."""
    text = text.removeprefix("\ufeff")  # a byte-order mark is not content; the loader drops it too
    before = build(resolve(parse_text(text, name, json_syntax=json_syntax, base_dir=base_dir)))
    result = format_json(text) if json_syntax else format_yaml(text)
    try:
        after = build(resolve(parse_text(result, name, json_syntax=json_syntax, base_dir=base_dir)))
    except SpecError:
        after = None
    if after != before:
        raise RenderError(f"{name}: formatting would change what the spec means, so it was left as it is; "
                          "please report this with the file")
    return result


def source_text(spec: str) -> str:
    """The text of a spec file (``-``: standard input), read within the size limit."""
    limits = Limits()
    return decode("<stdin>" if spec == "-" else spec, read_limited(spec, limits.max_bytes, confine=True), limits)
