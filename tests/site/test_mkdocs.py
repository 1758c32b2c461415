"""The MkDocs plugin in a real MkDocs site: maps drawn inline, an invalid map fails the build, serve re-renders."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from chromium import CHROMIUM, dump_dom
from helpers import ROOT

from journeygen.api import render
from journeygen.spec.loader import parse_text
from journeygen.validate import build

SHOP = ROOT / "examples" / "online-shop.journey.yaml"
PAGE = """\
# Our journeys

Text before.

```journeygen
title: "Inline <map> & co"
personas: [{name: Dana}]
stages:
  - {name: Discover, emotion: 4}
  - {name: Buy, emotion: 2}
```

```yaml
title: this fence is plain code
```

![The shop journey](maps/shop.journey.yaml)
"""


def make_site(tmp_path: Path, page: str = PAGE) -> Path:
    (tmp_path / "docs" / "maps").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: Maps\nplugins: [journeygen]\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    shutil.copy(SHOP, tmp_path / "docs" / "maps" / "shop.journey.yaml")
    return tmp_path


def mkdocs(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=site, capture_output=True, text=True,
                          timeout=120, check=False)


def test_build_draws_fenced_maps_and_map_images_inline(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    done = mkdocs(site, "build", "--strict")
    assert done.returncode == 0, done.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and html.count('<figure class="journeygen"') == 2
    assert "<title id=\"jg-inline-map-co-title\">Inline &lt;map&gt; &amp; co</title>" in html
    assert 'aria-label="The shop journey"' in html and "Buying running shoes online" in html
    assert "this fence is plain code" in html and "```journeygen" not in html


def test_an_invalid_fenced_map_fails_the_build_at_its_line_in_the_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGE.replace("emotion: 2}", "emotion: 7}"))
    done = mkdocs(site, "build")
    assert done.returncode != 0
    assert f"{site / 'docs' / 'index.md'}:10:" in done.stderr and "score" in done.stderr
    assert not (site / "site" / "index.html").exists()


def test_a_missing_map_image_fails_the_build_at_its_line(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGE.replace("maps/shop.journey.yaml", "maps/gone.journey.yaml"))
    done = mkdocs(site, "build")
    assert done.returncode != 0 and f"{site / 'docs' / 'index.md'}:17:" in done.stderr


SAME = """\
# As-is and to-be

```journeygen
title: Same
theme: dark
persona: {name: Ana}
stages:
  - {name: A, emotion: 2}
```

```journeygen
title: Same
persona: {name: Ana}
stages:
  - {name: B, emotion: 4}
```

```journeygen
title: Same 2
persona: {name: Ana}
stages:
  - {name: C, emotion: 3}
```

![](maps/shop.journey.yaml) ![](maps/shop.journey.yaml)
"""
_FILLS = """<script>
document.body.dataset.fills = JSON.stringify([...document.querySelectorAll('svg')].map(
  (svg) => getComputedStyle(svg.querySelector('rect.background')).fill));
</script>"""


def test_maps_sharing_a_title_on_one_page_keep_their_own_ids_and_styles(tmp_path: Path) -> None:
    site = make_site(tmp_path, SAME)
    done = mkdocs(site, "build", "--strict")
    assert done.returncode == 0, done.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="(jg-[^"]*)"', html)
    assert len(ids) == len(set(ids)), [i for i in set(ids) if ids.count(i) > 1][:5]
    maps = re.findall(r'<svg [^>]*id="([^"]+)"[^>]*>\s*<title[^>]*>[^<]*</title>\s*<desc[^>]*>[^<]*</desc>\s*'
                      r'<style>#([^ {,]+)', html)
    assert [svg for svg, _ in maps] == ["jg-same-map", "jg-same-2-map", "jg-same-2-2-map",
                                        "jg-buying-running-shoes-onl-map", "jg-buying-running-shoes-onl-2-map"]
    assert all(svg == scope for svg, scope in maps)  # each stylesheet styles its own map only
    # the first map with a title is drawn exactly as its SVG file
    alone = render(build(parse_text(SAME.split("```")[1].removeprefix("journeygen\n"), "same.yaml")), "svg")
    assert "\n".join(line for line in alone.decode().split("?>", 1)[1].strip().splitlines() if line.strip()) in html


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_a_dark_map_stays_dark_beside_a_light_map_of_the_same_title(tmp_path: Path) -> None:
    site = make_site(tmp_path, SAME)
    assert mkdocs(site, "build").returncode == 0
    html = (site / "site" / "index.html").read_text(encoding="utf-8").replace("</body>", _FILLS + "</body>")
    fills = json.loads(unescape(re.search(r'data-fills="([^"]*)"', dump_dom(html))[1]))  # type: ignore[index]
    assert fills[:3] == ["rgb(17, 24, 39)", "rgb(255, 255, 255)", "rgb(255, 255, 255)"]  # dark, then light


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in _page(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_serve_redraws_when_a_map_outside_docs_changes(tmp_path: Path) -> None:
    site = make_site(tmp_path, "# Map\n\n![Shared](../shared/shop.journey.yaml)\n")
    (site / "shared").mkdir()
    shared = site / "shared" / "shop.journey.yaml"
    shutil.copy(SHOP, shared)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert _wait_for(url, "Buying running shoes online")
        shared.write_text(SHOP.read_text(encoding="utf-8").replace("Buying running shoes online",
                                                                   "Buying trail shoes online"), encoding="utf-8")
        assert _wait_for(url, "Buying trail shoes online")
    finally:
        server.terminate()
        server.wait(timeout=30)
