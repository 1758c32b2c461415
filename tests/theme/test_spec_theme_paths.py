"""A theme file named by a spec is read only from inside the spec's project; --theme may be any file."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from helpers import run_journeygen

SPEC = "title: T\npersona: {name: A}\nstages: [{name: S, emotion: 3}]\n"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
                       "awAAAABJRU5ErkJggg==")
BRAND = "extends: default\nbackground: '#fbfaf5'\n"


@pytest.mark.parametrize("ref, message", [
    ("../outside.theme.yaml", "outside the spec's project"),
    ("/etc/passwd.yaml", "not an absolute path"),
    ("file:///etc/passwd.yaml", "not URLs"),
])
def test_spec_theme_outside_its_folder_is_refused(tmp_path: Path, ref: str, message: str) -> None:
    (tmp_path / "outside.theme.yaml").write_text(BRAND)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "m.yaml").write_text(f"theme: '{ref}'\n" + SPEC)
    result = run_journeygen("render", str(maps / "m.yaml"))
    assert result.returncode == 1
    assert message in result.stderr.decode()
    assert not (maps / "m.svg").exists()


def test_spec_theme_next_to_the_spec_is_used(tmp_path: Path) -> None:
    (tmp_path / "brand.theme.yaml").write_text(BRAND)
    (tmp_path / "m.yaml").write_text("theme: brand.theme.yaml\n" + SPEC)
    result = run_journeygen("render", str(tmp_path / "m.yaml"))
    assert result.returncode == 0, result.stderr
    assert "#fbfaf5" in (tmp_path / "m.svg").read_text()


def test_cli_theme_file_is_relative_to_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "brand.theme.yaml").write_text(BRAND)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "m.yaml").write_text(SPEC)
    result = run_journeygen("render", "maps/m.yaml", "--theme", "brand.theme.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "#fbfaf5" in (maps / "m.svg").read_text()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A team's repository: one brand theme and a photo shared by maps in several folders."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "themes").mkdir()
    (root / "themes" / "brand.theme.yaml").write_text(BRAND)
    (root / "photos").mkdir()
    (root / "photos" / "maria.png").write_bytes(PNG)
    (root / "maps" / "checkout").mkdir(parents=True)
    (tmp_path / "secret.theme.yaml").write_text(BRAND)
    return root


def test_a_shared_theme_and_photo_anywhere_in_the_project_are_used(project: Path) -> None:
    spec = project / "maps" / "checkout" / "shop.journey.yaml"
    spec.write_text("theme: ../../themes/brand.theme.yaml\ntitle: T\n"
                    "persona: {name: Maria, photo: ../../photos/maria.png}\nstages: [{name: S, emotion: 3}]\n")
    result = run_journeygen("render", str(spec))
    assert result.returncode == 0, result.stderr
    svg = (spec.parent / "shop.svg").read_text()
    assert "#fbfaf5" in svg and 'href="data:image/png;base64,' in svg


def test_the_docs_example_works(project: Path) -> None:
    """docs/themes.md: `theme: ../themes/brand.theme.yaml`, a map one folder below the project's root."""
    spec = project / "maps" / "shop.journey.yaml"
    spec.write_text("theme: ../themes/brand.theme.yaml\n" + SPEC)
    assert run_journeygen("validate", str(spec)).returncode == 0
    assert run_journeygen("render", str(spec)).returncode == 0
    assert "#fbfaf5" in (project / "maps" / "shop.svg").read_text()


@pytest.mark.parametrize("ref", ["../../../secret.theme.yaml", "../../themes/leak.theme.yaml"])
def test_a_theme_outside_the_project_is_refused_even_through_a_symlink(project: Path, ref: str) -> None:
    (project / "themes" / "leak.theme.yaml").symlink_to(project.parent / "secret.theme.yaml")
    spec = project / "maps" / "checkout" / "shop.journey.yaml"
    spec.write_text(f"theme: {ref}\n" + SPEC)
    result = run_journeygen("validate", str(spec))
    err = result.stderr.decode() + result.stdout.decode()
    assert result.returncode == 1
    assert f"shop.journey.yaml:1:8: theme: theme {ref!r}: outside the spec's project ({project.resolve()}" in err
