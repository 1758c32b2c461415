"""Projects: journeygen.toml (or [tool.journeygen]) found from any folder below it, as git finds its
repository; `render`, `lint` and `report` given no SPEC work on its maps; `init --project` writes one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.api import load_spec
from journeygen.errors import SpecError
from journeygen.projectfile import find_project, project_specs

MAP = """\
title: {title}
persona: {{name: Maria}}
stages:
  - name: Buy
    emotion: 2
    pain_points: [Delivery cost appears late]
{extra}"""

LINK = "    links:\n      - use: ro/cont.journey.yaml\n"
BRAND = 'extends: default\nheader_background: "#123456"\n'


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _project(tmp_path: Path, settings: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return _write(tmp_path, {
        "journeygen.toml": 'maps = ["maps/**/*.journey.yaml"]\noutput = "build"\n' + settings,
        "themes/brand.theme.yaml": BRAND,
        "maps/life.journey.yaml": MAP.format(title="Lifecycle", extra=LINK),
        "maps/ro/cont.journey.yaml": MAP.format(title="Contul", extra="locale: ro\n"),
        "notes/draft.journey.yaml": MAP.format(title="Not a project map", extra=""),
    })


def test_render_with_no_spec_renders_the_projects_maps_from_a_folder_below(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run_journeygen("render", "-q", cwd=root / "maps" / "ro")
    assert result.returncode == 0, result.stderr.decode()
    written = sorted(p.relative_to(root).as_posix() for p in (root / "build").rglob("*.svg"))
    assert written == ["build/life.svg", "build/ro/cont.svg"]  # the maps' folders kept, notes/ not a map
    svg = (root / "build/life.svg").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+)"', svg)
    assert href is not None and (root / "build" / href.group(1)).is_file()  # the link resolves in the output


def test_output_on_the_command_line_wins_over_the_projects(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run_journeygen("render", "-q", "-o", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "site/life.svg").is_file() and (tmp_path / "site/ro/cont.svg").is_file()


def test_render_with_no_spec_outside_a_project_says_how_to_make_one(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # a root, so the walk stops here, but no project file
    result = run_journeygen("render", cwd=tmp_path)
    assert result.returncode == 2
    assert "journeygen init --project" in result.stderr.decode()


def test_the_projects_theme_and_locale_are_the_defaults_of_maps_that_name_none(tmp_path: Path) -> None:
    root = _project(tmp_path, 'theme = "themes/brand.theme.yaml"\nlocale = "pl"\n')
    life = load_spec(root / "maps/life.journey.yaml")
    assert life.journey.locale == "pl"
    assert life.journey.theme is not None and life.journey.theme.endswith("brand.theme.yaml")
    assert load_spec(root / "maps/ro/cont.journey.yaml").journey.locale == "ro"  # its own wins
    result = run_journeygen("render", "-q", cwd=root)
    assert result.returncode == 0, result.stderr.decode()
    assert "#123456" in (root / "build/life.svg").read_text(encoding="utf-8")


def test_the_projects_theme_may_be_a_built_in_name(tmp_path: Path) -> None:
    root = _project(tmp_path, 'theme = "dark"\n')
    assert load_spec(root / "maps/life.journey.yaml").journey.theme == "dark"


def test_lint_with_no_spec_checks_every_map_and_every_link(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "maps/ro/cont.journey.yaml").unlink()
    result = run_journeygen("lint", cwd=root / "maps")
    assert result.returncode == 1
    assert "life.journey.yaml:8:14: JG001 stages[0].links[0].use: 'ro/cont.journey.yaml': no such file" in \
        result.stdout.decode()


def test_lint_reads_its_settings_from_the_project_file(tmp_path: Path) -> None:
    assert "JG102" in run_journeygen("lint", cwd=_project(tmp_path / "plain")).stdout.decode()
    root = _project(tmp_path / "quiet", '[lint]\ndisable = ["JG102"]\n')
    result = run_journeygen("lint", cwd=root)
    assert result.returncode == 0, result.stdout.decode()
    assert "JG102" not in result.stdout.decode()


def test_report_with_no_spec_reports_the_projects_maps(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run_journeygen("report", "--format", "json", "--today", "2026-01-01", cwd=root / "maps")
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "Lifecycle" in text and "Contul" in text and "Not a project map" not in text


@pytest.mark.parametrize(("settings", "where", "message"), [
    ('maps = ["maps/*.yaml"]\nthemes = "x"\n', "journeygen.toml:2:1: themes:", "unknown setting 'themes'"),
    ('maps = "../elsewhere/*.yaml"\n', "journeygen.toml:1:1: maps:", "stays inside the project"),
    ('maps = [1]\n', "journeygen.toml:1:1: maps:", "must be a list of globs"),
    ('locale = 5\n', "journeygen.toml:1:1: locale:", "locale must be text"),
])
def test_a_bad_project_file_is_reported_at_its_line(tmp_path: Path, settings: str, where: str, message: str) -> None:
    _write(tmp_path, {"journeygen.toml": settings})
    result = run_journeygen("render", cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert where in err and message in err, err


def test_a_project_lives_in_pyproject_too(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\n\n[tool.journeygen]\nmaps = ["docs/*.journey.yaml"]\n',
        "docs/a.journey.yaml": MAP.format(title="A", extra=""),
    })
    assert project_specs(tmp_path / "docs") == [(tmp_path / "docs/a.journey.yaml").resolve()]
    result = run_journeygen("render", "-q", cwd=tmp_path / "docs")
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "docs/a.svg").is_file()  # no output setting: beside the spec


def test_a_pyproject_without_the_table_does_not_stop_the_search(tmp_path: Path) -> None:
    _write(tmp_path, {"journeygen.toml": 'maps = ["*/*.journey.yaml"]\n',
                      "sub/pyproject.toml": '[project]\nname="x"\n'})
    project = find_project(tmp_path / "sub")
    assert project is not None and project.file == (tmp_path / "journeygen.toml").resolve()


def test_another_tools_broken_pyproject_does_not_stop_a_render_but_a_broken_journeygen_table_does(
        tmp_path: Path) -> None:
    _write(tmp_path, {"pyproject.toml": '[project\nname = "half-written"\n',
                      "maps/a.journey.yaml": MAP.format(title="A", extra="")})
    for command in (["render", "-q", "maps/a.journey.yaml"], ["lint", "maps/a.journey.yaml"]):
        result = run_journeygen(*command, cwd=tmp_path)
        assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "maps/a.svg").is_file()
    (tmp_path / "pyproject.toml").write_text('[tool.journeygen]\nmaps = ["maps/*.journey.yaml"\n', encoding="utf-8")
    result = run_journeygen("render", "-q", "maps/a.journey.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "pyproject.toml" in result.stderr.decode() and "invalid TOML" in result.stderr.decode()


def test_init_project_writes_a_project_file_that_render_then_uses(tmp_path: Path) -> None:
    result = run_journeygen("init", "--project", str(tmp_path / "team"))
    assert result.returncode == 0, result.stderr.decode()
    project = find_project(tmp_path / "team")
    assert project is not None and project.maps == ("maps/**/*.journey.yaml",)
    assert run_journeygen("init", str(tmp_path / "team/maps/map.journey.yaml")).returncode == 0
    assert run_journeygen("render", "-q", cwd=tmp_path / "team/maps").returncode == 0
    assert (tmp_path / "team/build/maps/map.svg").is_file()
    again = run_journeygen("init", "--project", str(tmp_path / "team"))
    assert again.returncode == 1 and "exists; pass --force" in again.stderr.decode()


def test_a_theme_named_by_the_project_must_stay_inside_it(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", 'theme = "../outside.theme.yaml"\n')
    (tmp_path / "outside.theme.yaml").write_text(BRAND, encoding="utf-8")
    with pytest.raises(SpecError, match="theme"):
        load_spec(root / "maps/life.journey.yaml")
