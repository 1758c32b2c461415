"""Stage and lane counts -> integer cells (row, column) and the pixel metrics of columns and margins."""

from __future__ import annotations

from typing import NamedTuple

from journeygen.theme import Theme

MIN_BAND_WIDTH = 900.0
"""Maps of one or two stages widen their columns towards this, so the header and cards are not cramped."""


class Grid(NamedTuple):
    """Where each stage sits: stages fill columns left to right, wrapping into rows of ``per_row``."""

    stages: int
    per_row: int

    @property
    def rows(self) -> tuple[tuple[int, ...], ...]:
        """The stage indices of each row."""
        return tuple(tuple(range(start, min(start + self.per_row, self.stages)))
                     for start in range(0, self.stages, self.per_row))

    def cell(self, stage: int) -> tuple[int, int]:
        """(row, column) of a stage."""
        return divmod(stage, self.per_row)


class Metrics(NamedTuple):
    """Pixel sizes derived from the theme: margins, the lane-title column, the stage pitch."""

    margin: float
    title_width: float
    gutter: float
    pitch: float

    @classmethod
    def of(cls, theme: Theme, columns: int | None = None) -> Metrics:
        """Metrics for ``columns`` stage columns: a map of few stages gets wider columns (up to 1.75x)."""
        plain = cls(margin=2 * theme.padding, title_width=theme.lane_title_width, gutter=theme.gap / 2,
                    pitch=theme.stage_width)
        if not columns:
            return plain
        wide = (MIN_BAND_WIDTH - plain.stages_left) / columns
        return plain._replace(pitch=min(max(plain.pitch, wide), plain.pitch * 1.75))

    @property
    def stages_left(self) -> float:
        """x of the first stage column, relative to the band's left edge."""
        return self.title_width + self.gutter

    def column_x(self, column: int) -> float:
        return self.stages_left + column * self.pitch

    def band_width(self, columns: int) -> float:
        return self.stages_left + columns * self.pitch

    def map_width(self, columns: int) -> float:
        """The whole map: margins, lane titles, and ``columns`` stage columns."""
        return 2 * self.margin + self.band_width(columns)

    def columns_for(self, stages: int, max_width: int | None) -> int:
        """How many stages fit in one row: all of them, unless ``max_width`` forces rows."""
        if max_width is None:
            return max(1, stages)
        room = (max_width - 2 * self.margin - self.stages_left) // self.pitch
        return max(1, min(stages, int(room)))


def grid_for(stages: int, metrics: Metrics, max_width: int | None) -> Grid:
    return Grid(stages, metrics.columns_for(stages, max_width))
