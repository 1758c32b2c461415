"""Journeys and their drawings -> one HTML document for WeasyPrint: sheets, footer, outline, metadata, fonts."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from journeygen.layout.words import words_for
from journeygen.render.pdf.blank import blank_sheet
from journeygen.render.pdf.evidence import evidence_page
from journeygen.render.pdf.figure import Figure, Placed, figure_css, label_css
from journeygen.render.pdf.fonts import font_faces
from journeygen.render.pdf.gitinfo import describe
from journeygen.render.pdf.mappage import (
    MapPage,
    map_sheet,
    micro_sheet,
    poster_grid,
    tile_css,
    tile_sheets,
    turned_page,
)
from journeygen.render.pdf.markup import Html, join, tag, text, ui
from journeygen.render.pdf.pages import action_page, persona_page
from journeygen.render.pdf.paper import OFFICE_SHEET, US_SIZES, Paper
from journeygen.render.pdf.priorities import priorities_page
from journeygen.render.pdf.standards import Conformance
from journeygen.render.pdf.style import page_rules, stylesheet
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.spec.model import Journey, MicroJourney, Stage
from journeygen.theme import Theme


@dataclass(frozen=True)
class Layout:
    """How the document is printed: the sheet every page uses, and the poster size when tiling."""

    sheet: Paper
    poster: Paper | None = None
    language: str | None = None
    """The page numbers' language when it is not each journey's own: in a pack, the first journey's."""

    @classmethod
    def choose(cls, page: str, *, portrait: bool, tile: bool) -> Layout:
        """``--page A1 --tile``: an A1 poster on A4 sheets (letter for US sizes); else pages of ``page``."""
        paper = Paper.of(page, portrait=portrait)
        if not tile:
            return cls(paper)
        return cls(Paper.of(OFFICE_SHEET[paper.name in US_SIZES], portrait=portrait), paper)


@dataclass(frozen=True)
class Drawings:
    """A journey's figures, drawn by the layout engine before the document is assembled."""

    maps: tuple[MapPage, ...]
    """The journey map, then (with ``--per-persona``) the map of each persona, each fitted to its paper."""
    micro: tuple[tuple[Stage, MicroJourney, Figure], ...] = ()
    text_colours: Mapping[str, str] = field(default_factory=dict)
    """The colour of each text class in the drawings' theme."""

    @property
    def map(self) -> MapPage:
        """The journey map (the first of ``maps``)."""
        return self.maps[0]

    @property
    def text_pt(self) -> float | None:
        """The size the journey map's body text prints at, in points; None without a map."""
        return self.map.text_pt if self.maps else None

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The maps, then each micro-journey."""
        return (*(page.figure for page in self.maps), *(figure for _, _, figure in self.micro))

    def refigured(self, figures: Sequence[Figure]) -> Drawings:
        """The same drawings with ``figures`` (in the order of ``figures``) in place of their own."""
        maps = tuple(replace(page, figure=figure) for page, figure in zip(self.maps, figures, strict=False))
        rest = figures[len(self.maps):]
        micro = tuple((stage, mj, figure) for (stage, mj, _), figure in zip(self.micro, rest, strict=True))
        return replace(self, maps=maps, micro=micro)


@dataclass(frozen=True)
class Source:
    """Where a journey came from, for the footer: file name and folder (for the git commit)."""

    name: str | None = None
    folder: Path | None = None


@dataclass(frozen=True)
class Part:
    """One journey's sheets, the CSS they need beyond the stylesheet, and the text its drawings hold."""

    body: Html
    css: str = ""
    chars: str = ""
    text_pt: float | None = None
    """The size its map's body text prints at, in points (None: no map)."""
    placed: tuple[Placed, ...] = ()
    """In a text layer document: its figures, each on its sheet, found by the HTML ids ``Placed.anchors``."""


def footer(title: str, source: Source, labels: PdfWords) -> Html:
    """Title · file name · commit: enough to trace a printout on the wall back to its version."""
    commit = describe(source.folder, source.name, labels) if source.name else None
    spans = [tag("span", text(bit), class_="iso") for bit in (title, source.name) if bit]
    spans += [ui(commit, labels.direction)] if commit else []
    return tag("div", join(spans, tag("span", text("·"), class_="sep")), class_="footer")


