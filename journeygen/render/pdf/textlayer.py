"""Figure text lines -> a text layer PDF written directly: each line shaped by HarfBuzz in the bundled DejaVu Sans
and set at the baseline and anchor the layout computed, without a WeasyPrint document.

WeasyPrint spends 1.3 to 2.5 ms on each absolutely placed line of text whatever its markup, most of the time a
very large map's PDF took (benchmarks/README.md). Written here, the same lines cost a small fraction of that and
stay text that reads, searches and copies. Lines a browser would draw differently from a plain run of glyphs
are left to WeasyPrint's text layers (``TextLayer.add`` returns them): right-to-left or embedded-direction
letters, and in a right-to-left map a text without a left-to-right letter (the bidi algorithm reorders it),
combining marks, letters DejaVu Sans lacks (font fallback), links, and a text class without a colour of its own.
A poster tile gets the lines that show through its window, clipped to it.
"""

from __future__ import annotations

import io
import struct
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import uharfbuzz as hb  # type: ignore[import-untyped]

from journeygen.layout.text import Face, faces
from journeygen.numbers import num
from journeygen.render.pdf.figure import ASCENT, DESCENT, Label, Placed, direction
from journeygen.render.pdf.fonts import FAMILY
from journeygen.render.pdf.weasy import Printed, Spot
from journeygen.theme.colour import RGB, rgb

PT_PER_PX = 0.75
"""PDF points per CSS pixel."""
NAMES = {False: FAMILY.replace(" ", "-"), True: FAMILY.replace(" ", "-") + "-Bold"}
"""The fonts' PDF names, as WeasyPrint names the same faces of ``font_faces``' family."""
_COMPLEX = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "NSM"})
"""Bidirectional classes of letters left to WeasyPrint: right to left, direction embeddings, combining marks."""

Glyph = tuple[int, int, str]
"""A glyph id, its advance in font units as shaped, and the text it stands for ("" for the rest of a cluster)."""


def _shape(face: Face, line: str) -> tuple[Glyph, ...] | None:
    """The line's glyphs in drawing order, or None when a plain left-to-right run would not draw it right."""
    if any(unicodedata.bidirectional(char) in _COMPLEX for char in line):
        return None
    buffer = hb.Buffer()
    buffer.add_str(line)
    buffer.guess_segment_properties()
    hb.shape(face.font, buffer, {})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    if any(info.codepoint == 0 for info in infos) or any(p.x_offset or p.y_offset for p in positions):
        return None
    ends = dict(pairwise([*sorted({info.cluster for info in infos}), len(line)]))  # where each cluster's text ends
    glyphs: list[Glyph] = []
    seen: set[int] = set()
    for info, position in zip(infos, positions, strict=True):
        text = line[info.cluster:ends[info.cluster]]
        if not position.x_advance and all(unicodedata.category(char) == "Cf" for char in text):
            continue  # a direction mark (the layout's U+200E around numbers): HarfBuzz's invisible space
        first = info.cluster not in seen  # a cluster's text goes with its first glyph
        seen.add(info.cluster)
        glyphs.append((info.codepoint, position.x_advance, text if first else ""))
    return tuple(glyphs)


@dataclass(frozen=True)
class _Line:
    glyphs: tuple[Glyph, ...]
    x: float
    """Where the line is anchored, in figure pixels."""
    baseline: float
    label: Label
    rgb: RGB
    """Its colour, channels 0..255."""


