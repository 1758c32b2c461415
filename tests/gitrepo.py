"""Helper for tests: run the real git in a test repository, untouched by the user's git configuration."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import ROOT


def git(repo: Path, *args: str) -> str:
    """git's output for ``git -C repo ARGS``; fails the test when git fails."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout
