"""What a render is asked for beyond the journey: theme, paper, styles; every field has a sensible default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

PAGE_SIZES = ("A4", "A3", "A2", "A1", "A0", "letter", "tabloid")
PdfStandard = Literal["ua-1", "a-3b", "x-4"]
PDF_STANDARDS: tuple[PdfStandard, ...] = ("ua-1", "a-3b", "x-4")
"""The PDF standards `--pdf-standard` names: accessible, archive, print shop (every PDF is tagged)."""


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may need beyond the journey; every field has a sensible default."""

    theme: str | None = None
    """A theme name or file; overrides the spec's ``theme``."""
    base_dir: Path | None = None
    """The spec's folder: photo and theme paths are relative to it and lie inside its project."""
    source_name: str | None = None
    """The spec's file name, shown in PDF footers."""
    page: str = "A3"
    """PDF page size, one of PAGE_SIZES."""
    portrait: bool = False
    """PDF pages upright (the map page included) instead of landscape."""
    landscape: bool = False
    """PDF map page landscape; without this or ``portrait`` it is turned whichever way prints it larger."""
    tile: bool = False
    """PDF: split the map across several sheets with overlap and cut marks."""
    blank: bool = False
    """PDF: an empty workshop template with the spec's stages and lanes."""
    mermaid_style: Literal["journey", "swimlane", "flowchart"] = "journey"
    """Mermaid: the native journey diagram, a grid of every lane by stage (``block-beta``), or a flowchart of
    every lane (Mermaid 9.1 and later, for renderers older than 10.8)."""
    flow_by: Literal["stage", "channel"] = "stage"
    """Flow view: touchpoints grouped by stage, or by channel (omnichannel view)."""
    persona: str | None = None
    """Flow view: only this persona's path (a persona id); every persona's, one colour each, when None."""
    scale: float = 2.0
    """PNG: pixels per layout pixel (2 is sharp on slides and high-density screens)."""
    min_text_pt: float = 7.0
    """PDF: below this body text size (points) a note says how to print the map larger."""
    per_persona: bool = False
    """PDF: after the map, the same map once per persona, with only that persona's curve and actions."""
    only: Literal["map", "actions"] | None = None
    """PDF: only the map page(s), or only the action list."""
    max_width: int | None = None
    """SVG: wrap stages into rows so the map is at most this many pixels wide."""
    pdf_standard: PdfStandard | None = None
    """PDF: also conform to PDF/UA-1, PDF/A-3b or PDF/X-4 (every PDF is tagged)."""
    persona_page: bool = False
    """The spec is a persona file: its persona cards are the whole drawing (SVG, PNG) and document (PDF)."""
