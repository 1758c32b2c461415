"""The version-control commands as a user meets them: help, the csv format, the hidden git driver."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from journeygen.api import load, loads, render
from journeygen.cli.main import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_commands_are_listed_and_the_driver_is_hidden() -> None:
    _, out = run("--help")
    assert "diff" in out and "report" in out and "import" in out
    assert "git-diff" not in out


@pytest.mark.parametrize("command", [["diff"], ["report"], ["import", "csv"]])
def test_help_teaches_with_an_example(command: list[str]) -> None:
    code, out = run(*command, "--help")
    assert code == 0 and "Example" in out and "journeygen" in out


def test_render_writes_csv(tmp_path: Path, shop: Path) -> None:
    code, out = run("render", str(shop), "-f", "csv", "-o", str(tmp_path))
    assert code == 0, out
    data = (tmp_path / "online-shop.csv").read_bytes()
    assert data.startswith("\ufeffTitle,Buying running shoes online\r\n".encode())


def test_render_csv_to_stdout_is_deterministic(shop: Path) -> None:
    first = CliRunner().invoke(main, ["render", str(shop), "-f", "csv", "-o", "-"]).stdout_bytes
    second = CliRunner().invoke(main, ["render", str(shop), "-f", "csv", "-o", "-"]).stdout_bytes
    assert first == second and b"Stage,Awareness,Consideration" in first


def test_git_driver_needs_seven_arguments() -> None:
    code, out = run("git-diff", "a", "b")
    assert code == 2 and "git passes 7 arguments" in out


def test_git_driver_with_two_files(tmp_path: Path, shop: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(shop.read_text(encoding="utf-8").replace("score: 2, label: worried", "score: 4, label: ok"))
    code, out = run("git-diff", "maps/shop.yaml", str(shop), "0" * 7, "100644", str(new), "1" * 7, "100644")
    assert code == 0
    assert out.startswith("journeygen diff a/maps/shop.yaml b/maps/shop.yaml\n--- a/maps/shop.yaml\n")
    assert "  ~ Retention: 2 -> 4 (+2)" in out


def test_import_reads_standard_input_and_prints(shop: Path) -> None:
    result = CliRunner().invoke(main, ["import", "csv", "-", "-o", "-"], input=render(load(shop), "csv"))
    assert result.exit_code == 0, result.output
    assert loads(result.stdout) == load(shop)
