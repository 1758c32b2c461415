"""`journeygen themes FILE` on each broken theme in tests/theme/invalid/ prints exactly the expected lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from journeygen.cli.main import main

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("theme", CASES, ids=[p.name for p in CASES])
def test_expected_problems(theme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(main, ["themes", theme.name])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == theme.with_suffix(".expected").read_text().splitlines()
