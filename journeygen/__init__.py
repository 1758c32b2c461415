"""journeygen: customer journey maps as code."""

from journeygen.api import lay_out, load, render
from journeygen.errors import JourneygenError, Problem, RenderError, SpecError

__version__ = "0.1.0"
__all__ = ["JourneygenError", "Problem", "RenderError", "SpecError", "__version__", "lay_out", "load", "render"]
