"""Golden files: the Scene (JSON) and the SVG of every example and every stress map.

Accept reviewed changes with JOURNEYGEN_ACCEPT=1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldens import assert_golden
from helpers import EXAMPLES, ROOT

from journeygen.api import load_spec
from journeygen.api import render as render_format
from journeygen.layout.map import lay_out
from journeygen.project import stem

MAPS = sorted((ROOT / "tests" / "layout" / "maps").glob("*.yaml"))
ALL = EXAMPLES + MAPS


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_svg_matches_golden(path: Path) -> None:
    spec = load_spec(path)
    assert_golden(f"svg/{stem(str(path))}.svg", render_format(spec.journey, "svg", options=spec.options()))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_scene_matches_golden(path: Path) -> None:
    from journeygen.theme import load_theme

    spec = load_spec(path)
    scene = lay_out(spec.journey, load_theme(spec.journey.theme, spec.base_dir))
    assert_golden(f"scene/{stem(str(path))}.json", scene.to_json())
