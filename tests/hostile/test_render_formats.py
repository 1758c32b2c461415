"""Valid specs full of hostile labels -> every registered format: literal text out, nothing injected, no network."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT
from hostile.checks import (
    CHECKERS,
    channel_labels,
    check_dot,
    check_flow,
    drawn_labels,
    mermaid_expected,
    one_line,
    squeeze,
)

from journeygen.api import load_spec, render
from journeygen.options import RenderOptions
from journeygen.render import FORMATS
from journeygen.spec.loaded import Spec

RENDER = Path(__file__).parent / "render"
SPECS = sorted(p for p in RENDER.iterdir() if p.suffix in (".yaml", ".json"))


@cache
def _spec(path: Path) -> Spec:
    return load_spec(path)


def test_corpus_is_large_enough() -> None:
    assert len(SPECS) >= 8


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_has_a_checker(fmt: str) -> None:
    assert fmt in CHECKERS, f"format {fmt!r} is registered but tests/hostile/checks.py has no checker for it"


CASES = [pytest.param(path, fmt, id=f"{path.name}-{fmt}") for fmt in sorted(FORMATS) for path in SPECS]
SLOW = frozenset({"pdf"})


@pytest.mark.parametrize(("path", "fmt"), CASES)
def test_labels_come_out_literally(path: Path, fmt: str) -> None:
    spec = _spec(path)
    data = render(spec.journey, fmt, options=spec.options())
    if fmt not in SLOW:
        assert data == render(spec.journey, fmt, options=spec.options()), "output is not deterministic"
    CHECKERS[fmt](data, spec.journey)


def test_yaml_1_1_scalars_keep_the_text_written() -> None:
    journey = _spec(RENDER / "yaml11-traps.yaml").journey
    persona, stage = journey.personas[0], journey.stages[0]
    assert (journey.title, journey.description, journey.author) == ("on", "1.10", "0x1F")
    assert (persona.name, persona.description, persona.quote) == ("No", "yes", "12:30")
    assert persona.frustrations == ("1_000", "0o17", "017", "1e3", ".5", "+12", "-0")
    assert persona.channels == (".inf", ".NaN", "1:20:30", "2026-01-02")
    assert (stage.name, stage.id, stage.touchpoints[1].channel) == ("No", "no", "3.0")
    assert [m.target for m in stage.metrics] == ["1.50", "1e3"]
    assert journey.transitions[0].label == "on"


def test_boolean_words_keep_their_case() -> None:
    assert _spec(RENDER / "yaml11-traps.yaml").journey.personas[0].goals == ("off", "Y", "n", "true", "False")


def test_json_with_escaped_emoji_is_accepted(tmp_path: Path) -> None:
    """json.dumps and JSON.stringify tools write emoji as surrogate-pair escapes; once refused."""
    spec = tmp_path / "emoji.json"
    spec.write_text('{"title": "Smile \\ud83d\\ude00", "persona": {"name": "A"}, "stages": [{"name": "S"}]}')
    assert load_spec(spec).journey.title == "Smile \U0001f600"


def _real_mermaid(texts: list[str]) -> list[dict[str, Any]]:
    """What mermaid.parse() under jsdom (tests/js) makes of each text, in one node process."""
    js, node = ROOT / "tests" / "js", shutil.which("node")
    if "mermaid" not in FORMATS or node is None or not (js / "node_modules" / "mermaid").is_dir():
        message = "the real Mermaid parser is not installed: run `npm ci --prefix tests/js`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(js / "parse.mjs")], input=json.dumps(texts).encode(), cwd=js,
                          capture_output=True, timeout=300, check=True)
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def test_real_mermaid_parser_reads_every_label_back() -> None:
    journeys = [_spec(path).journey for path in SPECS]
    parsed = _real_mermaid([render(journey, "mermaid").decode() for journey in journeys])
    for path, journey, got in zip(SPECS, journeys, parsed, strict=True):
        title, sections, actors = mermaid_expected(journey)
        assert got["ok"], (path.name, got)
        assert (got["title"], got["sections"]) == (title, [name for name, _ in sections if name is not None]), path.name
        tasks = {section: list(dict.fromkeys(t["task"] for t in got["tasks"] if t["section"] == (section or "")))
                 for section, _ in sections}
        assert tasks == dict(sections), path.name
        assert set(got["actors"]) == actors, path.name


# The swimlane flowchart carries the lanes, not the persona cards or descriptions.
_NOT_IN_SWIMLANE = re.compile(r"^(author|description|personas\[\d+\]\.(?!name)|stages\[\d+\]\.description|"
                              r"stages\[\d+\]\.micro_journeys\[\d+\]\.description)")


def test_real_mermaid_parser_reads_the_swimlane_flowchart() -> None:
    journeys = [_spec(path).journey for path in SPECS]
    texts = [render(journey, "mermaid", options=RenderOptions(mermaid_style="flowchart")).decode()
             for journey in journeys]
    for path, text in zip(SPECS, texts, strict=True):
        assert not [line for line in text.splitlines() if line.lstrip().startswith("%%{")], path.name
    for path, journey, got in zip(SPECS, journeys, _real_mermaid(texts), strict=True):
        assert got["ok"] and got["type"].startswith("flowchart"), (path.name, got)
        drawn = [squeeze(t) for t in (*(v["text"] for v in got["vertices"]), *(s["title"] for s in got["subgraphs"]),
                                      *(e["text"] for e in got["edges"]))]
        missing = {key: text for key, text in drawn_labels(journey).items() if not _NOT_IN_SWIMLANE.match(key)
                   and not any(squeeze(one_line(text)) in d for d in drawn)}
        assert not missing, (path.name, missing)


@pytest.mark.parametrize("fmt", [fmt for fmt in ("dot", "flow") if fmt in FORMATS])
@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_channel_view_draws_labels_literally(path: Path, fmt: str) -> None:
    spec = _spec(path)
    data = render(spec.journey, fmt, options=spec.options(flow_by="channel"))
    (check_dot if fmt == "dot" else check_flow)(data, spec.journey, channel_labels(spec.journey))


RTL_EXAMPLES = [path for path in EXAMPLES if load_spec(path).journey.rtl]


@pytest.mark.skipif("pdf" not in FORMATS, reason="the pdf format is not registered")
@pytest.mark.parametrize("path", RTL_EXAMPLES,
                         ids=[p.name for p in RTL_EXAMPLES])
def test_right_to_left_example_pdf_shows_the_map(path: Path) -> None:
    spec = _spec(path)
    CHECKERS["pdf"](render(spec.journey, "pdf", options=spec.options()), spec.journey)
