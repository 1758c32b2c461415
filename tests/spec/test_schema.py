"""journeygen.schema.json agrees with `journeygen validate`: what it accepts, editors accept, and back.

Every map of the repository (examples, test maps, starter templates, docs/format.md) is read twice,
by journeygen's loader and as editors read YAML 1.2, and checked with real validators: jsonschema
(draft 2020-12, and draft 7 as the YAML language server reads it), the check-jsonschema command of
the pre-commit example (ECMAScript regexes, like an editor's), and the YAML language server itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any, Literal

import jsonschema
import pytest
import yaml12
import yaml_server
from helpers import ROOT
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import core_schema
from test_docs_format import EXAMPLES as DOC_BLOCKS

from journeygen.authoring.init import TEMPLATES, starter, template_languages
from journeygen.errors import SpecError
from journeygen.spec.build import build
from journeygen.spec.loader import Document, parse_text, read
from journeygen.spec.model import Journey
from journeygen.spec.schema import json_schema
from journeygen.spec.schema_rules import WORD_CLASS, Generator, tidy
from journeygen.spec.text import Id, Text

SCHEMA = json_schema()
COMMITTED = ROOT / "journeygen.schema.json"
VALIDATORS = {"2020-12": jsonschema.Draft202012Validator(SCHEMA), "draft-7": jsonschema.Draft7Validator(SCHEMA)}
NOT_MAPS = ("golden", "theme", "js", "editor")
# Structural problems a JSON Schema cannot see, with the reason. Keep it short and true: the test
# below fails when the schema starts catching one of them.
KNOWN_GAPS = {
    "tests/invalid/undeclared-custom-lane.yaml": "once a map declares a custom lane, any key on a stage may be one",
}


def _files() -> list[Path]:
    maps = [*sorted((ROOT / "examples").glob("*.journey.yaml"))]
    for path in sorted((ROOT / "tests").rglob("*")):
        parts = path.relative_to(ROOT / "tests").parts
        if path.suffix in (".yaml", ".yml", ".json") and parts[0] not in NOT_MAPS and "node_modules" not in parts:
            maps.append(path)
    return maps


def _documents() -> dict[str, Document]:
    """Every map that journeygen can read at all, by a name relative to the checkout."""
    docs: dict[str, Document] = {}
    for path in _files():
        try:
            docs[path.relative_to(ROOT).as_posix()] = read(path)
        except SpecError:
            continue  # not YAML or JSON that a validator could read either
    for template in TEMPLATES:
        for lang in template_languages(template):
            docs[f"init {template} --locale {lang}"] = parse_text(starter(template, lang), f"{template}.{lang}.yaml")
    for block in DOC_BLOCKS:
        docs[f"docs/format.md:{block.line}"] = parse_text(block.body, f"format.md:{block.line}")
    return docs


def _verdict(doc: Document) -> str:
    """valid, structural (the model refuses the shape of the data) or rules (only checks beyond it do)."""
    if not _structure_ok(doc.data):
        return "structural"
    try:
        build(doc)
    except SpecError:
        return "rules"
    return "valid"


# Errors that pydantic itself raises (missing, wrong type, unknown key, out of range, ...); the rest
# come from the model's own validators.
_PYDANTIC_ERRORS = set(typing.get_args(core_schema.ErrorType)) - {"value_error", "assertion_error"}


def _structure_ok(data: Any, model: type[BaseModel] | None = None) -> bool:
    """True unless the model refuses the shape of ``data``.

    A validator that looks at a whole mapping (ids that must exist, two keys that exclude each other)
    checks a rule beyond the shape, which `validate` reports and a JSON Schema need not.
    """
    try:
        (model or Journey).model_validate(data)
    except ValidationError as exc:
        return all(isinstance(e["input"], dict) and e["type"] not in _PYDANTIC_ERRORS
                   and not _off_default_scale(e, data) for e in exc.errors())
    return True


def _off_default_scale(error: Any, data: Any) -> bool:
    """A score outside 1..5 on a map without `emotion_scale`: a rule the schema states all the same (a map's own
    scale stays a rule: the schema cannot compare a score with it)."""
    findings = (error.get("ctx") or {}).get("findings", ())
    return isinstance(data, dict) and "emotion_scale" not in data and any(f.scale for f in findings)


DOCS = _documents()
VERDICTS = {name: _verdict(doc) for name, doc in DOCS.items()}
ACCEPTED = sorted(name for name, verdict in VERDICTS.items() if verdict != "structural")
REFUSED = sorted(name for name, verdict in VERDICTS.items() if verdict == "structural")


def _errors(data: Any, draft: str = "2020-12") -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in VALIDATORS[draft].iter_errors(data)]


def _text(name: str) -> str:
    """The text of a map of the corpus, as an editor would show it."""
    if name.startswith("init "):
        _, template, _, lang = name.split()
        return starter(template, lang)
    if name.startswith("docs/"):
        line = int(name.rsplit(":", 1)[1])
        return next(b.body for b in DOC_BLOCKS if b.line == line)
    return (ROOT / name).read_text(encoding="utf-8-sig")


def _editor_view(name: str) -> Any:
    """The map as an editor's YAML 1.2 parser reads it."""
    return yaml12.load(_text(name))


