"""A positioned Scene -> SVG bytes: classes plus one stylesheet from the Theme, every text escaped."""

from __future__ import annotations

import re
from functools import lru_cache

from journeygen.layout.blueprint import CLASSES as BLUEPRINT_CLASSES
from journeygen.layout.prepared import Prepared
from journeygen.layout.scene import Circle, Group, Image, Item, Path, Rect, Scene, Text
from journeygen.numbers import num
from journeygen.project import rendered_href
from journeygen.render import Output
from journeygen.theme import Theme

_DASHES = ("none", "9 5", "2 5", "12 4 2 4")
_SELECTORS = re.compile(r"(^|\})([^{}]+)\{")


def render(prepared: Prepared) -> Output:
    """The swimlane map of the prepared journey as a standalone SVG document."""
    return Output(render_scene(prepared.scene, prepared.theme), prepared.drawing_notes, prepared.drawing_warnings)


def render_scene(scene: Scene, theme: Theme, *, physical_anchors: bool = False) -> bytes:
    """Draw a Scene; the same Scene and Theme always give the same bytes.

    A right-to-left map says ``direction="rtl"`` and anchors its text logically (``start`` is the right
    edge), as browsers expect. With ``physical_anchors`` (for rasterizers that ignore ``direction`` when
    anchoring) ``start`` is always the left edge.
    """
    p = scene.id_prefix
    w, h = num(scene.width), num(scene.height)
    direction = ' direction="rtl"' if scene.rtl else ""
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" id="{p}map" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'role="img" aria-labelledby="{p}title {p}desc" lang={_attr(scene.lang)}{direction}>\n'
            f'<title id="{p}title">{_esc(scene.title)}</title>\n<desc id="{p}desc">{_esc(scene.description)}</desc>\n'
            f"<style>{stylesheet(theme, scope=f'{p}map', blueprint=_uses(scene.items, BLUEPRINT_CLASSES))}</style>\n")
    body = _Drawer(scene, physical=physical_anchors).draw(scene.items)
    return (head + body + "</svg>\n").encode("utf-8")


def _uses(items: tuple[Item, ...], classes: tuple[str, ...]) -> bool:
    """True when some item is drawn with one of ``classes``."""
    return any(_uses(i.items, classes) if isinstance(i, Group)
               else any(c in classes for c in str(getattr(i, "cls", "")).split()) for i in items)


def _esc(text: str) -> str:
    # By hand: xml.sax.saxutils would import urllib.request (and ssl) at start-up for this.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _attr(value: str) -> str:
    """An attribute value in double quotes."""
    return f'"{_esc(value)}"'


class _Drawer:
    """Turns items into SVG elements; counts clip paths so their ids are stable."""

    def __init__(self, scene: Scene, *, physical: bool) -> None:
        self.scene = scene
        self.logical = scene.rtl and not physical
        """Anchors are logical: ``start`` is the right edge of a right-to-left map's text."""
        self.embedded = scene.rtl and physical
        """Each line of a right-to-left map is a right-to-left embedding (U+202B ... U+202C), for
        rasterizers that take a paragraph's direction from the text, not from ``direction``."""
        self.clips = 0

    def draw(self, items: tuple[Item, ...]) -> str:
        return "".join(self.item(i) for i in items)

    def item(self, item: Item) -> str:
        if isinstance(item, Group):
            title = f"<title>{_esc(item.title)}</title>" if item.title else ""
            faded = f' opacity="{num(item.opacity)}"' if item.opacity is not None else ""
            inner = f"{title}{self.draw(item.items)}"
            if item.link is not None:
                href = _attr(rendered_href(item.link))
                inner = f'<a href={href} class="link" text-decoration="underline">{inner}</a>'
            return f"<g id={_attr(item.id)}{faded}>{inner}</g>\n"
        if isinstance(item, Text):
            return self.text(item)
        if isinstance(item, Rect):
            b = item.box
            rx = f' rx="{num(item.radius)}"' if item.radius else ""
            return (f'<rect class="{item.cls}" x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" '
                    f'height="{num(b.h)}"{rx}/>\n')
        if isinstance(item, Circle):
            return f'<circle class="{item.cls}" cx="{num(item.cx)}" cy="{num(item.cy)}" r="{num(item.r)}"/>\n'
        if isinstance(item, Path):
            return f'<path class="{item.cls}" d="{path_data(item)}"/>\n'
        if isinstance(item, Image):
            return self.image(item)
        raise TypeError(f"a Scene holds resolved items only, not {type(item).__name__}")

    def text(self, t: Text) -> str:
        anchor = {"left": "start", "center": "middle", "right": "end"}[t.anchor]
        if self.logical and t.anchor != "center":
            anchor = "end" if anchor == "start" else "start"
        cls = f"{t.cls} f-{t.font}{' b' if t.bold else ''}"
        x = num(t.x)
        if len(t.lines) == 1:
            return f'<text class="{cls}" x="{x}" y="{num(t.baselines[0])}" text-anchor="{anchor}">' \
                   f"{self.line(t.lines[0])}</text>\n"
        spans = "".join(f'<tspan x="{x}" y="{num(y)}">{self.line(line)}</tspan>'
                        for line, y in zip(t.lines, t.baselines, strict=True))
        return f'<text class="{cls}" text-anchor="{anchor}">{spans}</text>\n'

    def line(self, text: str) -> str:
        return f"\u202b{_esc(text)}\u202c" if self.embedded else _esc(text)

    def image(self, image: Image) -> str:
        self.clips += 1
        b = image.box
        clip = f"{self.scene.id_prefix}clip-{self.clips}"
        r = b.w / 2
        return (f'<clipPath id="{clip}"><circle cx="{num(b.x + r)}" cy="{num(b.y + r)}" r="{num(r)}"/></clipPath>'
                f'<image x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}" '
                f'preserveAspectRatio="xMidYMid slice" clip-path="url(#{clip})" href={_attr(image.href)}/>\n')


