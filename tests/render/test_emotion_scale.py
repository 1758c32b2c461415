"""A map on its own emotion scale: the curve, faces and legend use it; every other view reads scores on it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from helpers import run_journeygen

from journeygen.api import loads, render, render_formats
from journeygen.authoring.lint import lint_file
from journeygen.options import RenderOptions
from journeygen.report.formats import to_markdown
from journeygen.report.model import report, total

SPEC = """title: Renewal
persona: {name: Ana}
emotion_scale: {min: -2, max: 2, labels: {min: furious, max: delighted}}
stages:
  - name: Letter
    emotion: {score: 0, label: indifferent}
    actions: [{text: Reads the letter, emotion: 0}]
  - name: Price
    emotion: {score: -2, label: angry}
    pain_points: [Price rise not explained]
  - name: Call
    emotion: -1
  - name: Renewed
    emotion: 2
"""
ON_FIVE = """title: Renewal
persona: {name: Ana}
stages:
  - name: Letter
    emotion: {score: 3, label: indifferent}
    actions: [{text: Reads the letter, emotion: 3}]
  - name: Price
    emotion: {score: 1, label: angry}
    pain_points: [Price rise not explained]
  - name: Call
    emotion: 2
  - name: Renewed
    emotion: 5
"""
"""The same feelings on journeygen's own 1..5."""


def _faces(svg: str) -> list[tuple[str, str, float]]:
    """(tooltip, face class, y) of each stage face, left to right."""
    found = re.findall(r'<g id="[^"]*emotion-\d+"><title>([^<]*)</title><circle class="face ([^"]*)" '
                       r'cx="[^"]*" cy="([^"]*)"', svg)
    return [(tip, cls, float(y)) for tip, cls, y in found]


def test_the_curve_puts_the_scales_max_at_the_top_and_its_min_at_the_bottom() -> None:
    svg = render(loads(SPEC), "svg").decode()
    faces = _faces(svg)
    assert [cls for _, cls, _ in faces] == ["emo-neu", "emo-neg", "emo-neg", "emo-pos"]
    ys = [y for _, _, y in faces]
    assert ys[3] < ys[0] < ys[2] < ys[1], "2 highest, then 0, -1, and -2 lowest"
    assert ys[0] - ys[3] == ys[1] - ys[0], "the middle of -2..2 is halfway"
    baseline = re.search(r'<path class="baseline" d="M[\d.]+ ([\d.]+)', svg)
    assert baseline is not None and float(baseline.group(1)) == ys[0], "0 sits on the neutral line"


def test_the_same_feelings_on_1_to_5_draw_the_same_curve() -> None:
    assert [y for _, _, y in _faces(render(loads(ON_FIVE), "svg").decode())] == \
        [y for _, _, y in _faces(render(loads(SPEC), "svg").decode())]


def test_a_score_of_zero_is_a_point_on_the_curve_not_a_missing_one() -> None:
    svg = render(loads(SPEC), "svg").decode()
    assert svg.count('class="dot emo-neu"') == 1, "the action's 0"


def test_tooltips_and_legend_say_the_scale_and_its_end_labels() -> None:
    svg = render(loads(SPEC), "svg").decode()
    assert [tip for tip, _, _ in _faces(svg)] == ["neutral (0 on -2..2); indifferent", "furious (-2 on -2..2); angry",
                                                  "negative (-1 on -2..2)", "delighted (2 on -2..2)"]
    for entry in ("2 delighted", "0 neutral", "-2 furious"):
        assert f">{entry}</text>" in svg
    assert ">very positive</text>" not in svg


def test_mermaid_journey_maps_the_scale_onto_1_to_5_and_says_so(tmp_path: Path) -> None:
    spec = tmp_path / "m.journey.yaml"
    spec.write_text(SPEC.replace("{min: -2, max: 2,", "{min: 0, max: 10,").replace("score: -2", "score: 3")
                    .replace("emotion: -1", "emotion: 7").replace("emotion: 2\n", "emotion: 10\n"), encoding="utf-8")
    result = run_journeygen("render", str(spec), "-f", "mermaid", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "m.mmd").read_text(encoding="utf-8")
    # 0 -> 1, 3 -> 2.2 -> 2, 7 -> 3.8 -> 4, 10 -> 5; the action's 0 -> 1
    assert re.findall(r": (\d)", text) == ["1", "2", "4", "5"], text
    assert "emotion_scale 0..10 mapped to Mermaid's 1..5" in result.stderr.decode()


def test_mermaid_lane_grid_and_flowchart_keep_the_maps_own_scores() -> None:
    journey = loads(SPEC)
    for style in ("swimlane", "flowchart"):
        out = render_formats(journey, ["mermaid"], RenderOptions(mermaid_style=style))["mermaid"]
        text = out.data.decode()
        assert "-1 on -2..2" in text and "0 on -2..2 indifferent" in text
        assert not any("mapped to Mermaid" in note for note in out.notes)