@dataclass
class TextLayer:
    """Collects the lines of placed figures, then writes them as one PDF: a page for each sheet."""

    _placed: list[Placed] = field(default_factory=list)
    _taken: dict[int, tuple[list[_Line], tuple[Label, ...]]] = field(default_factory=dict)
    """By figure (its id()): the lines it writes and the labels it leaves, worked out once for all its sheets."""

    @property
    def anchors(self) -> list[str]:
        """The HTML ids of the boxes to locate in a text layer document: the figures it has lines of."""
        return [anchor for placed in self._placed for anchor in placed.anchors]

    def add(self, placed: Placed) -> tuple[Label, ...]:
        """Takes the lines of ``placed`` it can draw; returns the labels left for WeasyPrint."""
        key = id(placed.figure)
        if key not in self._taken:
            self._taken[key] = _take(placed)
        lines, left = self._taken[key]
        if lines:
            self._placed.append(placed)
        return left

    def printed(self, spots: Mapping[str, Spot]) -> Printed:
        """The PDF of the lines, each sheet's on a page of its own, laid where ``spots`` (by ``Placed.anchors``)
        says WeasyPrint put the figure; a tile's lines inside its window only. Which page holds which sheet."""
        import pydyf  # type: ignore[import-untyped]

        pdf = pydyf.PDF()
        used: dict[bool, dict[int, str]] = {False: {}, True: {}}
        pages: list[tuple[Spot, bytes]] = []
        for placed in self._placed:
            spot, *window = (spots[anchor] for anchor in placed.anchors)
            lines = self._taken[id(placed.figure)][0]
            pages.append((spot, _content(lines, spot, placed.figure.width, used, window[0] if window else None)))
        fonts = pydyf.Dictionary({f"F{int(bold)}": _font(pdf, bold, glyphs) for bold, glyphs in used.items()
                                  if glyphs})
        resources = pydyf.Dictionary({"Font": fonts})
        pdf.add_object(resources)
        for spot, content in pages:
            stream = pydyf.Stream([content], compress=True)
            pdf.add_object(stream)
            size = pydyf.Array([0, 0, spot.page_width * PT_PER_PX, spot.page_height * PT_PER_PX])
            pdf.add_page(pydyf.Dictionary({"Type": "/Page", "Parent": pdf.pages.reference, "MediaBox": size,
                                           "Resources": resources.reference, "Contents": stream.reference}))
        out = io.BytesIO()
        pdf.write(out, version=b"1.7", compress=True)
        return Printed(out.getvalue(), {placed.sheet: index for index, placed in enumerate(self._placed)})


def _take(placed: Placed) -> tuple[list[_Line], tuple[Label, ...]]:
    """The lines of ``placed``'s figure a plain run of glyphs draws right, shaped; the labels it does not."""
    left: list[Label] = []
    lines: list[_Line] = []
    for label in placed.figure.labels:
        colour = placed.colours.get(label.cls)
        shaped = [_shape(faces()[label.bold], line) for line in label.lines]
        # A block without a left-to-right letter in a right-to-left figure is a right-to-left paragraph, as
        # WeasyPrint's block says (``figure.direction``): the bidi algorithm shows "-5" there as "5-".
        backwards = direction(label.text, placed.figure.rtl) == "rtl"
        if label.href is not None or colour is None or backwards or any(glyphs is None for glyphs in shaped):
            left.append(label)
            continue
        leading = label.leading or (ASCENT + DESCENT) * label.size
        lines.extend(_Line(glyphs, label.x, label.baseline + index * leading, label, rgb(colour))
                     for index, glyphs in enumerate(shaped) if glyphs)
    return lines, tuple(left)


