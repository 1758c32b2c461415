"""The Journey model -> the JSON Schema editors check maps with: what `journeygen validate` accepts.

Pydantic writes the schema of the model's types; the rules here add what journeygen's own
validators accept on top of those types (text written as a number, ids filled in from names,
bare strings for mappings), in keywords that every editor's engine reads the same way (JSON
Schema draft 7 and later, ECMAScript patterns). Rules are keyed on the model's validators and
fields, never on field names, so a field added to the model appears here by itself. What a
schema cannot say (references between ids, custom lanes declared in `lanes`) stays with `validate`.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, TypeAdapter, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from journeygen.spec.model import BUILTIN_LANES, CUSTOM_KEY, Journey, Lane
from journeygen.spec.text import Text

SCHEMA_ID = "https://journeygen.dev/schema/v1.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Python's `\w` (letters and digits of every script, `_`) as a class that Python's `re` and
# ECMAScript read alike: ASCII exactly, Latin-1 letters, then every BMP character except spaces,
# controls, surrogates and invisible format characters (zero-width, bidi). Lenient on symbols only.
WORD_CLASS = (
    r"0-9A-Z_a-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u05ff"
    r"\u0606-\u061b\u061d-\u06dc\u06de-\u070e\u0710-\u088f\u0892-\u08e1\u08e3-\u167f\u1681-\u180d"
    r"\u180f-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufff8\ufffc-\uffff"
)
_TEXT_TYPES = ["string", "number", "boolean"]
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _validator(alias: Any, kind: type[BeforeValidator] | type[AfterValidator]) -> Callable[..., Any]:
    return next(meta.func for meta in typing.get_args(alias)[1:] if isinstance(meta, kind))


_AS_TEXT = _validator(Text, BeforeValidator)
"""Turns numbers and booleans into the text written: where it runs, those are text too."""
_CLEAN_TEXT = _validator(Text, AfterValidator)
"""Refuses control and bidi-override characters in text."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12, draft-7 compatible) of the spec format, from the pydantic model."""
    schema = Journey.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator)
    _tidy(schema)
    models = _models(Journey)
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            _short_form(models[name], definition)
    schema["$schema"] = DRAFT
    schema["$id"] = SCHEMA_ID
    schema["properties"]["persona"] = {"$ref": "#/$defs/Persona",
                                       "description": "A single persona (instead of `personas`)."}
    if "personas" in schema.get("required", ()):
        schema["required"].remove("personas")
        schema["oneOf"] = [{"required": ["personas"]}, {"required": ["persona"]}]
    _close_stages(schema, models)
    return schema


def _close_stages(schema: dict[str, Any], models: dict[str, type[BaseModel]]) -> None:
    """Without a custom lane in `lanes`, a stage takes its own keys only (so a typo is underlined).

    With one, any key may be a custom lane: which ones are declared is for `validate` to check.
    """
    stage = next(name for name, cls in models.items() if CUSTOM_KEY in cls.model_fields)
    stages, lanes = _field_of(Journey, models[stage]), _field_of(Journey, Lane)
    custom = {"type": "object", "required": ["id"], "properties": {"id": {"not": {"enum": list(BUILTIN_LANES)}}}}
    schema["if"] = {"required": [lanes], "properties": {lanes: {"contains": custom}}}
    keys = list(schema["$defs"][stage]["properties"])
    schema["else"] = {"properties": {stages: {"items": {"propertyNames": {"enum": keys}}}}}


def _field_of(model: type[BaseModel], inner: type[BaseModel]) -> str:
    """The key of ``model`` whose value holds ``inner`` models."""
    return next(field.alias or name for name, field in model.model_fields.items()
                if inner in _models_in(field.annotation))


