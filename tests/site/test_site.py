"""`journeygen site`: the pages and downloads it writes, escaping, all-or-nothing, and Chromium clicking through."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from chromium import CHROMIUM, dump_dom
from click.testing import CliRunner
from helpers import ROOT, run_journeygen

from journeygen.cli.main import main

CHECK = ROOT / "tests" / "site" / "check.mjs"
NODE = shutil.which("node")
MAPS = [str(ROOT / "examples" / name) for name in ("saas-onboarding.journey.yaml", "clinic-he.journey.yaml")]
HOSTILE = """\
title: "<script>alert(1)</script> & </style> shop"
personas:
  - {id: ana, name: "Ana <b>bold</b>\\"quote"}
  - {id: bo, name: "Bo\\u2028</title>"}
stages:
  - name: "Pay <img src=http://evil.example/x.png>"
    emotion: {ana: 2, bo: 4}
    ideas: [{text: "<a href=javascript:alert(1)>fix</a>", owner: "Ops", due: 2020-01-01}]
"""


def site(tmp_path: Path, *specs: str) -> tuple[int, str, Path]:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["site", *specs, "-o", str(out), "--today", "2026-06-01", "-j", "1"])
    return result.exit_code, result.output, out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    hostile = tmp / "hostile.journey.yaml"
    hostile.write_text(HOSTILE, encoding="utf-8")
    code, output, out = site(tmp, *MAPS, str(hostile))
    assert code == 0, output
    return out


def test_every_map_gets_a_page_and_its_downloads(built: Path) -> None:
    for stem in ("saas-onboarding", "clinic-he", "hostile"):
        for suffix in ("html", "svg", "pdf", "mmd", "csv", "yaml"):
            assert (built / "maps" / f"{stem}.{suffix}").stat().st_size > 0
    assert (built / "maps" / "clinic-he.pdf").read_bytes().startswith(b"%PDF")
    assert (built / "maps" / "saas-onboarding.yaml").read_bytes() == Path(MAPS[0]).read_bytes()
    for page in ("index.html", "personas.html", "actions.html", "report.html", "personas/ana.html",
                 "personas/mihai.html", "personas/noa.html"):
        assert (built / page).is_file(), page


def test_spec_text_is_escaped_everywhere(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count("<script") == 1, page  # the site's own script only
        assert "<img src=http" not in html and "<b>bold" not in html and "<a href=javascript" not in html, page
        assert "evil.example" not in html or "&lt;img src=http://evil.example" in html, page
    index = (built / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/style&gt; shop" in index


def test_each_page_forbids_everything_but_its_own_files_and_hashed_inline_code(built: Path) -> None:
    page = (built / "maps" / "saas-onboarding.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    text = unescape(policy[1])
    rules = dict(rule.strip().split(" ", 1) for rule in text.split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "'self' data:"
    assert "unsafe" not in text and "http" not in text
    assert rules["script-src"].startswith("'sha256-")
    assert len(rules["style-src"].split()) == 3  # the site's stylesheet, the persona switch, the map's own


def test_actions_list_overdue_ideas_first_with_a_link_to_their_map(built: Path) -> None:
    actions = (built / "actions.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr( class=late)?><td>(?:<span[^>]*>)?([^<]*)", actions)
    assert rows[0] == (" class=late", "Ops")  # the hostile map's idea is overdue: its owner comes first
    assert actions.count('href="maps/hostile.html"') == 1


def test_persona_page_lists_the_journeys_they_appear_in(built: Path) -> None:
    page = (built / "personas" / "mihai.html").read_text(encoding="utf-8")
    assert 'href="../maps/saas-onboarding.html"' in page and "hostile" not in page


def test_an_invalid_map_writes_nothing_and_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("title: Bad\nstages:\n  - name: A\n    emotion: 9\n", encoding="utf-8")
    code, output, out = site(tmp_path, MAPS[0], str(bad))
    assert code == 1
    assert f"{bad}:4:" in output
    assert not out.exists()


def test_no_spec_outside_a_project_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output, out = site(tmp_path)
    assert code == 2 and "give at least one SPEC" in output and "journeygen init --project" in output
    assert not out.exists()


def test_specs_without_an_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["site", MAPS[0]])
    assert result.exit_code == 2 and "-o DIR" in result.output


_EDGES = """<script>
const right = (selector) => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  return range.getBoundingClientRect().right;
};
document.body.dataset.edges = JSON.stringify([right('h1'), right('.lead')]);
</script>"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_a_hebrew_maps_description_lines_up_with_its_title_on_the_right(built: Path) -> None:
    page = (built / "maps" / "clinic-he.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in page and '<p class=lead lang="he" dir="rtl">' in page
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page).replace("</body>", _EDGES + "</body>")
    title, description = json.loads(unescape(re.search(r'data-edges="([^"]*)"', dump_dom(page))[1]))  # type: ignore[index]
    assert description == pytest.approx(title, abs=2)


