"""Every short form of SPEC.md normalises to one frozen Journey; every rule is enforced."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

import journeygen
from journeygen.spec.model import Emotion, Journey

BASE = "title: T\npersona: {name: Maria Popescu}\n"


def one_stage(body: str) -> Journey:
    return journeygen.load(BASE + "stages:\n  - name: Awareness\n" + body)


def test_bare_strings_expand_to_mappings() -> None:
    stage = one_stage(
        "    actions: [Sees an ad]\n    touchpoints: [Instagram]\n    ideas: [Quiz]\n    metrics: [CTR]\n"
    ).stages[0]
    assert stage.actions[0].text == "Sees an ad"
    assert stage.touchpoints[0].name == "Instagram" and stage.touchpoints[0].channel is None
    assert stage.ideas[0].text == "Quiz"
    assert stage.metrics[0].name == "CTR"


def test_emotion_forms() -> None:
    assert one_stage("    emotion: 3\n").stages[0].emotion == Emotion(score=3)
    full = one_stage("    emotion: {score: 2, label: lost, note: why}\n").stages[0].emotion
    assert full == Emotion(score=2, label="lost", note="why")
    per = journeygen.load(
        "title: T\npersonas: [{id: ana, name: Ana}, {id: ion, name: Ion}]\n"
        "stages:\n  - name: S\n    emotion: {ana: 3, ion: {score: 5, label: happy}}\n"
    ).stages[0]
    assert per.emotion_for("ana") == Emotion(score=3)
    assert per.emotion_for("ion") == Emotion(score=5, label="happy")


def test_single_persona_and_default_ids() -> None:
    journey = one_stage("")
    assert [p.id for p in journey.personas] == ["maria-popescu"]
    assert journey.stages[0].id == "awareness"


def test_custom_lane_items_and_titles() -> None:
    journey = journeygen.load(
        BASE + "lanes: [actions, {id: thoughts, title: What they think}]\n"
        "stages:\n  - name: S\n    thoughts: [Is it worth it?]\n"
    )
    assert [lane.label for lane in journey.lane_list()] == ["Actions", "What they think"]
    assert journey.stages[0].items("thoughts") == ("Is it worth it?",)


def test_default_lanes_are_the_ones_with_content() -> None:
    journey = one_stage("    actions: [A]\n    pain_points: [P]\n    emotion: 2\n")
    assert [lane.id for lane in journey.lane_list()] == ["actions", "emotions", "pain_points"]


def test_yaml_1_1_traps_keep_the_text_written() -> None:
    journey = journeygen.load(
        "title: '1.10'\npersona: {name: No}\nstages:\n  - name: on\n    actions: [12:30, 1.10, 007, yes]\n"
    )
    assert journey.personas[0].name == "No"
    assert journey.stages[0].name == "on"
    assert [a.text for a in journey.stages[0].actions] == ["12:30", "1.10", "007", "yes"]


def test_idea_fields_and_status_spelling() -> None:
    idea = one_stage(
        "    ideas: [{text: Quiz, owner: Web, due: 2026-03-31, impact: high, effort: low, status: In progress}]\n"
    ).stages[0].ideas[0]
    assert (idea.owner, idea.due, idea.impact, idea.effort, idea.status) == (
        "Web", dt.date(2026, 3, 31), "high", "low", "in-progress")


def test_journey_is_frozen() -> None:
    journey = one_stage("")
    with pytest.raises(ValidationError):
        journey.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("locale, rtl", [("en", False), ("he", True), ("ar-EG", True), ("ro", False)])
def test_right_to_left_locales(locale: str, rtl: bool) -> None:
    assert journeygen.load(f"locale: {locale}\n" + BASE + "stages: [{name: S}]\n").rtl is rtl


@pytest.mark.parametrize("escaped, code", [(r"\a bell", "U+0007"), (r"a\u202eb", "U+202E"), (r"\e[31m", "U+001B")])
def test_control_characters_are_refused(escaped: str, code: str) -> None:
    spec = f'title: "{escaped}"\npersona: {{name: A}}\nstages: [{{name: S}}]\n'
    with pytest.raises(journeygen.SpecError) as err:
        journeygen.load(spec)
    assert f"control character {code}" in str(err.value)
    assert err.value.problems[0].path == "title"


def test_json_is_accepted_with_positions() -> None:
    text = '{"title": "T", "persona": {"name": "A"},\n "stages": [{"name": "S", "emotion": 9}]}'
    with pytest.raises(journeygen.SpecError) as err:
        journeygen.load(text)
    assert [(p.line, p.col, p.path) for p in err.value.problems] == [(2, 38, "stages[0].emotion")]


def test_bare_lane_must_be_built_in() -> None:
    """A misspelt lane is an error, not an empty custom lane that hides the stage's items."""
    with pytest.raises(journeygen.SpecError, match=r"'actoins' is not a built-in lane \(did you mean 'actions'\?"):
        journeygen.load(BASE + "lanes: [actoins]\nstages: [{name: S, actions: [A]}]\n")
    journey = journeygen.load(BASE + "lanes: [actions, {id: thoughts}]\nstages: [{name: S, thoughts: [Hm]}]\n")
    assert [lane.label for lane in journey.lane_list()] == ["Actions", "Thoughts"]


@pytest.mark.parametrize("lane", ["name", "description", "id", "moment_of_truth"])
def test_custom_lane_cannot_shadow_a_stage_key(lane: str) -> None:
    with pytest.raises(journeygen.SpecError, match="stages use that key already"):
        journeygen.load(BASE + f"lanes: [{{id: {lane}, title: X}}]\nstages: [{{name: S}}]\n")


@pytest.mark.parametrize("emotion", ["{label: happy}", "{note: why}", "{}"])
def test_emotion_mapping_without_score_says_so(emotion: str) -> None:
    with pytest.raises(journeygen.SpecError, match="missing required field 'score'"):
        journeygen.load(BASE + f"stages: [{{name: S, emotion: {emotion}}}]\n")


def test_moment_of_truth_takes_only_true_or_false() -> None:
    with pytest.raises(journeygen.SpecError, match="expected true or false, got the text 'yes'"):
        journeygen.load(BASE + "stages: [{name: S, moment_of_truth: yes}]\n")