def _models_in(annotation: Any) -> set[Any]:
    return {annotation, *(model for arg in typing.get_args(annotation) for model in _models_in(arg))}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told what journeygen's validators accept besides the declared type."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        json = super().function_before_schema(schema)
        function = schema["function"]
        if function["function"] is _AS_TEXT and json.get("type") == "string":
            json["type"] = list(_TEXT_TYPES)
        elif function["type"] == "no-info":
            _respell_choices(json, function["function"])
        return json

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        json = super().function_after_schema(schema)
        if schema["function"]["function"] is _CLEAN_TEXT:
            json["pattern"] = _text_pattern()
            json["patternErrorMessage"] = "control characters and bidi overrides cannot be shown; remove them"
        return json

    def chain_schema(self, schema: core_schema.ChainSchema) -> JsonSchemaValue:
        """Pydantic keeps only the first step of a chain; a pattern checked by a later step belongs here too."""
        json = super().chain_schema(schema)
        for step in schema["steps"][1:]:
            pattern = _inner_pattern(step)
            if pattern is not None:
                json["pattern"] = pattern
                json["patternErrorMessage"] = "letters, digits, '_', '.' and '-' only (no spaces)"
        return json

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        """Required are the keys the model reports missing, not those its validators fill in (ids)."""
        json = super().model_schema(schema)
        missing = _missing_keys(schema["cls"])
        if missing is not None and "required" in json:
            json["required"] = [key for key in json["required"] if key in missing]
            if not json["required"]:
                del json["required"]
        if CUSTOM_KEY in schema["cls"].model_fields and isinstance(json.get("additionalProperties"), dict):
            json["additionalProperties"] = {**_custom_lane_schema(schema["cls"]),
                                            **_described(json["additionalProperties"])}
        return json


def _respell_choices(json: Any, normalise: Callable[[Any], Any]) -> None:
    """Choices a validator normalises (``In progress`` -> ``in-progress``) get a pattern of those spellings.

    Completion still offers the canonical choices only; the pattern is derived by asking the validator.
    """
    if isinstance(json, list):
        for item in json:
            _respell_choices(item, normalise)
        return
    if not isinstance(json, dict):
        return
    choices = json.get("enum")
    if isinstance(choices, list) and choices and all(isinstance(c, str) for c in choices):
        spellings = [_spellings(normalise, choice) for choice in choices]
        if spellings != choices:
            canonical = {key: json.pop(key) for key in ("enum", "type") if key in json}
            json["anyOf"] = [canonical, {"type": "string", "pattern": f"^(?:{'|'.join(spellings)})$"}]
        return
    for value in json.values():
        _respell_choices(value, normalise)


def _spellings(normalise: Callable[[Any], Any], choice: str) -> str:
    """A pattern of the ways to write ``choice`` that ``normalise`` turns into it (case, separators)."""
    def reads(text: str) -> bool:
        try:
            return bool(normalise(text) == choice)
        except (ValueError, TypeError):
            return False

    if not re.fullmatch(r"[a-z0-9-]+", choice) or not reads(choice):
        return choice if re.fullmatch(r"[\w-]*", choice) else re.escape(choice)
    caseless = reads(choice.upper()) and reads(choice.title())
    separators = "".join(sep for sep in "- _" if reads(choice.replace("-", sep)))
    out = []
    for char in choice:
        if char == "-" and separators != "-":
            out.append(f"[{separators}]")
        elif caseless and char.isalpha():
            out.append(f"[{char.upper()}{char}]")
        else:
            out.append(char)
    return "".join(out)


def _missing_keys(cls: type[BaseModel]) -> set[str] | None:
    """The keys an empty mapping lacks, as the model itself reports them; None when it says otherwise."""
    try:
        cls.model_validate({})
    except ValidationError as exc:
        errors = exc.errors()
        missing = {str(e["loc"][0]) for e in errors if e["type"] == "missing" and len(e["loc"]) == 1}
        return missing if missing else None
    return set()


def _inner_pattern(schema: Any) -> str | None:
    """The pattern a core schema (or the schema it wraps) checks strings against."""
    while isinstance(schema, dict):
        if schema.get("type") == "str" and "pattern" in schema:
            return str(schema["pattern"])
        schema = schema.get("schema")
    return None


