"""The DOT of every example and of hostile text, laid out by `dot`: the graph is as built, the text as written."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import pytest
from helpers import EXAMPLES

from journeygen.api import load, loads, render
from journeygen.options import RenderOptions
from journeygen.spec.model import Journey

HOSTILE = [
    'say "hi"', "back\\slash", "trailing\\", "\\N \\G \\E \\T \\H \\L", "\\l\\n\\r left", '\\"', "\\\\N",
    "<b>bold</b>", "<<TABLE><TR><TD>x</TD></TR></TABLE>>", '<IMG SRC="/etc/passwd"/>', "<a HREF='x'>y</a>",
    "& &amp; &#60; &lt; &#x26;", "{ a | b } | <port>", 'x"]; evil [label="owned', "} digraph { a -> b",
    "node [shape=box]", "// comment", "/* block */", "# hash", "line one\nline two", "tab\there",
    "  leading and trailing  ", "two  spaces", "שלום עולם", "🚀 ünïcødé", "graph", "subgraph", "->", ";", "=",
    "a\\", "\\", "'single'", "%s %d {0}", "a very long label that has to wrap over several lines in the flow view",
]


def hostile_journey() -> Journey:
    """Every text field the flow draws filled with something that would break naive DOT."""
    texts = iter(HOSTILE * 3)
    stages = [{
        "id": f"s{k}", "name": next(texts), "moment_of_truth": k == 1,
        "emotion": {"score": k + 1, "label": next(texts)},
        "touchpoints": [{"name": next(texts), "channel": next(texts)}, next(texts)] if k % 2 == 0 else [],
        "actions": [next(texts), {"text": next(texts)}],
        "micro_journeys": [{"name": next(texts), "steps": [next(texts), {"name": next(texts),
                                                                         "touchpoint": next(texts)}]}],
    } for k in range(4)]
    transitions = [{"from": "s3", "to": "s0", "label": next(texts)}, {"from": "s0", "to": "s2", "label": next(texts)},
                   {"from": "s2", "to": "s2", "label": next(texts)}]
    spec = {"title": next(texts), "personas": [{"name": "P"}], "stages": stages, "transitions": transitions}
    return loads(json.dumps(spec, ensure_ascii=False))


def laid_out(journey: Journey, **options: Any) -> dict[str, Any]:
    """The journey's DOT laid out by the real `dot`, read back as JSON (fails on any dot error)."""
    source = render(journey, "dot", options=RenderOptions(**options))
    done = subprocess.run(["dot", "-Tjson"], input=source, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert b"rror" not in done.stderr and b"arning" not in done.stderr, done.stderr.decode()
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def drawn(item: dict[str, Any]) -> str:
    """The text Graphviz draws for a node, cluster or edge label, one line per drawn line."""
    return "\n".join(op["text"] for key in ("_ldraw_", "_xldraw_") for op in item.get(key, [])
                     if op["op"] == "T")


def shows(text: str, lines: str) -> bool:
    """True when ``lines`` draw ``text`` character for character (lines may break only at its spaces)."""
    pattern = "[ \n]".join(re.escape(part) for part in re.split("[ \n]", text))
    return re.search(pattern, lines) is not None


def by_name(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in graph["objects"]}


def expected_stage_view(journey: Journey) -> dict[str, list[str]]:
    """Per node or cluster name: the spec texts it must draw."""
    want: dict[str, list[str]] = {}
    for stage in journey.stages:
        feelings = [stage.emotion_for(p.id) for p in journey.personas]
        words = list(dict.fromkeys(e.label for e in feelings if e is not None and e.label))
        want[f"cluster_{stage.id}"] = [stage.name, *words]
        for k, point in enumerate(stage.touchpoints, 1):
            want[f"{stage.id}/tp{k}"] = [point.name, *([point.channel] if point.channel else [])]
        for k, action in enumerate(() if stage.touchpoints else stage.actions, 1):
            want[f"{stage.id}/act{k}"] = [action.text]
        for m, micro in enumerate(stage.micro_journeys, 1):
            want[f"cluster_{stage.id}/mj{m}"] = [micro.name]
            for n, step in enumerate(micro.steps, 1):
                want[f"{stage.id}/mj{m}/{n}"] = [step.name, *([step.touchpoint] if step.touchpoint else [])]
    return want


def transition_texts(graph: dict[str, Any]) -> list[str]:
    """What the transitions draw: the text of their label nodes, and the labels of loops on one stage."""
    nodes = [drawn(item) for item in graph["objects"] if item["name"].startswith("move/")]
    return [text for text in nodes + [drawn(edge) for edge in graph.get("edges", [])] if text]


def check_transitions(journey: Journey, graph: dict[str, Any]) -> None:
    texts = transition_texts(graph)
    labelled = [move.label for move in journey.transitions if move.label]
    assert len(texts) == len(labelled)
    for text in labelled:
        matches = [lines for lines in texts if shows(text, lines)]
        assert matches, (text, texts)
        texts.remove(matches[0])


def check_stage_view(journey: Journey) -> None:
    graph = laid_out(journey)
    objects = by_name(graph)
    want = expected_stage_view(journey)
    nodes = {name for name, item in objects.items() if "nodes" not in item}
    clusters = {name for name, item in objects.items() if name.startswith("cluster")} - {"cluster_moves"}
    assert nodes | clusters >= set(want)
    assert clusters == {name for name in want if name.startswith("cluster")}
    for name, texts in want.items():
        for text in texts:
            assert shows(text, drawn(objects[name])), (name, text, drawn(objects[name]))
    assert shows(journey.title, drawn(graph))
    check_transitions(journey, graph)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_reads_back_exactly(example: Any) -> None:
    check_stage_view(load(example))


def html_tags(dot: str) -> set[str]:
    """The tag names used in the DOT's HTML-like labels (``label=<...>``, read with its nesting)."""
    tags: set[str] = set()
    for start in (m.end() for m in re.finditer("=<", dot)):
        depth, end = 1, start
        while depth:
            depth += {"<": 1, ">": -1}.get(dot[end], 0)
            end += 1
        tags |= set(re.findall(r"</?([A-Za-z]+)", dot[start:end - 1]))
    return tags


def edges_of(journey: Journey) -> int:
    """Edges a transition adds: a loop is one; else per stage gap crossed two invisible ranking edges, and the
    visible arrow in one piece more than the gaps."""
    order = [stage.id for stage in journey.stages]
    spans = [abs(order.index(m.source) - order.index(m.target)) for m in journey.transitions]
    return sum(3 * span + 1 if span else 1 for span in spans)


def test_hostile_text_is_drawn_literally_and_never_changes_the_graph() -> None:
    journey = hostile_journey()
    check_stage_view(journey)
    assert "=<" not in render(journey, "dot").decode(), "one persona: no label may become an HTML label"
    channel = render(journey, "dot", options=RenderOptions(flow_by="channel")).decode()
    assert html_tags(channel) <= {"TABLE", "TR", "TD", "HR", "BR"}
    graph = laid_out(journey)
    micro_edges = sum(len(m.steps) for s in journey.stages for m in s.micro_journeys)
    assert len(graph["edges"]) == len(journey.stages) - 1 + edges_of(journey) + micro_edges


def test_hostile_text_in_a_persona_table_is_drawn_literally() -> None:
    """Several personas' feelings make the stage header an HTML-like table: the spec text stays text in it."""
    texts = [text.replace("\t", " ") for text in HOSTILE]  # Graphviz draws no tab in a table: it is a space
    spec = {"title": "t", "personas": [{"id": "a", "name": texts[7]}, {"id": "b", "name": texts[9]}],
            "stages": [{"id": f"s{k}", "name": text, "emotion": {"a": {"score": 2, "label": texts[k + 1]}, "b": 4}}
                       for k, text in enumerate(texts[:-1])]}
    journey = loads(json.dumps(spec, ensure_ascii=False))
    assert html_tags(render(journey, "dot").decode()) == {"TABLE", "TR", "TD", "BR", "FONT"}
    check_stage_view(journey)
    objects = by_name(laid_out(journey))
    assert all(shows(HOSTILE[7], drawn(objects[f"cluster_s{k}"])) for k in range(len(HOSTILE) - 1))


@pytest.mark.parametrize("text", HOSTILE)
def test_each_hostile_text_alone_as_a_stage_name(text: str) -> None:
    journey = loads(json.dumps({"title": text, "personas": [{"name": "P"}],
                                "stages": [{"name": text, "touchpoints": [text]}, {"id": "b", "name": "b"}],
                                "transitions": [{"from": "b", "to": "b", "label": text}]}, ensure_ascii=False))
    check_stage_view(journey)


def check_channel_view(journey: Journey) -> None:
    graph = laid_out(journey, flow_by="channel")
    objects = by_name(graph)
    for stage in journey.stages:
        assert shows(stage.name, drawn(objects[f"{stage.id}/head"]))
        cells = "\n".join(drawn(item) for name, item in objects.items() if name.startswith(f"{stage.id}/ch"))
        for point in stage.touchpoints:
            assert shows(point.name, cells), (point.name, cells)
    titles = [drawn(item) for name, item in objects.items() if name.startswith("channel/")]
    channels = {" ".join(p.channel.split()).casefold() for s in journey.stages for p in s.touchpoints if p.channel}
    assert len([title for title in titles if title]) == len(channels) + any(
        p.channel is None for s in journey.stages for p in s.touchpoints)
    for stage in journey.stages:
        for point in stage.touchpoints:
            assert any(shows(" ".join((point.channel or "(no channel)").split()), title) or
                       title.casefold() == " ".join((point.channel or "").split()).casefold() for title in titles)
    check_transitions(journey, graph)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_by_channel_reads_back_exactly(example: Any) -> None:
    check_channel_view(load(example))


def test_hostile_channel_view_draws_every_touchpoint_and_channel() -> None:
    check_channel_view(hostile_journey())


def test_ids_that_look_like_generated_names_do_not_clash() -> None:
    spec = {"title": "t", "personas": [{"name": "P"}], "stages": [
        {"id": "stage", "name": "A", "touchpoints": [{"name": "x", "channel": "c"}]},
        {"id": "tp1", "name": "B", "touchpoints": [{"name": "y", "channel": "c"}]},
        {"id": "head", "name": "C", "touchpoints": ["z"]}]}
    journey = loads(json.dumps(spec))
    check_stage_view(journey)
    objects = by_name(laid_out(journey, flow_by="channel"))
    assert {name for name in objects if name.endswith("/head")} == {"stage/head", "tp1/head", "head/head"}
    assert [drawn(objects[f"{s}/ch1"]) for s in ("stage", "tp1")] == ["x", "y"]
