"""The example specs in examples/: each validates, and each keeps the features it exists to show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run_journeygen

from journeygen.api import load
from journeygen.spec.model import Journey

EX = ROOT / "examples"


def _all_text(journey: Journey) -> str:
    """Every string of the journey, joined: what a renderer could show."""
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(journey.model_dump())
    return "\n".join(strings)


def test_every_example_validates_on_the_command_line() -> None:
    result = run_journeygen("validate", *(str(p) for p in EXAMPLES))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


@pytest.mark.parametrize("spec", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_points_editors_at_the_schema(spec: Path) -> None:
    first = spec.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../journeygen.schema.json"


def test_the_showcase_set_is_there() -> None:
    names = {p.name for p in EXAMPLES}
    for stem in ("online-shop", "saas-onboarding", "banca-ro", "sklep-pl", "clinic-he", "service-minimal",
                 "stress-30-stages", "mortgage"):
        assert f"{stem}.journey.yaml" in names


def test_romanian_keeps_comma_below_diacritics() -> None:
    journey = load(EX / "banca-ro.journey.yaml")
    text = _all_text(journey)
    assert journey.locale == "ro"
    for letter in "șțăâîÎ":
        assert letter in text, letter
    assert not set("şţŞŢ") & set(text), "cedilla forms (U+015F/U+0163) instead of comma-below"
    assert "Mureșan" in journey.personas[0].name


def test_polish_keeps_its_letters() -> None:
    journey = load(EX / "sklep-pl.journey.yaml")
    text = _all_text(journey)
    assert journey.locale == "pl"
    for letter in "ąćęłńóśźż":
        assert letter in text, letter
    assert "Małgorzata Wiśniewska" in text


def test_hebrew_is_right_to_left_with_latin_and_numbers_inside() -> None:
    journey = load(EX / "clinic-he.journey.yaml")
    text = _all_text(journey)
    assert journey.rtl
    assert re.search("[\u05d0-\u05ea]{3}", journey.title)
    for mixed in ("WhatsApp", "08:30", "03-555-1234"):
        assert mixed in text, mixed
    ideas = [idea for stage in journey.stages for idea in stage.ideas]
    assert ideas and all(idea.owner and idea.due for idea in ideas)


def test_saas_follows_two_personas_through_a_custom_lane() -> None:
    journey = load(EX / "saas-onboarding.journey.yaml")
    assert [p.id for p in journey.personas] == ["ana", "mihai"]
    assert "thoughts" in [lane.id for lane in journey.lane_list()]
    assert all(stage.items("thoughts") for stage in journey.stages)
    assert all(stage.emotion_for("ana") and stage.emotion_for("mihai") for stage in journey.stages)
    assert {a.persona for s in journey.stages for a in s.actions} == {"ana", "mihai"}
    assert sum(len(s.micro_journeys) for s in journey.stages) == 2
    order = [s.id for s in journey.stages]
    assert any(order.index(t.target) < order.index(t.source) for t in journey.transitions)


def test_minimal_uses_only_short_forms() -> None:
    raw = (EX / "service-minimal.journey.yaml").read_text(encoding="utf-8")
    journey = load(EX / "service-minimal.journey.yaml")
    assert "{" not in raw and len(journey.personas) == 1 and len(journey.stages) == 3


def test_stress_has_thirty_full_stages_and_long_tokens() -> None:
    journey = load(EX / "stress-30-stages.journey.yaml")
    lanes = journey.lane_list()
    assert len(journey.stages) == 30 and len(lanes) == 7
    for stage in journey.stages:
        for lane in lanes:
            if lane.id != "emotions":
                assert 2 <= len(stage.items(lane.id)) <= 4, (stage.id, lane.id)
    text = _all_text(journey)
    assert "Kundenzufriedenheitsbefragung" in text
    assert re.search(r"https://\S{60,}", text)


def test_examples_are_in_the_form_fmt_writes() -> None:
    # Users copy the examples: they should show the canonical order and short forms `fmt` produces.
    done = run_journeygen("fmt", "--check", *map(str, EXAMPLES))
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()


def test_mortgage_is_the_flow_showcase() -> None:
    """Two personas, seven stages, transitions going back, a micro-journey: what docs/flow.md pictures."""
    journey = load(EX / "mortgage.journey.yaml")
    order = [stage.id for stage in journey.stages]
    assert len(journey.personas) == 2 and len(journey.stages) == 7
    assert sum(order.index(m.target) < order.index(m.source) for m in journey.transitions) >= 2
    assert any(stage.micro_journeys for stage in journey.stages)
