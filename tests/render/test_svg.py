"""The SVG document: well-formed, accessible, escaped, deterministic, themed only through its stylesheet."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run_journeygen

from journeygen.api import load, load_spec, loads
from journeygen.api import render as render_format
from journeygen.options import RenderOptions

NS = {"svg": "http://www.w3.org/2000/svg"}
MAPS = ROOT / "tests" / "layout" / "maps"


def svg_of(path: Path, **options: object) -> bytes:
    spec = load_spec(path)
    return render_format(spec.journey, "svg", options=spec.options(**options))


@pytest.mark.parametrize("path", EXAMPLES + sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_is_well_formed_and_accessible(path: Path) -> None:
    root = ET.fromstring(svg_of(path))
    assert root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and title.text == load(path).title
    assert desc is not None and desc.text and load(path).stages[-1].name in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("jg-") for i in ids)


def test_hostile_labels_stay_text() -> None:
    data = svg_of(MAPS / "hostile.yaml")
    root = ET.fromstring(data)
    assert not [el for el in root.iter() if el.tag.split("}")[1] in ("script", "foreignObject", "a", "img", "b", "i")]
    texts = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "</text><script>alert(1)</script> & <b>bold</b>" in root.findtext("svg:title", namespaces=NS, default="")
    assert "]]>" in texts
    assert "&#x3C;script&#x3E;" in texts  # an entity the user typed is shown as typed, not decoded
    assert b"<script" not in data and b"<b>" not in data


def test_same_input_same_bytes(shop: Path) -> None:
    assert svg_of(shop) == svg_of(shop)


def test_colours_only_in_the_stylesheet(shop: Path) -> None:
    text = svg_of(shop).decode()
    style = re.search(r"<style>(.*?)</style>", text, re.S)
    assert style is not None and "#" in style.group(1)
    outside = text.replace(style.group(0), "")
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|fill=\"|stroke=\"", outside)


def test_font_stack_names_dejavu_first_and_nothing_is_fetched(shop: Path) -> None:
    text = svg_of(shop).decode()
    assert re.search(r"font-family:\s*'?DejaVu Sans", text)
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text
    assert "@import" not in text and "url(" not in text.replace("url(#", "")


def test_right_to_left_locale_sets_direction_and_language() -> None:
    root = ET.fromstring(svg_of(MAPS / "rtl-hebrew.yaml"))
    assert root.get("direction") == "rtl" and root.get("lang") == "he"


def test_themes_change_only_the_stylesheet(shop: Path) -> None:
    default, dark = svg_of(shop).decode(), svg_of(shop, theme="dark").decode()
    strip = re.compile(r"<style>.*?</style>", re.S)
    assert default != dark and strip.sub("", default) == strip.sub("", dark)


def test_max_width_option_wraps_the_map(shop: Path) -> None:
    root = ET.fromstring(svg_of(shop, max_width=1000))
    assert float(root.get("width", "0")) <= 1000


def test_spec_text_without_a_folder_renders() -> None:
    journey = loads("title: T\npersona: {name: P}\nstages: [{name: S, emotion: 4}]")
    assert render_format(journey, "svg", options=RenderOptions()).startswith(b"<?xml")


def test_cli_writes_the_svg(tmp_path: Path, shop: Path) -> None:
    result = run_journeygen("render", str(shop), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    ET.parse(tmp_path / "online-shop.svg")


@pytest.mark.parametrize(("path", "opening"), [
    (ROOT / "examples" / "clinic-he.journey.yaml", "מפת מסע לקוח עבור"),
    (ROOT / "examples" / "banca-ro.journey.yaml", "Harta parcursului clientului pentru"),
    (ROOT / "examples" / "online-shop.journey.yaml", "Customer journey map for Maria Popescu"),
])
def test_the_summary_is_in_the_maps_language(path: Path, opening: str) -> None:
    desc = ET.fromstring(svg_of(path)).findtext("svg:desc", namespaces=NS, default="")
    assert desc.startswith(opening)


def test_same_bytes_in_every_process() -> None:
    spec = str(ROOT / "examples" / "saas-onboarding.journey.yaml")
    runs = [run_journeygen("render", spec, "-o", "-", env={"PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout


def test_ids_stay_unique_when_spec_ids_collide() -> None:
    journey = loads("title: T\npersona: {name: P}\nlanes: [{id: b-c, title: X}, {id: c, title: Y}]\n"
                    "stages: [{id: a, name: A, b-c: [x]}, {id: a-b, name: B, c: [y]}]")
    root = ET.fromstring(render_format(journey, "svg", options=RenderOptions()))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and "jg-t-cell-a-b-c-2" in ids


def test_the_stylesheet_only_styles_its_own_map(shop: Path) -> None:
    text = svg_of(shop).decode()
    root = ET.fromstring(text)
    style = re.search(r"<style>(.*?)</style>", text, re.S)
    assert style is not None
    selectors = [sel for rule in re.findall(r"([^{}]+)\{", style.group(1)) for sel in rule.split(",")]
    assert selectors and all(sel.startswith(f"#{root.get('id')} ") for sel in selectors)
