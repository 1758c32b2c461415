"""Failed renders and failed writes -> exit 1, a message, the previous good output untouched, the other specs done."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_journeygen

GOOD = "title: Good\npersona: {name: Ann}\nstages:\n  - {name: Look, actions: [Browse]}\n"
BROKEN = {
    "syntax": "title: Good\npersona: {name: Ann\nstages: []\n",
    "invalid": "title: Good\npersona: {name: Ann}\nstages:\n  - {name: Look, emotion: 9}\n",
    "empty": "",
    "truncated": GOOD[:30],
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("how", BROKEN)
def test_broken_spec_leaves_the_previous_output(tmp_path: Path, how: str) -> None:
    spec = tmp_path / "map.yaml"
    spec.write_text(GOOD)
    assert run_journeygen("render", str(spec)).returncode == 0
    before = _files(tmp_path)
    spec.write_text(BROKEN[how])
    done = run_journeygen("render", str(spec))
    assert done.returncode == 1 and b"map.yaml" in done.stderr and b"Traceback" not in done.stderr
    after = _files(tmp_path)
    assert after.pop("map.yaml") == BROKEN[how].encode()
    before.pop("map.yaml")
    assert after == before, "the failed render changed, emptied or left a file"


def test_one_failing_spec_among_many(tmp_path: Path) -> None:
    for name, text in (("a", GOOD), ("bad", BROKEN["invalid"]), ("c", GOOD.replace("Good", "Third"))):
        (tmp_path / f"{name}.yaml").write_text(text)
    done = run_journeygen("render", "a.yaml", "bad.yaml", "c.yaml", "-o", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.svg", "c.svg"]
    assert b"bad.yaml:4:" in done.stderr and b"Traceback" not in done.stderr


def test_unwritable_output_is_an_error_message(tmp_path: Path) -> None:
    """A write error (here a folder where the file goes) is a message; the other specs are still written."""
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.svg").mkdir()  # a folder where the file should go
    done = run_journeygen("render", "a.yaml", "b.yaml", "-o", "out", cwd=tmp_path)
    assert done.returncode == 1 and b"Traceback" not in done.stderr and b"a.svg" in done.stderr
    assert (tmp_path / "out" / "b.svg").is_file()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_output_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "taken").write_text("keep me")
    done = run_journeygen("render", "a.yaml", "-o", "taken", cwd=tmp_path)
    assert done.returncode == 1 and b"Traceback" not in done.stderr and b"taken" in done.stderr
    assert (tmp_path / "taken").read_text() == "keep me"
