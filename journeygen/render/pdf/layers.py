"""Drafted journeys -> PDF bytes; a document with very many lines of drawing text is set in layers.

WeasyPrint holds every box of a document until its PDF is written, about 25 KB for each absolutely
placed line of text: the map of 300 stages (6,600 lines) took 400 MB, and it spends 1.3 to 2.5 ms on
each. Past ``LAYER_LINES`` lines the document is set with its figures' text left out; that text is
written directly (``journeygen.render.pdf.textlayer``), save the lines only a browser sets right, which
go into documents of at most ``LAYER_LINES`` lines each; ``journeygen.render.pdf.overlay`` lays the
layers over the finished pages. The pages look the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from journeygen.pace import python_pace
from journeygen.render.pdf.build import Draft
from journeygen.render.pdf.document import Layout, Part, html_document
from journeygen.render.pdf.standards import Conformance
from journeygen.theme import Theme

if TYPE_CHECKING:
    from journeygen.render.pdf.figure import Label
    from journeygen.render.pdf.weasy import Printed

LAYER_LINES = 1500
"""The most figure text blocks one WeasyPrint document sets (about 40 MB of boxes)."""


def print_document(drafts: Sequence[Draft], layout: Layout, theme: Theme, *, front: Sequence[Part] = (),
                   title: str, author: str | None, lang: str, conformance: Conformance | None = None) -> bytes:
    """The PDF of ``front`` (a pack's contents page) and each draft's sheets, in layers past ``LAYER_LINES``;
    tagged, and meeting ``conformance``'s standard if it names one (checked: RenderError if not)."""
    with python_pace():
        return _print(drafts, layout, theme, front=front, title=title, author=author, lang=lang,
                      conformance=conformance or Conformance())


def _print(drafts: Sequence[Draft], layout: Layout, theme: Theme, *, front: Sequence[Part], title: str,
           author: str | None, lang: str, conformance: Conformance) -> bytes:
    from journeygen.render.pdf.weasy import print_html

    def html(parts: Sequence[Part], *, text_only: bool = False) -> str:
        return html_document(parts, layout, theme, title=title, author=author, lang=lang, text_only=text_only,
                             conformance=None if text_only else conformance)

    if sum(item.lines for item in drafts) <= LAYER_LINES:
        data = print_html(html([*front, *(item.part() for item in drafts)]), conformance).data
    else:
        from journeygen.render.pdf.overlay import overlay

        shapes = [item.refigured([figure.shapes() for figure in item.figures]).part() for item in drafts]
        base = print_html(html([*front, *shapes]), conformance)
        # The layers are untagged: their text is drawn inside the map's figure, whose alternative text describes it.
        written, rest = _written_layer(drafts, html)
        layers = [print_html(html([item.part(text_layer=True) for item in chunk], text_only=True))
                  for chunk in text_layers(rest, LAYER_LINES)]
        data = overlay(base, [*written, *layers])
    if conformance.standard is not None:
        from journeygen.render.pdf.conformance import verify

        verify(data, conformance.standard)
    return data


def _written_layer(drafts: Sequence[Draft], html: Callable[..., str]) -> tuple[list[Printed], list[Draft]]:
    """The text lines ``journeygen.render.pdf.textlayer`` writes itself, as one layer (none if it takes no
    line), and the drafts reduced to the lines left for WeasyPrint's layers."""
    from journeygen.render.pdf.textlayer import TextLayer
    from journeygen.render.pdf.weasy import locate

    # The drafts' sheets without their lines: where their figures lie (laid out, not printed) and which they are.
    bare = [item.refigured([figure.text(()) for figure in item.figures]) for item in drafts]
    parts = [item.part(text_layer=True) for item in bare]
    writer = TextLayer()
    left: dict[int, tuple[Label, ...]] = {}  # by figure: the labels left for WeasyPrint
    for item, stripped, part in zip(drafts, bare, parts, strict=True):
        whole = {id(plain): figure for plain, figure in zip(stripped.figures, item.figures, strict=True)}
        for placed in part.placed:
            figure = whole[id(placed.figure)]
            left[id(figure)] = writer.add(replace(placed, figure=figure))
    rest = [item.refigured([figure.text(left.get(id(figure), figure.labels)) for figure in item.figures])
            for item in drafts]
    if not writer.anchors:
        return [], rest
    return [writer.printed(locate(html(parts, text_only=True), writer.anchors))], rest


def text_layers(drafts: Sequence[Draft], size: int) -> Iterator[list[Draft]]:
    """The drafts again and again, their figures reduced to their text lines, ``size`` lines at a time
    (counted through every figure of every draft in turn)."""
    for start in range(0, sum(item.lines for item in drafts), size):
        offset, chunk = 0, []
        for item in drafts:
            figures = []
            for figure in item.figures:
                low, high = max(0, start - offset), max(0, start + size - offset)
                figures.append(figure.text(figure.labels[low:high]))
                offset += len(figure.labels)
            chunk.append(item.refigured(figures))
        yield chunk
