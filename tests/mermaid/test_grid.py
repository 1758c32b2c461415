"""`--mermaid-style swimlane`: the block-beta grid, read back by the REAL mermaid parser (jsdom, tests/js)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT

from journeygen.api import load, loads, render
from journeygen.layout.words import words_for
from journeygen.options import RenderOptions
from journeygen.render.mermaid.swimlane import lane_items, micro_steps, transition_texts
from journeygen.render.wrap import wrap
from journeygen.spec.model import Journey
from journeygen.theme import load_theme

GRID = RenderOptions(mermaid_style="swimlane")
RealParse = Any


def lines(text: str, width: int = 28) -> str:
    """What a cell shows of one text: wrapped at spaces and at its own newlines with ``<br>``; any other line
    break (Mermaid has no escape for one) reads as a space."""
    return "<br>".join("".join(" " if c in "\r\t\v\f\x85\u2028\u2029" else c for c in line)
                       for line in wrap(text, width))


def expected_grid(journey: Journey) -> list[tuple[str, int]]:
    """Every block the grid must hold, in order: (label as read back, width in columns); "" is a space."""
    stages, words = journey.stages, words_for(journey.locale)
    rows = [[(f"<b>{lines(journey.title)}</b>", 1)]
            + [(f"<b>{lines(('★ ' if s.moment_of_truth else '') + s.name)}</b>", 1) for s in stages]]
    for lane in journey.lane_list():
        cells = ["<br>".join(f"• {lines(item)}" for item in lane_items(journey, s, lane)) for s in stages]
        rows.append([(f"<b>{lines(words.lane(lane))}</b>", 1), *((cell, 1) for cell in cells)])
    if any(s.micro_journeys for s in stages):
        scale = journey.emotion_scale
        cells = ["<br>".join(f"<b>{lines(m.name)}</b><br>" + "<br>".join(lines(x) for x in micro_steps(m, scale))
                             for m in s.micro_journeys) for s in stages]
        rows.append([(f"<b>{words.micro_journeys}</b>", 1), *((cell, 1) for cell in cells)])
    if journey.transitions:
        wide = "<br>".join(f"• {lines(t, 28 * len(stages))}" for t in transition_texts(journey))
        rows.append([(f"<b>{words.paths}</b>", 1), (wide, len(stages))])
    if journey.rtl:
        rows = [row[::-1] for row in rows]
    return [cell for row in rows for cell in row]


def read_back(result: dict[str, Any]) -> list[tuple[str, int]]:
    return [("" if b["type"] == "space" else b["label"], b["width"]) for b in result["blocks"]]


@pytest.fixture(scope="module")
def parsed(real_parse: RealParse, hostile_labels: tuple[str, ...]) -> dict[str, Any]:
    examples = [load(str(p)) for p in EXAMPLES]
    hostile = [hostile_map(label) for label in hostile_labels]
    results = real_parse([render(j, "mermaid", options=GRID).decode() for j in examples + hostile])
    return {"examples": list(zip(examples, results[:len(examples)], strict=True)),
            "hostile": list(zip(hostile, results[len(examples):], strict=True))}


def hostile_map(label: str) -> Journey:
    """Every text the grid shows holds the label: title, stage, lane items, micro-journey, transition."""
    stage = {"id": "s1", "name": label, "emotion": {"p": {"score": 2, "label": label}, "q": 5},
             "actions": [{"text": label, "persona": "p"}], "touchpoints": [{"name": label, "channel": label}],
             "pain_points": [label], "ideas": [{"text": label, "owner": label}], "metrics": [{"name": label}],
             "micro_journeys": [{"name": label, "steps": [label]}], "custom": [label]}
    data = {"title": label, "personas": [{"id": "p", "name": label}, {"id": "q", "name": "Ion"}],
            "lanes": ["actions", "touchpoints", "motivations", "emotions", "pain_points", "ideas", "metrics",
                      {"id": "custom", "title": label}],
            "stages": [stage, {"id": "s2", "name": "After"}],
            "transitions": [{"from": "s2", "to": "s1", "label": label}]}
    return loads(json.dumps(data, ensure_ascii=False))


def test_every_example_is_a_grid_of_lanes_by_stages(parsed: dict[str, Any]) -> None:
    for journey, result in parsed["examples"]:
        assert result["ok"], (journey.title, result.get("error"))
        assert result["columns"] == len(journey.stages) + 1 and result["edges"] == 0
        assert read_back(result) == expected_grid(journey), journey.title
        widths = sum(width for _, width in read_back(result))
        assert widths % (len(journey.stages) + 1) == 0, "every row fills the grid"


def test_empty_cells_are_spaces_not_boxes(parsed: dict[str, Any]) -> None:
    journey, result = next((j, r) for j, r in parsed["examples"] if j.title == "Getting a first mortgage")
    cells = read_back(result)
    motivations = cells[3 * 8:4 * 8]  # the header row, actions, touchpoints, then motivations; 8 columns
    assert motivations[0][0] == "<b>Motivations</b>"
    assert [label == "" for label, _ in motivations[1:]] == [not s.motivations for s in journey.stages]


def test_hostile_text_reads_back_exactly_and_makes_no_block(parsed: dict[str, Any], hostile: int) -> None:
    journey, result = parsed["hostile"][hostile]
    assert result["ok"], result.get("error")
    assert read_back(result) == expected_grid(journey)


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_grid_draws_headers_and_lane_titles_in_the_theme_s_colours(theme: str) -> None:
    colours = load_theme(theme)
    text = render(load(str(ROOT / "examples" / "mortgage.journey.yaml")), "mermaid",
                  options=RenderOptions(mermaid_style="swimlane", theme=theme)).decode()
    assert f"classDef stage fill:{colours.header_background},color:{colours.header_ink}," in text
    assert f"classDef lane fill:{colours.lane_title_background},color:{colours.lane_title_ink}," in text
    assert f"stroke:{colours.moment_of_truth},stroke-width:4px" in text
    assert "    class r0c5 moment\n" in text  # underwriting, the moment of truth
