"""-f png: the map's Scene drawn by resvg, the same picture Chromium draws of the SVG, right to left included."""

from __future__ import annotations

import io
import math
import os
import struct
from dataclasses import replace
from pathlib import Path

import pytest
from chromium import CHROMIUM, screenshot
from click.testing import CliRunner
from helpers import EXAMPLES, ROOT
from PIL import Image, ImageChops

from journeygen.api import load_spec, render
from journeygen.cli.main import main
from journeygen.layout.prepared import Prepared
from journeygen.render.svg import render_scene

SHOP = next(p for p in EXAMPLES if p.name == "online-shop.journey.yaml")
HEBREW = next(p for p in EXAMPLES if p.name == "clinic-he.journey.yaml")
ROMANIAN = next(p for p in EXAMPLES if p.name == "banca-ro.journey.yaml")
MOST_PIXELS_APART = 0.015
"""Share of pixels that may differ strongly from Chromium's picture: anti-aliasing differs by about 0.5%;
text anchored or ordered the wrong way round differs by 3% and more."""


def size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_png_is_the_scene_at_the_chosen_scale() -> None:
    spec = load_spec(SHOP)
    scene = Prepared(spec.journey, spec.options()).scene
    for scale in (1.0, 2.0):
        png = render(spec.journey, "png", options=replace(spec.options(), scale=scale))
        assert size(png) == (math.ceil(scene.width * scale), math.ceil(scene.height * scale))


def test_same_spec_same_bytes() -> None:
    spec = load_spec(HEBREW)
    assert render(spec.journey, "png", options=spec.options()) == render(spec.journey, "png", options=spec.options())


def test_cli_writes_png_with_scale(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(SHOP), "-f", "png", "--scale", "1", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    spec = load_spec(SHOP)
    width = Prepared(spec.journey, spec.options()).scene.width
    assert size((tmp_path / "online-shop.png").read_bytes())[0] == math.ceil(width)


def test_a_picture_too_large_is_refused_with_advice(tmp_path: Path) -> None:
    stress = ROOT / "examples" / "stress-30-stages.journey.yaml"
    result = CliRunner().invoke(main, ["render", str(stress), "-f", "png", "--scale", "8", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "--max-width" in result.output and "lower --scale" in result.output
    assert not list(tmp_path.iterdir())


def _chromium(svg: bytes, width: int, height: int) -> Image.Image:
    return Image.open(io.BytesIO(screenshot(svg, ".svg", width, height))).convert("RGB")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="needs chromium")
@pytest.mark.parametrize("path", [SHOP, HEBREW, ROMANIAN], ids=lambda p: p.name)
def test_png_matches_what_chromium_draws_of_the_svg(path: Path) -> None:
    spec = load_spec(path)
    prepared = Prepared(spec.journey, replace(spec.options(), scale=1.0))
    png = Image.open(io.BytesIO(render(spec.journey, "png", options=prepared.options))).convert("RGB")
    browser = _chromium(render_scene(prepared.scene, prepared.theme), *png.size)
    histogram = ImageChops.difference(png, browser).convert("L").histogram()
    assert sum(histogram[64:]) / sum(histogram) < MOST_PIXELS_APART
