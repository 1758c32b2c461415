"""The layout engine: a Journey and a Theme -> a positioned Scene (cells first, then pixels)."""

from __future__ import annotations

from journeygen.layout.map import lay_out, lay_out_micro_journey
from journeygen.layout.scene import Scene

__all__ = ["Scene", "lay_out", "lay_out_micro_journey"]
