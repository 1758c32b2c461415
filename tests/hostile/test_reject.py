"""Hostile and broken specs are refused fast, with a positioned message, without network or memory blow-up."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

import journeygen

REJECT = Path(__file__).parent / "reject"
CASES = sorted(p for p in REJECT.iterdir() if p.suffix in (".yaml", ".json"))
NONET = Path(__file__).parent / "nonet"
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space for the whole child process


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_every_case_refused_in_one_bounded_process(tmp_path: Path) -> None:
    """All cases at once in a real child process: 1 GiB address space, sockets blocked, 60 s at most."""
    net_log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": f"{NONET}{os.pathsep}{ROOT}", "JOURNEYGEN_NET_LOG": str(net_log)}
    proc = subprocess.run([sys.executable, "-m", "journeygen", "validate", *[p.name for p in CASES]], cwd=REJECT,
                          env=env, capture_output=True, text=True, timeout=60, preexec_fn=_limited, check=False)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    expected = [line for p in CASES for line in p.with_suffix(".expected").read_text().splitlines()]
    assert proc.stdout.splitlines() == expected
    assert f"0 of {len(CASES)} spec(s) valid" in proc.stderr
    assert not net_log.exists()


@pytest.mark.parametrize("spec", CASES, ids=[p.name for p in CASES])
def test_refused_with_plain_messages(spec: Path) -> None:
    """Each case is refused on its own, and no message carries terminal escapes or bidi overrides (how long
    it takes is timed by benchmarks/hostile.py, not here)."""
    with pytest.raises(journeygen.SpecError) as err:
        journeygen.load(spec)
    assert all("\x1b" not in str(p) and "\u202e" not in str(p) for p in err.value.problems)


def test_multi_megabyte_file_is_refused_by_size(tmp_path: Path) -> None:
    spec = tmp_path / "huge.yaml"
    spec.write_text("title: T\npersona: {name: A}\nstages:\n  - name: " + "x" * 6_000_000 + "\n")
    with pytest.raises(journeygen.SpecError, match="over the limit of 5000000"):
        journeygen.load(spec)


def test_limits_are_configurable(tmp_path: Path) -> None:
    spec = tmp_path / "big.yaml"
    spec.write_text("title: T\npersona: {name: A}\nstages:\n  - name: " + "x" * 2000 + "\n")
    small = subprocess.run([sys.executable, "-m", "journeygen", "validate", str(spec)], capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT), "JOURNEYGEN_MAX_BYTES": "1000"},
                           check=False)
    assert small.returncode == 1 and "over the limit of 1000" in small.stdout
    assert journeygen.load(spec).stages[0].name == "x" * 2000


def test_corpus_covers_enough_cases() -> None:
    assert len(CASES) >= 25
