"""journeygen lint JG111: ids that mix scripts or look like another id are found where they stand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import EXAMPLES, run_journeygen

from journeygen.authoring.lint import lint_file

# Letters written by their code point, so that what each test is about is visible in the source.
CYR_E = "\u0435"  # CYRILLIC SMALL LETTER IE, looks like e
CYR_PAY = "\u0440\u0430\u0443"  # CYRILLIC ER, A, U: looks like "pay"
HEBREW = "\u05e9\u05dc\u05d1-1"  # "stage-1" in Hebrew
ROMANIAN = "plat\u0103-\u0219i-\u021bar\u0103"  # ă, ș (comma below), ț: Latin letters
VHOD = "\u0412\u0445\u043e\u0434"  # "Log in" in Russian: "Log in with Google" is a real stage name
HEAD = "title: T\npersona: {name: Ana, goals: [g]}\nstages:\n"
GOOD = "emotion: 3, touchpoints: [Web]"
GOOD_BLOCK = "    emotion: 3\n    touchpoints: [Web]\n"


def write(tmp_path: Path, text: str, name: str = "map.journey.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lint(*args: str | Path) -> tuple[int, str]:
    result = run_journeygen("lint", *map(str, args))
    return result.returncode, result.stdout.decode("utf-8")


def test_a_mixed_script_id_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEAD}  - name: Pay\n{GOOD_BLOCK}  - {{name: Checkout, id: ch{CYR_E}ckout, {GOOD}}}\n"
                           f"transitions: [{{from: ch{CYR_E}ckout, to: pay}}]\n")
    code, out = lint(path)
    assert out == (f"{path}:7:26: JG111 stage id 'ch{CYR_E}ckout' mixes Latin and Cyrillic "
                   f"('{CYR_E}' U+0435 CYRILLIC SMALL LETTER IE); write it in one script\n")
    assert code == 1


def test_ids_in_one_script_are_fine_whatever_the_script(tmp_path: Path) -> None:
    hebrew = write(tmp_path, f"locale: he\n{HEAD}  - {{id: {HEBREW}, name: \u05e9\u05dc\u05d1, {GOOD}}}\n"
                             f"transitions: [{{from: {HEBREW}, to: {HEBREW}}}]\n", "he.journey.yaml")
    romanian = write(tmp_path, f"locale: ro\n{HEAD}  - {{id: {ROMANIAN}, name: Plată, {GOOD}}}\n"
                               f"  - {{name: Țară și plată, {GOOD}}}\n", "ro.journey.yaml")
    code, out = lint(hebrew, romanian)
    assert "JG111" not in out
    assert code == 0


def test_two_ids_that_look_alike_are_both_reported(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEAD}  - {{id: pay, name: Pay, {GOOD}}}\n  - {{id: {CYR_PAY}, name: Pay again, {GOOD}}}\n"
                           f"transitions: [{{from: {CYR_PAY}, to: pay}}]\n")
    code, out = lint(path)
    lines = out.splitlines()
    assert [line.split(" JG111 ")[0] for line in lines] == [f"{path}:4:10:", f"{path}:5:10:"]
    assert lines[0].endswith(f"stage id 'pay' looks the same as stage id '{CYR_PAY}' (stages[1]); they differ "
                             "only in 'p' U+0070 LATIN SMALL LETTER P vs '\u0440' U+0440 CYRILLIC SMALL LETTER ER, "
                             "'a' U+0061 LATIN SMALL LETTER A vs '\u0430' U+0430 CYRILLIC SMALL LETTER A, "
                             "'y' U+0079 LATIN SMALL LETTER Y vs '\u0443' U+0443 CYRILLIC SMALL LETTER U")
    assert f"stage id '{CYR_PAY}' looks the same as stage id 'pay' (stages[0])" in lines[1]
    assert code == 1


def test_look_alike_personas_and_lanes_are_compared_within_their_kind(tmp_path: Path) -> None:
    text = (f"title: T\npersonas: [{{id: ana, name: Ana, goals: [g]}}, {{id: \u0430na, name: Ana B, goals: [g]}}]\n"
            f"lanes: [actions, {{id: notes, title: N}}, {{id: n\u03bftes, title: M}}]\n"
            f"stages:\n  - {{id: ana, name: Ana, {GOOD}}}\n")
    _, out = lint(write(tmp_path, text), "--format", "json")
    found = [(f["line"], f["col"], f["message"].split(" looks ")[0].split(" mixes ")[0]) for f in json.loads(out)]
    assert found == [(2, 17, "persona id 'ana'"), (2, 51, "persona id '\u0430na'"), (2, 51, "persona id '\u0430na'"),
                     (3, 23, "lane id 'notes'"), (3, 46, "lane id 'n\u03bftes'"), (3, 46, "lane id 'n\u03bftes'")]


def test_an_id_made_from_a_mixed_name_points_at_the_name(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEAD}  - name: {VHOD} \u0447\u0435\u0440\u0435\u0437 Google\n{GOOD_BLOCK}")
    _, out = lint(path)
    assert out.startswith(f"{path}:4:11: JG111 stage id '{VHOD.lower()}-\u0447\u0435\u0440\u0435\u0437-google' "
                          "(made from its name) mixes Cyrillic and Latin ('g' U+0067 LATIN SMALL LETTER G, "
                          "'o' U+006F LATIN SMALL LETTER O, 'l' U+006C LATIN SMALL LETTER L, ...)")


@pytest.mark.parametrize("ident", ["\u8cfc\u5165\u30b9\u30c6\u30c3\u30d7-web", "\ud55c\uad6d\uc5b4-\u6f22\u5b57",
                                   "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1", "\u00e7ak\u0131r-2",
                                   "\u0623\u0647\u0644\u0627_1", "s01", "\u0437\u0430\u043a\u0430\u0437"])
def test_writing_systems_that_combine_scripts_are_fine(tmp_path: Path, ident: str) -> None:
    path = write(tmp_path, f"{HEAD}  - {{id: {ident}, name: S, {GOOD}}}\n")
    assert [f.code for f in lint_file(str(path), today=dt.date(2026, 1, 1))] == []


@pytest.mark.parametrize("ident", ["ch\u03b5ckout", "\u0430pple-\u05e9", "\uff43heck\u043eut"])
def test_other_mixtures_are_reported(tmp_path: Path, ident: str) -> None:
    path = write(tmp_path, f"{HEAD}  - {{id: '{ident}', name: S, {GOOD}}}\n")
    assert [f.code for f in lint_file(str(path), today=dt.date(2026, 1, 1))] == ["JG111"]


def test_disable_ignore_and_project_level_apply(tmp_path: Path) -> None:
    body = f"{HEAD}  - {{id: ch{CYR_E}ckout, name: S, {GOOD}}}"
    assert lint(write(tmp_path, f"# journeygen: disable=JG111\n{body}\n"))[1] == ""
    assert lint(write(tmp_path, f"{body}  # journeygen: ignore=JG111\n"))[1] == ""
    assert lint(write(tmp_path, f"{body}\n"), "--disable", "JG111")[1] == ""
    (tmp_path / ".journeygen.toml").write_text('[lint]\nwarning = ["JG111"]\n')
    code, out = lint(write(tmp_path, f"{body}\n"), "--format", "json")
    assert [(f["code"], f["level"], f["line"], f["col"]) for f in json.loads(out)] == [("JG111", "warning", 4, 10)]
    assert code == 0


def test_bundled_examples_have_no_lookalike_ids() -> None:
    code, out = lint(*EXAMPLES, "--today", "2026-01-01")
    assert "JG111" not in out
    assert code == 0
