"""Real headless chromium measures every drawn text (getBBox): inside its cell, overlapping no other text."""

from __future__ import annotations

import json
import os
from html import unescape as html_unescape

import pytest
from chromium import CHROMIUM, dump_dom
from helpers import EXAMPLES, ROOT

from journeygen.api import load_spec
from journeygen.layout.map import lay_out
from journeygen.layout.scene import Scene
from journeygen.render.svg import render_scene
from journeygen.theme import load_theme

MAPS = sorted((ROOT / "tests" / "layout" / "maps").glob("*.yaml"))
# Every map as specified and wrapped into rows; every example also in the high-contrast theme (larger text).
VARIANTS = [(f"{p.name}{label}", p, theme, width) for p in EXAMPLES + MAPS
            for label, theme, width in (("", None, None), (" narrow", None, 1000))]
VARIANTS += [(f"{p.name} high-contrast", p, "high-contrast", None) for p in EXAMPLES]
TOLERANCE = 1.5  # browsers round glyph boxes to whole pixels; some glyphs overhang by a pixel

# Without chromium these tests skip on a developer's machine, but CI must run them: there they fail.
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="needs chromium")]

_SCRIPT = """
const result = {};
for (const div of document.querySelectorAll('div[data-name]')) {
  result[div.dataset.name] = [...div.querySelectorAll('text')].map(t => {
    const b = t.getBBox();
    return [b.x, b.y, b.width, b.height];
  });
}
document.getElementById('out').textContent = JSON.stringify(result);
"""


def measure(svgs: dict[str, bytes]) -> dict[str, list[list[float]]]:
    """The browser's bounding box of every <text> of each SVG, in document order (one browser run for all)."""
    divs = "".join(f"<div data-name='{name}'>{svg.decode().split('?>', 1)[1]}</div>" for name, svg in svgs.items())
    page = f"<!DOCTYPE html><html><body>{divs}<pre id='out'></pre><script>{_SCRIPT}</script></body></html>"
    dom = dump_dom(page)
    start = dom.index("<pre id=\"out\">") + len("<pre id=\"out\">")
    return json.loads(html_unescape(dom[start:dom.index("</pre>", start)]))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def measured() -> dict[str, tuple[Scene, list[list[float]]]]:
    scenes: dict[str, Scene] = {}
    svgs: dict[str, bytes] = {}
    for n, (name, path, theme_name, width) in enumerate(VARIANTS):
        spec = load_spec(path)
        theme = load_theme(theme_name or spec.journey.theme, spec.base_dir)
        scenes[name] = lay_out(spec.journey, theme, max_width=width)
        # Variants of one map share ids; a distinct prefix keeps each one's scoped stylesheet its own.
        svgs[name] = render_scene(scenes[name]._replace(id_prefix=f"v{n}-{scenes[name].id_prefix}"), theme)
    boxes = measure(svgs)
    return {name: (scenes[name], boxes[name]) for name in scenes}


def problems(scene: Scene, boxes: list[list[float]]) -> list[str]:
    texts = scene.texts()
    assert len(texts) == len(boxes)
    found = []
    for text, (x, y, w, h) in zip(texts, boxes, strict=True):
        cell = text.box
        if w and (x < cell.x - TOLERANCE or y < cell.y - TOLERANCE or x + w > cell.right + TOLERANCE
                  or y + h > cell.bottom + TOLERANCE):
            found.append(f"{text.lines!r} {[x, y, w, h]} outside its cell {cell}")
    drawn = [(t, b) for t, b in zip(texts, boxes, strict=True) if b[2] > 0]
    for i, (a, (ax, ay, aw, ah)) in enumerate(drawn):
        for b, (bx, by, bw, bh) in drawn[i + 1:]:
            if ax + TOLERANCE < bx + bw and bx + TOLERANCE < ax + aw and ay + TOLERANCE < by + bh \
                    and by + TOLERANCE < ay + ah:
                found.append(f"{a.lines!r} overlaps {b.lines!r}")
    return found


@pytest.mark.parametrize("name", [v[0] for v in VARIANTS])
def test_every_text_fits_its_cell_and_overlaps_no_other(
        name: str, measured: dict[str, tuple[Scene, list[list[float]]]]) -> None:
    scene, boxes = measured[name]
    assert problems(scene, boxes) == []
