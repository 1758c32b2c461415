"""A map read from a git revision takes the files its `use:` entries name from that same revision."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from gitrepo import git
from helpers import run_journeygen

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PERSONA = "id: maria\nname: Maria Popescu\nquote: I want shoes that do not hurt\n"
MAP = """title: Shop
personas:
  - use: ../personas/maria.persona.yaml
stages:
  - name: Browse
    emotion: 3
    micro_journeys:
      - use: detail.journey.yaml
  - name: Pay
    emotion: 2
    links:
      - use: detail.journey.yaml
"""
DETAIL = "title: Size finder\npersona: {name: Maria}\nstages:\n  - {name: Measure, emotion: 2}\n  - {name: Pick}\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project in a repository: maps/shop.journey.yaml uses a shared persona and a linked map, committed
    once, then all three changed in the working tree."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.com")
    (tmp_path / "journeygen.toml").write_text('theme = "dark"\n')
    (tmp_path / "personas").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "personas" / "maria.persona.yaml").write_text(PERSONA)
    (tmp_path / "maps" / "shop.journey.yaml").write_text(MAP)
    (tmp_path / "maps" / "detail.journey.yaml").write_text(DETAIL)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "as-is")
    (tmp_path / "personas" / "maria.persona.yaml").write_text(PERSONA.replace("do not hurt", "fit at once"))
    (tmp_path / "maps" / "shop.journey.yaml").write_text(MAP.replace("emotion: 3", "emotion: 4"))
    (tmp_path / "maps" / "detail.journey.yaml").write_text(DETAIL.replace("Measure", "Scan the foot"))
    return tmp_path


def changes(project: Path, old: str, new: str, cwd: Path | None = None) -> list[dict[str, object]]:
    done = run_journeygen("diff", old, new, "--format", "json", cwd=cwd or project)
    assert done.returncode == 1, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)["changes"]
    return found


def test_the_semantic_diff_shows_the_shared_persona_and_the_linked_map_as_they_were(project: Path) -> None:
    found = changes(project, "HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml")
    assert {"op": "changed", "kind": "persona", "stage": None, "persona": "maria", "item": "Maria Popescu",
            "field": "quote", "old": "I want shoes that do not hurt", "new": "I want shoes that fit at once",
            "delta": None} in found
    micro = [c for c in found if c["kind"] == "micro_journey"]
    assert micro and "Measure" in json.dumps(micro) and "Scan the foot" in json.dumps(micro)
    assert any(c["kind"] == "emotion" and c["old"] == 3 and c["new"] == 4 for c in found)


def test_two_revisions_each_read_their_own_files(project: Path) -> None:
    git(project, "commit", "-qam", "to-be")
    found = changes(project, "HEAD~1:shop.journey.yaml", "HEAD:shop.journey.yaml", cwd=project / "maps")
    assert any(c["field"] == "quote" and c["new"] == "I want shoes that fit at once" for c in found)
    same = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=project)
    assert same.returncode == 0, same.stderr


def test_the_file_is_read_from_the_revision_even_when_gone_from_the_working_tree(project: Path) -> None:
    (project / "personas" / "maria.persona.yaml").unlink()
    (project / "maps" / "detail.journey.yaml").unlink()
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "HEAD:maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 0, done.stderr


def test_a_use_missing_in_the_revision_is_an_error_at_its_line_naming_the_revision(project: Path) -> None:
    (project / "personas" / "ana.persona.yaml").write_text("id: ana\nname: Ana\n")
    (project / "maps" / "shop.journey.yaml").write_text(MAP.replace("maria.persona", "ana.persona"))
    git(project, "add", "maps/shop.journey.yaml")
    git(project, "commit", "-qm", "ana, not yet committed")
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 1
    err = done.stderr.decode()
    assert err == ("HEAD:maps/shop.journey.yaml:3:10: personas[0].use: '../personas/ana.persona.yaml': "
                   "no such file in HEAD\n")
    assert "made YAML read a key and a value" not in err


def test_a_problem_inside_a_used_file_is_named_in_that_file_in_the_revision(project: Path) -> None:
    (project / "personas" / "maria.persona.yaml").write_text("id: maria\nname: [Maria\n")
    git(project, "commit", "-qam", "broken persona")
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 1
    err = done.stderr.decode().splitlines()
    assert err[:2] == ["HEAD:maps/shop.journey.yaml:3:10: personas[0].use: HEAD:personas/maria.persona.yaml, "
                       "brought in here, has 1 problem(s), listed with its name",
                       "HEAD:personas/maria.persona.yaml:3:1: (syntax): YAML syntax: did not find expected ',' or ']', "
                       "while parsing a flow sequence that starts at line 2, column 7"]


@pytest.mark.parametrize("ref", ["../../outside.persona.yaml", "../personas/link.persona.yaml"])
def test_a_use_cannot_leave_the_project_or_follow_a_symlink_in_the_revision(project: Path, ref: str) -> None:
    (project.parent / "outside.persona.yaml").write_text("id: out\nname: Outside\n")
    (project / "personas" / "link.persona.yaml").symlink_to(project.parent / "outside.persona.yaml")
    (project / "maps" / "shop.journey.yaml").write_text(MAP.replace("../personas/maria.persona.yaml", ref))
    git(project, "add", ".")
    git(project, "commit", "-qm", "hostile")
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "HEAD:maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 1
    err = done.stderr.decode()
    assert err.startswith(f"HEAD:maps/shop.journey.yaml:3:10: personas[0].use: {ref!r} ")
    assert ("leaves the project" in err) if ref.startswith("../../") else ("is a symlink in HEAD" in err)
    assert "Outside" not in err


def test_render_compare_and_report_read_the_revision_files(project: Path) -> None:
    done = run_journeygen("render", "--compare", "HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml", "-o", "-",
                          cwd=project)
    assert done.returncode == 0, done.stderr
    assert b"Size finder" in done.stdout
    done = run_journeygen("report", "HEAD:maps/shop.journey.yaml", "--format", "json", cwd=project)
    assert done.returncode == 0, done.stderr


def enable_driver(repo: Path) -> None:
    done = run_journeygen("git-diff", "--install", cwd=repo)
    assert done.returncode == 0, done.stderr
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeygen\n")


def test_git_diff_reads_each_side_s_use_from_its_own_revision(project: Path) -> None:
    enable_driver(project)
    out = git(project, "diff")
    assert "(not a valid map" not in out
    assert 'quote: "I want shoes that do not hurt" -> "I want shoes that fit at once"' in out
    assert "Browse: 3 -> 4 (+1)" in out
    git(project, "commit", "-qam", "to-be")
    for command in (["diff", "HEAD~1", "HEAD"], ["show", "--ext-diff", "--format=", "HEAD"], ["diff", "HEAD~1"]):
        out = git(project, *command)
        assert 'quote: "I want shoes that do not hurt" -> "I want shoes that fit at once"' in out, command
        assert "(not a valid map" not in out, command


def test_a_blob_in_no_revision_is_named_and_diffed_by_lines(project: Path, tmp_path: Path) -> None:
    unknown = tmp_path / "blob.journey.yaml"
    unknown.write_text(MAP.replace("Shop", "Shop, stashed away"))
    done = run_journeygen("git-diff", "maps/shop.journey.yaml", str(unknown), "1" * 40, "100644",
                          "maps/shop.journey.yaml", "0" * 40, "100644", cwd=project)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert ("(not a valid map, so a line diff follows)\na/maps/shop.journey.yaml:1:1: (file): its use: entries are "
            "read from the revision it comes from, and no revision journeygen asked (the index, HEAD, the branches, "
            "the last 40 commits that changed it) holds git's blob 111111111111 at maps/shop.journey.yaml\n") in out
    assert "-title: Shop, stashed away\n+title: Shop\n" in out


def test_a_nul_in_a_use_is_an_error_on_disk_and_in_a_revision_not_a_traceback(project: Path) -> None:
    (project / "maps" / "shop.journey.yaml").write_text(MAP.replace("../personas/maria.persona.yaml",
                                                                    '"../personas/mar\\0ia.persona.yaml"'))
    git(project, "commit", "-qam", "nul")
    for spec in ("HEAD:maps/shop.journey.yaml", "maps/shop.journey.yaml"):
        done = run_journeygen("diff", spec, spec, cwd=project)
        assert done.returncode == 1
        assert set(done.stderr.decode().splitlines()) == {
            f"{spec}:3:10: personas[0].use: '../personas/mar\\x00ia.persona.yaml' holds a NUL character, which no "
            "file name can"}


def test_a_cycle_of_use_in_a_revision_is_named(project: Path) -> None:
    (project / "maps" / "detail.journey.yaml").write_text(
        DETAIL.replace("{name: Pick}", "{name: Pick, links: [{use: shop.journey.yaml}]}"))
    git(project, "commit", "-qam", "cycle")
    done = run_journeygen("diff", "HEAD:maps/shop.journey.yaml", "HEAD:maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 1
    assert ("HEAD:maps/detail.journey.yaml:5:32: stages[1].links[0].use: a cycle of use: maps/shop.journey.yaml -> "
            "maps/detail.journey.yaml -> maps/shop.journey.yaml") in done.stderr.decode()


def test_a_map_that_is_a_symlink_in_the_revision_is_refused(project: Path) -> None:
    (project / "maps" / "link.journey.yaml").symlink_to("shop.journey.yaml")
    git(project, "add", "maps/link.journey.yaml")
    git(project, "commit", "-qm", "link")
    done = run_journeygen("diff", "HEAD:maps/link.journey.yaml", "maps/shop.journey.yaml", cwd=project)
    assert done.returncode == 1
    assert done.stderr.decode() == ("HEAD:maps/link.journey.yaml:1:1: (file): is a symlink in HEAD; journeygen does "
                                    "not follow symlinks in a revision\n")
