"""A hostile repository: specs and embed markers that lead out of it, FIFOs and devices as input.

Each case runs the real command in a child process (under a 1 GiB address-space limit, with a
timeout, so a hang or a runaway read fails the test instead of the machine) and checks the exit
status, the message, that no secret from outside the project appears anywhere in the output, and
that nothing printed a traceback.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SHOP = ROOT / "examples" / "online-shop.journey.yaml"
SECRETS = ("ghp_S3cr3tT0k3n", "DB_PASSWORD", "hunter2", "Private map outside")
"""Text of files outside the project: none of it may reach any output."""


def run(*args: str, cwd: Path, timeout: float = 30) -> tuple[int, str]:
    """The real command's exit status and everything it printed (stdout and stderr together)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([sys.executable, "-m", "journeygen", *args], cwd=cwd, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout, check=False,
                          preexec_fn=limit, stdin=subprocess.DEVNULL)
    out = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out and "MemoryError" not in out, out
    return done.returncode, out


def clean(out: str) -> bool:
    return not any(secret in out for secret in SECRETS)


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """``home/`` with secrets and a private map; ``repo/`` (a git checkout) whose links point into home."""
    home, repo = tmp_path / "home", tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    home.mkdir()
    (home / ".git-credentials").write_text("https://alice:ghp_S3cr3tT0k3n@github.com\n")
    (home / "secrets.yaml").write_text("DB_PASSWORD: hunter2\n")
    (home / "private.journey.yaml").write_text(SHOP.read_text().replace("Buying running shoes online",
                                                                        "Private map outside"))
    (repo / "a.journey.yaml").symlink_to("../home/.git-credentials")
    (repo / "b.journey.yaml").symlink_to("../home/secrets.yaml")
    (repo / "c.journey.yaml").symlink_to(home / "private.journey.yaml")
    (repo / "linked").symlink_to("../home", target_is_directory=True)
    (repo / "maps").mkdir()
    shutil.copy(SHOP, repo / "maps" / "shop.journey.yaml")
    (repo / "shop.journey.yaml").symlink_to("maps/shop.journey.yaml")
    return repo


LEAVING = ["a.journey.yaml", "b.journey.yaml", "c.journey.yaml", "linked/secrets.yaml",
           "linked/private.journey.yaml"]


@pytest.mark.parametrize("command", [["validate"], ["render", "-f", "svg,mermaid"], ["lint"], ["fmt", "--check"],
                                     ["report"]])
def test_a_spec_linked_out_of_the_project_is_refused_unread(world: Path, command: list[str]) -> None:
    code, out = run(*command, *LEAVING, cwd=world)
    assert code == 1, out
    for spec in LEAVING:
        assert any(line.startswith(f"{spec}:1:1: ") and f"leads out of its project ({world}) through a symlink"
                   in line for line in out.splitlines()), out
    assert clean(out), out
    assert not list(world.glob("*.svg")) and not list(world.glob("*.mmd"))


def test_diff_refuses_a_side_linked_out_of_the_project(world: Path) -> None:
    code, out = run("diff", "maps/shop.journey.yaml", "c.journey.yaml", cwd=world)
    assert code == 1 and "c.journey.yaml:1:1: (file): leads out of its project" in out, out
    assert clean(out), out


def test_a_link_that_stays_inside_the_project_is_followed(world: Path) -> None:
    code, out = run("validate", "shop.journey.yaml", cwd=world)
    assert code == 0, out


def test_a_spec_accepted_as_such_is_quoted_only_in_short_excerpts(world: Path) -> None:
    """A file inside the project that is not a map: the message quotes at most 40 characters of it."""
    secret = "https://alice:" + "x" * 200 + "@github.com"
    (world / "notes.journey.yaml").write_text(secret + "\n")
    (world / "keys.journey.yaml").write_text(f"title: T\nstages: [{{name: S}}]\n{'K' * 300}: 1\n")
    for name, cut in (("notes.journey.yaml", "https://alice:" + "x" * 26 + "\u2026"), ("keys.journey.yaml", "K" * 40)):
        code, out = run("validate", name, cwd=world)
        assert code == 1 and cut in out and "x" * 27 not in out and "K" * 41 not in out, out


