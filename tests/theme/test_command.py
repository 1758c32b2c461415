"""`journeygen themes`: the list of built-ins, one theme's slots, contrast warnings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from helpers import run_journeygen

from journeygen.cli.main import main


def test_lists_each_built_in_with_a_description() -> None:
    done = run_journeygen("themes")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert [line.split()[0] for line in lines] == ["dark", "default", "high-contrast", "print"]
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["themes", "--help"])
    assert result.exit_code == 0
    assert "journeygen themes dark" in result.stdout
    assert "themes" in CliRunner().invoke(main, ["--help"]).stdout


def test_one_theme_prints_its_resolved_slots_as_yaml() -> None:
    result = CliRunner().invoke(main, ["themes", "print"])
    assert result.exit_code == 0
    assert 'name: "print"' in result.stdout.splitlines()
    assert 'background: "#ffffff"' in result.stdout.splitlines()
    assert result.stderr == ""


def test_low_contrast_user_theme_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "pale.yaml").write_text('extends: default\nmuted: "#aaa"\n')
    result = CliRunner().invoke(main, ["themes", str(tmp_path / "pale.yaml")])
    assert result.exit_code == 0
    assert ("warning: muted #aaaaaa on background #ffffff: contrast 2.32:1, below the WCAG AA minimum of 4.5:1"
            in result.stderr.splitlines())


def test_unknown_theme_exits_1_with_a_suggestion() -> None:
    result = CliRunner().invoke(main, ["themes", "hihg-contrast"])
    assert result.exit_code == 1
    assert "did you mean 'high-contrast'?" in result.stderr
