"""Helpers for tests: paths of the checkout, and running the real command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.journey.yaml"))


def run_journeygen(*args: str, cwd: Path | None = None, input: bytes | None = None,
                   env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run the real command in a child process (`python -m journeygen`), with this checkout importable."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "journeygen", *args], cwd=cwd or ROOT, input=input,
                          capture_output=True, env=full_env, timeout=timeout, check=False)


def render_file(spec: Path, format: str = "pdf", **options: Any) -> bytes:
    """A spec file rendered in-process as ``render`` would, with some render options changed."""
    from journeygen.api import load_spec, render

    loaded = load_spec(spec)
    return render(loaded.journey, format, options=replace(loaded.options(), **options))
