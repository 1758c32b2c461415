"""Wall time of whole `journeygen render -f svg` processes: the example map (goal < 0.5 s), 30 stages (< 1 s).

Run: python benchmarks/svg_render.py [SPEC ...]   (best of 5 runs each; prints seconds)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "examples" / "online-shop.journey.yaml", ROOT / "examples" / "stress-30-stages.journey.yaml"]


def wall_time(spec: Path, runs: int = 5) -> float:
    """The best wall time of ``runs`` complete processes rendering ``spec`` to SVG."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    best = float("inf")
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "journeygen", "render", str(spec), "-q", "-o", out],
                           check=True, env=env)
            best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> None:
    for spec in [Path(a) for a in argv] or DEFAULT:
        print(f"{wall_time(spec):6.3f} s  {spec.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
