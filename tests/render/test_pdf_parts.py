"""PDF building blocks without WeasyPrint: sheet geometry, poster tiles, text over drawings, action grouping."""

from __future__ import annotations

import pytest

from journeygen.api import loads
from journeygen.render.pdf.figure import Figure, Label, figure_html
from journeygen.render.pdf.pages import actions_by_owner
from journeygen.render.pdf.paper import OVERLAP_MM, Paper, tile_grid


@pytest.mark.parametrize(("name", "size"), [("A4", (297, 210)), ("a0", (1189, 841)), ("letter", (279.4, 215.9))])
def test_paper_is_landscape_unless_asked(name: str, size: tuple[float, float]) -> None:
    paper = Paper.of(name)
    assert (paper.width, paper.height) == size
    assert (Paper.of(name, portrait=True).width, Paper.of(name, portrait=True).height) == size[::-1]


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown page size 'B5'"):
        Paper.of("B5")


@pytest.mark.parametrize(("width", "height"), [(795, 532), (1100, 760), (150, 100), (400, 1000)])
def test_tiles_cover_the_poster_with_overlap(width: float, height: float) -> None:
    grid = tile_grid(width, height, "A4")
    view_w, view_h = grid.sheet.content_width, grid.sheet.content_height
    last = grid.tiles[-1]
    assert last.x + view_w >= width and last.y + view_h >= height
    assert len(grid.tiles) == grid.rows * grid.cols
    if grid.cols > 1:
        assert grid.tiles[1].x == pytest.approx(view_w - OVERLAP_MM)
    turned = tile_grid(width, height, "A4")
    assert turned == grid  # deterministic choice of orientation


def test_tile_labels_read_like_a_map_grid() -> None:
    grid = tile_grid(2000, 2000, "A4")
    labels = [t.label for t in grid.tiles]
    assert labels[0] == "A1" and labels[grid.cols] == "B1" and labels[-1] == f"{chr(64 + grid.rows)}{grid.cols}"


def test_text_over_a_drawing_keeps_anchor_and_direction() -> None:
    figure = Figure(b"<svg/>", 1000, 500, (
        Label(("שלום",), 100, 50, 0, "left", 10, False, "t-ink"),
        Label(("NPS <b>",), 900, 80, 0, "right", 10, True, "t-muted"),
    ), rtl=True)
    html = figure_html(figure, 100)
    assert 'dir="rtl"' in html and "text-align: left" in html
    assert "text-align: right" in html and 'class="lbl t-muted b"' in html
    assert "NPS &lt;b&gt;" in html and "<b>" not in html


def test_ideas_grouped_by_owner_unowned_last_by_due_date() -> None:
    journey = loads("""
title: T
persona: {name: P}
stages:
  - name: One
    ideas: [{text: late, owner: zeta, due: 2027-01-01}, {text: early, owner: zeta, due: 2026-01-01}, loose]
  - name: Two
    ideas: [{text: undated, owner: Alpha}]
""")
    groups = actions_by_owner(journey)
    assert [owner for owner, _ in groups] == ["Alpha", "zeta", None]
    assert [a.idea.text for a in groups[1][1]] == ["early", "late"]