def test_the_schema_is_a_valid_schema_for_both_drafts() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft7Validator.check_schema(SCHEMA)


DRAFT_7 = {"$schema", "$id", "$ref", "$defs", "title", "description", "default", "type", "enum", "const", "format",
           "properties", "patternProperties", "additionalProperties", "propertyNames", "required", "items",
           "contains", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "pattern",
           "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "patternErrorMessage"}


def test_editors_that_read_draft_7_only_read_every_rule() -> None:
    """No keyword newer than draft 7, and nothing but annotations beside a $ref (draft 7 ignores them)."""
    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            assert set(node) <= DRAFT_7, set(node) - DRAFT_7
            if "$ref" in node:
                assert set(node) <= {"$ref", "description", "title", "default"}, node
            for key, value in node.items():
                walk(list(value.values()) if key in ("properties", "patternProperties", "$defs") else value)

    walk(SCHEMA)


def test_the_committed_schema_is_regenerated() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == SCHEMA, "journeygen.schema.json is stale: run `journeygen schema > journeygen.schema.json`"


def test_the_corpus_covers_examples_test_maps_templates_and_docs() -> None:
    names = " ".join(DOCS)
    for part in ("examples/", "tests/layout/maps/", "tests/hostile/render/", "init service", "docs/format.md",
                 "tests/invalid/"):
        assert part in names
    assert len(ACCEPTED) >= 40 and len(REFUSED) >= 10


@pytest.mark.parametrize("name", ACCEPTED)
@pytest.mark.parametrize("draft", sorted(VALIDATORS))
def test_a_map_of_sound_shape_has_no_schema_error(name: str, draft: str) -> None:
    assert _errors(DOCS[name].data, draft) == []
    assert _errors(_editor_view(name), draft) == []


@pytest.mark.parametrize("name", REFUSED)
def test_a_structurally_invalid_map_has_a_schema_error(name: str) -> None:
    if name in KNOWN_GAPS:
        assert _errors(DOCS[name].data) == [], f"the schema now catches {name}: remove it from KNOWN_GAPS"
    else:
        assert _errors(DOCS[name].data) != []


def _editor_path(name: str) -> Path:
    """Where the editor thinks the map is: its own file, or the checkout's root (whose schema a modeline names)."""
    return ROOT / name if (ROOT / name).is_file() else ROOT / (re.sub(r"[^\w.-]+", "-", name) + ".yaml")


@pytest.fixture(scope="module")
def editor() -> dict[str, list[dict[str, Any]]]:
    """What the real YAML language server underlines in each YAML map, with journeygen.schema.json mapped."""
    names = [name for name in DOCS if not name.endswith(".json")]
    found = yaml_server.diagnostics(COMMITTED, {_editor_path(name): _text(name) for name in names})
    return {name: found[_editor_path(name)] for name in names}


def test_the_yaml_language_server_underlines_nothing_in_a_valid_map(editor: dict[str, list[Any]]) -> None:
    underlined = {name: [d["message"] for d in found] for name, found in editor.items() if name in ACCEPTED and found}
    assert underlined == {}
    assert len(editor) >= 40


# The YAML language server skips a key written without a value inside {...} when it checks keys
# (`{name: Fill rate, value: 96,5%}` holds a key `5%`): such a mistake is left to `validate`.
_FLOW_KEY_ALONE = re.compile(r"\{[^{}\n]*,\s*[^:{},\s][^:{},]*\}")


def test_the_yaml_language_server_underlines_each_structural_mistake(editor: dict[str, list[Any]]) -> None:
    missed = [name for name in REFUSED if name in editor and name not in KNOWN_GAPS and not editor[name]]
    assert [name for name in missed if not _FLOW_KEY_ALONE.search(_text(name))] == []
    assert len(missed) <= 1


def _check_jsonschema(*files: str, regex: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(COMMITTED), "--regex-variant", regex]
    return subprocess.run([*command, *files], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("regex", ["default", "nonunicode"])
def test_the_pre_commit_hook_passes_every_valid_file_with_ecmascript_patterns(regex: str) -> None:
    files = [name for name in ACCEPTED if (ROOT / name).is_file()]
    result = _check_jsonschema(*files, regex=regex)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_hook_fails_each_structurally_invalid_file() -> None:
    files = [name for name in REFUSED if (ROOT / name).is_file() and name not in KNOWN_GAPS]
    result = _check_jsonschema("--output-format", "json", *files, regex="default")
    assert result.returncode == 1
    assert {error["filename"] for error in json.loads(result.stdout)["errors"]} == set(files)


BASE: dict[str, Any] = {"title": "T", "persona": {"name": "Ana"}, "stages": [{"name": "S"}]}


def _with_stage(**fields: Any) -> dict[str, Any]:
    return {**BASE, "stages": [{"name": "S", **fields}]}


AGREEMENT = {
    "ids default from names": BASE,
    "a title written as a number": {**BASE, "title": 42},
    "metric numbers are text": _with_stage(metrics=[{"name": "CSAT", "value": 4.1, "target": 4.5}]),
    "a bare number is a metric's name": _with_stage(metrics=[42]),
    "a bare boolean is no action": _with_stage(actions=[True]),
    "an emotion with only a score": _with_stage(emotion={"score": 3}),
    "one emotion per persona": _with_stage(emotion={"ana": 3}),
    "a per-persona key that is no id": _with_stage(emotion={"a b": 3}),
    "an action's score above 5": _with_stage(actions=[{"text": "x", "emotion": 7}]),
    "a score above 5 on a map's own scale": {**_with_stage(emotion=7), "emotion_scale": {"min": 0, "max": 10}},
    "a negative score on a map's own scale": {**_with_stage(emotion={"ana": -2}),
                                              "emotion_scale": {"min": -2, "max": 2}},
    "a per-persona score above 5": _with_stage(emotion={"ana": 6}),
    "a micro-journey step's score below 1": _with_stage(
        micro_journeys=[{"name": "m", "steps": [{"name": "s", "emotion": 0}]}]),
    "an emotion scale upside down": {**BASE, "emotion_scale": {"min": 2, "max": -2}},
    "a status in other spelling": _with_stage(ideas=[{"text": "x", "status": "In Progress"}]),
    "an unknown status": _with_stage(ideas=[{"text": "x", "status": "someday"}]),
    "a typo on a stage, no custom lanes": _with_stage(motivaitons=["x"]),
    "a custom lane with numbers": {**_with_stage(thoughts=[1, True]), "lanes": [{"id": "thoughts", "title": "T"}]},
    "a built-in lane retitled": {**BASE, "lanes": ["actions", {"id": "ideas", "title": "Fixes"}]},
    "a bare lane that is not built in": {**BASE, "lanes": ["thoughts"]},
    "persona and personas together": {**BASE, "personas": [{"name": "Ion"}]},
    "no persona": {"title": "T", "stages": [{"name": "S"}]},
    "an id with a space": _with_stage(id="a b"),
    "an id in Romanian and Hebrew": {**BASE, "stages": [{"name": "S", "id": "ştefan-ł"}, {"name": "T", "id": "מריה"}]},
    "a bell in a name": _with_stage(name="ring \x07"),
    "a moment of truth written yes": _with_stage(moment_of_truth="yes"),
    "an empty mapping": {},
}


@pytest.mark.parametrize("case", AGREEMENT)
def test_schema_and_model_agree(case: str) -> None:
    data = AGREEMENT[case]
    assert (_errors(data) == []) is _structure_ok(data), _errors(data)


def test_every_model_field_is_in_the_schema() -> None:
    """A field another change adds to the model shows up in editors without touching the schema code."""
    seen: set[type[Any]] = set()
    todo: list[Any] = [Journey]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel) and item not in seen:
            seen.add(item)
            definition = SCHEMA if item is Journey else SCHEMA["$defs"][item.__name__]
            props = definition.get("properties") or definition["anyOf"][-1]["properties"]
            for name, field in item.model_fields.items():
                if not any(isinstance(meta, SkipJsonSchema) for meta in field.metadata):
                    assert (field.alias or name) in props, f"{item.__name__}.{name}"
                todo.append(field.annotation)
        else:
            todo.extend(getattr(item, "__args__", ()))


def test_the_id_pattern_reads_letters_of_every_script_like_python() -> None:
    word = re.compile(f"[{WORD_CLASS}]")
    python_word = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF and re.match(r"\w", chr(c))]
    assert [c for c in python_word if not word.fullmatch(c)] == []
    for invisible in " \t\u00a0\u200b\u200d\u200e\u202e\u2066\u3000\ufeff/:#,":
        assert not word.fullmatch(invisible), hex(ord(invisible))


class _FutureItem(BaseModel):
    """A model as a later change might add one: the rules must apply without naming its fields."""

    model_config = ConfigDict(extra="forbid")
    ref: Id
    words: Text
    rating: Literal["good", "bad"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _fill(cls, value: Any) -> Any:
        return {"ref": "filled", **value} if isinstance(value, dict) else value

    @field_validator("rating", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value


@pytest.mark.parametrize(("data", "valid"), [
    ({"words": 4.5}, True), ({"words": "a", "rating": "GOOD"}, True), ({}, False),
    ({"words": "a", "ref": "a b"}, False), ({"words": "ring \x07"}, False), ({"words": "a", "rating": "meh"}, False),
    ({"words": "a", "other": 1}, False),
])
def test_rules_follow_the_validators_not_the_field_names(data: dict[str, Any], valid: bool) -> None:
    schema = _FutureItem.model_json_schema(mode="validation", schema_generator=Generator)
    tidy(schema)
    assert _structure_ok(data, _FutureItem) is valid
    assert jsonschema.Draft202012Validator(schema).is_valid(data) is valid