MARKERS = ["../../home/.git-credentials", "../../home/secrets.yaml", "/etc/passwd", "../a.journey.yaml",
           "../linked/private.journey.yaml"]
"""Markers in ``repo/docs/journeys.md``: out of the project directly, or through a link inside it."""


@pytest.mark.parametrize("marker", MARKERS)
def test_an_embed_marker_outside_the_project_is_refused_unread(world: Path, marker: str) -> None:
    doc = world / "docs" / "journeys.md"
    doc.parent.mkdir()
    text = f"# Maps\n\n<!-- journeygen: {marker} -->\nold\n<!-- /journeygen -->\n"
    doc.write_text(text)
    for args in (["--check"], [], ["--as", "svg"]):
        code, out = run("embed", *args, "docs/journeys.md", cwd=world)
        assert code == 1, out
        assert "outside the project" in out and clean(out), out
        assert doc.read_text() == text
    assert not list(doc.parent.glob("*.svg"))


def test_an_absolute_marker_outside_the_project_does_not_copy_a_map_in(world: Path) -> None:
    doc = world / "README.md"
    text = f"<!-- journeygen: {world.parent / 'home' / 'private.journey.yaml'} -->\n<!-- /journeygen -->\n"
    doc.write_text(text)
    code, out = run("embed", "README.md", cwd=world)
    assert code == 1 and "outside the project" in out and clean(out), out
    assert doc.read_text() == text


def test_embed_check_as_svg_never_reads_a_huge_linked_image(world: Path) -> None:
    """The SVG a block links to is a symlink to a 3 GiB sparse file: stale at once, and replaced, not read."""
    huge = world.parent / "home" / "huge.svg"
    with huge.open("wb") as handle:
        handle.truncate(3 << 30)
    doc = world / "README.md"
    doc.write_text("<!-- journeygen: maps/shop.journey.yaml as=svg -->\n<!-- /journeygen -->\n")
    (world / "shop.svg").symlink_to(huge)
    code, out = run("embed", "--check", "README.md", cwd=world, timeout=10)
    assert code == 1 and "stale journeygen block" in out, out
    assert run("embed", "README.md", cwd=world, timeout=20)[0] == 0
    assert not (world / "shop.svg").is_symlink() and (world / "shop.svg").read_bytes().endswith(b"</svg>\n")
    assert huge.stat().st_size == 3 << 30
    assert run("embed", "--check", "README.md", cwd=world) == (0, "")


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_a_fifo_is_a_clear_error_everywhere(world: Path) -> None:
    fifo(world / "pipe.journey.yaml")
    fifo(world / "pipe.csv")
    fifo(world / "pipe.mmd")
    (world / "README.md").write_text("<!-- journeygen: pipe.journey.yaml -->\n<!-- /journeygen -->\n")
    for args in (["validate", "pipe.journey.yaml"], ["render", "pipe.journey.yaml"], ["fmt", "pipe.journey.yaml"],
                 ["lint", "pipe.journey.yaml"], ["embed", "--check", "README.md"],
                 ["import", "csv", "pipe.csv", "-o", "-"], ["import", "mermaid", "pipe.mmd", "-o", "-"]):
        code, out = run(*args, cwd=world, timeout=15)
        assert code == 1 and "pipe." in out and "is a named pipe (FIFO), not a regular file" in out, (args, out)


@pytest.mark.parametrize("command", [["import", "csv"], ["import", "mermaid"], ["validate"], ["fmt"]])
def test_a_device_or_an_oversize_file_is_refused_before_it_is_read(world: Path, command: list[str]) -> None:
    code, out = run(*command, "/dev/zero", *(["-o", "-"] if command[0] == "import" else []), cwd=world, timeout=15)
    assert code == 1 and "/dev/zero:1:1: (file): is a device, not a regular file" in out, out
    big = world / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(3 << 30)
    code, out = run(*command, "big.csv", *(["-o", "-"] if command[0] == "import" else []), cwd=world, timeout=15)
    assert code == 1 and f"file is {3 << 30} bytes, over the limit of 5000000 bytes" in out, out
