"""Whole-process start-up of journeygen against a bare interpreter, and what a PNG adds to an SVG.

Times, in fresh processes taken in turns (so a shared host's swings hit every command alike), the
5-stage example rendered with ``-f svg,mermaid``, ``-f svg`` and ``-f png`` beside
``python -c "import pydantic, click, yaml"``, and prints the medians and the two ratios the issues
set: ``svg,mermaid`` within 3x of the baseline (issue 15), ``png`` within 2x of ``svg`` (issue 19).
CPU time (user + system of the process) is printed beside wall time: on a busy host it moves less.
``--before DIR`` also times the journeygen source tree in DIR (for example an unpacked
``git archive main journeygen themes``) in the same rounds, to show what a change saved. The commands run
in a scratch folder, not the checkout, since ``python -m`` puts the current folder first on the path.
``--phases`` prints where one ``-f svg,mermaid`` process spends its CPU time instead.

    python benchmarks/startup.py                  # 9 rounds
    python benchmarks/startup.py --runs 21
    python benchmarks/startup.py --before /tmp/main
    python benchmarks/startup.py --phases
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from fresh import Run, fresh  # a script beside this one

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "online-shop.journey.yaml"
CHILD_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
"""Byte-code caches are written and used, as in an installed copy."""
BASELINE = "import pydantic, click, yaml"
PHASES = """
import os, sys, time
clock = time.process_time
marks = [("start the interpreter (site)", clock())]
import click, pydantic, yaml; marks.append(("import pydantic, click, yaml", clock()))
import journeygen.cli.main, journeygen.cli.output; marks.append(("import journeygen's command line", clock()))
journeygen.cli.main.settle_process()  # as the journeygen command does before it runs
from pydantic import BaseModel, TypeAdapter; marks.append(("import pydantic's models and schemas", clock()))
import importlib.metadata; marks.append(("import importlib.metadata (pydantic's plugin loader)", clock()))
from journeygen.api import load_spec; marks.append(("import the spec model (its pydantic models built)", clock()))
loaded = load_spec(sys.argv[1]); marks.append(("load and validate the spec", clock()))
from journeygen.layout.prepared import Prepared
from journeygen.render import get_format
renderers = {f: get_format(f).renderer() for f in ("svg", "mermaid")}
marks.append(("import layout and the two renderers (HarfBuzz)", clock()))
prepared = Prepared(loaded.journey, loaded.options()); prepared.scene; marks.append(("lay out the Scene", clock()))
for renderer in renderers.values():
    renderer(prepared)
marks.append(("draw SVG and Mermaid", clock()))
marks.insert(0, ("", 0.0))
print("\\n".join(f"{name}\\t{then - before}" for (_, before), (name, then) in zip(marks, marks[1:])))
"""
"""One -f svg,mermaid render in phases, each phase's CPU seconds (the first: the interpreter's own start)."""


def phases(runs: int) -> None:
    """The fastest of ``runs`` CPU times of each phase of one -f svg,mermaid process."""
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES, str(EXAMPLE)], cwd=ROOT, env=CHILD_ENV,
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            name, seconds = line.split("\t")
            seen.setdefault(name, []).append(float(seconds))
    print(f"CPU ms per phase, best of {runs} (the phases of `render -f svg,mermaid`, in one process)")
    for name, times in seen.items():
        print(f"{1000 * min(times):7.1f}  {name}")
    print(f"{1000 * sum(min(times) for times in seen.values()):7.1f}  total")


def _check_tree(folder: Path, env: dict[str, str], cwd: Path) -> None:
    """Exit unless a command run with ``env`` in ``cwd`` imports the journeygen of ``folder`` (and its themes)."""
    found = subprocess.run([sys.executable, "-c", "import journeygen; print(journeygen.__file__)"], cwd=cwd, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    if not Path(found).is_relative_to(folder) or not (folder / "themes").is_dir():
        raise SystemExit(f"{folder}: expected its journeygen/ and themes/, but the command imports {found}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="rounds (each command once a round)")
    parser.add_argument("--before", type=Path, help="a folder holding another journeygen source tree to compare")
    parser.add_argument("--phases", action="store_true", help="where one -f svg,mermaid process spends its time")
    args = parser.parse_args()
    if args.phases:
        phases(args.runs)
        return
    trees = {"": ROOT}
    if args.before:
        trees = {"before ": args.before.resolve(), "": ROOT}
    envs = {tree: {**CHILD_ENV, "PYTHONPATH": str(folder)} for tree, folder in trees.items()}
    with tempfile.TemporaryDirectory() as out:
        for tree, folder in trees.items():
            _check_tree(folder, envs[tree], Path(out))
        render = [sys.executable, "-m", "journeygen", "render", str(EXAMPLE), "-o", out, "-q", "-f"]
        commands = {(BASELINE, ""): ([sys.executable, "-c", BASELINE], CHILD_ENV)}
        for tree, env in envs.items():
            for fmt in ("svg,mermaid", "svg", "png"):
                commands[(f"-f {fmt}", tree)] = ([*render, fmt], env)
        for cmd, env in commands.values():  # warm-up: byte-code caches, the page cache
            fresh(cmd, Path(out), env)
        runs: dict[tuple[str, str], list[Run]] = {key: [] for key in commands}
        for _ in range(args.runs):
            for key, (cmd, env) in commands.items():
                runs[key].append(fresh(cmd, Path(out), env))
    wall = {key: statistics.median(r.wall for r in rs) for key, rs in runs.items()}
    cpu = {key: statistics.median(r.cpu for r in rs) for key, rs in runs.items()}
    print(f"{args.runs} rounds, medians; {EXAMPLE.relative_to(ROOT)}")
    print(f"{'command':36} {'wall s':>8} {'cpu s':>8}")
    for key in commands:
        print(f"{key[1] + key[0]:36} {wall[key]:8.3f} {cpu[key]:8.3f}")
    base = (BASELINE, "")
    for tree in trees:
        both, svg, png = ("-f svg,mermaid", tree), ("-f svg", tree), ("-f png", tree)
        print(f"{tree}svg,mermaid / baseline: {wall[both] / wall[base]:.2f}x wall, "
              f"{cpu[both] / cpu[base]:.2f}x cpu (target <= 3)")
        print(f"{tree}png / svg:              {wall[png] / wall[svg]:.2f}x wall, "
              f"{cpu[png] / cpu[svg]:.2f}x cpu (target <= 2)")


if __name__ == "__main__":
    main()
