"""`journeygen site` in a project: no SPEC publishes the project's maps (from any folder below it) into its
output folder, links between maps open the linked map's page, and Chromium clicks through it all."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, run_journeygen

CLICK = ROOT / "tests" / "site" / "clickthrough.mjs"
NODE = shutil.which("node")
PROJECT = ROOT / "examples" / "project"
needs_browser = pytest.mark.skipif(
    (NODE is None or not (CLICK.parent / "node_modules" / "playwright-core").is_dir()) and not os.environ.get("CI"),
    reason="needs node and `npm ci --prefix tests/site` (scripts/setup.sh)")


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT, tmp_path / "project", ignore=shutil.ignore_patterns("build")))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/project's site, built by `journeygen site` with no argument from a folder below the project."""
    project = _copy(tmp_path_factory.mktemp("site"))
    done = run_journeygen("site", "--today", "2026-06-01", "-j", "1", cwd=project / "maps" / "ro", timeout=240)
    assert done.returncode == 0, done.stderr.decode()
    assert "build/maps/site/index.html" in done.stderr.decode()
    return project / "build" / "maps" / "site"


def test_no_spec_publishes_every_map_of_the_project_into_its_output_folder(published: Path) -> None:
    pages = sorted(p.name for p in (published / "maps").glob("*.html"))
    assert pages == ["checkout.html", "cont-client.html", "lifecycle.html", "returns.html"]
    assert (published / "personas" / "maria.html").is_file() and (published / "actions.html").is_file()


def test_links_between_maps_open_the_linked_maps_page_or_svg(published: Path) -> None:
    page = (published / "maps" / "lifecycle.html").read_text(encoding="utf-8")
    links = set(re.findall(r'<a href="([^"]*)" class="link"', page))
    assert links == {"checkout.html", "returns.html", "cont-client.html"}  # ro/cont-client.svg is not in the site
    svg = (published / "maps" / "lifecycle.svg").read_text(encoding="utf-8")
    assert set(re.findall(r'<a href="([^"]*)" class="link"', svg)) == {"checkout.svg", "returns.svg", "cont-client.svg"}


def test_o_still_wins_and_a_project_without_output_needs_it(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    toml = project / "journeygen.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('output = "build/maps"\n', ""), encoding="utf-8")
    done = run_journeygen("site", "-q", cwd=project)
    assert done.returncode == 2 and b"sets no output folder: give -o DIR" in done.stderr
    assert not (project / "build").exists()
    done = run_journeygen("site", "-q", "-o", "public", cwd=project / "personas", timeout=240)
    assert done.returncode == 0, done.stderr.decode()
    assert (project / "personas" / "public" / "maps" / "lifecycle.html").is_file()


@pytest.mark.browser
@needs_browser
def test_chromium_clicks_from_the_index_through_a_linked_map_to_a_persona_and_the_actions(
        published: Path, tmp_path: Path) -> None:
    steps = ["Northwind Outdoor customer lifecycle", {"selector": 'svg a[href="checkout.html"]'}, "Personas",
             "Maria Popescu", "Action list"]
    done = subprocess.run([str(NODE), str(CLICK), str(published), str(tmp_path), json.dumps(steps)],
                          capture_output=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr.decode()
    seen = json.loads(done.stdout)
    assert [(s["url"], s["heading"]) for s in seen["steps"]] == [
        ("index.html", "Journey maps"),
        ("maps/lifecycle.html", "Northwind Outdoor customer lifecycle"),
        ("maps/checkout.html", "Checkout"),
        ("personas.html", "Personas"),
        ("personas/maria.html", "Maria Popescu"),
        ("actions.html", "Action list"),
    ]
    assert seen["consoleErrors"] == [] and seen["requestsOutside"] == [] and seen["failedRequests"] == []
