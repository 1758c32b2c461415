"""A Journey -> a Mermaid ``block-beta`` grid: lanes as rows, stages as columns, every cell lined up.

The ``swimlane`` style. Mermaid's block diagram (10.8 and later) places blocks on a true grid of
``columns N`` and gives every cell the size of the largest, so a lane's cells share their top edge in
every stage. Lane titles fill the first column; an empty cell is a ``space`` (drawn as nothing);
micro-journeys and the transitions get rows of their own. Node ids are positions (``r2c3``), so no spec
text can break the syntax; every text goes through ``flowchart_text``.
"""

from __future__ import annotations

from journeygen.layout.words import words_for
from journeygen.render.mermaid.escape import flowchart_text
from journeygen.render.mermaid.swimlane import lane_items, micro_steps, transition_texts
from journeygen.render.wrap import wrap
from journeygen.spec.model import EmotionScale, Journey, Stage
from journeygen.theme import Theme

_INDENT = "    "
WIDTH = 28
"""Characters per line in a cell: Mermaid sizes every cell like the widest, so lines are kept short."""


def _text(item: str, width: int = WIDTH) -> str:
    """One item, wrapped at spaces into short lines joined by ``<br>``, each line escaped."""
    return "<br>".join(flowchart_text(line) for line in wrap(item, width))


def _cell(node: str, title: str | None, items: list[str], width: int = WIDTH) -> str:
    """A block with an optional bold title and one item per line; ``space`` when it has nothing to show."""
    if title is None and not items:
        return "space"
    lines = [f"<b>{_text(title, width)}</b>"] if title is not None else []
    lines += ["• " + _text(item, width) for item in items]
    return f'{node}["{"<br>".join(lines)}"]'


def _micro_cell(node: str, stage: Stage, scale: EmotionScale) -> str:
    if not stage.micro_journeys:
        return "space"
    parts = [f"<b>{_text(micro.name)}</b><br>" + "<br>".join(_text(step) for step in micro_steps(micro, scale))
             for micro in stage.micro_journeys]
    return f'{node}["{"<br>".join(parts)}"]'


def _rows(journey: Journey) -> list[list[str]]:
    """The grid, row by row: stage headers, then a row per lane, micro-journeys, other paths."""
    stages, w = journey.stages, words_for(journey.locale)
    header = [_cell("r0c0", journey.title, [])]
    header += [_cell(f"r0c{c}", ("★ " if s.moment_of_truth else "") + s.name, []) for c, s in enumerate(stages, 1)]
    rows = [header]
    for r, lane in enumerate(journey.lane_list(), 1):
        cells = [_cell(f"r{r}c{c}", None, lane_items(journey, s, lane)) for c, s in enumerate(stages, 1)]
        rows.append([_cell(f"r{r}c0", w.lane(lane), []), *cells])
    r = len(rows)
    if any(s.micro_journeys for s in stages):
        rows.append([_cell(f"r{r}c0", w.micro_journeys, []),
                     *(_micro_cell(f"r{r}c{c}", s, journey.emotion_scale) for c, s in enumerate(stages, 1))])
        r += 1
    if journey.transitions:
        # One block as wide as every stage column: a transition names stages, it does not sit in one.
        wide = _cell(f"r{r}c1", None, transition_texts(journey), WIDTH * len(stages))
        rows.append([_cell(f"r{r}c0", w.paths, []), f"{wide}:{len(stages)}"])
    return rows


def _styles(journey: Journey, rows: list[list[str]], theme: Theme) -> list[str]:
    """The theme's header and lane-title colours for the first row and column, a heavy border on a moment of
    truth, and the cells on the theme's surface."""
    t = theme
    ids = [[cell.split("[", 1)[0] for cell in row if cell != "space"] for row in rows]
    stage_ids = [ids[0][0], *(f"r0c{c}" for c, s in enumerate(journey.stages, 1) if not s.moment_of_truth)]
    moments = [f"r0c{c}" for c, s in enumerate(journey.stages, 1) if s.moment_of_truth]
    lane_ids = [f"r{r}c0" for r in range(1, len(rows))]
    cell_ids = [i for row in ids[1:] for i in row if not i.endswith("c0")]
    lines = [f"classDef stage fill:{t.header_background},color:{t.header_ink},stroke:{t.header_background}",
             f"classDef moment fill:{t.header_background},color:{t.header_ink},stroke:{t.moment_of_truth},"
             "stroke-width:4px",
             f"classDef lane fill:{t.lane_title_background},color:{t.lane_title_ink},stroke:{t.grid}",
             f"classDef cell fill:{t.surface},color:{t.ink},stroke:{t.grid}"]
    groups = (("stage", stage_ids), ("moment", moments), ("lane", lane_ids), ("cell", cell_ids))
    return lines + [f"class {','.join(members)} {name}" for name, members in groups if members]


def grid_lines(journey: Journey, theme: Theme) -> list[str]:
    """The whole block diagram, line by line; right-to-left maps read their columns from the right."""
    rows = _rows(journey)
    styles = _styles(journey, rows, theme)
    if journey.rtl:
        rows = [row[::-1] for row in rows]
    # The block grammar has no accTitle or accDescr: the title is the grid's first cell.
    head = ["block-beta", f"{_INDENT}columns {len(journey.stages) + 1}"]
    return [*head, *(_INDENT + " ".join(row) for row in rows), *(_INDENT + line for line in styles)]
