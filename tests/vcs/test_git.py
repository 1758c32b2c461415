"""Maps in git: `REV:path` on either side of diff, and `git diff` through the journeygen driver."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import git
from helpers import ROOT, run_journeygen

SHOP = ROOT / "examples" / "online-shop.journey.yaml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose maps/shop.journey.yaml has two commits: the example, then a to-be edit."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.com")
    spec = tmp_path / "maps" / "shop.journey.yaml"
    spec.parent.mkdir()
    spec.write_text(SHOP.read_text(encoding="utf-8"), encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "as-is")
    edited = SHOP.read_text(encoding="utf-8").replace("emotion: {score: 3, label: hopeful}",
                                                      "emotion: {score: 5, label: sure}")
    spec.write_text(edited.replace("name: Decision", "name: Choice"), encoding="utf-8")
    git(tmp_path, "commit", "-qam", "to-be")
    return tmp_path


def test_revision_against_working_tree(repo: Path) -> None:
    done = run_journeygen("diff", "HEAD~1:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode()
    assert "  ~ Choice: 3 -> 5 (+2)" in out
    assert '~ renamed: "Decision" -> "Choice"' in out


def test_revision_path_is_relative_to_the_current_folder(repo: Path) -> None:
    done = run_journeygen("diff", "HEAD~1:shop.journey.yaml", "HEAD:shop.journey.yaml", cwd=repo / "maps")
    assert done.returncode == 1, done.stderr
    assert "Choice: 3 -> 5 (+2)" in done.stdout.decode()


def test_revision_of_a_file_deleted_from_the_working_tree(repo: Path) -> None:
    (repo / "maps" / "shop.journey.yaml").unlink()
    (repo / "maps").rmdir()
    done = run_journeygen("diff", "HEAD~1:maps/shop.journey.yaml", "HEAD~1:maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 0, done.stderr


def test_bad_revision_is_a_clear_error(repo: Path) -> None:
    done = run_journeygen("diff", "HEAD~9:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 1
    err = done.stderr.decode()
    assert err.startswith("HEAD~9:maps/shop.journey.yaml:1:1: (file): git cannot read it:")
    assert "Traceback" not in err


def test_invalid_map_in_history_is_positioned(repo: Path) -> None:
    (repo / "maps" / "shop.journey.yaml").write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 0}]\n")
    git(repo, "commit", "-qam", "broken")
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "HEAD~1:maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 1
    assert "HEAD:maps/shop.journey.yaml:3:29: stages[0].emotion:" in done.stderr.decode()


def test_an_option_cannot_hide_in_a_revision(repo: Path) -> None:
    done = run_journeygen("diff", "--", "--output=x:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 1
    assert "--output=x:maps/shop.journey.yaml:1:1: (file): no such file" in done.stderr.decode()
    assert not (repo / "x").exists()


def enable_driver(repo: Path) -> None:
    command = f"{shlex.quote(sys.executable)} -m journeygen git-diff"
    git(repo, "config", "diff.journeygen.command", command)
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeygen\n")


def test_git_diff_shows_the_semantic_diff(repo: Path) -> None:
    enable_driver(repo)
    out = git(repo, "diff", "HEAD~1", "HEAD")
    assert out.startswith("journeygen diff a/maps/shop.journey.yaml b/maps/shop.journey.yaml\n")
    assert "  ~ Choice: 3 -> 5 (+2)" in out
    assert "emotion label" in out and "@@" not in out


def test_git_diff_falls_back_to_lines_for_an_invalid_map(repo: Path) -> None:
    enable_driver(repo)
    (repo / "maps" / "shop.journey.yaml").write_text("title: [\n")
    (repo / "maps" / "new.journey.yaml").write_text(SHOP.read_text(encoding="utf-8"))
    git(repo, "add", "-N", "maps/new.journey.yaml")
    out = git(repo, "diff")
    assert "(not a valid map, so a line diff follows)\nb/maps/shop.journey.yaml:2:1: (syntax)" in out
    assert "+title: [" in out
    assert "added map 'Buying running shoes online': 6 stage(s), 1 persona(s)" in out


def test_textconv_makes_git_log_show_facts(repo: Path) -> None:
    git(repo, "config", "diff.journeygen.textconv", f"{shlex.quote(sys.executable)} -m journeygen git-diff --textconv")
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeygen\n")
    out = git(repo, "log", "-p", "-1", "--format=")
    assert "-stage decision: Decision\n+stage decision: Choice\n" in out
    assert "-stage decision emotion: 3 | label: hopeful\n+stage decision emotion: 5 | label: sure\n" in out


def test_install_works_without_journeygen_on_path(repo: Path) -> None:
    """`git diff` used to die with `journeygen: not found` when the venv was not active: --install records
    this interpreter's absolute path, so git finds it with a bare PATH."""
    done = run_journeygen("git-diff", "--install", cwd=repo / "maps")
    assert done.returncode == 0, done.stderr
    command = f"{shlex.quote(sys.executable)} -m journeygen git-diff"
    assert git(repo, "config", "diff.journeygen.command").strip() == command
    assert git(repo, "config", "diff.journeygen.textconv").strip() == f"{command} --textconv"
    assert f"git config diff.journeygen.command {shlex.quote(command)}\n" in done.stderr.decode()
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeygen\n")
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(repo), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    assert shutil.which("journeygen", path=bare["PATH"]) is None
    out = subprocess.run(["git", "-C", str(repo), "diff", "HEAD~1", "HEAD"], capture_output=True, text=True,
                         env=bare, check=True).stdout
    assert "  ~ Choice: 3 -> 5 (+2)" in out
    log = subprocess.run(["git", "-C", str(repo), "log", "-p", "-1", "--format="], capture_output=True, text=True,
                         env=bare, check=True).stdout
    assert "+stage decision: Choice\n" in log


def test_install_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    done = run_journeygen("git-diff", "--install", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert done.returncode == 1
    assert done.stderr.decode() == f"{tmp_path} is not inside a git repository\n"


def test_textconv_passes_an_invalid_map_through(tmp_path: Path) -> None:
    broken = tmp_path / "broken.journey.yaml"
    broken.write_bytes(b"title: [\n")
    done = run_journeygen("git-diff", "--textconv", str(broken))
    assert done.returncode == 0 and done.stdout == b"title: [\n"


def test_report_and_compare_read_revisions(repo: Path) -> None:
    done = run_journeygen("report", "HEAD~1:maps/shop.journey.yaml", "--format", "json", "--today", "2026-03-01",
                          cwd=repo)
    assert done.returncode == 0, done.stderr
    assert b'"file": "HEAD~1:maps/shop.journey.yaml"' in done.stdout
    done = run_journeygen("compare", "HEAD~1:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert b"hopeful" not in (repo / "maps" / "shop-compare.svg").read_bytes()
    assert "sure (+2)" in (repo / "maps" / "shop-compare.svg").read_text(encoding="utf-8")
