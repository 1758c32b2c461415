"""journeygen diff: every kind of change, by ids, in text, Markdown and JSON."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import EXAMPLES

from journeygen.cli.main import main

BASE: dict[str, Any] = {
    "title": "Shop",
    "description": "As-is",
    "personas": [{"id": "maria", "name": "Maria"}, {"id": "ion", "name": "Ion"}],
    "stages": [
        {"id": "awareness", "name": "Awareness", "emotion": 3, "actions": ["Sees an ad"],
         "touchpoints": [{"name": "Instagram ad", "channel": "social"}]},
        {"id": "decision", "name": "Decision", "emotion": {"score": 2, "label": "unsure"},
         "pain_points": ["Sizes differ"], "motivations": ["Fit"],
         "ideas": [{"text": "Size quiz", "owner": "Web", "due": "2026-03-31", "status": "planned"}],
         "metrics": [{"name": "Conversion", "value": "2%", "target": "3%"}]},
        {"id": "purchase", "name": "Purchase", "emotion": 4},
    ],
    "transitions": [{"from": "purchase", "to": "decision", "label": "wrong size"}],
}


def write(folder: Path, name: str, data: dict[str, Any]) -> str:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def run_diff(tmp_path: Path, new: dict[str, Any], *args: str, old: dict[str, Any] = BASE) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", write(tmp_path, "old.yaml", old), write(tmp_path, "new.yaml", new),
                                       *args])
    return result.exit_code, result.stdout, result.stderr


def changed(**edits: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(edits)
    return data


def stage(index: int, **edits: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["stages"][index].update(edits)
    return data


def json_changes(tmp_path: Path, new: dict[str, Any], old: dict[str, Any] = BASE) -> list[dict[str, Any]]:
    code, out, _ = run_diff(tmp_path, new, "--format", "json", old=old)
    assert code == 1
    changes: list[dict[str, Any]] = json.loads(out)["changes"]
    return changes


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_a_map_equals_itself(example: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(example), str(example)])
    assert result.exit_code == 0
    assert "no differences" in result.stdout


def test_emotion_change_reads_as_stage_old_new_delta(tmp_path: Path) -> None:
    code, out, _ = run_diff(tmp_path, stage(1, emotion={"score": 4, "label": "unsure"}))
    assert code == 1
    assert "  ~ Decision: 2 -> 4 (+2)" in out
    assert "1 change (1 changed)" in out


def test_emotion_per_persona(tmp_path: Path) -> None:
    code, out, _ = run_diff(tmp_path, stage(1, emotion={"maria": 2, "ion": 1}))
    assert code == 1 and "Decision (Ion): 2 -> 1 (-1)" in out
    assert "Decision (Maria)" not in out
    assert 'emotion label (Maria): "unsure" -> none' in out


def test_stages_added_removed_renamed_moved(tmp_path: Path) -> None:
    new = copy.deepcopy(BASE)
    new["stages"] = [
        {"id": "onboarding", "name": "Onboarding"},
        {**BASE["stages"][2]},
        {**BASE["stages"][1], "name": "Choice"},
    ]
    new["transitions"] = []
    _, out, _ = run_diff(tmp_path, new)
    assert 'removed stage "Awareness" (awareness)' in out
    assert 'added stage "Onboarding" (onboarding) at position 1' in out
    assert 'stage "Purchase" moved: position 3 -> 2' in out or 'stage "Choice" moved' in out
    assert '~ renamed: "Decision" -> "Choice"' in out


def test_one_inserted_stage_moves_nothing(tmp_path: Path) -> None:
    new = copy.deepcopy(BASE)
    new["stages"].insert(0, {"id": "need", "name": "Need"})
    kinds = {(c["op"], c["kind"]) for c in json_changes(tmp_path, new)}
    assert kinds == {("added", "stage")}


def test_personas_added_removed_renamed_moved(tmp_path: Path) -> None:
    new = changed(personas=[{"id": "ion", "name": "Ion Rusu"}, {"id": "ana", "name": "Ana"}])
    new["personas"].append({"id": "maria", "name": "Maria", "goals": ["Run"]})
    new["personas"] = [new["personas"][2], *new["personas"][:2]]
    old = changed(personas=[*BASE["personas"], {"id": "dan", "name": "Dan"}])
    _, out, _ = run_diff(tmp_path, new, old=old)
    assert 'removed persona "Dan" (dan)' in out
    assert 'added persona "Ana" (ana) at position 3' in out
    assert 'persona ion renamed: "Ion" -> "Ion Rusu"' in out
    assert 'persona Maria goals: added "Run"' in out


def test_persona_order_change_is_a_move(tmp_path: Path) -> None:
    changes = json_changes(tmp_path, changed(personas=list(reversed(BASE["personas"]))))
    assert [(c["op"], c["persona"], c["old"], c["new"]) for c in changes] == [("moved", "ion", 2, 1)]


@pytest.mark.parametrize(("lane", "item", "shown"), [
    ("actions", "Reads reviews", "action"),
    ("motivations", "Saves money", "motivation"),
    ("touchpoints", "Newsletter", "touchpoint"),
    ("pain_points", "Slow site", "pain point"),
    ("ideas", "Chat with a fitter", "idea"),
    ("metrics", "NPS", "metric"),
])
def test_items_added_and_removed(tmp_path: Path, lane: str, item: str, shown: str) -> None:
    new = copy.deepcopy(BASE)
    new["stages"][2][lane] = [item]
    new["stages"][1][lane] = []
    new["stages"][0][lane] = []
    _, out, _ = run_diff(tmp_path, new)
    assert f'  + {shown}: "{item}"' in out.split("Stage: Purchase")[1]
    removed = [c for c in json_changes(tmp_path, new) if c["op"] == "removed"]
    assert all(c["kind"] == lane for c in removed) and removed


def test_idea_status_owner_due_and_metric_value(tmp_path: Path) -> None:
    new = stage(1, ideas=[{"text": "Size quiz", "owner": "App", "due": "2026-05-01", "status": "done"}],
                metrics=[{"name": "Conversion", "value": "2.5%", "target": "3%"}])
    _, out, _ = run_diff(tmp_path, new)
    assert 'idea "Size quiz": status "planned" -> "done"' in out
    assert 'idea "Size quiz": owner "Web" -> "App"' in out
    assert 'idea "Size quiz": due "2026-03-31" -> "2026-05-01"' in out
    assert 'metric "Conversion": value "2%" -> "2.5%"' in out


def test_touchpoint_channel_and_stage_fields(tmp_path: Path) -> None:
    new = stage(0, touchpoints=[{"name": "Instagram ad", "channel": "web"}], moment_of_truth=True,
                description="Sees the brand")
    _, out, _ = run_diff(tmp_path, new)
    assert 'touchpoint "Instagram ad": channel "social" -> "web"' in out
    assert "moment_of_truth: no -> yes" in out
    assert 'description: none -> "Sees the brand"' in out


def test_title_description_and_transitions(tmp_path: Path) -> None:
    new = changed(title="Shop (to-be)", description=None,
                  transitions=[{"from": "purchase", "to": "decision", "label": "other size"},
                               {"from": "purchase", "to": "awareness"}])
    _, out, _ = run_diff(tmp_path, new)
    assert 'title: "Shop" -> "Shop (to-be)"' in out
    assert 'description: "As-is" -> none' in out
    assert 'purchase -> decision label: "wrong size" -> "other size"' in out
    assert "  + purchase -> awareness" in out


def test_custom_lane_and_micro_journey(tmp_path: Path) -> None:
    old = changed(lanes=["actions", {"id": "thoughts", "title": "Thoughts"}])
    old["stages"][0]["thoughts"] = ["Is it worth it?"]
    new = copy.deepcopy(old)
    new["stages"][0]["thoughts"] = ["Too expensive"]
    new["stages"][0]["micro_journeys"] = [{"name": "Sign-up", "steps": ["Opens form"]}]
    _, out, _ = run_diff(tmp_path, new, old=old)
    assert '+ thoughts: "Too expensive"' in out and '- thoughts: "Is it worth it?"' in out
    assert '+ micro-journey: "Sign-up"' in out


def test_markdown_is_a_safe_pull_request_comment(tmp_path: Path) -> None:
    new = stage(1, emotion=4, pain_points=["<script>alert(1)</script> [x](http://e.vil) @team | *bold*"])
    code, out, _ = run_diff(tmp_path, new, "--format", "md")
    assert code == 1
    assert out.startswith("### Journey map changes")
    assert "| Decision |  | 2 | 4 | +2 |" in out
    assert "<script>" not in out and "\\[x\\](" in out and "@team" not in out and " | *" not in out
    assert "&lt;script&gt;" in out


def test_json_shape_is_stable(tmp_path: Path) -> None:
    code, out, _ = run_diff(tmp_path, stage(1, emotion=5), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"format", "version", "old", "new", "equal", "summary", "changes"}
    assert data["equal"] is False and data["version"] == 1
    assert data["changes"][0] == {"op": "changed", "kind": "emotion", "stage": "decision", "persona": None,
                                  "item": None, "field": "score", "old": 2, "new": 5, "delta": 3}


def test_colour_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    _, plain, _ = run_diff(tmp_path, stage(1, emotion=5))
    _, coloured, _ = run_diff(tmp_path, stage(1, emotion=5), "--color", "always")
    assert "\x1b[" not in plain
    assert "\x1b[33m  ~ Decision: 2 -> 5 (+3)" in coloured


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    code, out, _ = run_diff(tmp_path, stage(1, emotion=5), "-q")
    assert (code, out) == (1, "")


def test_invalid_side_is_exit_1_with_positions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 9}]\n")
    worse = tmp_path / "worse.yaml"
    worse.write_text("title: [\n")
    result = CliRunner().invoke(main, ["diff", str(bad), str(worse)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{bad}:3:29: stages[0].emotion: an emotion score is a whole number from 1 to 5, not 9" in result.stderr
    assert f"{worse}:2:1: (syntax)" in result.stderr


def test_control_characters_cannot_reach_the_terminal(tmp_path: Path) -> None:
    _, out, _ = run_diff(tmp_path, stage(1, pain_points=["Sizes differ", "line\nbreak \u200bhidden"]))
    assert "\u200b" not in out and "\\u200b" in out and "line\\u000abreak" in out


def test_one_side_from_standard_input(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", BASE)
    new = yaml.safe_dump(stage(1, emotion=4), allow_unicode=True)
    result = CliRunner().invoke(main, ["diff", old, "-"], input=new)
    assert result.exit_code == 1
    assert "--- " + old in result.stdout and "+++ -" in result.stdout
    assert "Decision: 2 -> 4 (+2)" in result.stdout