def test_the_flow_view_colours_each_stage_by_its_place_on_the_scale() -> None:
    dot = render(loads(SPEC), "dot").decode()
    assert "indifferent · 0 on -2..2" in dot and "-1 on -2..2" in dot
    colours = re.findall(r'fillcolor="(#[0-9a-f]{6})"', dot)
    assert colours == re.findall(r'fillcolor="(#[0-9a-f]{6})"', render(loads(ON_FIVE), "dot").decode())


def test_the_report_sorts_maps_on_different_scales_by_how_low_each_feeling_is() -> None:
    scaled = report(loads(SPEC), "renewal", dt.date(2026, 1, 1))
    plain = report(loads("title: P\npersona: {name: Ana}\nstages: [{name: Pay, emotion: 2}]\n"), "plain",
                   dt.date(2026, 1, 1))
    both = total([scaled, plain])
    assert [(e.map, e.score) for e in both.emotions][:3] == [("renewal", -2), ("renewal", -1), ("plain", 2)]
    text = to_markdown([("r.yaml", "Renewal", scaled), ("p.yaml", "P", plain)], both, dt.date(2026, 1, 1))
    assert "| Ana | Price | -2 on -2..2 | angry |" not in text  # one shared curve: the persona column says everyone
    assert "| everyone | Price | -2 on -2..2 | angry |" in text and "| everyone | Pay | 2 |  |" in text


def test_lint_reads_a_drop_in_proportion_to_the_scale(tmp_path: Path) -> None:
    def drops(scale: str, before: int, after: int) -> bool:
        path = tmp_path / "m.yaml"
        path.write_text(f"title: T\npersona: {{name: Ana}}\nemotion_scale: {scale}\nstages:\n"
                        f"  - {{name: A, emotion: {before}}}\n  - {{name: B, emotion: {after}}}\n", encoding="utf-8")
        return "JG107" in [f.code for f in lint_file(str(path), today=dt.date(2026, 1, 1))]
    assert drops("{min: -2, max: 2}", 1, -1)
    assert not drops("{min: 0, max: 10}", 10, 8), "2 points of 10 are less than 2 of 5"
    assert drops("{min: 0, max: 10}", 10, 5)
    assert drops("{min: 0, max: 10}", 7, 2) and drops("{min: 0, max: 10}", 9, 4), "exactly 2 on 1..5, not 1.999..."


def test_the_report_csv_writes_a_negative_score_as_a_number_a_spreadsheet_reads() -> None:
    import csv
    import io

    from journeygen.report.formats import to_csv

    scaled = report(loads(SPEC), "renewal", dt.date(2026, 1, 1))
    rows = list(csv.DictReader(io.StringIO(to_csv([scaled]).lstrip("\ufeff"))))
    scores = [row["score"] for row in rows if row["section"] == "emotion"]
    assert scores == ["-2", "-1", "0", "2"], "negative scores stay numbers, not formula-guarded text"


def test_maps_whose_scales_differ_only_in_their_words_compare(tmp_path: Path) -> None:
    old, new = tmp_path / "old.journey.yaml", tmp_path / "new.journey.yaml"
    old.write_text(SPEC, encoding="utf-8")
    new.write_text(SPEC.replace("furious", "livid"), encoding="utf-8")
    done = run_journeygen("compare", str(old), str(new), "-o", str(tmp_path / "c.svg"))
    assert done.returncode == 0, done.stderr
    changed = run_journeygen("diff", str(old), str(new))
    assert b"livid" in changed.stdout, changed.stdout


def test_the_blank_template_has_a_level_per_score_of_the_scale(tmp_path: Path) -> None:
    from pypdf import PdfReader

    spec = tmp_path / "m.journey.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    done = run_journeygen("render", str(spec), "-f", "pdf", "--blank", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    page = PdfReader(tmp_path / "m.blank.pdf").pages[0].extract_text()
    assert "2 delighted" in page and "0 neutral" in page and "-2 furious" in page
    assert "5 very positive" not in page
    levels = [line.strip() for line in page.splitlines() if re.fullmatch(r"-?\d", line.strip())]
    assert levels[:5] == ["2", "1", "0", "-1", "-2"], levels


def test_git_diff_text_of_a_map_names_its_scale_and_a_default_map_does_not() -> None:
    from journeygen.vcs.textconv import facts

    assert "emotion_scale: \\-2..2, min: furious, max: delighted\n" in facts(loads(SPEC))  # a leading - escaped
    assert "emotion_scale" not in facts(loads(ON_FIVE))
