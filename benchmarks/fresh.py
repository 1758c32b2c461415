"""One fresh process, timed: the benchmarks' single way to run a command and read what it cost."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple


class Run(NamedTuple):
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one process."""

    wall: float
    cpu: float
    peak: float


def fresh(cmd: Sequence[str], cwd: Path, env: Mapping[str, str]) -> Run:
    """Run ``cmd`` in a new process and measure it; exits the benchmark, with the command's stderr, if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
