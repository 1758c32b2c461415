"""Numbers a map may hold: a `reach` too large for a RICE score, or a number too long to convert, is a
positioned error from validate (or plain text where the field is text), never a traceback from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_journeygen

MAP = """title: T
persona: {name: Maria}
stages:
  - name: A
    ideas: [{text: x, reach: %s, impact: high, effort: low, confidence: measured}]
"""


@pytest.mark.parametrize("reach", ["99999999999999999999999999999", "1000000000001", "1e30", ".inf", ".nan",
                                   "-1", "1.5", "9" * 5000])
def test_a_reach_out_of_range_is_a_positioned_error_and_nothing_is_written(tmp_path: Path, reach: str) -> None:
    spec = tmp_path / "huge.journey.yaml"
    spec.write_text(MAP % reach)
    checked = run_journeygen("validate", str(spec))
    message = (checked.stdout + checked.stderr).decode()
    assert checked.returncode == 1, message
    assert f"{spec}:5:30: stages[0].ideas[0].reach: reach is a whole number of customers from 0 to " \
           "1000000000000 (a trillion)" in message


def test_the_pdf_and_site_of_a_huge_reach_say_so_without_a_traceback_and_write_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "huge.journey.yaml"
    spec.write_text(MAP % "99999999999999999999999999999")
    for command in (["render", str(spec), "-f", "svg,pdf", "-o", str(tmp_path / "out")],
                    ["site", str(spec), "-o", str(tmp_path / "site")]):
        done = run_journeygen(*command)
        said = (done.stdout + done.stderr).decode()
        assert done.returncode == 1 and "Traceback" not in said and "stages[0].ideas[0].reach" in said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_largest_reach_renders_its_rice_score_in_the_pdf(tmp_path: Path) -> None:
    spec = tmp_path / "big.journey.yaml"
    spec.write_text(MAP % "1000000000000")
    done = run_journeygen("render", str(spec), "-f", "pdf", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr.decode()
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "big.pdf").pages)
    assert "RICE 3000000000000" in text


def test_a_number_longer_than_python_converts_is_kept_as_text_where_text_is_asked() -> None:
    from journeygen import load

    digits = "9" * 5000
    journey = load(f"title: T\npersona: {{name: M}}\nstages:\n  - name: A\n    actions: [{digits}]\n")
    assert journey.stages[0].actions[0].text == digits
