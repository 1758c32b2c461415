"""A drawing without its text, plus its text lines -> HTML: the SVG as an image, each line placed over it.

WeasyPrint draws SVG ``<text>`` one letter at a time, without the bidi algorithm and slowly (most
of a render went there). The lines are therefore set as HTML at the positions the layout engine
computed: Pango shapes each line whole, Hebrew and Arabic come out in the right order, and the
text copies out of the PDF with its spaces.
"""

from __future__ import annotations

import base64
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace

from journeygen.numbers import num
from journeygen.render.pdf.markup import Html, tag, text

ASCENT, DESCENT = 1901 / 2048, 483 / 2048
"""DejaVu Sans' vertical metrics (hhea), in em: a line box of exactly their sum puts the baseline at ASCENT."""


@dataclass(frozen=True)
class Label:
    """A block of text in a drawing: ``x`` is where its lines are anchored, ``baseline`` the first line's y,
    ``leading`` the distance between baselines, all in pixels."""

    lines: tuple[str, ...]
    x: float
    baseline: float
    leading: float
    anchor: str
    size: float
    bold: bool
    cls: str
    href: str | None = None
    """Where the text links to inside the document (``#journey-2``: a linked map's pages in a pack)."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def inside(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether the block can show in the window (generous: a line may run wide of its anchor)."""
        reach = self.size * max(len(line) for line in self.lines)
        start = {"left": self.x, "right": self.x - reach, "center": self.x - reach / 2}[self.anchor]
        last = self.baseline + self.leading * (len(self.lines) - 1)
        return start < right and start + reach > left and self.baseline - self.size < bottom and last + self.size > top


@dataclass(frozen=True)
class Figure:
    """A drawing to place on a sheet: SVG bytes without text, its size in pixels, and its text lines."""

    svg: bytes
    width: float
    height: float
    labels: tuple[Label, ...] = ()
    rtl: bool = False
    alt: str = ""
    """What the drawing shows, in words (the SVG's ``<desc>``): its alternative text in the tagged PDF."""

    @property
    def url(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode("ascii")

    @property
    def chars(self) -> str:
        return "".join(label.text for label in self.labels)

    def shapes(self) -> Figure:
        """The drawing alone, for a document whose text is laid over it afterwards."""
        return replace(self, labels=())

    def text(self, labels: tuple[Label, ...]) -> Figure:
        """Only ``labels``, placed as in the whole figure, with no drawing under them."""
        return replace(self, svg=b"", labels=labels)

    def fitted(self, width: float, height: float) -> tuple[float, float]:
        """The largest size with this aspect ratio inside ``width`` x ``height`` (any unit)."""
        scale = min(width / self.width, height / self.height)
        return self.width * scale, self.height * scale


def figure_anchor(sheet: str) -> str:
    """The HTML id of the figure's box on the sheet ``sheet`` in a text layer document."""
    return f"figure-{sheet}"


def view_anchor(sheet: str) -> str:
    """The HTML id of the window a poster tile ``sheet`` shows its part of the figure through."""
    return f"view-{sheet}"


@dataclass(frozen=True)
class Placed:
    """A figure on the sheet with the HTML id ``sheet``, its text classes coloured as ``colours`` says;
    ``tile``: a poster tile, showing the part of the figure inside its window."""

    sheet: str
    figure: Figure
    colours: Mapping[str, str]
    tile: bool = False

    @property
    def anchors(self) -> tuple[str, ...]:
        """The HTML ids of the figure's box and (on a tile) its window, where WeasyPrint placed them."""
        return (figure_anchor(self.sheet), view_anchor(self.sheet)) if self.tile else (figure_anchor(self.sheet),)


def label_css(colours: Mapping[str, str], scope: str = "") -> str:
    """Colours for the lines, the theme's colour of each text class (see ``journeygen.render.svg.text_colours``).

    ``scope`` (a selector such as ``#journey-2``) keeps each journey of a pack in its own theme's colours.
    """
    return "".join(f"{scope} .lbl.{cls}{{color:{colour}}}" for cls, colour in colours.items())


def figure_html(figure: Figure, width: float, *, style: str = "", window: tuple[float, ...] | None = None,
                ident: str | None = None) -> Html:
    """The figure ``width`` mm wide; with ``window`` (left, top, right, bottom in px) only lines that show there.
    A figure without SVG (see ``Figure.text``) is its lines alone; ``ident`` is its box's HTML id."""
    scale = width / figure.width
    labels = [label for label in figure.labels if window is None or label.inside(*window)]
    image = tag("img", src=figure.url, alt=figure.alt, class_="drawing") if figure.svg else Html("")
    blocks = [_block(label, scale, figure.width, figure.rtl) for label in labels]
    box = f"width: {num(width)}mm; height: {num(figure.height * scale)}mm;{style}"
    # The drawing is already mirrored for right-to-left journeys and each line carries its own direction,
    # so the figure is placed in a left-to-right frame: centred in an rtl page, WeasyPrint pushes it off the sheet.
    return tag("div", tag("div", image, *blocks, class_="figure", style=box, id=ident), dir="ltr")


def _block(label: Label, scale: float, width: float, rtl: bool) -> Html:
    size = label.size * scale
    # CSS centres the font's ascent + descent in each line box; that puts the first baseline here.
    leading = label.leading or (ASCENT + DESCENT) * label.size
    top = (label.baseline - (leading - (ASCENT + DESCENT) * label.size) / 2 - ASCENT * label.size) * scale
    # An explicit width spares WeasyPrint the shrink-to-fit measuring of each absolutely placed line;
    # an explicit alignment keeps a right-to-left figure from aligning every line to its right edge.
    if label.anchor == "right":
        across = f"left: 0; width: {num(label.x * scale)}mm; text-align: right"
    elif label.anchor == "center":
        across = f"left: {num((label.x - width) * scale)}mm; width: {num(2 * width * scale)}mm; text-align: center"
    else:
        across = f"left: {num(label.x * scale)}mm; width: {num((width - label.x) * scale)}mm; text-align: left"
    # A font size is multiplied along the whole line: to the hundredth of a millimetre, a long line ran 0.8 pt long.
    style = f"top: {num(top)}mm; {across}; font-size: {num(size, 4)}mm; line-height: {num(leading * scale)}mm"
    words = tag("a", text(label.text), href=label.href) if label.href else text(label.text)
    return tag("div", words, class_=f"lbl {label.cls}{' b' if label.bold else ''}", style=style,
               dir=direction(label.text, rtl))


def direction(line: str, rtl: bool) -> str:
    """The paragraph direction a browser gives ``dir="auto"``: that of the first strong letter (``rtl``: whether
    a line without one is right to left)."""
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "rtl" if rtl else "ltr"


def figure_css() -> str:
    """Styles shared by every figure: the drawing fills its box, lines sit at their baselines."""
    return """
.figure { position: relative; margin: 0 auto; }
.figure .drawing { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.lbl { position: absolute; white-space: pre; margin: 0; }
.lbl.b { font-weight: bold; }
.lbl a { color: inherit; text-decoration: underline; }
"""
