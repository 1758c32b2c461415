"""A prepared journey -> the swimlane map as PNG, drawn from the same Scene as the SVG by resvg (no browser).

resvg renders with the bundled DejaVu Sans only (no system font), so the picture's text is the text the
layout measured. It anchors text by the left edge and takes a line's direction from the line itself,
so a right-to-left map is drawn with physical anchors and each line embedded right to left
(``render_scene(..., physical_anchors=True)``); the SVG file keeps the form browsers expect.
"""

from __future__ import annotations

import math

from journeygen.errors import RenderError
from journeygen.layout.fonts import FONT_FILES
from journeygen.layout.prepared import Prepared
from journeygen.render import Output
from journeygen.render.svg import render_scene

MAX_PIXELS = 120_000_000
"""The largest picture drawn (about 480 MB of pixels in memory); beyond it the map needs rows or a lower scale."""


def render(prepared: Prepared) -> Output:
    """The map at ``options.scale`` pixels per layout pixel (2 by default: sharp on slides and screens)."""
    import resvg  # imported only when a PNG is asked for

    scene, scale = prepared.scene, prepared.options.scale
    width, height = math.ceil(scene.width * scale), math.ceil(scene.height * scale)  # the picture's size
    pixels = width * height
    if pixels > MAX_PIXELS:
        raise RenderError(f"the map would be {width} x {height} pixels, "
                          f"more than the {MAX_PIXELS // 1_000_000} million a PNG is drawn at; lower --scale or "
                          "wrap the stages into rows with --max-width")
    svg = render_scene(scene, prepared.theme, physical_anchors=True).decode("utf-8")
    fonts = resvg.usvg.Options.default()  # no system fonts: only the files loaded here
    for path in FONT_FILES.values():
        fonts.load_font_file(str(path))
    tree = resvg.usvg.Tree.from_str(svg, fonts)
    data = bytes(resvg.render(tree, (scale, 0.0, 0.0, 0.0, scale, 0.0), bg_size=(width, height)))
    return Output(data, prepared.drawing_notes, prepared.drawing_warnings)
