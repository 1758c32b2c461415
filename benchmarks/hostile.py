"""Hostile inputs that once made journeygen's work explode -> the time each takes now, against a generous bound.

Each case is the real command in a fresh process, on input built to hit a quadratic path:

- `import csv` of 4.9 MB of commas on one line (was 33.5 s: every cell searched to the end of the line);
- `git-diff` (the external diff driver) of two 940 KB files that are not maps (was 3 min 58 s in
  difflib; now the changed lines are bounded and a larger rewrite is left to git's own diff);
- `embed --check --as svg` where the linked SVG is a symlink to a 3 GiB sparse file (was 14 s and
  3.1 GB: the file was read whole);
- `validate` of every spec in tests/hostile/reject (billion laughs, deep nesting, huge numbers, ...);
- `validate` of a million nested brackets, and of a 6 MB spec (refused by size, before parsing).

    python benchmarks/hostile.py      # prints a table; exit 1 if a case is over its bound

Timing lives here, not in the test suite: on a shared machine a timed test fails for reasons of
its own; the suite checks what each case returns (tests/hostile/test_bounded_work.py).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUND_SECONDS = 10.0
"""Generous: each case takes well under two seconds on a quiet host."""


def journeygen(*args: str, cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit status of one fresh `journeygen` process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "journeygen", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, child.returncode


def csv_long_line(folder: Path) -> tuple[float, float, int]:
    (folder / "wide.csv").write_text("," * 4_900_000)
    return journeygen("import", "csv", "wide.csv", "-o", "-", cwd=folder)


def git_diff_fallback(folder: Path) -> tuple[float, float, int]:
    rng = random.Random(1)
    for name in ("old", "new"):
        (folder / name).write_text("".join(f"- v{rng.randrange(400)}\n" for _ in range(160_000)))
    return journeygen("git-diff", "m.journey.yaml", "old", "0" * 40, "100644", "new", "1" * 40, "100644",
                      cwd=folder)


def embed_linked_svg(folder: Path) -> tuple[float, float, int]:
    (folder / ".git").mkdir()
    shutil.copy(ROOT / "examples" / "online-shop.journey.yaml", folder / "shop.journey.yaml")
    with (folder / "huge").open("wb") as handle:
        handle.truncate(3 << 30)
    (folder / "shop.svg").symlink_to(folder / "huge")
    (folder / "README.md").write_text("<!-- journeygen: shop.journey.yaml as=svg -->\n<!-- /journeygen -->\n")
    return journeygen("embed", "--check", "README.md", cwd=folder)


def reject_corpus(folder: Path) -> tuple[float, float, int]:
    corpus = ROOT / "tests" / "hostile" / "reject"
    return journeygen("validate", *sorted(str(p) for p in corpus.iterdir() if p.suffix in (".yaml", ".json")),
                      cwd=folder)


def deep_nesting(folder: Path) -> tuple[float, float, int]:
    (folder / "deep.yaml").write_text("a: " + "[" * 1_000_000 + "]" * 1_000_000)
    return journeygen("validate", "deep.yaml", cwd=folder)


def too_large(folder: Path) -> tuple[float, float, int]:
    (folder / "huge.yaml").write_text("title: T\npersona: {name: A}\nstages:\n  - name: " + "x" * 6_000_000 + "\n")
    return journeygen("validate", "huge.yaml", cwd=folder)


CASES: list[tuple[str, Callable[[Path], tuple[float, float, int]], int]] = [
    ("import csv: 4.9 MB of commas on one line", csv_long_line, 1),
    ("git-diff: two 940 KB files that are not maps", git_diff_fallback, 0),
    ("embed --check --as svg: SVG linked to a 3 GiB file", embed_linked_svg, 1),
    ("validate: every spec of tests/hostile/reject", reject_corpus, 1),
    ("validate: a million nested brackets", deep_nesting, 1),
    ("validate: a 6 MB spec", too_large, 1),
]


def main() -> int:
    print("| case | seconds | peak MB | exit |\n|---|---|---|---|")
    over = 0
    for label, case, expected in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak, code = case(Path(tmp))
        over += seconds > BOUND_SECONDS or code != expected
        print(f"| {label} | {seconds:.2f} | {peak:.0f} | {code} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
