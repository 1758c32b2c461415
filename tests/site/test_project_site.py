"""`journeygen site` in a project: no SPEC publishes the project's maps (from any folder below it) into its
output folder, links between maps open the linked map's page, and Chromium clicks through it all."""

from __future__ import annotations

import datetime as dt
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


HEBREW_MAP = """\
title: ביקור במרפאה
locale: he
personas: [{id: noa, name: נועה, goals: [תור מהיר]}]
stages:
  - {name: קביעת תור, emotion: 2, ideas: [{text: תזכורת בהודעה, owner: צוות, due: 2020-01-01, status: planned}]}
  - {name: ביקור, emotion: 4}
"""


def _english_site_words() -> set[str]:
    from journeygen.locale import catalogue

    def leaves(value: object) -> list[str]:
        if isinstance(value, dict):
            return [leaf for item in value.values() for leaf in leaves(item)]
        if isinstance(value, list):
            return [leaf for item in value for leaf in leaves(item)]
        return [str(value)]

    words = {w.split("{")[0].strip() for w in leaves(catalogue("en")["site"])}
    return {w for w in words if len(w) > 3 and w not in ("Mermaid",)}


def test_a_hebrew_project_gets_a_hebrew_right_to_left_site(tmp_path: Path) -> None:
    (tmp_path / "journeygen.toml").write_text('maps = ["*.journey.yaml"]\nlocale = "he"\noutput = "out"\n')
    (tmp_path / "clinic.journey.yaml").write_text(HEBREW_MAP, encoding="utf-8")
    done = run_journeygen("site", "-q", "--today", "2026-06-01", cwd=tmp_path, timeout=240)
    assert done.returncode == 0, done.stderr.decode()
    site = tmp_path / "out" / "site"
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    assert set(pages) >= {"index.html", "maps/clinic.html", "personas/noa.html", "actions.html", "report.html"}
    english = _english_site_words()
    for name, html in pages.items():
        assert '<html lang="he" dir="rtl">' in html, name
        assert "רשימת פעולות" in html, name  # the top bar's "Action list"
        visible = re.sub(r"<svg.*</svg>", "", re.sub(r"<(style|script)>.*?</\1>", "", html, flags=re.S), flags=re.S)
        assert [w for w in english if w in visible] == [], name
    assert "מפת מסע אחת." in pages["index.html"] and "2020-01-01 באיחור" in pages["actions.html"]
    assert "מתוכנן" in pages["actions.html"]  # the idea's status, in Hebrew
    assert "(2 שלבים)" in pages["personas/noa.html"]


def test_the_site_speaks_the_maps_language_or_the_projects(tmp_path: Path) -> None:
    from journeygen.site.build import build_site

    romanian = tmp_path / "cont.journey.yaml"
    romanian.write_text("title: Cont\nlocale: ro-RO\npersonas: [{name: Ana}]\nstages: [{name: Intrare, emotion: 3}]\n")
    english = tmp_path / "shop.journey.yaml"
    english.write_text("title: Shop\npersonas: [{name: Ana}]\nstages: [{name: Buy, emotion: 3}]\n")
    today = dt.date(2026, 6, 1)
    alone = build_site([str(romanian)], today)["index.html"].decode()
    assert '<html lang="ro" dir="ltr">' in alone and "<h1>Hărți de parcurs</h1>" in alone
    assert "Listă de acțiuni" in alone
    mixed = build_site([str(romanian), str(english)], today)["index.html"].decode()
    assert '<html lang="en"' in mixed and "<h1>Journey maps</h1>" in mixed
    polish = build_site([str(romanian), str(english)], today, locale="pl", title="Nasze mapy")["index.html"].decode()
    assert '<html lang="pl"' in polish and "<h1>Nasze mapy</h1>" in polish and "2 mapy podróży." in polish
