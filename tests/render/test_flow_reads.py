"""The flow view laid out by the real `dot`, checked as a reader sees it: labels beside their arrows and outside
every stage, channel rows straight across the stages, one line per persona, one colour per persona's path."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, run_journeygen

from journeygen.api import load, loads, render
from journeygen.options import RenderOptions
from journeygen.theme import load_theme

MORTGAGE = ROOT / "examples" / "mortgage.journey.yaml"
WITH_MOVES = [ROOT / "examples" / f"{name}.journey.yaml"
              for name in ("mortgage", "online-shop", "sklep-pl", "banca-ro", "saas-onboarding", "clinic-he")]
Box = tuple[float, float, float, float]
NEAR = 30 * 72 / 96  # 30 px in Graphviz points


def laid_out(spec: Path | str, **options: Any) -> dict[str, Any]:
    journey = load(spec) if isinstance(spec, Path) else loads(spec)
    source = render(journey, "dot", options=RenderOptions(**options))
    done = subprocess.run(["dot", "-Tjson"], input=source, capture_output=True, check=True, timeout=60)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def box_of(item: dict[str, Any]) -> Box:
    """A node's or cluster's box in points (x0, y0, x1, y1)."""
    if "bb" in item:
        x0, y0, x1, y1 = map(float, item["bb"].split(","))
        return x0, y0, x1, y1
    x, y = map(float, item["pos"].split(","))
    w, h = float(item["width"]) * 36, float(item["height"]) * 36
    return x - w, y - h, x + w, y + h


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def distance(box: Box, point: list[float]) -> float:
    dx = max(box[0] - point[0], 0, point[0] - box[2])
    dy = max(box[1] - point[1], 0, point[1] - box[3])
    return float((dx * dx + dy * dy) ** 0.5)


def drawn_points(edge: dict[str, Any]) -> list[list[float]]:
    return [p for op in edge.get("_draw_", []) if op["op"] in "bB" for p in op["points"]]


@pytest.mark.parametrize("by", ["stage", "channel"])
@pytest.mark.parametrize("spec", WITH_MOVES, ids=[p.name for p in WITH_MOVES])
def test_transition_labels_sit_on_their_arrow_outside_every_stage(spec: Path, by: str) -> None:
    graph = laid_out(spec, flow_by=by)
    objects = graph["objects"]
    names = [item["name"] for item in objects]
    stages = [box_of(item) for item in objects if re.fullmatch(r"cluster_[^/]+|[^/]+/(head|ch\d+)", item["name"])
              and (item.get("label") or "bb" in item) and item["name"] != "cluster_moves"]
    whole = box_of(graph)
    labels = [item for item in objects if item["name"].startswith("move/") and item.get("label")]
    assert len(labels) == sum(1 for m in load(spec).transitions if m.label and m.source != m.target)
    for item in labels:
        box = box_of(item)
        assert not [stage for stage in stages if overlaps(box, stage)], f"{item['label']} inside a stage"
        assert whole[0] <= box[0] and box[2] <= whole[2] and whole[1] <= box[1] and box[3] <= whole[3], "cut"
        move = item["name"].split("/")[1]
        arrows = [edge for edge in graph["edges"] if f"move/{move}/" in names[edge["tail"]] + names[edge["head"]]
                  and edge.get("_draw_")]
        nearest = min(distance(box, point) for edge in arrows for point in drawn_points(edge))
        assert nearest <= NEAR, f"{item['label']} is {nearest:.0f} pt from its arrow"


@pytest.mark.parametrize("spec", [MORTGAGE, ROOT / "examples" / "stress-30-stages.journey.yaml"], ids=lambda p: p.name)
def test_channel_rows_line_up_across_stages_in_first_use_order(spec: Path) -> None:
    graph = laid_out(spec, flow_by="channel")
    centre: dict[int, list[float]] = {}
    for item in graph["objects"]:
        found = re.fullmatch(r"[^/]+/ch(\d+)|channel/(\d+)", item["name"])
        if found and item["name"] != "channel/0":
            centre.setdefault(int(found.group(1) or found.group(2)), []).append(float(item["pos"].split(",")[1]))
    heads = [float(item["pos"].split(",")[1]) for item in graph["objects"] if item["name"].endswith("/head")]
    assert max(heads) - min(heads) <= 1
    rows = [centre[n] for n in sorted(centre)]
    assert all(max(ys) - min(ys) <= 1 for ys in rows), "a row's cells are not on one line"
    tops = [min(heads), *(ys[0] for ys in rows)]
    assert tops == sorted(tops, reverse=True), "headers on top, then the rows in order of first use"


def test_each_persona_has_one_aligned_line_in_the_stage_header() -> None:
    journey = load(MORTGAGE)
    objects = {item["name"]: item for item in laid_out(MORTGAGE)["objects"]}
    for stage in journey.stages:
        texts = [op for op in objects[f"cluster_{stage.id}"]["_ldraw_"] if op["op"] == "T"]
        names = [op for op in texts if op["text"] in {p.name for p in journey.personas}]
        assert [op["text"] for op in names] == [p.name for p in journey.personas], "one line each, in order"
        assert len({op["pt"][0] for op in names}) == 1 and {op["align"] for op in names} == {"l"}
        scores = [op for op in texts if re.fullmatch(r"\d/5", op["text"])]
        assert len(scores) == 2 and scores[0]["pt"][1] > scores[1]["pt"][1]


def test_several_personas_walk_their_own_path_in_their_own_colour() -> None:
    theme = load_theme("default")
    path = re.compile(r'color="(#\w+)" (?:constraint=false )?headport')
    dot = render(load(MORTGAGE), "dot", options=RenderOptions(flow_by="channel")).decode()
    assert set(path.findall(dot)) == set(theme.persona_palette[:2])
    elena = render(load(MORTGAGE), "dot", options=RenderOptions(flow_by="channel", persona="elena")).decode()
    assert "Broker meeting" not in elena and "In-app agreement" in elena
    assert set(path.findall(elena)) <= {theme.accent, theme.muted}, "one path: accent where the channel changes"


def test_persona_option_on_the_command_line(tmp_path: Path) -> None:
    done = run_journeygen("render", str(MORTGAGE), "-f", "dot", "--persona", "couple", "-o", "-")
    assert done.returncode == 0, done.stderr
    dot = done.stdout.decode()
    assert 'label="Getting a first mortgage\\nRadu & Ioana Petrescu"' in dot.replace("&amp;", "&")
    assert "In-app agreement" not in dot and "Broker meeting" in dot and "Elena Marin" not in dot
    wrong = run_journeygen("render", str(MORTGAGE), "-f", "flow", "--persona", "maria", "-o", str(tmp_path))
    assert wrong.returncode == 1 and b"its personas: elena, couple" in wrong.stderr
    assert not any(tmp_path.iterdir())


def test_spellings_of_one_channel_are_one_row_and_the_map_s_colour() -> None:
    spec = ("title: t\npersona: {name: P}\nstages:\n"
            "  - {name: A, touchpoints: [{name: x, channel: Web}, {name: y, channel: app}]}\n"
            "  - {name: B, touchpoints: [{name: z, channel: 'web '}, {name: w, channel: ' WEB'}]}\n")
    journey = loads(spec)
    stage_dot = render(journey, "dot").decode()
    colours = {node: re.search(rf'"{node}" \[.*? color="(#\w+)"', stage_dot).group(1)  # type: ignore[union-attr]
               for node in ("a/tp1", "b/tp1", "b/tp2", "a/tp2")}
    assert colours["a/tp1"] == colours["b/tp1"] == colours["b/tp2"] != colours["a/tp2"]
    svg = render(journey, "svg").decode()
    assert f".ch-0{{fill:{colours['a/tp1']}}}" in svg  # the map gives the channel the same colour
    channel_dot = render(journey, "dot", options=RenderOptions(flow_by="channel")).decode()
    assert re.findall(r'"channel/[1-9]" \[label=(\w+)', channel_dot) == ["Web", "app"]
