"""The map page fills its paper: measured on the printed page with pdftotext -bbox, for every example and
for synthetic maps of 3 to 30 stages with one and three personas, on A3 and A4."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import EXAMPLES
from pagemeasure import MM, Page, page
from pypdf import PdfReader
from synthetic import synthetic_spec

from journeygen.api import load_spec
from journeygen.api import render as render_format
from journeygen.render.pdf.paper import Paper

BINDING_SPAN = 0.90
"""The least share of the printable area the map's words span along the dimension that limits its size."""


def map_page(spec: Path, paper: str, **options: object) -> tuple[Page, float]:
    """Page 1 of the map-only PDF of ``spec`` on ``paper``, and the body text size its properties state."""
    loaded = load_spec(spec)
    data = render_format(loaded.journey, "pdf", options=loaded.options(page=paper, only="map", **options))
    stated = PdfReader(io.BytesIO(data)).metadata["/bodytextsize"]
    return page(data), float(stated.split()[0])


def printable(measured: Page, name: str) -> tuple[tuple[float, float, float, float], float]:
    """The printable area of the page (left, top, right, bottom, in points) and where its footer starts."""
    paper = Paper.of(name, portrait=measured.height > measured.width)
    area = (paper.margin * MM, paper.margin * MM, (paper.width - paper.margin) * MM,
            (paper.height - paper.footer) * MM)
    return area, area[3]


def check_fills(measured: Page, paper: str, stated: float) -> float:
    """The checks every map page passes; returns the median word height in points."""
    area, footer = printable(measured, paper)
    across, down = measured.span(area)
    assert max(across, down) >= BINDING_SPAN, (across, down)
    assert min(across, down) <= 1.0
    assert all(word.y0 >= footer for word in measured.outside(area)), "only the footer prints outside the area"
    median = measured.median_height(area)
    # A word's box is 1.16 em high; the median word is body text, or the captions a little smaller than it.
    assert 0.9 * stated <= median <= 1.25 * stated, (median, stated)
    return median


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A3", "A4"])
@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_example_fills_its_page(spec: Path, paper: str) -> None:
    measured, stated = map_page(spec, paper)
    check_fills(measured, paper, stated)


def test_the_five_stage_example_prints_at_8_pt_on_a3() -> None:
    measured, stated = map_page(Path(EXAMPLES[0]).parent / "clinic-he.journey.yaml", "A3")
    median = check_fills(measured, "A3", stated)
    assert median >= 8.0 and stated >= 8.0, (median, stated)
    assert measured.height > measured.width  # taller than wide: the map page is turned upright


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A3", "A4"])
@pytest.mark.parametrize("personas", [1, 3])
@pytest.mark.parametrize("stages", [3, 5, 8, 10, 15, 30])
def test_synthetic_maps_fill_their_page(tmp_path: Path, stages: int, personas: int, paper: str) -> None:
    spec = tmp_path / "map.journey.yaml"
    spec.write_text(synthetic_spec(stages, personas), encoding="utf-8")
    measured, stated = map_page(spec, paper)
    median = check_fills(measured, paper, stated)
    if paper == "A3" and stages == 10 and personas == 1:
        assert median >= 7.0, median


def test_orientation_given_is_kept(tmp_path: Path) -> None:
    spec = tmp_path / "map.journey.yaml"
    spec.write_text(synthetic_spec(5, 1), encoding="utf-8")
    upright, _ = map_page(spec, "A4", portrait=True)
    across, _ = map_page(spec, "A4", landscape=True)
    assert upright.height > upright.width and across.width > across.height


SAAS = Path(EXAMPLES[0]).parent / "saas-onboarding.journey.yaml"


def _pages(data: bytes) -> list[str]:
    """Each page's text, wrapped lines joined by spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_per_persona_adds_a_map_of_each_persona_after_the_map() -> None:
    loaded = load_spec(SAAS)
    plain = _pages(render_format(loaded.journey, "pdf", options=loaded.options()))
    data = render_format(loaded.journey, "pdf", options=loaded.options(per_persona=True))
    pages = _pages(data)
    assert len(pages) == len(plain) + 2
    ana, mihai = pages[1], pages[2]
    assert "Ana Ionescu" in ana and "Mihai Stan" not in ana
    assert "Signs up with her Google account" in ana and "Skips the product tour" not in ana
    assert "Skips the product tour" in mihai and "Signs up with her Google account" not in mihai
    outline = [item.title for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]
    assert outline[:3] == ["Journey map", "Ana Ionescu", "Mihai Stan"]
    stated = float(PdfReader(io.BytesIO(data)).metadata["/bodytextsize"].split()[0])
    for number in (2, 3):  # each fills its page as the map does, with no smaller type than the whole map
        assert check_fills(page(data, number), "A3", stated) >= 0.9 * stated


def test_only_actions_prints_the_action_list_alone_and_only_map_the_map() -> None:
    loaded = load_spec(SAAS)
    actions = _pages(render_format(loaded.journey, "pdf", options=loaded.options(only="actions")))
    assert "Action list" in actions[0] and "Pain points by stage" in actions[-1]
    assert not any("Persona" in text or "Emotions" in text for text in actions)  # no map, no persona page
    maps = _pages(render_format(loaded.journey, "pdf", options=loaded.options(only="map", per_persona=True)))
    assert len(maps) == 3 and not any("Action list" in text for text in maps)
