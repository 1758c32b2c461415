"""`journeygen validate` on each broken file in tests/invalid/ prints exactly the expected lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from journeygen.cli.main import main

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix in (".yaml", ".json"))


@pytest.mark.parametrize("spec", CASES, ids=[p.name for p in CASES])
def test_expected_problems(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(main, ["validate", spec.name])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == spec.with_suffix(".expected").read_text().splitlines()
    assert "Traceback" not in result.output


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 12
