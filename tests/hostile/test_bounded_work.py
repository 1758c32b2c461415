"""Inputs shaped to make work explode: what each bounded algorithm gives back (their timing is in benchmarks/)."""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest

from journeygen.errors import SpecError, printable
from journeygen.spreadsheet.read import read_rows
from journeygen.vcs.gitdriver import external_diff
from journeygen.vcs.linediff import MAX_LINES, line_diff


def plain_diff(old: list[str], new: list[str]) -> str:
    lines = difflib.unified_diff(old, new, "a/m.yaml", "b/m.yaml", lineterm="")
    return "".join(printable(line) + "\n" for line in lines)


def test_a_small_change_in_a_long_file_is_the_same_diff_as_difflib_gives() -> None:
    old = [f"line {i}: x" for i in range(20_000)]
    new = [*old[:12_345], "inserted", *old[12_345:15_000], *old[15_001:]]
    got = line_diff("\n".join(old).encode(), "\n".join(new).encode(), "a/m.yaml", "b/m.yaml")
    assert got == plain_diff(old, new)
    assert "@@ -12343,6 +12343,7 @@\n" in got and "@@ -14998,7 +14999,6 @@\n" in got


def test_random_edits_give_a_diff_that_rebuilds_the_new_text() -> None:
    rng = random.Random(22)
    for _ in range(300):
        old = [rng.choice("abcd") for _ in range(rng.randrange(40))]
        new = list(old)
        for _ in range(rng.randrange(4)):
            at = rng.randrange(len(new) + 1)
            new[at:at + rng.randrange(2)] = rng.choice(["", "x", "yz"])
        diff = line_diff("\n".join(old).encode(), "\n".join(new).encode(), "a", "b")
        assert apply(old, diff) == new, (old, new, diff)


def apply(old: list[str], diff: str) -> list[str]:
    """``old`` with a unified diff applied, read by its hunk headers (so wrong line numbers fail)."""
    out: list[str] = []
    at = 0
    for line in diff.splitlines()[2:]:
        if line.startswith("@@"):
            start = int(line.split()[1][1:].split(",")[0])
            length = line.split()[1].split(",")
            begin = start - 1 if len(length) == 1 or length[1] != "0" else start
            out += old[at:begin]
            at = begin
        elif line.startswith("-"):
            assert old[at] == line[1:]
            at += 1
        elif line.startswith("+"):
            out.append(line[1:])
        else:
            assert old[at] == line[1:]
            out.append(old[at])
            at += 1
    return out + old[at:]


def test_a_line_diff_too_big_to_compute_is_left_out_with_a_pointer_to_git(tmp_path: Path) -> None:
    """Two ~940 KB files that are not maps: git-diff names the problem and points to git's own diff."""
    rng = random.Random(1)
    old, new = tmp_path / "old", tmp_path / "new"
    old.write_text("".join(f"- v{rng.randrange(400)}\n" for _ in range(160_000)))
    new.write_text("".join(f"- v{rng.randrange(400)}\n" for _ in range(160_000)))
    out = external_diff("maps/m.journey.yaml", old, new, colour=False)
    assert "(not a valid map, so a line diff follows)" in out
    assert out.endswith(f"over journeygen's limit of {MAX_LINES}; `git diff --no-ext-diff` shows them)\n")


def test_one_long_line_of_commas_is_refused_at_the_cell_limit() -> None:
    with pytest.raises(SpecError) as err:
        read_rows("," * 4_900_000, "wide.csv")
    assert str(err.value).startswith("wide.csv:1:200001: ")
    assert "more than 200000 cells" in str(err.value)


def test_long_lines_keep_every_cell_and_its_place() -> None:
    rows = read_rows("a," * 5_000 + "end\n" + '"q,1",b\n', "x.csv")
    assert len(rows[0]) == 5_001 and rows[0][-1].text == "end" and rows[0][-1].col == 10_001
    assert [c.text for c in rows[1]] == ["q,1", "b"] and rows[1][1].address == "B2"
