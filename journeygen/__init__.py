"""journeygen: customer journey maps as code."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

# The format registry shares the name `render` with the function below; importing it first (it is
# light) means the later `def render` is what `journeygen.render` names, whatever is imported next.
import journeygen.render as _registry  # noqa: F401
from journeygen.errors import JourneygenError, Problem, RenderError, SpecError

if TYPE_CHECKING:
    from journeygen.layout.scene import Scene
    from journeygen.render import RenderOptions
    from journeygen.spec.model import Journey

__version__ = "0.1.0"
__all__ = ["JourneygenError", "Problem", "RenderError", "SpecError", "__version__", "lay_out", "load", "render"]


def __dir__() -> list[str]:
    """The public API only: not the helpers this module imports, nor submodules loaded along the way."""
    return sorted(__all__)


# The three entry points import the API (and pydantic) on first use, so that `journeygen --version`
# and `--help` stay fast.
def load(source: str | os.PathLike[str]) -> Journey:
    """A validated Journey from a file path, ``-`` (stdin), or YAML/JSON text; raises SpecError."""
    from journeygen import api

    return api.load(source)


def lay_out(journey: Journey, options: RenderOptions | None = None) -> Scene:
    """The positioned Scene of the swimlane map."""
    from journeygen import api

    return api.lay_out(journey, options)


def render(journey: Journey, format: str = "svg", *, theme: str | None = None,
           options: RenderOptions | None = None) -> bytes:
    """The bytes of one format (svg, mermaid, pdf, dot, flow, csv) of a journey."""
    from journeygen import api

    return api.render(journey, format, theme=theme, options=options)
