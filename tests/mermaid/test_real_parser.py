"""Exported Mermaid, read back by the REAL mermaid parser: titles, sections, tasks and actors equal the spec."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from helpers import EXAMPLES

from journeygen.api import load, loads, render
from journeygen.importers.mermaid_parse import parse
from journeygen.options import RenderOptions
from journeygen.spec.model import Journey

SWIMLANE = RenderOptions(mermaid_style="flowchart")  # the flowchart of every lane (the grid: test_grid.py)
RealParse = Callable[[list[str]], list[dict[str, Any]]]
# Random labels drawn from Mermaid's special characters, keywords, scripts and spaces (fixed seed).
_PIECES = [
    *"#;:,%<>&\"`{}[]()|\\/-=.!?*_~'\n\t ",
    "#58;", "#quot;", "%%", "%%{", "}%%", "section ", "title ", "accTitle: ", "accDescr {", "journey", "style",
    "classDef", "<br>", "-->", "end", "ש", "ع", "🏃", "👟", "\u2028", "\ufb02", "\u00b0", "\u00b6\u00df", "a", "Z", "7"]
RANDOM = tuple("".join(random.Random(seed).choices(_PIECES, k=random.Random(-seed).randint(1, 12)))
               for seed in range(60))
Parsed = dict[str, list[dict[str, Any]]]
_NODE_ID = re.compile(r"map|paths|s\d+(_[lm]\d+)?")


def _stage(index: int, label: str) -> dict[str, Any]:
    """A stage whose every text field holds the label."""
    return {"id": f"s{index}", "name": label, "emotion": {"p": 2, "q": 5},
            "actions": [{"text": label, "emotion": 4}, {"text": "plain", "persona": "q"}],
            "touchpoints": [{"name": label, "channel": label}], "motivations": [label], "pain_points": [label],
            "ideas": [{"text": label, "owner": label}], "metrics": [{"name": label, "value": label}],
            "micro_journeys": [{"name": label, "steps": [label]}]}


def hostile_spec(label: str) -> Journey:
    """Every text field that reaches the journey diagram holds the label; one action has no emotion at all."""
    data = {"title": label, "description": label, "personas": [{"id": "p", "name": label}, {"id": "q", "name": "Ion"}],
            "stages": [_stage(1, label), {"id": "s2", "name": "After", "actions": [label]}]}
    return loads(json.dumps(data, ensure_ascii=False))


def hostile_map(labels: tuple[str, ...]) -> Journey:
    """One stage per label, every lane filled with it (one flowchart: Mermaid parses flowcharts slowly)."""
    count = len(labels)
    data = {"title": labels[0], "personas": [{"id": "p", "name": "Maria"}, {"id": "q", "name": "Ion"}],
            "stages": [_stage(n, label) for n, label in enumerate(labels, 1)],
            "transitions": [{"from": f"s{n}", "to": f"s{n % count + 1}", "label": label}
                            for n, label in enumerate(labels, 1)]}
    return loads(json.dumps(data, ensure_ascii=False))


@pytest.fixture(scope="module")
def parsed(real_parse: RealParse, hostile_labels: tuple[str, ...]) -> Parsed:
    """Every diagram of this module, parsed in one node run."""
    journeys = [render(hostile_spec(label), "mermaid").decode() for label in hostile_labels + RANDOM]
    lanes = [render(hostile_map(hostile_labels), "mermaid", options=SWIMLANE).decode()]
    examples = [render(load(str(p)), "mermaid").decode() for p in EXAMPLES]
    example_lanes = [render(load(str(p)), "mermaid", options=SWIMLANE).decode() for p in EXAMPLES]
    results = real_parse(journeys + lanes + examples + example_lanes)
    sizes = [len(journeys), len(lanes), len(examples), len(example_lanes)]
    names = ["journeys", "lanes", "examples", "example_lanes"]
    out, at = {}, 0
    for name, size in zip(names, sizes, strict=True):
        out[name], at = results[at:at + size], at + size
    return out


def expected(text: str, breaks: str = "\n\r\v\f\x85\u2028\u2029") -> str:
    """What a label reads as in Mermaid: line breaks (which Mermaid cannot escape) become spaces.

    A journey diagram keeps tabs; a flowchart label turns them into spaces too (pass ``FLOW_BREAKS``)."""
    return "".join(" " if c in breaks else c for c in text)


FLOW_BREAKS = "\n\r\t\v\f\x85\u2028\u2029"


def test_hostile_journey_reads_back_exactly(parsed: Parsed, hostile_labels: tuple[str, ...], hostile: int) -> None:
    label, result = expected(hostile_labels[hostile]), parsed["journeys"][hostile]
    assert result["ok"], result.get("error")
    # A description keeps its lines (an accDescr block); every other text reads as one line.
    raw = hostile_labels[hostile]
    lines = "\n".join(expected(line).strip(" ") for line in raw.split("\n") if line.strip()) if "\n" in raw else label
    assert (result["title"], result["accTitle"], result["accDescr"]) == (label, label, lines)
    assert result["sections"] == [label, "After"]
    tasks = [(t["section"], t["task"], t["score"], t["people"]) for t in result["tasks"]]
    assert tasks == [(label, label, 4, [label, "Ion"]), (label, "plain", 5, ["Ion"]),
                     ("After", label, 3, [label, "Ion"])]
    assert sorted(result["actors"]) == sorted([label, "Ion"])


@pytest.mark.parametrize("index", range(len(RANDOM)))
def test_random_labels_read_back_exactly(parsed: Parsed, hostile_labels: tuple[str, ...], index: int) -> None:
    spec = hostile_spec(RANDOM[index])
    raw = spec.title  # as loaded: YAML folds the spaces around some line breaks
    label, result = expected(raw), parsed["journeys"][len(hostile_labels) + index]
    assert result["ok"], (raw, result.get("error"))
    assert (result["title"], result["sections"]) == (label, [label, "After"]), raw
    first = result["tasks"][0]
    assert (first["task"], first["people"]) == (label, [label, "Ion"]), raw
    ours = parse(render(spec, "mermaid").decode())
    assert (ours.title, ours.sections[0].name, ours.sections[0].tasks[0].actors) == (label, label, (label, "Ion"))


def test_hostile_swimlane_keeps_its_shape(parsed: Parsed, hostile_labels: tuple[str, ...], hostile: int) -> None:
    label, result = expected(hostile_labels[hostile], FLOW_BREAKS), parsed["lanes"][0]
    assert result["ok"], result.get("error")
    titles = {s["id"]: s["title"] for s in result["subgraphs"]}
    assert len(titles) == len(hostile_labels) + 1 and titles[f"s{hostile + 1}"] == label
    ids = [v["id"] for v in result["vertices"]]
    assert all(_NODE_ID.fullmatch(i) for i in ids), ids  # no label made a node of its own
    lanes = [v["text"] for v in result["vertices"] if re.fullmatch(rf"s{hostile + 1}_[lm]\d+", v["id"])]
    assert len(lanes) == 8  # 7 lanes + 1 micro-journey
    assert "<b>Emotions</b><br>• Maria: 2/5<br>• Ion: 5/5" in lanes
    assert all(label in text for text in lanes if not text.startswith("<b>Emotions")), lanes
    paths = next(v["text"] for v in result["vertices"] if v["id"] == "paths")
    assert f": {label}<br>" in paths + "<br>"
    assert all({e["start"], e["end"]} <= set(ids) for e in result["edges"])
    assert len(result["edges"]) == len(hostile_labels) * 8  # the stage chain, lane stacking, the paths link


def test_examples_parse_and_keep_every_task(parsed: Parsed) -> None:
    for path, result, lanes in zip(EXAMPLES, parsed["examples"], parsed["example_lanes"], strict=True):
        journey = load(str(path))
        assert result["ok"] and lanes["ok"], (path, result.get("error"), lanes.get("error"))
        assert result["title"] == journey.title
        assert result["sections"] == [stage.name for stage in journey.stages]
        assert sorted(result["actors"]) == sorted(p.name for p in journey.personas)
        texts = [t["task"] for t in result["tasks"]]
        for stage in journey.stages:
            assert all(action.text in texts for action in stage.actions)


def test_scores_are_journeygen_s_own_check(parsed: Parsed) -> None:
    """Mermaid does not check scores: journeygen does, from the spec, for the single-persona example."""
    for path, result in zip(EXAMPLES, parsed["examples"], strict=True):
        journey = load(str(path))
        if len(journey.personas) != 1:
            continue
        want = [action.emotion or stage.emotion_for(journey.personas[0].id).score  # type: ignore[union-attr]
                for stage in journey.stages for action in stage.actions]
        assert [t["score"] for t in result["tasks"]] == want
        ours = parse(render(journey, "mermaid").decode())
        assert [t.score for s in ours.sections for t in s.tasks] == want


def test_every_persona_s_stage_emotion_reaches_mermaid(parsed: Parsed) -> None:
    """A persona with a feeling at a stage is an actor of a task of that section, even when no action names them
    (saas-onboarding: Mihai feels 3 at the trial, where only Ana acts)."""
    for path, result in zip(EXAMPLES, parsed["examples"], strict=True):
        journey = load(str(path))
        for stage in journey.stages:
            people = {p for t in result["tasks"] if t["section"] == stage.name for p in t["people"]}
            felt = {p.name for p in journey.personas if stage.emotion_for(p.id) is not None}
            assert felt <= people, (path.name, stage.name, felt - people)