def _content(lines: list[_Line], spot: Spot, figure_width: float, used: dict[bool, dict[int, str]],
             window: Spot | None) -> bytes:
    """Drawing operators for ``lines`` of a figure ``figure_width`` pixels wide placed at ``spot``; with
    ``window`` (a poster tile's), only the lines that show through it, clipped to it."""
    scale = (spot.right - spot.left) / figure_width * PT_PER_PX  # points per figure pixel
    height = spot.page_height * PT_PER_PX
    out = []
    if window is not None:
        out.append(f"{num(window.left * PT_PER_PX)} {num(height - window.bottom * PT_PER_PX)} "
                   f"{num((window.right - window.left) * PT_PER_PX)} {num((window.bottom - window.top) * PT_PER_PX)}"
                   " re W n")
        seen = [(window.left - spot.left) * PT_PER_PX / scale, (window.top - spot.top) * PT_PER_PX / scale,
                (window.right - spot.left) * PT_PER_PX / scale, (window.bottom - spot.top) * PT_PER_PX / scale]
        lines = [line for line in lines if line.label.inside(*seen)]
    for line in lines:
        label, face = line.label, faces()[line.label.bold]
        size = label.size * scale
        width = sum(advance for _, advance, _ in line.glyphs) / face.upem * size
        shift = {"left": 0.0, "center": width / 2, "right": width}[label.anchor]
        x = spot.left * PT_PER_PX + line.x * scale - shift
        y = height - (spot.top * PT_PER_PX + line.baseline * scale)
        glyphs = used[label.bold]
        shown, run = [], ""
        for glyph, advance, chars in line.glyphs:
            if not glyphs.get(glyph):
                glyphs[glyph] = chars
            run += f"{glyph:04x}"
            kern = face.font.get_glyph_h_advance(glyph) - advance  # positive: the next glyph moves back
            if kern:
                shown.append(f"<{run}> {num(kern * 1000 / face.upem)}")
                run = ""
        shown.append(f"<{run}>" if run else "")
        r, g, b = (channel / 255 for channel in line.rgb)
        out.append(f"BT /F{int(label.bold)} {num(size, 4)} Tf {r:.3f} {g:.3f} {b:.3f} rg "
                   f"1 0 0 1 {num(x)} {num(y)} Tm [{' '.join(shown)}] TJ ET")
    return "\n".join(out).encode("ascii")


def _font(pdf: Any, bold: bool, glyphs: Mapping[int, str]) -> Any:
    """A Type 0 font of the face's ``glyphs`` (id -> the text each stands for): its glyphs embedded with
    their ids kept, their widths, and the map back to text that copying and searching use."""
    import pydyf

    face = faces()[bold]
    plan = hb.SubsetInput()
    plan.glyph_set.update(sorted({0, *glyphs}))
    plan.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED
    program: bytes = hb.subset(face.face, plan).blob.data
    file = pydyf.Stream([program], pydyf.Dictionary({"Length1": len(program)}), compress=True)
    pdf.add_object(file)
    per_em = 1000 / face.upem
    x_min, y_min, x_max, y_max = struct.unpack(">4h", face.face.reference_table("head").data[36:44])
    name = f"/AAAAA{'B' if bold else 'A'}+{NAMES[bold]}"  # subset tags, made unique as the document is assembled
    descriptor = pydyf.Dictionary({
        "Type": "/FontDescriptor", "FontName": name, "Flags": 32, "ItalicAngle": 0,
        "FontBBox": pydyf.Array([round(v * per_em) for v in (x_min, y_min, x_max, y_max)]),
        "Ascent": round(ASCENT * 1000), "Descent": round(-DESCENT * 1000), "CapHeight": round(ASCENT * 1000),
        "StemV": 80, "FontFile2": file.reference})
    pdf.add_object(descriptor)
    widths = pydyf.Array()
    for glyph in sorted(glyphs):
        widths.extend([glyph, pydyf.Array([num(face.font.get_glyph_h_advance(glyph) * per_em)])])
    cid_font = pydyf.Dictionary({
        "Type": "/Font", "Subtype": "/CIDFontType2", "BaseFont": name,
        "CIDSystemInfo": pydyf.Dictionary({"Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"),
                                           "Supplement": 0}),
        "CIDToGIDMap": "/Identity", "W": widths, "FontDescriptor": descriptor.reference})
    pdf.add_object(cid_font)
    to_text = pydyf.Stream([_cmap({glyph: chars for glyph, chars in glyphs.items() if chars})], compress=True)
    pdf.add_object(to_text)
    font = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type0", "BaseFont": name, "Encoding": "/Identity-H",
                             "DescendantFonts": pydyf.Array([cid_font.reference]), "ToUnicode": to_text.reference})
    pdf.add_object(font)
    return font.reference


def _cmap(texts: Mapping[int, str]) -> bytes:
    """A ToUnicode CMap: each glyph id -> its text."""
    entries = sorted(texts.items())
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <ffff>", "endcodespacerange"]
    for start in range(0, len(entries), 100):
        batch = entries[start:start + 100]
        lines.append(f"{len(batch)} beginbfchar")
        lines.extend(f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>" for glyph, text in batch)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
