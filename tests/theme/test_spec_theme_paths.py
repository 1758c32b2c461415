"""A theme file named by a spec is read only from inside the spec's folder; --theme may be any file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_journeygen

SPEC = "title: T\npersona: {name: A}\nstages: [{name: S, emotion: 3}]\n"
BRAND = "extends: default\nbackground: '#fbfaf5'\n"


@pytest.mark.parametrize("ref, message", [
    ("../outside.theme.yaml", "outside the spec's folder"),
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
