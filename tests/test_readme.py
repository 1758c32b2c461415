"""Every `journeygen` command the README shows runs: no usage error, no traceback.

Commands run in order, in a scratch git repository holding a copy of examples/ and tests/invalid/, so
a command that writes a file (init) feeds the ones after it. Commands naming files the README only
imagines (a Mermaid diagram of the reader's, a git revision, a long-running `watch`) are listed, not
run.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

from helpers import ROOT, run_journeygen

FENCE = re.compile(r"```(?:sh|console)\n(.*?)```", re.S)
PLACEHOLDERS = ("diagram.mmd", "workshop.csv", "as-is.journey.yaml", "maps/", "HEAD~", "main:", "brand.theme")


def readme_commands() -> list[list[str]]:
    """The journeygen command lines of the README's shell blocks, comments and redirections removed."""
    commands = []
    for block in FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if line.startswith("journeygen "):
                words = shlex.split(line)
                commands.append(words[1:words.index(">")] if ">" in words else words[1:])
    return commands


def test_readme_shows_many_commands() -> None:
    assert len(readme_commands()) >= 20


def test_every_readme_command_runs(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("rendered"))
    shutil.copytree(ROOT / "tests" / "invalid", tmp_path / "tests" / "invalid")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "README.md", tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # a reader's repository, for git-diff --install
    ran = []
    for words in readme_commands():
        if words[0] == "watch" or any(p in w for w in words for p in PLACEHOLDERS):
            continue
        args = [match for w in words for match in (sorted(map(str, tmp_path.glob(w))) if "*" in w else [w])]
        result = run_journeygen(*args, cwd=tmp_path, timeout=120)
        output = (result.stdout + result.stderr).decode()
        expected = (0, 1) if words[0] in ("diff", "validate", "lint", "embed") else (0,)
        assert result.returncode in expected, f"journeygen {shlex.join(words)}\n{output}"
        assert "Traceback" not in output and "Usage:" not in output, shlex.join(words)
        ran.append(words[0])
    assert {"validate", "render", "themes", "init", "lint", "fmt", "report", "embed"} <= set(ran)
