"""Integer cells and the pixel metrics derived from the theme."""

from __future__ import annotations

import itertools

from journeygen.layout.grid import Grid, Metrics, grid_for
from journeygen.theme import load_theme

THEME = load_theme(None, None)


def test_stages_fill_one_row_unless_a_max_width_wraps_them() -> None:
    m = Metrics.of(THEME)
    assert grid_for(30, m, None).rows == (tuple(range(30)),)
    grid = grid_for(7, m, int(m.map_width(3)))
    assert grid.rows == ((0, 1, 2), (3, 4, 5), (6,))
    assert grid.cell(4) == (1, 1)


def test_a_max_width_narrower_than_one_column_still_gives_one_column() -> None:
    assert grid_for(5, Metrics.of(THEME), 10).per_row == 1


def test_width_grows_by_one_stage_width_per_stage() -> None:
    m = Metrics.of(THEME)
    assert m.map_width(10) - m.map_width(9) == THEME.stage_width
    assert m.map_width(1) == 2 * m.margin + THEME.lane_title_width + m.gutter + THEME.stage_width


def test_columns_left_to_right_after_the_lane_titles() -> None:
    m = Metrics.of(THEME)
    xs = [m.column_x(c) for c in range(4)]
    assert xs[0] >= THEME.lane_title_width
    assert [b - a for a, b in itertools.pairwise(xs)] == [THEME.stage_width] * 3


def test_few_stages_get_wider_columns_but_not_absurdly_wide() -> None:
    assert Metrics.of(THEME, 2).pitch > THEME.stage_width
    assert Metrics.of(THEME, 1).pitch <= 1.75 * THEME.stage_width
    assert Metrics.of(THEME, 12).pitch == THEME.stage_width


def test_grid_rows_cover_every_stage_once() -> None:
    rows = Grid(11, 4).rows
    assert [i for r in rows for i in r] == list(range(11))
