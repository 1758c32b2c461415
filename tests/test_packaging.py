"""`pip install .` ships what journeygen needs at run time: themes, fonts, the typing marker."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import ROOT


def test_wheel_carries_themes_and_fonts(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("journeygen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    themes = {p.name for p in (ROOT / "themes").glob("*.yaml")}
    assert {f"journeygen/themes/{name}" for name in themes} <= names
    assert {"journeygen/fonts/DejaVuSans.ttf", "journeygen/fonts/DejaVuSans-Bold.ttf",
            "journeygen/fonts/LICENSE-DejaVu.txt", "journeygen/py.typed"} <= names
    assert any(name.endswith("entry_points.txt") for name in names)
