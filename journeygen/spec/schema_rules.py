"""Pydantic's JSON Schema -> one that says what journeygen's validators accept, in terms editors read alike.

Pydantic describes a field by its declared type; journeygen's validators accept more (numbers as
text, ids filled in, other spellings of a choice) or check more (patterns in a chain, characters
refused in text). These rules are keyed on the validators themselves, never on field names, so a
field that uses them gets the right schema without being named here. Patterns are written so that
Python's `re` and ECMAScript (which editors use) read them alike.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from journeygen.spec.text import Text

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


class Generator(GenerateJsonSchema):
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
        return json


def tidy(node: Any) -> None:
    """Rewrite, in place and everywhere, what pydantic writes in a way editors misread."""
    if isinstance(node, list):
        for item in node:
            tidy(item)
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
        tidy(value)


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


@functools.cache
def _text_pattern() -> str:
    """A pattern of text without the characters the Text validator refuses (asked of it, BMP, no surrogates)."""
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


def _respell_choices(json: Any, normalise: Callable[[Any], Any]) -> None:
    """Choices a validator normalises (``In progress`` -> ``in-progress``) also match a pattern of those spellings.

    Completion still offers the canonical choices only; the spellings are found by asking the validator.
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
        if spellings != [_literal(choice) for choice in choices]:
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
        return _literal(choice)
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


def _literal(text: str) -> str:
    """``text`` as a pattern, escaping only the characters ECMAScript's unicode mode allows escaped."""
    return re.sub(r"[\^$\\.*+?()[\]{}|/]", r"\\\g<0>", text)
