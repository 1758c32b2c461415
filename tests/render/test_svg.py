"""The SVG document: well-formed, accessible, escaped, deterministic, themed only through its stylesheet."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, run_journeygen

from journeygen.api import load, load_spec, loads
from journeygen.render import RenderOptions
from journeygen.render.svg import render

NS = {"svg": "http://www.w3.org/2000/svg"}
MAPS = ROOT / "tests" / "layout" / "maps"


def svg_of(path: Path, **options: object) -> bytes:
    spec = load_spec(path)
    return render(spec.journey, spec.options(**options))


@pytest.mark.parametrize("path", EXAMPLES + sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_is_well_formed_and_accessible(path: Path) -> None:
    root = ET.fromstring(svg_of(path))
    assert root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and title.text == load(path).title
    assert desc is not None and desc.text and "stage" in desc.text
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
    assert render(journey, RenderOptions()).startswith(b"<?xml")


def test_cli_writes_the_svg(tmp_path: Path, shop: Path) -> None:
    result = run_journeygen("render", str(shop), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    ET.parse(tmp_path / "online-shop.svg")
