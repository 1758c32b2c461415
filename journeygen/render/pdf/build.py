"""A Journey and render options -> its part of the PDF: theme loaded, drawings laid out, sheets assembled."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from journeygen.layout.prepared import Prepared
from journeygen.options import RenderOptions
from journeygen.project import rendered_href
from journeygen.render.pdf.breakout import for_persona
from journeygen.render.pdf.document import Drawings, Layout, Part, Source, blank_part, journey_part, persona_part
from journeygen.render.pdf.figure import Figure, Label
from journeygen.render.pdf.fit import Arranger, Orientation
from journeygen.render.pdf.mappage import MapPage
from journeygen.render.pdf.markup import Html
from journeygen.spec.model import Journey

if TYPE_CHECKING:
    from journeygen.layout.scene import Item, Scene, Text
    from journeygen.theme import Theme


def document_layout(options: RenderOptions) -> Layout:
    """The sheets to print on; a blank template is never tiled (it is drawn as a table, not a picture)."""
    return Layout.choose(options.page, portrait=options.portrait, tile=options.tile and not options.blank)


def _label(text: Text, href: str | None) -> Label:
    leading = text.baselines[1] - text.baselines[0] if len(text.baselines) > 1 else 0.0
    return Label(text.lines, text.x, text.baselines[0], leading, text.anchor, text.size, text.bold, text.cls, href)


def _linked_texts(items: tuple[Item, ...], targets: Mapping[str, str],
                  href: str | None = None) -> Iterator[tuple[Text, str | None]]:
    """Every text of ``items`` with where it links: a group linking another map of the project links where
    ``targets`` (its spec path -> href) says."""
    from journeygen.layout.scene import Group, Text

    for item in items:
        if isinstance(item, Text):
            yield item, href
        elif isinstance(item, Group):
            inner = targets.get(item.link) if item.link is not None else None
            yield from _linked_texts(item.items, targets, inner or href)


def _shapes(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """The items without text (an empty SVG ``<text>`` still costs WeasyPrint a font lookup), and without the
    groups a printed page has no use for: their ids and tooltips only make WeasyPrint's SVG drawing slower
    (a group stays where it fades its items)."""
    from journeygen.layout.scene import Group, Text

    kept: list[Item] = []
    for item in items:
        if isinstance(item, Group):
            inner = _shapes(item.items)
            if item.opacity is None:
                kept.extend(inner)
            elif inner:
                kept.append(item._replace(items=inner, title=None, link=None))
        elif not isinstance(item, Text):
            kept.append(item)
    return tuple(kept)


def figure(scene: Scene, theme: Theme, targets: Mapping[str, str] | None = None) -> Figure:
    """A laid-out scene: its shapes as SVG, its text as lines the PDF sets in HTML over them (linked, for
    groups whose map ``targets`` names: a spec path relative to the map -> the href of its pages or file)."""
    from journeygen.render.svg import render_scene

    labels = tuple(_label(text, href) for text, href in _linked_texts(scene.items, targets or {}) if any(text.lines))
    shapes = render_scene(scene._replace(items=_shapes(scene.items)), theme)
    return Figure(shapes, scene.width, scene.height, labels, scene.rtl, alt=scene.description)


def orientation(options: RenderOptions) -> Orientation:
    """How the map page is turned: as asked, or whichever way prints it larger."""
    return "portrait" if options.portrait else "landscape" if options.landscape else "auto"


def drawings(prepared: Prepared, layout: Layout, targets: Mapping[str, str] | None = None) -> Drawings:
    """The map (and, with ``per_persona``, each persona's map), each arranged to print largest on its paper, and
    every micro-journey, laid out by the same engine as the SVG output; only the ones ``options.only`` keeps.
    The map leaves its micro-journeys out: each has a page of its own, and without them below it the map fills
    more of its page. ``targets`` links the maps' linked journeys (to their pages in a pack, else their PDFs)."""
    from journeygen.render.svg import text_colours

    journey, theme, options = prepared.journey, prepared.theme, prepared.options
    if options.only == "actions":
        return Drawings((), text_colours=text_colours(theme))
    pairs = [(stage, mj) for stage in journey.stages for mj in stage.micro_journeys]
    micro = tuple((stage, mj, figure(scene, theme, targets))
                  for (stage, mj), scene in zip(pairs, prepared.micro_scenes, strict=True) if options.only is None)
    paper = layout.poster or layout.sheet
    arranger = Arranger(journey, theme, options.max_width, prepared.photos, measure=prepared.measure)
    maps = [map_page(arranger, paper.name, orientation(options), theme, targets=targets)]
    if options.per_persona and len(journey.personas) > 1:
        maps.extend(map_page(Arranger(for_persona(journey, persona), theme, options.max_width, prepared.photos,
                                      measure=prepared.measure),
                             layout.sheet.name, orientation(options), theme, title=persona.name)
                    for persona in journey.personas)
    return Drawings(tuple(maps), micro, text_colours(theme))


def map_page(arranger: Arranger, page: str, turn: Orientation, theme: Theme, title: str | None = None,
             targets: Mapping[str, str] | None = None) -> MapPage:
    """The map in the arrangement that prints it largest on ``page``."""
    fit = arranger.best(page, turn)
    return MapPage(figure(fit.scene, theme, targets), fit.paper, fit.text_pt, title)


@dataclass(frozen=True)
class Draft:
    """One journey ready to be set: its drawings (None for a blank template) and where its sheets go."""

    journey: Journey
    drawings: Drawings | None
    layout: Layout
    theme: Theme
    source: Source
    depth: int = 1
    anchor: str | None = None
    only: str | None = None
    personas_only: bool = False
    """A persona file: its persona page is the whole part."""

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.drawings.figures if self.drawings else ()

    @property
    def lines(self) -> int:
        """How many blocks of text its figures place."""
        return sum(len(figure.labels) for figure in self.figures)

    def refigured(self, figures: Sequence[Figure]) -> Draft:
        """The same journey with ``figures`` in place of its own (see ``Drawings.refigured``)."""
        return replace(self, drawings=self.drawings.refigured(figures)) if self.drawings else self

    def part(self, *, text_layer: bool = False) -> Part:
        """Its sheets; with ``text_layer`` only those with a figure (see ``journey_part``)."""
        if self.personas_only:
            return Part(Html("")) if text_layer else persona_part(self.journey, source=self.source, depth=self.depth,
                                                                    anchor=self.anchor)
        if self.drawings is None:
            return Part(Html("")) if text_layer else blank_part(self.journey, self.layout, source=self.source,
                                                                  depth=self.depth, anchor=self.anchor)
        return journey_part(self.journey, self.drawings, self.layout, self.theme, source=self.source,
                            depth=self.depth, anchor=self.anchor, text_layer=text_layer, only=self.only)


def draft(prepared: Prepared, layout: Layout, *, depth: int = 1, anchor: str | None = None,
          targets: Mapping[str, str] | None = None) -> Draft:
    """One journey drawn for the document: the blank template, or map, personas, micro-journeys and actions;
    ``targets`` (a linked map's spec path, relative to this one -> ``#anchor`` of its pages in a pack) links
    them; alone, each linked map links to its PDF that ``render`` writes beside this one (``checkout.pdf``)."""
    if targets is None:
        targets = {use: rendered_href(use, ".pdf") for use in prepared.journey.linked_maps}
    options = prepared.options
    source = Source(options.source_name, options.base_dir)
    if options.persona_page:
        return Draft(prepared.journey, None, layout, prepared.theme, source, depth, anchor, personas_only=True)
    drawn = None if options.blank else drawings(prepared, layout, targets)
    return Draft(prepared.journey, drawn, layout, prepared.theme, source, depth, anchor, options.only)
