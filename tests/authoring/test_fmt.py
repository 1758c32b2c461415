"""journeygen fmt: canonical form that keeps every comment and never changes what a spec means."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import EXAMPLES, ROOT

from journeygen.api import loads
from journeygen.authoring.fmt import format_text
from journeygen.authoring.init import TEMPLATES, starter
from journeygen.cli.main import main
from journeygen.errors import SpecError
from journeygen.spec.build import build
from journeygen.spec.loader import read


def _valid_maps() -> list[Path]:
    found = []
    for path in sorted(ROOT.glob("tests/**/*")):
        if path.suffix in (".yaml", ".yml", ".json") and "invalid" not in path.parts:
            try:
                build(read(path))
            except SpecError:
                continue
            found.append(path)
    return found


MAPS = [*EXAMPLES, *_valid_maps()]


def comments(text: str) -> list[str]:
    return [m.group().strip() for m in re.finditer(r"(?m)(?:^|\s)#.*$", text)]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_meaning_and_comments_are_kept(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    after = format_text(before, path.name, json_syntax=path.suffix == ".json")
    assert loads(after) == loads(before.removeprefix("\ufeff"))
    assert comments(after) == comments(before.removeprefix("\ufeff"))
    assert format_text(after, path.name, json_syntax=path.suffix == ".json") == after


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("locale", ["en", "ro"])
def test_templates_are_already_canonical(template: str, locale: str) -> None:
    text = starter(template, locale)
    assert format_text(text, "t.yaml") == text


MESSY = """\
# yaml-language-server: $schema=journeygen.schema.json
stages:
    - emotion: {score: 2}   # why it hurts
      name: Pay
      actions:
          - {text: Pays}
          - text: 12:30
          - {text: 'No', emotion: 2}
      ideas: [{text: Faster}]
      # pain comes last here
      pain_points: [Slow, on]

    - name: Wait   # the second stage
      emotion:
        score: 4
title: Shop
persona: {name: Ana}
"""

CANONICAL = """\
# yaml-language-server: $schema=journeygen.schema.json
title: Shop
persona: {name: Ana}
stages:
  - name: Pay
    actions:
      - Pays
      - '12:30'
      - {text: 'No', emotion: 2}
    emotion: 2              # why it hurts
      # pain comes last here
    pain_points: [Slow, 'on']
    ideas: [Faster]

  - name: Wait     # the second stage
    emotion: 4
"""


def test_key_order_indentation_short_forms_and_yaml11_traps() -> None:
    assert format_text(MESSY, "m.yaml") == CANONICAL
    assert loads(CANONICAL) == loads(MESSY)


def test_json_is_formatted_too() -> None:
    text = '{"stages": [{"name": "S", "emotion": {"score": 3}, "actions": [{"text": "No"}]}], "title": "T",' \
           ' "persona": {"name": "A"}}'
    after = format_text(text, "m.json", json_syntax=True)
    assert after.splitlines()[:3] == ["{", '  "title": "T",', '  "persona": {']
    assert '"emotion": 3' in after and '"No"' in after
    assert loads(after) == loads(text)


def test_check_diff_and_write(tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text(MESSY)
    check = CliRunner().invoke(main, ["fmt", "--check", str(path)])
    assert check.exit_code == 1 and f"would reformat {path}" in check.stderr
    diff = CliRunner().invoke(main, ["fmt", "--diff", str(path)])
    assert diff.exit_code == 0 and "+    pain_points: [Slow, 'on']" in diff.stdout and path.read_text() == MESSY
    assert CliRunner().invoke(main, ["fmt", str(path)]).exit_code == 0
    assert path.read_text() == CANONICAL
    again = CliRunner().invoke(main, ["fmt", "--check", str(path)])
    assert again.exit_code == 0 and "0 of 1 spec(s) would be reformatted" in again.stderr


def test_invalid_spec_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    text = "stages: [{name: S, emotion: 7}]\ntitle: T\npersona: {name: A}\n"
    path.write_text(text)
    result = CliRunner().invoke(main, ["fmt", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1:29: stages[0].emotion" in result.stderr
    assert path.read_text() == text


def test_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["fmt", "-"], input=MESSY)
    assert result.exit_code == 0 and result.stdout == CANONICAL


def test_odd_but_valid_yaml_keeps_its_meaning_and_reads_naturally() -> None:
    text = ("---\ntitle: T\npersonas: [{name: A}, {name: B}]\nstages: [{name: S, emotion: {a: {score: 2}, b: 3}}]\n"
            "transitions: [{from: s, to: s}]\n...\n")
    after = format_text(text, "m.yaml")
    assert "personas: [{name: A}, {name: B}]" in after and "emotion: {a: 2, b: 3}" in after
    assert loads(after) == loads(text)
