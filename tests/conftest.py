"""Shared fixtures: where the examples and test maps are."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT
from hypothesis import HealthCheck, settings

# Property tests judge behaviour, not speed: a loaded CI machine must not fail them on a deadline.
settings.register_profile("journeygen", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("journeygen")


@pytest.fixture
def shop() -> Path:
    """The flagship example: an online shop journey."""
    return ROOT / "examples" / "online-shop.journey.yaml"

