"""emotion_scale: a map's own range of emotion scores, checked at every score, with the default 1..5 unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.api import loads
from journeygen.errors import SpecError

SCALED = """title: Renewal
personas: [{id: ana, name: Ana}, {id: dan, name: Dan}]
emotion_scale: {min: -2, max: 2, labels: {min: furious, max: delighted}}
stages:
  - name: Letter
    emotion: 3
  - name: Price
    emotion: {score: -3, label: angry}
    actions: [{text: Compares, emotion: 5}]
  - name: Call
    emotion: {ana: -2, dan: {score: 4}}
    micro_journeys: [{name: IVR, steps: [{name: Menu, emotion: -9}]}]
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(SpecError) as caught:
        loads(text, "m.yaml")
    return [str(p) for p in caught.value.problems]


def test_every_score_is_checked_against_the_maps_scale_at_its_place() -> None:
    assert _problems(SCALED) == [
        "m.yaml:6:14: stages[0].emotion: score 3 is outside this map's emotion_scale -2..2",
        "m.yaml:8:22: stages[1].emotion.score: score -3 is outside this map's emotion_scale -2..2",
        "m.yaml:9:41: stages[1].actions[0].emotion: score 5 is outside this map's emotion_scale -2..2",
        "m.yaml:11:37: stages[2].emotion.dan.score: score 4 is outside this map's emotion_scale -2..2",
        "m.yaml:12:64: stages[2].micro_journeys[0].steps[0].emotion: score -9 is outside this map's "
        "emotion_scale -2..2",
    ]


def test_scores_on_the_scale_are_valid_zero_and_negatives_included() -> None:
    text = (SCALED.replace("emotion: 3", "emotion: 0").replace("-3", "-2").replace("emotion: 5", "emotion: 0")
            .replace("score: 4", "score: 2").replace("-9", "1"))
    journey = loads(text)
    assert journey.emotion_scale.min == -2 and journey.stages[1].actions[0].emotion == 0


def test_without_a_scale_scores_are_1_to_5_with_the_same_message_as_before() -> None:
    text = "title: T\npersona: {name: Ana}\nstages:\n  - {name: S, emotion: 0}\n"
    assert _problems(text) == ["m.yaml:4:24: stages[0].emotion: an emotion score is a whole number from 1 to 5, "
                               "not 0"]


@pytest.mark.parametrize(("scale", "message"), [
    ("{min: 2, max: 2}", "emotion_scale: `min` (2) must be below `max` (2)"),
    ("{min: 3, max: 1}", "emotion_scale: `min` (3) must be below `max` (1)"),
    ("{min: -5, max: 10}", "emotion_scale: a scale spans at most 11 points (e.g. 0..10), not -5..10"),
    ("{min: 0, max: 20}", "emotion_scale.max: expected a number no greater than 10, got 20"),
    ("{min: 0.5, max: 5}", "emotion_scale.min: an end of the emotion scale (from -10 to 10) is a whole number, "
                           "not 0.5"),
    ("{min: 0, max: 10, labels: {low: x}}", "emotion_scale.labels.low: unknown key 'low'"),
])
def test_a_scale_is_two_whole_numbers_in_order_spanning_at_most_11_points(scale: str, message: str) -> None:
    text = f"title: T\npersona: {{name: Ana}}\nemotion_scale: {scale}\nstages: [{{name: S}}]\n"
    assert any(message in p for p in _problems(text)), _problems(text)


def test_the_command_line_names_file_line_and_column_and_exits_1(tmp_path: Path) -> None:
    spec = tmp_path / "m.journey.yaml"
    spec.write_text(SCALED, encoding="utf-8")
    result = run_journeygen("render", str(spec), "-f", "svg", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{spec}:6:14: stages[0].emotion: score 3 is outside this map's emotion_scale -2..2" \
        in result.stderr.decode() + result.stdout.decode()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_micro_journey_from_a_map_on_another_scale_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "ivr.journey.yaml").write_text(
        "title: IVR\npersona: {name: Ana}\nstages: [{name: Menu, emotion: 2}]\n", encoding="utf-8")
    spec = tmp_path / "m.journey.yaml"
    spec.write_text("title: T\npersona: {name: Ana}\nemotion_scale: {min: -2, max: 2}\nstages:\n"
                    "  - name: S\n    micro_journeys: [{use: ivr.journey.yaml}]\n", encoding="utf-8")
    result = run_journeygen("validate", str(spec))
    assert result.returncode == 1
    assert "stages[0].micro_journeys[0].use: the linked map scores emotions on 1..5, this map on -2..2; give both " \
           "the same emotion_scale" in result.stdout.decode()


def test_a_score_off_the_scale_is_reported_with_the_maps_other_problems_in_one_run() -> None:
    text = ("title: T\npersonas: [{id: ana, name: Ana}]\nemotion_scale: {min: 0, max: 10}\nstages:\n"
            "  - {name: S, emotion: 11, actions: [{text: a, persona: anna}]}\n"
            "  - {name: U, ideas: [{text: i, due: soon}]}\n")
    problems = _problems(text)
    assert any("stages[0].emotion: score 11 is outside this map's emotion_scale 0..10" in p for p in problems)
    assert any("unknown persona 'anna'" in p for p in problems)
    assert any("expected a date like 2026-03-31, got 'soon'" in p for p in problems)


def test_diff_names_a_changed_scale() -> None:
    from journeygen.spec.diff import diff

    old = loads("title: T\npersona: {name: Ana}\nstages: [{name: S, emotion: 3}]\n")
    new = loads("title: T\npersona: {name: Ana}\nemotion_scale: {min: -2, max: 2}\nstages: [{name: S, emotion: 0}]\n")
    changes = [c.as_dict() for c in diff(old, new)]
    assert {"op": "changed", "kind": "journey", "stage": None, "persona": None, "item": None,
            "field": "emotion_scale", "old": "1..5", "new": "-2..2", "delta": None} in changes
    assert diff(old, old) == ()


def test_compare_refuses_maps_on_different_scales(tmp_path: Path) -> None:
    old, new = tmp_path / "as-is.journey.yaml", tmp_path / "to-be.journey.yaml"
    old.write_text("title: T\npersona: {name: Ana}\nstages: [{name: S, emotion: 3}]\n", encoding="utf-8")
    new.write_text("title: T\npersona: {name: Ana}\nemotion_scale: {min: -2, max: 2}\n"
                   "stages: [{name: S, emotion: 1}]\n", encoding="utf-8")
    result = run_journeygen("compare", str(old), str(new))
    assert result.returncode != 0
    assert "the as-is map scores emotions on 1..5, the to-be map on -2..2; give both the same emotion_scale" \
        in result.stderr.decode()
    assert not (tmp_path / "to-be-compare.svg").exists()
