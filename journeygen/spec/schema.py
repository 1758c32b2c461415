"""The Journey model -> the JSON Schema editors use for completion and hover help."""

from __future__ import annotations

from typing import Any

from journeygen.spec.model import Journey

SCHEMA_ID = "https://journeygen.dev/schema/v1.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of spec format v1, generated from the pydantic model."""
    schema = Journey.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    props = schema["properties"]
    props["persona"] = {"$ref": "#/$defs/Persona", "description": "A single persona (instead of `personas`)."}
    schema.pop("required", None)
    schema["required"] = ["title", "stages"]
    schema["oneOf"] = [{"required": ["personas"]}, {"required": ["persona"]}]
    return schema
