"""Renderers behind a registry keyed by format; each module is imported only when asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from journeygen.errors import UnknownFormatError
from journeygen.spec.model import Journey

PAGE_SIZES = ("A4", "A3", "A2", "A1", "A0", "letter", "tabloid")


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
    portrait: bool = False
    tile: bool = False
    blank: bool = False
    mermaid_style: Literal["journey", "swimlane"] = "journey"
    flow_by: Literal["stage", "channel"] = "stage"
    max_width: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


Renderer = Callable[[Journey, RenderOptions], bytes]


@dataclass(frozen=True)
class Format:
    """A output format: its name, file suffix and where its renderer lives."""

    name: str
    suffix: str
    target: str
    summary: str

    def renderer(self) -> Renderer:
        """Import the renderer module now (heavy libraries load here, not at start-up)."""
        module, _, func = self.target.partition(":")
        return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("svg", ".svg", "journeygen.render.svg:render", "the swimlane map as SVG"),
)}


def get_format(name: str) -> Format:
    """The registered format, or an error listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None
