"""The command as a process: it ends at once (cli.main.leave), with its exit status and all of its output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT, render_file, run_journeygen
from synthetic import synthetic_spec


def test_long_output_to_a_pipe_arrives_whole(tmp_path: Path) -> None:
    """Hundreds of kilobytes written to standard output are all there when the process has ended."""
    spec = tmp_path / "long.journey.yaml"
    spec.write_text(synthetic_spec(250, 2))
    done = run_journeygen("render", str(spec), "-f", "mermaid", "--mermaid-style", "swimlane", "-o", "-")
    assert done.returncode == 0, done.stderr
    expected = render_file(spec, "mermaid", mermaid_style="swimlane")
    assert len(expected) > 100_000 and done.stdout == expected
    assert b"maxTextSize" in done.stderr


def test_exit_statuses_and_messages(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    bad.write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 9}]\n")
    done = run_journeygen("render", str(good), str(bad), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert f"{bad}:3:" in done.stderr.decode() and (tmp_path / "out" / "good.svg").is_file()
    usage = run_journeygen("render", "--no-such-option")
    assert usage.returncode == 2 and b"No such option" in usage.stderr
    assert run_journeygen("--version").returncode == 0


def test_exit_handlers_still_run() -> None:
    """A host that saves its work at exit (coverage.py's `coverage run -m journeygen` does) still gets to."""
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print('saved', flush=True))\n"
             "sys.argv = ['journeygen', 'validate', 'examples/online-shop.journey.yaml']\n"
             "from journeygen.cli.main import run\n"
             "run()\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "saved"


def test_a_command_collects_seldom_and_prints_pdfs_at_the_interpreters_own_pace() -> None:
    """The command's garbage-collector pace is for start-up; WeasyPrint's cycles are collected at the pace the
    interpreter started with, whatever this Python's defaults are."""
    probe = ("import gc\n"
             "start = gc.get_threshold()\n"
             "from journeygen.cli.main import settle_process\n"
             "from journeygen.pace import COMMAND_PACE, PYTHON_PACE, python_pace\n"
             "settle_process()\n"
             "assert gc.get_threshold() == COMMAND_PACE\n"
             "with python_pace():\n"
             "    assert gc.get_threshold() == PYTHON_PACE == start, (PYTHON_PACE, start)\n"
             "assert gc.get_threshold() == COMMAND_PACE\n"
             "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
