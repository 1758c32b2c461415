"""Renderers behind a registry keyed by format; each module is imported only when asked for.

The package is also the library's ``journeygen.render(journey, "svg")``: calling it renders one format,
so that ``import journeygen.render.svg`` and the call both work under the one name.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from journeygen.errors import RenderError, UnknownFormatError
from journeygen.options import RenderOptions

if TYPE_CHECKING:
    from journeygen.layout.prepared import Prepared
    from journeygen.spec.model import Journey


@dataclass(frozen=True)
class Output:
    """What a format made of one journey: its bytes, and notes on what it could not carry or show well."""

    data: bytes
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """What may be wrong with what was drawn (a theme's text below WCAG AA contrast)."""


Renderer = Callable[["Prepared"], Output]
"""A format's renderer: draws from the prepared journey (its Scene, theme, photos) and never prints."""


def _resolve(target: str) -> Any:
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


class Format(NamedTuple):
    """An output format: its name, file suffix, where its renderer lives, and a one-line summary."""

    name: str
    suffix: str
    target: str
    summary: str

    def renderer(self) -> Renderer:
        """Import the renderer module now (heavy libraries load here, not at start-up)."""
        renderer: Renderer = _resolve(self.target)
        return renderer


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("svg", ".svg", "journeygen.render.svg:render", "the swimlane map as SVG"),
    Format("png", ".png", "journeygen.render.png:render", "the swimlane map as PNG (--scale, default 2)"),
    Format("csv", ".csv", "journeygen.spreadsheet.sheet:render",
           "the workshop spreadsheet: stages as columns, lanes as rows"),
    Format("mermaid", ".mmd", "journeygen.render.mermaid.export:render",
           "Mermaid journey diagram (or lane grid or flowchart)"),
    Format("pdf", ".pdf", "journeygen.render.pdf.printer:render",
           "print-ready PDF: map, personas, micro-journeys, actions"),
    Format("dot", ".dot", "journeygen.render.flow.dot:render_dot", "the flow view as Graphviz DOT"),
    Format("flow", ".flow.svg", "journeygen.render.flow.dot:render_flow", "the flow view drawn by Graphviz as SVG"),
)}
PERSONA_FORMATS = ("svg", "png", "pdf")
"""What a persona file renders to: its cards are a drawing, not a journey the other formats could show."""


def get_format(name: str) -> Format:
    """The registered format, or an error listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None


def draw(prepared: Prepared, formats: Sequence[str]) -> dict[str, Output]:
    """Every format of one prepared journey, sharing its Scene; an unknown format fails before any work."""
    renderers = {fmt: get_format(fmt).renderer() for fmt in formats}
    wrong = [fmt for fmt in formats if prepared.options.persona_page and fmt not in PERSONA_FORMATS]
    if wrong:
        raise RenderError(f"a persona file renders as {', '.join(PERSONA_FORMATS)}, not {', '.join(wrong)}")
    return {fmt: renderer(prepared) for fmt, renderer in renderers.items()}


def render_journey(journey: Journey, format: str = "svg", *, theme: str | None = None,
                   options: RenderOptions | None = None) -> bytes:
    """The bytes of one format (svg, mermaid, pdf, dot, flow, csv) of a journey."""
    from journeygen.layout.prepared import Prepared

    opts = options or RenderOptions()
    if theme is not None:
        opts = replace(opts, theme=theme)
    return draw(Prepared(journey, opts), [format])[format].data


class _Renderable(types.ModuleType):
    """This package's type: a module that renders when called (``journeygen.render(journey, "svg")``)."""

    __call__ = staticmethod(render_journey)


sys.modules[__name__].__class__ = _Renderable
