"""Themes: fixed semantic slots filled from data files in themes/ (see docs/themes.md)."""

from __future__ import annotations

from journeygen.theme.catalog import load_theme, theme_for, theme_names
from journeygen.theme.model import GRAPHIC_PAIRS, TEXT_PAIRS, Theme

__all__ = ["GRAPHIC_PAIRS", "TEXT_PAIRS", "Theme", "load_theme", "theme_for", "theme_names"]
