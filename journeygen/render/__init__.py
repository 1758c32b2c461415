"""Renderers behind a registry keyed by format; each module is imported only when asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from journeygen.errors import UnknownFormatError

if TYPE_CHECKING:
    from journeygen.spec.model import Journey

PAGE_SIZES = ("A4", "A3", "A2", "A1", "A0", "letter", "tabloid")
PdfStandard = Literal["ua-1", "a-3b", "x-4"]
PDF_STANDARDS: tuple[PdfStandard, ...] = ("ua-1", "a-3b", "x-4")


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may need beyond the journey; every field has a sensible default."""

    theme: str | None = None
    """A theme name or file; overrides the spec's ``theme``."""
    base_dir: Path | None = None
    """The spec's folder: photos and theme paths resolve inside it."""
    source_name: str | None = None
    """The spec's file name, shown in PDF footers."""
    page: str = "A3"
    """PDF page size, one of PAGE_SIZES."""
    portrait: bool = False
    """PDF pages upright instead of landscape."""
    tile: bool = False
    """PDF: split the map across several sheets with overlap and cut marks."""
    blank: bool = False
    """PDF: an empty workshop template with the spec's stages and lanes."""
    mermaid_style: Literal["journey", "swimlane"] = "journey"
    """Mermaid: the native journey diagram, or a flowchart that carries every lane."""
    flow_by: Literal["stage", "channel"] = "stage"
    """Flow view: touchpoints grouped by stage, or by channel (omnichannel view)."""
    max_width: int | None = None
    """SVG: wrap stages into rows so the map is at most this many pixels wide."""
    pdf_standard: PdfStandard | None = None
    """PDF: also conform to PDF/UA-1, PDF/A-3b or PDF/X-4 (every PDF is tagged)."""


Renderer = Callable[["Journey", RenderOptions], bytes]
Notes = Callable[["Journey", RenderOptions], list[str]]


def _resolve(target: str) -> Any:
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


@dataclass(frozen=True)
class Format:
    """An output format: its name, file suffix, where its renderer lives, and what it reports."""

    name: str
    suffix: str
    target: str
    summary: str
    notes_target: str | None = None
    """A function listing what this format could not carry (shown on stderr unless -q)."""

    def renderer(self) -> Renderer:
        """Import the renderer module now (heavy libraries load here, not at start-up)."""
        renderer: Renderer = _resolve(self.target)
        return renderer

    def notes(self, journey: Journey, options: RenderOptions) -> list[str]:
        """What rendering ``journey`` in this format leaves out; empty for most formats."""
        if self.notes_target is None:
            return []
        notes: Notes = _resolve(self.notes_target)
        return notes(journey, options)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("svg", ".svg", "journeygen.render.svg:render", "the swimlane map as SVG"),
    Format("csv", ".csv", "journeygen.vcs.csvio:render", "the workshop spreadsheet: stages as columns, lanes as rows"),
    Format("mermaid", ".mmd", "journeygen.render.mermaid:render", "Mermaid journey diagram (or swimlane flowchart)",
           notes_target="journeygen.render.mermaid:losses"),
    Format("pdf", ".pdf", "journeygen.render.pdf:render", "print-ready PDF: map, personas, micro-journeys, actions",
           notes_target="journeygen.pdf.legibility:notes"),
    Format("dot", ".dot", "journeygen.render.graphviz:render_dot", "the flow view as Graphviz DOT"),
    Format("flow", ".flow.svg", "journeygen.render.graphviz:render_flow", "the flow view drawn by Graphviz as SVG"),
)}


def get_format(name: str) -> Format:
    """The registered format, or an error listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None