def journey_part(journey: Journey, drawings: Drawings, layout: Layout, theme: Theme, *, source: Source,
                 depth: int = 1, anchor: str | None = None, text_layer: bool = False, only: str | None = None) -> Part:
    """The full workshop document of one journey: map (or poster tiles), personas, micro-journeys, actions;
    with ``only`` (``map``, ``actions``) no persona page, and no action list for ``map`` (the drawings hold
    only what is to be printed).

    Every sheet with a figure has the id ``sheet-...``. With ``text_layer``, only those sheets, for a
    document of the figures' text to lay over the pages of the full one (see ``journeygen.render.pdf.layers``).
    """
    sheets: list[Html] = []
    labels = pdf_words_for(journey.locale)
    ids = (f"sheet-{anchor or 'journey'}-{n}" for n in itertools.count(1))
    css = figure_css() + label_css(drawings.text_colours, f"#{anchor}" if anchor else "")
    numbers = pdf_words_for(layout.language) if layout.language else labels
    maps = drawings.maps
    placed: list[Placed] = []  # in a text layer: the figures whose lines journeygen may write itself
    if layout.poster is not None and maps:
        grid = poster_grid(drawings.map.figure, drawings.map.paper)
        tile_ids = [next(ids) for _ in grid.tiles]
        sheets.extend(tile_sheets(drawings.map.figure, grid, depth, layout.poster.name, labels,
                                  sheet_ids=tile_ids, located=text_layer))
        if text_layer:
            placed.extend(Placed(sheet_id, drawings.map.figure, drawings.text_colours, tile=True)
                          for sheet_id in tile_ids)
        # A named page per journey: the journeys of a pack may tile onto sheets of other sizes or orientations.
        page = f"tile-{anchor}" if anchor else "tile"
        css += (page_rules(grid.sheet, theme, page, numbers, text_only=text_layer)
                + tile_css(grid, theme.ink, theme.muted, page=page, scope=f"#{anchor}" if anchor else ""))
        maps = maps[1:]

    def place(figure: Figure) -> str:
        """A sheet id for ``figure``, noted as placed in a text layer."""
        sheet_id = next(ids)
        if text_layer:
            placed.append(Placed(sheet_id, figure, drawings.text_colours))
        return sheet_id

    for map_page in maps:
        sheet_id = place(map_page.figure)
        sheets.append(map_sheet(map_page, depth, labels, sheet_id=sheet_id, located=text_layer))
        css += turned_page(map_page, layout.sheet, sheet_id, theme, numbers, text_only=text_layer)
    if not text_layer and only is None:
        sheets.append(persona_page(journey, source.folder, depth))
    kicker = words_for(journey.locale).micro
    for stage, micro, figure in drawings.micro:
        sheet_id = place(figure)
        sheets.append(micro_sheet(figure, layout.sheet, depth, title=micro.name, stage=stage.name, kicker=kicker,
                                  direction=labels.direction, sheet_id=sheet_id, located=text_layer))
    if not text_layer and only != "map":
        sheets.append(action_page(journey, depth))
        sheets.append(priorities_page(journey, depth))
        sheets.append(evidence_page(journey, depth))
    chars = "".join(f.chars for f in drawings.figures)
    return Part(_article(journey, source, sheets, depth, anchor, footed=not text_layer), css, chars,
                drawings.text_pt, tuple(placed))


def persona_part(journey: Journey, *, source: Source, depth: int = 1, anchor: str | None = None) -> Part:
    """A persona file's document: its persona cards, as the map's PDF prints them."""
    return Part(_article(journey, source, [persona_page(journey, source.folder, depth)], depth, anchor))


def blank_part(journey: Journey, layout: Layout, *, source: Source, depth: int = 1,
               anchor: str | None = None) -> Part:
    """The empty workshop template of one journey."""
    return Part(_article(journey, source, [blank_sheet(journey, layout.sheet, depth)], depth, anchor))


def _article(journey: Journey, source: Source, sheets: list[Html], depth: int, anchor: str | None, *,
             footed: bool = True) -> Html:
    # Inside a pack the journey itself is the outline entry one level up, labelled with its title.
    outline = {"class_": "journey bm1", "data_title": journey.title} if depth > 1 else {"class_": "journey"}
    labels = pdf_words_for(journey.locale)
    foot = footer(journey.title, source, labels) if footed else Html("")
    return tag("article", foot, *sheets, id=anchor, lang=journey.locale, dir="rtl" if journey.rtl else "ltr",
               **outline)


BODY_TEXT_KEY = "body-text-size"
"""The document property that says how large each map's body text prints; WeasyPrint writes it into the PDF's
Info dictionary as ``/bodytextsize`` (letters and digits only, lower case as HTML gives it)."""


def body_text_meta(parts: Sequence[Part]) -> Html:
    """``<meta name="body-text-size" content="8.1 pt">`` (one size per journey map, in order), for printers and
    tests."""
    sizes = [f"{part.text_pt:.1f} pt" for part in parts if part.text_pt is not None]
    return tag("meta", name=BODY_TEXT_KEY, content=", ".join(sizes)) if sizes else Html("")


def html_document(parts: Sequence[Part], layout: Layout, theme: Theme, *, title: str, author: str | None,
                  lang: str = "en", text_only: bool = False, conformance: Conformance | None = None) -> str:
    """The whole HTML text, with the bundled fonts subset to exactly the characters it shows; the page
    numbers are worded in the language ``lang``. ``text_only``: parts made with ``text_layer``.
    ``conformance``: the dates, page boxes and colour profile its standard needs."""
    head = [tag("meta", charset="utf-8"), tag("title", text(title)),
            tag("meta", name="author", content=author) if author else Html(""),
            tag("meta", name="generator", content="journeygen"), body_text_meta(parts),
            *(conformance.head() if conformance else ())]
    body = "".join(part.body for part in parts)
    css = "\n".join((stylesheet(layout.sheet, theme, pdf_words_for(lang), text_only=text_only),
                     *(part.css for part in parts)))
    chars = "".join(sorted(set(body + title + (author or "") + css + "".join(p.chars for p in parts))))
    if conformance:  # after the characters are counted: the colour profile's data URL shows no text
        css += "\n" + conformance.css()
    style = tag("style", Html(font_faces(chars) + "\n" + css))
    return f'<!DOCTYPE html>\n<html lang="{text(lang)}">{tag("head", *head, style)}<body>{body}</body></html>'
