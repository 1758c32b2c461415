"""A hostile repository: its config names commands (filters, hooks, fsmonitor, pager, diff drivers) that
journeygen must never run, and its objects can stall or be huge; every case ends in a clear error."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.git import GitError, object_id, run
from journeygen.render.pdf.gitinfo import describe

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
MAP = "title: T\npersona: {name: A}\nstages: [{name: S, emotion: 3}]\n"
CLEAN_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          capture_output=True, text=True, check=True, env={**os.environ, **CLEAN_ENV})
    return done.stdout.strip()


@pytest.fixture
def trapped(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with map.yaml committed, then armed: every command its config can name leaves a file in
    ``ran/`` if it runs, and the map's stat data is stale (as after an unpack), so `git status` would filter it."""
    repo, ran = tmp_path / "repo", tmp_path / "ran"
    repo.mkdir()
    ran.mkdir()
    git(repo, "init", "-q")
    (repo / "map.yaml").write_text(MAP)
    git(repo, "add", "map.yaml")
    git(repo, "commit", "-qm", "map")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("fsmonitor", "pre-commit", "post-checkout", "post-index-change", "reference-transaction",
                 "pager", "textconv", "diff", "clean", "smudge", "process"):
        script = hooks / name
        script.write_text(f"#!/bin/sh\ntouch '{ran}/{name}'\ncat\n")
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    (repo / ".gitattributes").write_text("* filter=evil diff=evil\n")
    for key, value in (("filter.evil.clean", "clean"), ("filter.evil.smudge", "smudge"),
                       ("diff.evil.textconv", "textconv"), ("diff.evil.command", "diff"),
                       ("core.fsmonitor", "fsmonitor"), ("core.pager", "pager")):
        git(repo, "config", key, str(hooks / value))
    git(repo, "config", "core.hooksPath", str(hooks))
    future = (repo / "map.yaml").stat().st_mtime + 3600
    os.utime(repo / "map.yaml", (future, future))
    return repo, ran


def test_footer_and_revisions_run_nothing_from_the_repository(trapped: tuple[Path, Path]) -> None:
    repo, ran = trapped
    head = git(repo, "rev-parse", "--short", "HEAD")
    assert describe(repo, "map.yaml") == f"commit {head}"
    done = run_journeygen("diff", "HEAD:map.yaml", "map.yaml", cwd=repo, env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr
    done = run_journeygen("render", "map.yaml", "-f", "pdf", "-o", "out", cwd=repo, env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in ran.iterdir()) == []
    # The trap is armed: the porcelain the footer used before runs the repository's clean filter.
    subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, check=True,
                   env={**os.environ, **CLEAN_ENV, "GIT_OPTIONAL_LOCKS": "0"})
    assert (ran / "clean").exists()


def test_footer_tells_modified_and_uncommitted_files_from_bytes(trapped: tuple[Path, Path]) -> None:
    repo, ran = trapped
    head = git(repo, "rev-parse", "--short", "HEAD")
    (repo / "map.yaml").write_text(MAP + "description: changed\n")
    assert describe(repo, "map.yaml") == f"commit {head} (modified)"
    (repo / "new.yaml").write_text(MAP)
    assert describe(repo, "new.yaml") == f"commit {head} (file not committed)"
    assert list(ran.iterdir()) == []


def _stall(repo: Path) -> None:
    """Replace the map's loose object with a FIFO nobody writes to: git blocks opening it."""
    blob = git(repo, "rev-parse", "HEAD:map.yaml")
    obj = repo / ".git" / "objects" / blob[:2] / blob[2:]
    obj.chmod(0o644)
    obj.unlink()
    os.mkfifo(obj)


def test_a_stalled_git_is_a_clear_error(trapped: tuple[Path, Path]) -> None:
    repo, _ = trapped
    _stall(repo)
    done = run_journeygen("diff", "HEAD:map.yaml", "map.yaml", cwd=repo,
                          env={**CLEAN_ENV, "JOURNEYGEN_GIT_TIMEOUT": "1"}, timeout=30)
    err = done.stderr.decode()
    assert done.returncode == 1
    assert err.startswith("HEAD:map.yaml:1:1: (file): git cannot read it: git cat-file gave no answer within 1 s")
    assert "Traceback" not in err


def test_a_blob_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "big.yaml").write_text("title: T\n" + "#" * 5000 + "\n")
    git(tmp_path, "add", "big.yaml")
    git(tmp_path, "commit", "-qm", "big")
    (tmp_path / "big.yaml").unlink()
    done = run_journeygen("diff", "HEAD:big.yaml", "HEAD:big.yaml", cwd=tmp_path,
                          env={**CLEAN_ENV, "JOURNEYGEN_MAX_BYTES": "1000"})
    assert done.returncode == 1
    assert "git cannot read it: file is 5010 bytes, over the limit of 1000" in done.stderr.decode()


def test_the_runner_stops_reading_at_its_limit(trapped: tuple[Path, Path]) -> None:
    repo, _ = trapped
    blob = object_id(repo, "HEAD:map.yaml")
    assert blob is not None
    assert run(repo, "cat-file", "blob", blob).out == MAP.encode()
    with pytest.raises(GitError, match="answered more than 10 bytes"):
        run(repo, "cat-file", "blob", blob, limit=10)