def _custom_lane_schema(cls: type[BaseModel]) -> dict[str, Any]:
    """What a custom lane's key on a stage holds: the value type of the model's custom-lane field."""
    value_type = typing.get_args(cls.model_fields[CUSTOM_KEY].annotation)[1]
    lane = TypeAdapter(value_type).json_schema(mode="validation", schema_generator=_Generator)
    _tidy(lane)
    return lane


def _described(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[key] for key in ("description",) if key in schema}


@functools.cache
def _text_pattern() -> str:
    """A pattern matching text without the characters the Text validator refuses (BMP, no surrogates)."""
    refused = [code for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF and _refuses(chr(code))]
    spans: list[list[int]] = []
    for code in refused:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    inside = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)
    return f"^[^{inside}]*$"


def _refuses(char: str) -> bool:
    try:
        _CLEAN_TEXT(char)
    except ValueError:
        return True
    return False


def _tidy(node: Any) -> None:
    """Rewrite what pydantic writes in a way editors misread (in place, everywhere)."""
    if isinstance(node, list):
        for item in node:
            _tidy(item)
        return
    if not isinstance(node, dict):
        return
    if "oneOf" in node and "anyOf" not in node:
        # Pydantic writes a union decided by a Python discriminator as oneOf; for a schema that
        # cannot run the discriminator, a value fitting both branches is still fine.
        node["anyOf"] = node.pop("oneOf")
    if node.get("type") in ("integer", "number"):
        for python, json in _BOUNDS.items():
            if python in node:
                node[json] = node.pop(python)
    if isinstance(node.get("pattern"), str):
        node["pattern"] = portable_pattern(node["pattern"])
    if isinstance(node.get("patternProperties"), dict):
        # A mapping whose keys pydantic checks against a pattern (ids): other keys are refused.
        node["patternProperties"] = {portable_pattern(key): value for key, value in node["patternProperties"].items()}
        node.setdefault("additionalProperties", False)
    for value in node.values():
        _tidy(value)


def portable_pattern(pattern: str) -> str:
    r"""A Python pattern with ``\w`` spelled out so that editors' ECMAScript engines agree with `re`."""
    out: list[str] = []
    in_class = False
    for token in re.findall(r"\\.|.", pattern, re.S):
        if token == r"\w":
            out.append(WORD_CLASS if in_class else f"[{WORD_CLASS}]")
            continue
        if token == "[" and not in_class:
            in_class = True
        elif token == "]" and in_class:
            in_class = False
        out.append(token)
    return "".join(out)


def _short_form(cls: type[BaseModel], definition: dict[str, Any]) -> None:
    """A model that may be written as a bare value: that value is its short field, as the model reads it."""
    field = getattr(cls, "__short_field__", None)
    branches = definition.get("anyOf", [])
    if field is None or len(branches) != 2 or "properties" not in branches[1]:
        return
    alias = cls.model_fields[field].alias or field
    short = {key: value for key, value in branches[1]["properties"][alias].items()
             if key not in ("title", "description", "default")}
    if isinstance(short.get("type"), list):
        short["type"] = [kind for kind in short["type"] if _accepts_bare(cls, kind)]
    if cls is Lane:
        short = {"enum": list(BUILTIN_LANES)}
    branches[0] = {**short, **_described(branches[0])}


_SAMPLES: dict[str, Any] = {"string": "x", "number": 1, "boolean": True}


def _accepts_bare(cls: type[BaseModel], kind: str) -> bool:
    try:
        cls.model_validate(_SAMPLES[kind])
    except ValidationError:
        return False
    return True


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``root`` through its fields, by class name (pydantic's $defs keys)."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[Any] = [root]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item.__name__ in found:
                continue
            found[item.__name__] = item
            todo.extend(field.annotation for field in item.model_fields.values())
        else:
            todo.extend(typing.get_args(item))
    return found
