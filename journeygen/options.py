"""What a render is asked for beyond the journey: theme, paper, styles; every field has a sensible default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

PAGE_SIZES = ("A4", "A3", "A2", "A1", "A0", "letter", "tabloid")


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
    """PDF pages upright instead of landscape."""
    tile: bool = False
    """PDF: split the map across several sheets with overlap and cut marks."""
    blank: bool = False
    """PDF: an empty workshop template with the spec's stages and lanes."""
    mermaid_style: Literal["journey", "swimlane"] = "journey"
    """Mermaid: the native journey diagram, or a flowchart that carries every lane."""
    flow_by: Literal["stage", "channel"] = "stage"
    """Flow view: touchpoints grouped by stage, or by channel (omnichannel view)."""
    scale: float = 2.0
    """PNG: pixels per layout pixel (2 is sharp on slides and high-density screens)."""
    max_width: int | None = None
    """SVG: wrap stages into rows so the map is at most this many pixels wide."""
    persona_page: bool = False
    """The spec is a persona file: its persona cards are the whole drawing (SVG, PNG) and document (PDF)."""
