"""The garbage collector's pace: the interpreter's own, and the seldom one a short command runs at."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

PYTHON_PACE: tuple[int, int, int] = gc.get_threshold()
"""The thresholds the interpreter started with (this module is imported before a command changes them)."""
COMMAND_PACE = (200_000, 30, 30)
"""A short command's: building the spec's models and laying out allocate in bursts that seldom leave cycles
behind, so the youngest objects are collected every 200,000 allocations rather than 700 (as mypy's command does)."""


@contextmanager
def python_pace() -> Iterator[None]:
    """The interpreter's own pace for work whose garbage is mostly cycles (WeasyPrint's boxes, pypdf's objects),
    which the command's pace would hold (the 300-stage map's PDF peaked at 271 MB instead of 234)."""
    pace = gc.get_threshold()
    gc.set_threshold(*PYTHON_PACE)
    try:
        yield
    finally:
        gc.set_threshold(*pace)
