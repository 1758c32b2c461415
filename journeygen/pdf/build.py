"""A Journey and render options -> its part of the PDF: theme loaded, drawings laid out, sheets assembled."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from journeygen.pdf.document import Drawings, Layout, Part, Source, blank_part, journey_part
from journeygen.pdf.mappage import Figure
from journeygen.render import RenderOptions
from journeygen.spec.model import Journey

if TYPE_CHECKING:
    from journeygen.layout import Scene
    from journeygen.theme import Theme


def document_layout(options: RenderOptions) -> Layout:
    return Layout.choose(options.page, portrait=options.portrait, tile=options.tile)


def theme_for(journey: Journey, options: RenderOptions) -> Theme:
    """The theme named on the command line, else the spec's, else the default."""
    from journeygen.theme import load_theme

    return load_theme(options.theme or journey.theme, options.base_dir)


def _has_rtl(line: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in line)


def visual_order(line: str) -> str:
    """A line with right-to-left letters in the order they are drawn, left to right.

    WeasyPrint places SVG ``<text>`` one character at a time without the bidi algorithm, so
    Hebrew and Arabic would come out reversed; reordering here (PDF only) fixes that. Lines
    without right-to-left letters are returned unchanged.
    """
    from bidi import get_display  # type: ignore[import-untyped]

    return get_display(line) if _has_rtl(line) else line


def figure(scene: Scene, theme: Theme) -> Figure:
    """A laid-out scene as SVG, its text in drawing order for WeasyPrint."""
    from journeygen.render.svg import render_scene

    shown = scene.map_text(visual_order)
    return Figure(render_scene(shown, theme), shown.width, shown.height)


def drawings(journey: Journey, theme: Theme) -> Drawings:
    """The map and every micro-journey, laid out by the same engine as the SVG output."""
    from journeygen.layout import lay_out, lay_out_micro_journey

    micro = tuple((stage, mj, figure(lay_out_micro_journey(stage, mj, theme), theme))
                  for stage in journey.stages for mj in stage.micro_journeys)
    return Drawings(figure(lay_out(journey, theme), theme), micro)


def build_part(journey: Journey, options: RenderOptions, layout: Layout, theme: Theme, *, depth: int = 1,
               anchor: str | None = None) -> Part:
    """The sheets of one journey: the blank template, or map, personas, micro-journeys and actions."""
    source = Source(options.source_name, options.base_dir)
    if options.blank:
        return blank_part(journey, layout, source=source, depth=depth, anchor=anchor)
    return journey_part(journey, drawings(journey, theme), layout, theme, source=source, depth=depth,
                        anchor=anchor)
