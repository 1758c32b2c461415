"""Output files: names from the spec's stem, atomic writes with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from journeygen.output import stem, write_atomic


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