def path_data(path: Path) -> str:
    return " ".join(op + " ".join(num(v) for v in pts) if pts else op for op, pts in path.ops)


def text_colours(t: Theme) -> dict[str, str]:
    """Each text class of a Scene -> its colour: the SVG fills its text with it, the PDF colours its lines."""
    return {"t-ink": t.ink, "t-muted": t.muted, "t-header": t.header_ink, "t-lane-title": t.lane_title_ink,
            "t-pain": t.pain_ink, "t-idea": t.idea_ink, "t-ahead": t.metric_ahead, "t-behind": t.metric_behind,
            "t-badge": t.badge_ink, "t-label": t.ink}


@lru_cache(maxsize=16)  # the map and each micro-journey of one render share it
def stylesheet(theme: Theme, scope: str | None = None, *, blueprint: bool = False) -> str:
    """The one stylesheet: every colour comes from a theme slot (the PDF can share it).

    With ``scope`` (an element id) every rule applies inside that element only, so maps with different
    themes can share one HTML page. The rules of service-blueprint marks come only with ``blueprint``,
    so a map without them keeps its bytes.
    """
    t = theme
    lw, cw = num(t.line_width), num(t.curve_width)
    rules = [
        f"text{{font-family:{t.font_family};fill:{t.ink}}}",
        f".f-title{{font-size:{num(t.title_size)}px}}.f-heading{{font-size:{num(t.heading_size)}px}}",
        f".f-body{{font-size:{num(t.font_size)}px}}.f-small{{font-size:{num(t.small_size)}px}}.b{{font-weight:700}}",
        f".background{{fill:{t.background}}}.card,.chip{{fill:{t.surface};stroke:{t.grid};stroke-width:{lw}}}",
        f".chip-dot{{fill:{t.muted}}}.pain{{fill:{t.pain_background}}}.pain-glyph{{fill:{t.pain_ink}}}",
        f".pain-mark{{fill:{t.pain_background}}}.idea{{fill:{t.idea_background}}}",
        f".status{{fill:{t.idea_background};stroke:{t.idea_ink}}}",
        f".stage-head,.avatar{{fill:{t.header_background}}}.lane{{fill:{t.lane_fill}}}",
        f".lane-alt{{fill:{t.lane_fill_alt}}}.lane-title{{fill:{t.lane_title_background}}}",
        f".column-line,.divider{{stroke:{t.grid};stroke-width:{lw}}}",
        f".mot-frame{{fill:none;stroke:{t.moment_of_truth};stroke-width:2.5}}.mot-star{{fill:{t.moment_of_truth}}}",
        f".baseline{{fill:none;stroke:{t.emotion_neutral};stroke-width:{lw};stroke-dasharray:4 4}}",
        f".curve{{fill:none;stroke-width:{cw};stroke-linecap:round;stroke-linejoin:round}}",
        f".face{{stroke:{t.ink};stroke-width:1.2}}.face-eye{{fill:{t.background}}}",
        f".face-line{{fill:none;stroke:{t.background};stroke-width:1.5;stroke-linecap:round}}",
        f".dot{{stroke:{t.surface};stroke-width:1.5}}.leader{{fill:none;stroke:{t.muted};stroke-width:{lw}}}",
        f".emo-neg{{fill:{t.emotion_negative}}}.emo-neu{{fill:{t.emotion_neutral}}}.emo-pos{{fill:{t.emotion_positive}}}",
        f".transition{{fill:none;stroke:{t.transition};stroke-width:{cw}}}.back{{stroke-dasharray:7 4}}",
        f".arrowhead{{fill:{t.transition}}}",
        *(f".pstroke-{i}{{stroke:{c}}}" for i, c in enumerate(t.persona_palette)),
        *(f".face.pstroke-{i},.dot.pstroke-{i}{{stroke-width:2.5}}" for i in range(len(t.persona_palette))),
        *(f".dash-{i}{{stroke-dasharray:{d}}}" for i, d in enumerate(_DASHES)),
        *(f".ch-{i}{{fill:{c}}}" for i, c in enumerate(t.channel_palette)),
        *(f".{cls}{{fill:{colour}}}" for cls, colour in text_colours(t).items() if cls != "t-label"),
        f".t-label{{fill:{t.ink};paint-order:stroke;stroke:{t.background};stroke-width:3px;stroke-linejoin:round}}",
    ]
    if blueprint:
        rules += [f".layer-line{{fill:none;stroke:{t.muted};stroke-width:{num(t.line_width * 1.5)};"
                  "stroke-dasharray:8 4}",
                  f".trigger{{fill:none;stroke:{t.ink};stroke-width:{lw}}}.trigger-head{{fill:{t.ink}}}",
                  f".assumed{{fill:none;stroke:{t.ink};stroke-width:1.5;stroke-dasharray:5 3}}",
                  f".evidence-badge{{fill:{t.muted}}}"]
    css = "".join(rules)
    if scope is None:
        return css
    return _SELECTORS.sub(lambda m: m.group(1) + ",".join(f"#{scope} {sel}" for sel in m.group(2).split(",")) + "{",
                          css)
