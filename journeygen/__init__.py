"""journeygen: customer journey maps as code."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from journeygen import render  # the format registry; calling it renders (see journeygen/render/__init__.py)
from journeygen.errors import JourneygenError, Problem, RenderError, SpecError

if TYPE_CHECKING:
    from journeygen.layout.scene import Scene
    from journeygen.options import RenderOptions
    from journeygen.spec.model import Journey

__version__ = "0.1.0"
__all__ = ["JourneygenError", "Problem", "RenderError", "SpecError", "__version__", "lay_out", "load", "render"]


# load and lay_out (and calling render) import the API and pydantic on first use, so that `journeygen --version`
# and `--help` stay fast.
def load(source: str | os.PathLike[str]) -> Journey:
    """A validated Journey from a file path, ``-`` (stdin), or YAML/JSON text; raises SpecError."""
    from journeygen import api

    return api.load(source)


def lay_out(journey: Journey, options: RenderOptions | None = None) -> Scene:
    """The positioned Scene of the swimlane map."""
    from journeygen import api

    return api.lay_out(journey, options)


def __dir__() -> list[str]:
    """The public API only, not the submodules that importing it loaded."""
    return sorted(__all__)
