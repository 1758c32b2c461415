"""Output files: names from the spec's stem, atomic writes with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from journeygen.output import write_atomic
from journeygen.project import stem


@pytest.mark.parametrize("spec, expected", [
    ("maps/shop.journey.yaml", "shop"), ("a.yml", "a"), ("b.json", "b"), ("c.journey.json", "c"),
    ("-", "journey"), ("notes.txt", "notes.txt"),
])
def test_stem(spec: str, expected: str) -> None:
    assert stem(spec) == expected


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out" / "map.svg", b"<svg/>")
    finally:
        os.umask(old)
    target = tmp_path / "out" / "map.svg"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == b"<svg/>"
    assert [p.name for p in target.parent.iterdir()] == ["map.svg"]


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() == b"new"


def test_unwritable_output_is_an_error_and_the_rest_still_render(tmp_path: Path) -> None:
    from helpers import ROOT, run_journeygen

    blocker = tmp_path / "taken"
    blocker.write_text("a file where a folder should be")
    spec = tmp_path / "m.yaml"
    spec.write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    result = run_journeygen("render", str(spec), "-o", str(blocker / "sub"))
    assert result.returncode == 1
    assert b"cannot write" in result.stderr and b"Traceback" not in result.stderr
    good = run_journeygen("render", str(ROOT / "examples" / "service-minimal.journey.yaml"), str(spec),
                          "-o", str(tmp_path / "out"), "-j", "2")
    assert good.returncode == 0 and (tmp_path / "out" / "m.svg").exists()


def test_stdin_with_other_specs_under_parallel_rendering(tmp_path: Path) -> None:
    from helpers import ROOT, run_journeygen

    text = (ROOT / "examples" / "service-minimal.journey.yaml").read_bytes()
    other = tmp_path / "other.yaml"
    other.write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    result = run_journeygen("render", "-", str(other), "-o", str(tmp_path), "-j", "2", input=text)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "journey.svg").exists() and (tmp_path / "other.svg").exists()
