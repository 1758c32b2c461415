"""fmt on generated specs: any key order, flow or block style, tricky text -> same journey, stable result."""

from __future__ import annotations

import random
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeygen.api import loads
from journeygen.authoring.fmt import format_text

TRICKY = st.sampled_from(["No", "on", "12:30", "1.10", "+32", "007", "1_000", "0x1F", "~", "null", "true",
                          "a: b", "# not a comment", "- dash", "'quoted'", "Plăți în lei", "שלום", "1e3",
                          "2026-03-31", "x" * 90])
TEXT = st.one_of(TRICKY, st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
                                 min_size=1, max_size=12))
SCORE = st.integers(1, 5)


def shuffled(data: dict[str, Any], seed: int) -> dict[str, Any]:
    keys = list(data)
    random.Random(seed).shuffle(keys)
    return {key: data[key] for key in keys}


@st.composite
def stage(draw: st.DrawFn, index: int) -> dict[str, Any]:
    item = st.one_of(TEXT, st.builds(lambda t: {"text": t}, TEXT))
    data: dict[str, Any] = {"name": draw(TEXT), "id": f"s{index}"}
    data["actions"] = draw(st.lists(st.one_of(item, st.builds(lambda t, e: {"text": t, "emotion": e}, TEXT, SCORE)),
                                    max_size=3))
    data["touchpoints"] = draw(st.lists(st.one_of(TEXT, st.builds(lambda n: {"name": n}, TEXT)), max_size=2))
    data["emotion"] = draw(st.one_of(SCORE, st.builds(lambda s: {"score": s}, SCORE),
                                     st.builds(lambda s, lbl: {"label": lbl, "score": s}, SCORE, TEXT)))
    data["ideas"] = draw(st.lists(st.one_of(item, st.builds(lambda t, o: {"owner": o, "text": t}, TEXT, TEXT)),
                                  max_size=2))
    data["moment_of_truth"] = draw(st.booleans())
    return shuffled(data, draw(st.integers(0, 1000)))


@st.composite
def spec(draw: st.DrawFn) -> tuple[str, bool]:
    stages = [draw(stage(i)) for i in range(draw(st.integers(1, 3)))]
    data = shuffled({"title": draw(TEXT), "persona": {"name": draw(TEXT)}, "stages": stages,
                     "lanes": draw(st.sampled_from([["actions", {"id": "emotions"}], ["ideas"], None]))},
                    draw(st.integers(0, 1000)))
    if data["lanes"] is None:
        del data["lanes"]
    flow = draw(st.sampled_from([None, True, False]))
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=flow, width=10_000), flow


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec())
def test_fmt_keeps_meaning_and_is_idempotent(case: tuple[str, bool]) -> None:
    text, _ = case
    after = format_text(text, "generated.yaml")
    assert loads(after) == loads(text)
    assert format_text(after, "generated.yaml") == after
