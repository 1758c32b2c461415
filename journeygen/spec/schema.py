"""The Journey model -> the JSON Schema editors check maps with: what `journeygen validate` accepts.

Pydantic writes the schema of the model, `schema_rules` adds what journeygen's validators accept,
and the rules here say the few things the format adds on top (`persona:` for `personas:`, bare
strings for mappings, custom lanes on a stage), all read off the model, so a field another change
adds appears by itself. What a schema cannot say (references between ids, which custom lanes are
declared in `lanes`) stays with `validate`.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from journeygen.spec.model import BUILTIN_LANES, CUSTOM_KEY, DEFAULT_SCALE, Journey, Lane
from journeygen.spec.schema_rules import Generator, tidy

SCHEMA_ID = "https://journeygen.dev/schema/v1.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12, no keyword newer than draft 7) of the spec format."""
    schema = Journey.model_json_schema(by_alias=True, mode="validation", schema_generator=Generator)
    tidy(schema)
    models = _models(Journey)
    defs = schema.get("$defs", {})
    for name, definition in defs.items():
        if name in models:
            _short_form(models[name], definition)
    _uses(defs)
    schema["$schema"] = DRAFT
    schema["$id"] = SCHEMA_ID
    props = schema["properties"]
    props["persona"] = {**props["personas"]["items"], "description": "A single persona (instead of `personas`)."}
    if "personas" in schema.get("required", ()):
        schema["required"].remove("personas")
        schema["oneOf"] = [{"required": ["personas"]}, {"required": ["persona"]}]
    stage = next((name for name, cls in models.items() if CUSTOM_KEY in cls.model_fields), None)
    if stage is not None and "properties" in defs.get(stage, {}):
        _custom_lanes(models[stage], defs[stage])
        _close_stages(schema, models[stage], defs[stage])
    _default_scale(schema)
    return schema


def _default_scale(schema: dict[str, Any]) -> None:
    """Without `emotion_scale`, every score is on 1..5. (A map's own scale is checked by `validate`: a schema
    cannot compare one value with another.) ``minimum`` binds numbers only, so one rule fits a bare score, a
    ``{score}`` mapping and ``{persona: score}`` alike."""
    on_five = {"minimum": DEFAULT_SCALE.min, "maximum": DEFAULT_SCALE.max}
    emotion = {**on_five, "properties": {"score": on_five}}
    steps = {"steps": {"items": {"properties": {"emotion": on_five}}}}
    per_stage = {"emotion": {**emotion, "additionalProperties": emotion},
                 "actions": {"items": {"properties": {"emotion": on_five}}},
                 "micro_journeys": {"items": {"properties": steps}}}
    rule = {"if": {"not": {"required": ["emotion_scale"]}},
            "then": {"properties": {"stages": {"items": {"properties": per_stage}}}}}
    schema["allOf"] = [*schema.get("allOf", []), rule]


USE_PERSONA = {"type": "string", "description": "A shared persona file inside the project, relative to this file; "
                                              "`file.yaml#id` picks one of its `personas:`. Fields beside it "
                                              "override the shared ones for this map."}


def _uses(defs: dict[str, Any]) -> None:
    """A persona may be `{use: PATH}` with overrides, a micro-journey `{use: MAP}` without steps: `validate`
    reads the files they name before it checks the map (journeygen.spec.uses)."""
    persona, micro = defs.get("Persona"), defs.get("MicroJourney")
    if persona is not None and "properties" in persona:
        shared = {"type": "object", "required": ["use"], "additionalProperties": False,
                  "properties": {"use": USE_PERSONA, **persona["properties"]}}
        defs["Persona"] = {"anyOf": [persona, shared], **_described(persona)}
    if micro is not None and "required" in micro:
        micro["anyOf"] = [{"required": ["use"]}, {"required": micro.pop("required")}]


def _custom_lanes(stage: type[BaseModel], definition: dict[str, Any]) -> None:
    """Any other key of a stage holds a custom lane's items: the value type of the model's custom-lane field."""
    value_type = typing.get_args(stage.model_fields[CUSTOM_KEY].annotation)[1]
    lane = TypeAdapter(value_type).json_schema(mode="validation", schema_generator=Generator)
    tidy(lane)
    extra = definition.get("additionalProperties")
    definition["additionalProperties"] = {**lane, **_described(extra if isinstance(extra, dict) else {})}


def _close_stages(schema: dict[str, Any], stage: type[BaseModel], definition: dict[str, Any]) -> None:
    """Without a custom lane in `lanes`, a stage takes its own keys only (so a typo is underlined).

    With one, any key may be a custom lane: which ones are declared is for `validate` to check.
    """
    stages, lanes = _field_of(Journey, stage), _field_of(Journey, Lane)
    custom = {"type": "object", "required": ["id"], "properties": {"id": {"not": {"enum": list(BUILTIN_LANES)}}}}
    schema["if"] = {"required": [lanes], "properties": {lanes: {"contains": custom}}}
    schema["else"] = {"properties": {stages: {"items": {"propertyNames": {"enum": list(definition["properties"])}}}}}


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


def _described(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[key] for key in ("description",) if key in schema}


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``root`` through its fields, by class name (pydantic's $defs keys)."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[Any] = [root]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item.__name__ not in found:
                found[item.__name__] = item
                todo.extend(field.annotation for field in item.model_fields.values())
        else:
            todo.extend(typing.get_args(item))
    return found


def _field_of(model: type[BaseModel], inner: type[BaseModel]) -> str:
    """The key of ``model`` whose value holds ``inner`` models."""
    return next(field.alias or name for name, field in model.model_fields.items()
                if inner in _models_in(field.annotation))


def _models_in(annotation: Any) -> set[Any]:
    return {annotation, *(model for arg in typing.get_args(annotation) for model in _models_in(arg))}