needs_browser = pytest.mark.skipif(
    (NODE is None or not (CHECK.parent / "node_modules" / "playwright-core").is_dir()) and not os.environ.get("CI"),
    reason="needs node and `npm ci --prefix tests/site` (scripts/setup.sh)")


@pytest.mark.browser
@needs_browser
def test_chromium_clicks_through_the_site_offline(built: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(NODE), str(CHECK), str(built), str(tmp_path)], capture_output=True, timeout=240,
                          check=False, env={**os.environ, "MULTI_MAP": "maps/saas-onboarding.html"})
    assert done.returncode == 0, done.stderr.decode()
    seen = json.loads(done.stdout)
    assert seen["consoleErrors"] == [] and seen["requestsOutside"] == [] and seen["failedRequests"] == []
    assert seen["brokenLinks"] == []
    assert {"maps/hostile.pdf", "personas/ana.html", "actions.html", "report.html"} <= set(seen["visited"])
    assert seen["tabOrder"][:4] == ["index.html", "personas.html", "actions.html", "report.html"]
    assert seen["enterOpened"].startswith("maps/") and seen["clickedMap"] == "maps/saas-onboarding.html"
    zoom = seen["zoom"]
    assert zoom["afterIn"] == pytest.approx(zoom["fit"] * 1.25)
    assert zoom["afterMinusKeys"] == pytest.approx(zoom["afterIn"] * 0.64) and zoom["afterFit"] == zoom["fit"]
    persona = seen["persona"]
    assert set(persona["before"]) == {"1"} and persona["everyone"] == persona["before"]
    assert "0.12" in persona["second"] and "1" in persona["second"]  # Ana's curve fades, Mihai's stays
    assert seen["tooltip"] == "positive (4/5); hopeful"


def test_same_specs_same_site_and_one_stem_twice_gets_two_pages(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "shop.journey.yaml").write_text(
            f"title: Shop {folder}\npersonas: [{{name: Ana}}]\nstages: [{{name: Buy, emotion: 3}}]\n", encoding="utf-8")
    specs = [str(tmp_path / "a" / "shop.journey.yaml"), str(tmp_path / "b" / "shop.journey.yaml")]
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        assert site(out, *specs)[0] == 0
    files = sorted(p.relative_to(first / "site") for p in (first / "site").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second / "site") for p in (second / "site").rglob("*") if p.is_file())
    for name in files:
        assert (first / "site" / name).read_bytes() == (second / "site" / name).read_bytes(), name
    assert "Shop b" in (first / "site" / "maps" / "shop-2.html").read_text(encoding="utf-8")
    assert (first / "site" / "personas" / "ana.html").read_text(encoding="utf-8").count("<li><a href") == 2


def test_a_map_whose_file_name_needs_quoting_is_reachable_by_its_links(tmp_path: Path) -> None:
    """Links are URL-quoted (``o%27brien%20%C4%83.html``); the files carry the names they mean."""
    from urllib.parse import unquote

    (tmp_path / ".git").mkdir()
    linked = "o'brien ă.journey.yaml"
    (tmp_path / "a.journey.yaml").write_text(
        f'title: A\npersona: {{name: Ana}}\nstages:\n  - name: S\n    micro_journeys: [{{use: "{linked}"}}]\n',
        encoding="utf-8")
    (tmp_path / linked).write_text("title: O\npersona: {name: Ana}\nstages: [{name: T}]\n", encoding="utf-8")
    done = run_journeygen("site", "a.journey.yaml", linked, "-o", "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    pages = {"index.html": site / "index.html", "maps/a.html": site / "maps" / "a.html"}
    hrefs = [(page, href) for page, path in pages.items()
             for href in re.findall(r'href="([^"#]+)"', path.read_text(encoding="utf-8")) if "brien" in href]
    assert len(hrefs) >= 2
    for page, href in hrefs:
        assert (site / page).parent.joinpath(unquote(href)).is_file(), (page, href)
