"""`render -f mermaid`: the task mapping, placeholders, the loss report and the swimlane form."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from goldens import assert_golden
from helpers import EXAMPLES, ROOT

from journeygen.api import load, loads, render
from journeygen.cli.main import main
from journeygen.options import RenderOptions
from journeygen.render.mermaid.export import losses

SWIMLANE = RenderOptions(mermaid_style="flowchart")
GRID = RenderOptions(mermaid_style="swimlane")


def journey(**stage: Any) -> str:
    """The journey text of a two-persona map with one stage."""
    data = {"title": "T", "personas": [{"name": "Maria"}, {"name": "Ion"}], "stages": [{"name": "S", **stage}]}
    return render(loads(json.dumps(data)), "mermaid").decode()


def tasks(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()[5:]]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_match_their_goldens(path: Path) -> None:
    stem = path.name.removesuffix(".journey.yaml")
    assert_golden(f"mermaid/{stem}.mmd", render(load(str(path)), "mermaid"))
    assert_golden(f"mermaid/{stem}.swimlane.mmd", render(load(str(path)), "mermaid", options=GRID))
    assert_golden(f"mermaid/{stem}.flowchart.mmd", render(load(str(path)), "mermaid", options=SWIMLANE))


def test_per_persona_scores_give_one_line_per_score() -> None:
    text = journey(emotion={"maria": 2, "ion": 4}, actions=["Reads reviews", {"text": "Pays", "emotion": 5}])
    assert tasks(text) == ["Reads reviews: 2: Maria", "Reads reviews: 4: Ion", "Pays: 5: Maria, Ion"]
    same = journey(emotion={"maria": 3, "ion": 3}, actions=["Waits"])
    assert tasks(same) == ["Waits: 3: Maria, Ion"]


def test_an_action_of_one_persona_names_only_that_actor() -> None:
    text = journey(emotion=4, actions=[{"text": "Calls", "persona": "ion"}])
    assert tasks(text) == ["Calls: 4: Ion", "S: 4: Maria"]  # the stage's feeling for the one no action names


def test_stage_without_actions_shows_its_emotion_or_nothing() -> None:
    assert tasks(journey(emotion={"maria": 2})) == ["S: 2: Maria"]
    assert tasks(journey()) == []


def test_missing_emotion_is_a_marked_placeholder_and_a_loss() -> None:
    text = journey(actions=["Waits"])
    assert tasks(text) == ["%% no emotion in the spec: 3 is a placeholder", "Waits: 3: Maria, Ion"]
    data = {"title": "T", "persona": {"name": "M"}, "stages": [{"name": "S", "actions": ["Waits"]}]}
    notes = losses(loads(json.dumps(data)), RenderOptions())
    assert notes == ["no emotion for 1 task(s), shown with the neutral score 3: S / Waits"]


def test_losses_name_the_lanes_left_out() -> None:
    shop = load(str(ROOT / "examples" / "online-shop.journey.yaml"))
    assert losses(shop, RenderOptions()) == [
        "mermaid journey leaves out lanes: Touchpoints, Motivations, Pain points, Ideas, Metrics "
        "(--mermaid-style swimlane keeps them)", "mermaid journey also leaves out micro-journeys and transitions"]
    assert losses(shop, SWIMLANE) == losses(shop, GRID) == []


def test_cli_prints_the_loss_note_unless_quiet(tmp_path: Path) -> None:
    spec = str(ROOT / "examples" / "online-shop.journey.yaml")
    result = CliRunner().invoke(main, ["render", spec, "-f", "mermaid", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert f"note: {spec}: mermaid journey leaves out lanes: Touchpoints" in result.stderr
    assert (tmp_path / "online-shop.mmd").read_bytes() == render(load(spec), "mermaid")
    quiet = CliRunner().invoke(main, ["render", spec, "-f", "mermaid", "-o", str(tmp_path), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_every_exported_line_is_one_statement(hostile_labels: tuple[str, ...]) -> None:
    """A label never adds a line, a section or a directive; '#', ';' and '%' only appear in entity codes."""
    for label in hostile_labels:
        data = {"title": label, "description": "D", "persona": {"name": label},
                "stages": [{"name": label, "actions": [label]}]}
        text = render(loads(json.dumps(data, ensure_ascii=False)), "mermaid").decode()
        lines = text.splitlines()
        assert [line.split()[0] for line in lines] == [
            "journey", "title", "accTitle:", "accDescr:", "section", "%%", lines[6].split()[0]]
        body = re.sub(r"#\d+;", "", "\n".join(lines[:5] + lines[6:]))
        assert not set("#;%<>`") & set(body), label


def test_right_to_left_maps_flow_right_to_left() -> None:
    data = {"title": "T", "locale": "he", "persona": {"name": "M"}, "stages": [{"name": "א"}, {"name": "ב"}]}
    text = render(loads(json.dumps(data, ensure_ascii=False)), "mermaid", options=SWIMLANE).decode()
    assert text.startswith("flowchart RL\n")


def test_export_is_light() -> None:
    """Writing Mermaid text imports no layout engine, font shaper or PDF library (whole process < 0.5 s)."""
    spec = str(ROOT / "examples" / "online-shop.journey.yaml")
    code = ("import sys\nfrom journeygen.cli.main import main\n"
            f"try:\n    main(['render', {spec!r}, '-f', 'mermaid', '-o', '-', '-q'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('weasyprint', 'uharfbuzz', 'graphviz', 'bidi') if m in sys.modules),"
            " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, timeout=60, check=False)
    assert done.stdout == render(load(spec), "mermaid")
    assert done.stderr.decode().strip() == "[]"


def test_a_map_too_big_for_mermaid_s_defaults_is_reported() -> None:
    stages = [{"id": f"s{n}", "name": f"Stage {n}", "emotion": 3, "actions": [f"Action {n} " + "x" * 400] * 3,
               "pain_points": ["p"], "ideas": ["i"], "metrics": ["m"], "touchpoints": ["t"], "motivations": ["m"]}
              for n in range(80)]
    big = loads(json.dumps({"title": "T", "persona": {"name": "M"}, "stages": stages}))
    notes = losses(big, SWIMLANE)
    assert len(notes) == 2
    assert notes[0].startswith("the Mermaid text has ") and "maxTextSize" in notes[0]
    assert notes[1].startswith("the flowchart has ") and "maxEdges" in notes[1]
    assert losses(load(str(ROOT / "examples" / "online-shop.journey.yaml")), SWIMLANE) == []


def test_a_persona_no_action_names_keeps_the_stage_s_emotion_as_a_task() -> None:
    """The trial's repro: Radu feels 2 at Discover, where only Ana acts; his feeling is a task of its own."""
    data = {"title": "Opening an account", "personas": [{"id": "ana", "name": "Ana"}, {"id": "radu", "name": "Radu"}],
            "stages": [{"name": "Discover", "actions": [{"text": "Reads the offer", "persona": "ana"}],
                        "emotion": {"ana": 4, "radu": 2}}]}
    spec = loads(json.dumps(data))
    assert tasks(render(spec, "mermaid").decode()) == ["Reads the offer: 4: Ana", "Discover: 2: Radu"]
    assert losses(spec, RenderOptions()) == []
    nobody = {**data, "stages": [{**data["stages"][0], "actions": [{"text": "Ad runs", "personas": []}]}]}
    assert tasks(render(loads(json.dumps(nobody)), "mermaid").decode()) == [
        "%% no emotion in the spec: 3 is a placeholder", "Ad runs: 3", "Discover: 4: Ana", "Discover: 2: Radu"]
