"""The layout engine: a Journey and a Theme -> a positioned Scene (cells first, then pixels)."""
