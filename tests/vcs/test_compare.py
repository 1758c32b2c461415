"""journeygen compare: one SVG with the as-is curve faded under the to-be map, changes marked."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import EXAMPLES

from journeygen.api import compare as render_compare
from journeygen.api import load_spec
from journeygen.cli.main import main
from journeygen.cli.vcs import write_compare
from journeygen.layout.compare import compare_journeys

SVG = "{http://www.w3.org/2000/svg}"


def to_be(shop: Path, tmp_path: Path) -> Path:
    text = shop.read_text(encoding="utf-8")
    for old, new in [("emotion: {score: 2, label: worried}", "emotion: {score: 4, label: reassured}"),
                     ("pain_points: [Exchange needs a printed label]", "pain_points: [Slow refunds]"),
                     ("value: 41%, target: 70%", "value: 55%, target: 70%")]:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "to-be.journey.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def faded_groups(svg: bytes) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if "-as-is-" in g.get("id", "")]


def test_changes_are_marked_in_the_to_be_map(shop: Path, tmp_path: Path) -> None:
    marked, shadow = compare_journeys(load_spec(shop).journey, load_spec(to_be(shop, tmp_path)).journey)
    retention = marked.stages[4]
    assert retention.emotion_for("maria").label == "reassured (+2)"
    assert tuple(p.text for p in retention.pain_points) == ("+ Slow refunds", "\u2212 Exchange needs a printed label")
    assert marked.stages[2].metrics[0].name == "Chatbot resolution (was 41%)"
    assert shadow.stages[4].emotion_for("maria").score == 2 and shadow.stages[4].emotion_for("maria").label is None


def test_the_as_is_curve_is_drawn_faded(shop: Path, tmp_path: Path) -> None:
    svg = render_compare(load_spec(shop), load_spec(to_be(shop, tmp_path)))
    groups = faded_groups(svg)
    assert len(groups) == 1
    faces = [c for c in groups[0].iter(f"{SVG}circle") if "face " in c.get("class", "")]
    assert len(faces) == 6
    assert groups[0].get("opacity") == "0.35"
    text = " ".join(t for t in ET.fromstring(svg).itertext())
    assert "reassured (+2)" in text and "+ Slow refunds" in text and "Chatbot resolution (was 41%)" in text


def test_every_wrapped_band_gets_its_own_faded_curve(shop: Path, tmp_path: Path) -> None:
    svg = render_compare(load_spec(shop), load_spec(to_be(shop, tmp_path)), max_width=700)
    assert len(faded_groups(svg)) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_a_map_compared_with_itself_changes_nothing(example: Path) -> None:
    spec = load_spec(example)
    marked, _ = compare_journeys(spec.journey, spec.journey)
    assert marked.stages == spec.journey.stages
    ET.fromstring(render_compare(spec, spec))


def test_command_writes_beside_the_new_map_deterministically(shop: Path, tmp_path: Path) -> None:
    new = to_be(shop, tmp_path)
    first = CliRunner().invoke(main, ["compare", str(shop), str(new)])
    assert first.exit_code == 0, first.output
    written = tmp_path / "to-be-compare.svg"
    data = written.read_bytes()
    again = CliRunner().invoke(main, ["compare", str(shop), str(new), "-o", "-"])
    assert again.stdout_bytes == data


def test_command_reports_an_invalid_side(tmp_path: Path, shop: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\n")
    result = CliRunner().invoke(main, ["compare", str(bad), str(shop)])
    assert result.exit_code == 1 and f"{bad}:1:1: (root): missing required field" in result.stderr


def test_write_compare_into_a_folder_as_render_does(shop: Path, tmp_path: Path) -> None:
    new = to_be(shop, tmp_path)
    write_compare(str(shop), str(new), str(tmp_path / "out"), outdir=True)
    assert faded_groups((tmp_path / "out" / "to-be-compare.svg").read_bytes())
