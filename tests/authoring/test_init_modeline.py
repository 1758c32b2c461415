"""`journeygen init` points editors at the schema it writes, and names no schema that is not there."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from helpers import run_journeygen

from journeygen.authoring.init import MODELINE, with_modeline
from journeygen.spec.loader import read


def _init(*args: str, cwd: Path) -> None:
    result = run_journeygen("init", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr.decode()


def test_the_modeline_names_the_written_schema_and_the_spec_passes_it(tmp_path: Path) -> None:
    _init("onboarding.journey.yaml", "--template", "saas-onboarding", cwd=tmp_path)
    spec = tmp_path / "onboarding.journey.yaml"
    first = spec.read_text(encoding="utf-8").splitlines()[0]
    schema = json.loads((spec.parent / first.removeprefix(MODELINE)).read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(read(spec).data)] == []


def test_no_schema_means_no_modeline_unless_one_is_already_there(tmp_path: Path) -> None:
    _init("a.journey.yaml", "--no-schema", cwd=tmp_path)
    text = (tmp_path / "a.journey.yaml").read_text(encoding="utf-8")
    assert "yaml-language-server" not in text and text.startswith("# A customer journey map as code.")
    assert run_journeygen("validate", "a.journey.yaml", cwd=tmp_path).returncode == 0
    _init("b.journey.yaml", cwd=tmp_path)
    _init("c.journey.yaml", "--no-schema", cwd=tmp_path)
    assert (tmp_path / "c.journey.yaml").read_text(encoding="utf-8").startswith(f"{MODELINE}journeygen.schema.json\n")


def test_with_modeline_replaces_or_drops_only_the_first_line() -> None:
    text = f"{MODELINE}old.json\ntitle: T\n"
    assert with_modeline(text, "new.json") == f"{MODELINE}new.json\ntitle: T\n"
    assert with_modeline(text, None) == "title: T\n"
    assert with_modeline("title: T\n", "s.json") == f"{MODELINE}s.json\ntitle: T\n"
