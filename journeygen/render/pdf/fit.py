"""A journey and a paper size -> the arrangement of its map page that prints the body text largest.

A designer setting a workshop poster by hand turns the sheet to suit the map, moves the persona cards
beside the title or the stages, and wraps a long journey into rows. The fit tries those arrangements
with the layout engine of the SVG and keeps the one whose body text prints largest.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from journeygen.layout.header import PersonaPlace
from journeygen.layout.text import Measurer
from journeygen.render.pdf.paper import PT_MM, Paper
from journeygen.spec.model import Journey

if TYPE_CHECKING:
    from journeygen.layout.scene import Scene
    from journeygen.theme import Theme

Orientation = Literal["auto", "portrait", "landscape"]
PLACES: tuple[PersonaPlace, ...] = ("header", "side")
"""Where the fit tries the persona cards: beside the title, or in a column beside the stages."""
MAX_ROWS = 12
"""The most rows a journey is wrapped into: more make a strip of a map no wall holds."""
LARGE = 24
"""Maps of more stages than this take a second and more to lay out: the fit predicts their rows from two
layouts of their first LARGE stages instead of trying each, and keeps the theme's column width."""
COLUMN_STEP = 0.08
"""How much wider or narrower each try makes the stage columns, as a share of the theme's width."""
COLUMN_RANGE = (0.84, 1.4)
"""The narrowest and widest the stage columns may become, as shares of the theme's width: idea cards and
metrics stay legible in the narrowest; wider ones only leave empty space."""


def text_pt(scene: Scene, body_px: float, paper: Paper) -> float:
    """The printed size of the body text when ``scene`` is fitted to ``paper``'s printable area, in points."""
    mm_per_px = min(paper.content_width / scene.width, paper.content_height / scene.height)
    return body_px * mm_per_px / PT_MM


@dataclass(frozen=True)
class Fit:
    """The map laid out for its page: the scene, the paper turned the way it prints it largest, and how large."""

    scene: Scene
    paper: Paper
    text_pt: float
    personas: PersonaPlace
    rows: int
    columns: float = 1.0
    """The stage columns' width as a share of the theme's."""

    @property
    def width_bound(self) -> bool:
        """Whether the map fills the paper's width (and leaves room above and below), not its height."""
        return self.paper.content_width / self.scene.width < self.paper.content_height / self.scene.height


@dataclass
class Arranger:
    """Lays a journey's map out in each arrangement at most once, for as many papers as are asked about.

    ``max_width`` (the user's ``--max-width``) fixes the rows; otherwise the fit chooses them.
    """

    journey: Journey
    theme: Theme
    max_width: int | None = None
    photos: Mapping[str, str] = field(default_factory=dict)
    _scenes: dict[tuple[int, PersonaPlace, float], Scene] = field(default_factory=dict)
    measure: Measurer = field(default_factory=Measurer)
    """Shared with the journey's other layouts, so each word is measured once."""

    def best(self, page: str, orientation: Orientation = "auto") -> Fit:
        """The arrangement that prints the body text largest on ``page`` (ties: fewer rows, then landscape)."""
        papers = _papers(page, orientation)
        best: Fit | None = None
        for rows in self._row_counts(papers):
            places = PLACES if len(self.journey.stages) <= LARGE else PLACES[:1]  # cards are a speck of a long map
            top = max((self._fit(rows, place, paper) for place in places for paper in papers), key=_size)
            if best is not None and top.text_pt <= best.text_pt:
                break  # more rows only make the map taller from here on
            best = top
        assert best is not None
        return best if len(self.journey.stages) > LARGE else self._columns(best, papers)

    def _columns(self, fit: Fit, papers: tuple[Paper, ...]) -> Fit:
        """``fit`` with the stage columns narrowed while the map is bound by the paper's width (widened while
        by its height), as long as that prints it larger."""
        step = -COLUMN_STEP if fit.width_bound else COLUMN_STEP
        while COLUMN_RANGE[0] <= round(fit.columns + step, 2) <= COLUMN_RANGE[1]:
            columns = round(fit.columns + step, 2)
            better = max((self._fit(fit.rows, fit.personas, paper, columns) for paper in papers), key=_size)
            if better.text_pt <= fit.text_pt:
                break
            fit = better
        return fit

    def _row_counts(self, papers: tuple[Paper, ...]) -> Iterator[int]:
        """The numbers of rows to try, fewest first (0: as ``max_width`` says)."""
        stages = len(self.journey.stages)
        if self.max_width is not None:
            yield 0
            return
        per_row = [math.ceil(stages / rows) for rows in range(1, min(stages, MAX_ROWS) + 1)]
        counts = [math.ceil(stages / k) for k in dict.fromkeys(per_row)]
        yield from ([self._predicted(counts, papers)] if stages > LARGE else counts)

    def _predicted(self, counts: list[int], papers: tuple[Paper, ...]) -> int:
        """The number of rows that should print a long journey largest, from a sample of its stages laid out
        in one and in two rows: each further row adds the same height, each stage fewer per row one column's
        width less."""
        sample = self._sample()
        one, two = sample.scene(1, "header"), sample.scene(2, "header")
        shown, pitch = len(sample.journey.stages), self.theme.stage_width
        stages = len(self.journey.stages)

        def size(rows: int) -> float:
            width = one.width + (math.ceil(stages / rows) - shown) * pitch
            height = one.height + (rows - 1) * (two.height - one.height)
            return max(min(p.content_width / width, p.content_height / height) for p in papers)

        return max(counts, key=size)

    def _sample(self) -> Arranger:
        """The first LARGE stages of the journey (and the transitions among them), sharing this word measurer."""
        stages = self.journey.stages[:LARGE]
        ids = {stage.id for stage in stages}
        transitions = tuple(t for t in self.journey.transitions if t.source in ids and t.target in ids)
        journey = self.journey.model_copy(update={"stages": stages, "transitions": transitions})
        return Arranger(journey, self.theme, measure=self.measure)

    def _fit(self, rows: int, place: PersonaPlace, paper: Paper, columns: float = 1.0) -> Fit:
        scene = self.scene(rows, place, columns)
        return Fit(scene, paper, text_pt(scene, self.theme.font_size, paper), place, rows, columns)

    def scene(self, rows: int, place: PersonaPlace, columns: float = 1.0) -> Scene:
        """The map in ``rows`` rows (0: as ``max_width`` says) with the persona cards at ``place`` and stage
        columns ``columns`` times as wide as the theme's."""
        key = (rows, place, columns)
        if key not in self._scenes:
            from journeygen.layout.grid import Metrics
            from journeygen.layout.map import lay_out

            theme = self.theme.model_copy(update={"stage_width": self.theme.stage_width * columns})
            width = self.max_width
            if rows:
                per_row = math.ceil(len(self.journey.stages) / rows)
                width = math.ceil(Metrics.of(theme).map_width(per_row))
            self._scenes[key] = lay_out(self.journey, theme, max_width=width if rows != 1 else None,
                                        photos=self.photos, micro_journeys=False, personas=place,
                                        measure=self.measure)
        return self._scenes[key]


def _size(fit: Fit) -> float:
    return fit.text_pt


def _papers(page: str, orientation: Orientation) -> tuple[Paper, ...]:
    if orientation == "auto":
        return Paper.of(page), Paper.of(page, portrait=True)
    return (Paper.of(page, portrait=orientation == "portrait"),)
