"""Shared fixtures: where the examples and test maps are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.journey.yaml"))


@pytest.fixture
def shop() -> Path:
    """The flagship example: an online shop journey."""
    return ROOT / "examples" / "online-shop.journey.yaml"
