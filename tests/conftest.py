"""Shared fixtures: where the examples and test maps are."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT


@pytest.fixture
def shop() -> Path:
    """The flagship example: an online shop journey."""
    return ROOT / "examples" / "online-shop.journey.yaml"

