"""A figure (drawing and its text) -> map and micro-journey sheets, fitted to the page or tiled as a poster."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeygen.numbers import num
from journeygen.render.pdf.figure import Figure, figure_anchor, figure_html, view_anchor
from journeygen.render.pdf.markup import Html, isolated, tag, text, ui
from journeygen.render.pdf.paper import (
    OFFICE_SHEET,
    OVERLAP_MM,
    PT_MM,
    US_SIZES,
    Paper,
    TileGrid,
    tile_grid,
)
from journeygen.render.pdf.words import PdfWords

if TYPE_CHECKING:
    from journeygen.theme import Theme

KICKER_LINES = 1.6
"""Room above a micro-journey drawing for the line naming its stage, in lines of type."""


@dataclass(frozen=True)
class MapPage:
    """A map drawing and the paper it is printed on, turned the way the fit chose; ``title`` names it in the
    outline (None: the journey map)."""

    figure: Figure
    paper: Paper
    text_pt: float
    title: str | None = None


def map_sheet(page: MapPage, depth: int, labels: PdfWords, *, sheet_id: str, located: bool = False) -> Html:
    """The whole map on one sheet, as large as the page allows (``located``: its drawing has the id of
    ``Placed.anchors``)."""
    width, _ = page.figure.fitted(page.paper.content_width, page.paper.content_height)
    figure_id = figure_anchor(sheet_id) if located else None
    return tag("section", figure_html(page.figure, width, ident=figure_id), class_=f"sheet map-sheet bm{depth}",
               id=sheet_id, data_title=page.title or labels.journey_map)


def turned_page(page: MapPage, sheet: Paper, sheet_id: str, theme: Theme, numbers: PdfWords, *,
                text_only: bool) -> str:
    """For a map printed on ``sheet`` turned the other way: a named @page of its own, footer and page number
    as on the others (``numbers``: their language). Nothing when the map's paper is the document's."""
    if page.paper == sheet:
        return ""
    from journeygen.render.pdf.style import page_rules

    name = f"turned-{sheet_id}"
    return page_rules(page.paper, theme, name, numbers, text_only=text_only) + f"\n#{sheet_id} {{ page: {name}; }}\n"


def micro_sheet(figure: Figure, paper: Paper, depth: int, *, title: str, stage: str, kicker: str,
                direction: str, sheet_id: str, located: bool = False) -> Html:
    """A micro-journey as large as the page allows; its drawing carries its own title and description.
    The ``kicker`` (Micro-journey, in the journey's language) names the stage above it."""
    room = paper.content_height - KICKER_LINES * paper.font_pt * 1.5 * PT_MM
    width, _ = figure.fitted(paper.content_width, room)
    return tag("section", tag("p", ui(kicker, direction), text(" · "), isolated(stage), class_="kicker"),
               figure_html(figure, width, ident=figure_anchor(sheet_id) if located else None),
               class_=f"sheet micro-sheet bm{depth}", id=sheet_id,
               data_title=title)


def poster_grid(figure: Figure, poster: Paper) -> TileGrid:
    """The map fitted to the poster size, cut into office sheets (letter for US posters, else A4).

    The map may shrink by up to a tenth when that saves a row or column of nearly empty sheets.
    """
    width, height = figure.fitted(poster.content_width, poster.content_height)
    sheet = OFFICE_SHEET[poster.name in US_SIZES]
    grids = [tile_grid(width * (100 - cut) / 100, height * (100 - cut) / 100, sheet) for cut in range(11)]
    return min(grids, key=lambda grid: grid.rows * grid.cols)


def tile_sheets(figure: Figure, grid: TileGrid, depth: int, poster: str, labels: PdfWords, *,
                sheet_ids: Sequence[str], located: bool = False) -> tuple[Html, ...]:
    """One sheet per tile (``sheet_ids`` names them): its part of the poster, dashed glue lines, corner crop
    marks and a label; ``located``: the figure and window of each carry the ids of ``Placed.anchors``."""
    return tuple(_tile(figure, grid, tile_index, depth if tile_index == 0 else None, poster, labels, sheet_id,
                       located)
                 for tile_index, sheet_id in zip(range(len(grid.tiles)), sheet_ids, strict=True))


def _tile(figure: Figure, grid: TileGrid, index: int, depth: int | None, poster: str, labels: PdfWords,
          sheet_id: str, located: bool) -> Html:
    tile = grid.tiles[index]
    view_w, view_h = grid.sheet.content_width, grid.sheet.content_height
    # Laid out small enough to fit the sheet, then enlarged and shifted when drawn: WeasyPrint would
    # otherwise carry the parts that hang below the sheet over onto the next page.
    small, _ = figure.fitted(view_w, view_h)
    shift = (f" position: absolute; left: 0; top: 0; transform-origin: 0 0; "
             f"transform: translate({num(-tile.x)}mm, {num(-tile.y)}mm) scale({grid.width / small:.5f});")
    px = figure.width / grid.width  # pixels per millimetre of poster
    window = tuple(v * px for v in (tile.x, tile.y, tile.x + view_w, tile.y + view_h))
    drawing = figure_html(figure, small, style=shift, window=window, ident=figure_anchor(sheet_id) if located else None)
    glue = [tag("div", class_="glue-v", style=f"left: {num(OVERLAP_MM)}mm") if tile.col else Html(""),
            tag("div", class_="glue-h", style=f"top: {num(OVERLAP_MM)}mm") if tile.row else Html("")]
    view = tag("div", drawing, *glue, class_="tile-view", style=f"width: {num(view_w)}mm; height: {num(view_h)}mm",
               id=view_anchor(sheet_id) if located else None)
    caption = labels.tile.format(poster=poster, sheet=tile.label, row=tile.row + 1, rows=grid.rows, col=tile.col + 1,
                                 cols=grid.cols, index=index + 1, count=len(grid.tiles))
    body = tag("div", tag("p", text(caption), class_="tile-caption", dir=labels.direction), view,
               *_crop_marks(grid.sheet), class_="tile-frame")
    if depth is None:
        return tag("section", body, class_="sheet tile-sheet", id=sheet_id)
    return tag("section", body, class_=f"sheet tile-sheet bm{depth}", id=sheet_id, data_title=labels.poster_map)


def _crop_marks(sheet: Paper) -> list[Html]:
    """Short lines in the margin that continue each edge of the printed area, clear of the corner."""
    width, height, gap, length = sheet.content_width, sheet.content_height, 2.0, sheet.margin * 0.6
    marks = []
    for x, dx in ((0.0, -1), (width, 1)):
        for y, dy in ((0.0, -1), (height, 1)):
            near_y, near_x = y + dy * gap, x + dx * gap
            marks.append(_line(x, min(near_y, near_y + dy * length), 0, length))
            marks.append(_line(min(near_x, near_x + dx * length), y, length, 0))
    return marks


def _line(x: float, y: float, width: float, height: float) -> Html:
    style = f"left: {num(x)}mm; top: {num(y)}mm; width: {num(width)}mm; height: {num(height)}mm"
    return tag("div", class_="crop-v" if width == 0 else "crop-h", style=style)


def tile_css(grid: TileGrid, ink: str, muted: str, *, page: str = "tile", scope: str = "") -> str:
    """Styles for tile sheets printed on the named @page ``page``: the clipped view, glue lines and crop
    marks sitting in the margin. ``scope`` (``#journey-2``) keeps each journey of a pack on its own sheets."""
    return f"""
{scope} .tile-sheet {{ page: {page}; bookmark-label: attr(data-title); }}
{scope} .tile-frame {{ position: relative; }}
{scope} .tile-view {{ position: relative; overflow: hidden; }}
{scope} .tile-caption {{ position: absolute; top: -{num(grid.sheet.margin * 0.75)}mm; left: 0; margin: 0;
  font-size: 0.7rem; color: {muted}; white-space: nowrap; }}
{scope} .tile-caption[dir=rtl] {{ left: auto; right: 0; }}
{scope} .glue-v {{ position: absolute; top: 0; bottom: 0; border-left: 0.3mm dashed {ink}; }}
{scope} .glue-h {{ position: absolute; left: 0; right: 0; border-top: 0.3mm dashed {ink}; }}
{scope} .crop-v {{ position: absolute; border-left: 0.2mm solid {ink}; }}
{scope} .crop-h {{ position: absolute; border-top: 0.2mm solid {ink}; }}
"""
