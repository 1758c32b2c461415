"""journeygen init: every template, in every language, writes a spec that validates, lints clean and renders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import run_journeygen

from journeygen.api import load_spec, render
from journeygen.authoring.init import TEMPLATES, starter, template_languages
from journeygen.authoring.lint import lint_file
from journeygen.cli.main import main


def init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", *args])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("locale", ["en", "ro", "de-AT"])
def test_every_template_validates_and_lints_clean(tmp_path: Path, template: str, locale: str) -> None:
    path = tmp_path / "map.journey.yaml"
    code, err = init(str(path), "--template", template, "--locale", locale)
    assert code == 0, err
    spec = load_spec(path)
    assert spec.journey.locale == locale
    assert lint_file(str(path), today=dt.date.today()) == []
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=journeygen.schema.json\n")
    assert json.loads((tmp_path / "journeygen.schema.json").read_text())["title"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_renders(tmp_path: Path, template: str) -> None:
    path = tmp_path / "map.journey.yaml"
    assert init(str(path), "--template", template)[0] == 0
    result = run_journeygen("render", str(path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.svg").read_bytes().startswith(b"<")
    spec = load_spec(path)
    assert render(spec.journey, "svg", options=spec.options())


def test_templates_exist_in_english_and_romanian() -> None:
    assert all(template_languages(t) == ["en", "ro"] for t in TEMPLATES)
    assert "Conștientizare" in starter("ecommerce", "ro")
    assert "Awareness" in starter("ecommerce", "fr") and "locale: fr\n" in starter("ecommerce", "fr")


def test_ideas_fall_due_after_today() -> None:
    text = starter("ecommerce", "en", today=dt.date(2030, 1, 1))
    assert "due: 2030-04-01" in text and "__DUE__" not in text


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "map.journey.yaml"
    path.write_text("mine")
    code, err = init(str(path))
    assert code == 1 and "exists; pass --force" in err
    assert path.read_text() == "mine"
    assert init(str(path), "--force", "--template", "blank")[0] == 0
    assert "title: My journey" in path.read_text()


def test_a_folder_gets_the_default_name_and_a_bad_locale_is_a_usage_error(tmp_path: Path) -> None:
    assert init(str(tmp_path), "--no-schema")[0] == 0
    assert (tmp_path / "map.journey.yaml").is_file() and not (tmp_path / "journeygen.schema.json").exists()
    code, err = init(str(tmp_path / "x.yaml"), "--locale", "not a tag")
    assert code == 2 and "BCP 47" in err


@pytest.mark.parametrize("path", ["maps/", "maps"])
def test_a_folder_that_does_not_exist_yet_is_made_never_written_as_a_file(tmp_path: Path, path: str) -> None:
    code, _ = init(str(tmp_path / "new") + "/" + path)
    assert code == 0
    assert (tmp_path / "new" / "maps").is_dir()
    assert load_spec(tmp_path / "new" / "maps" / "map.journey.yaml").journey.stages
