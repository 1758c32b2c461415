"""The bundled DejaVu Sans faces every drawing is measured and drawn with (regular and bold)."""

from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILES = {False: FONTS / "DejaVuSans.ttf", True: FONTS / "DejaVuSans-Bold.ttf"}
"""Bold or not -> the font file."""
