"""One row of stages -> a band: stage headers, lane rows of cells, emotion curve, transition arrows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from journeygen.layout import blueprint, emotion, paths
from journeygen.layout.blocks import EMPTY, Block, Kit, row, stack
from journeygen.layout.cards import CardContext, blueprint_cards, lane_cell
from journeygen.layout.grid import Metrics
from journeygen.layout.legend import star
from journeygen.layout.scene import Box, Group, Item, Path, Rect
from journeygen.spec.model import BLUEPRINT_LANES, Lane, Persona, Stage

ROW_GAP = 3.0


class Plan(NamedTuple):
    """Everything a band needs to know about the whole map."""

    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]
    personas: tuple[Persona, ...]
    arrows: tuple[paths.Arrow, ...]
    ctx: CardContext
    prefix: str
    metrics: Metrics
    min_cell_height: float = 0
    numbered: bool = True
    rtl: bool = False


def band(kit: Kit, plan: Plan, indices: Sequence[int]) -> Block:
    """The band for the stages ``indices`` (one row of the map), starting at x = 0."""
    m = plan.metrics
    width = m.band_width(len(indices))
    stages = [plan.stages[i] for i in indices]
    items: list[Item] = []
    heads = _headers(kit, plan, indices)
    items.extend(heads.items)
    y = heads.height + ROW_GAP
    spans: list[dict[tuple[str, int], tuple[float, float]]] = [{} for _ in stages]
    for n, (lane, crossed) in enumerate(zip(plan.lanes, blueprint.crossings(plan.lanes), strict=True)):
        if crossed:
            line = blueprint.line_row(kit, m, width, crossed, f"{plan.prefix}line-{indices[0] + 1}-{n}")
            items.extend(line.at(0, y))
            y += line.height + ROW_GAP
        block = _lane(kit, plan, lane, stages, n)
        items.extend(block.at(0, y))
        if lane.id in BLUEPRINT_LANES:
            _place_cards(kit, plan, lane.id, stages, y, spans)
        y += block.height + ROW_GAP
    for c, stage in enumerate(stages):
        items.extend(blueprint.arrows(kit, m, c, stage, spans[c], f"{plan.prefix}trigger-{stage.id}-"))
    arrows = [a for a in plan.arrows if (a.source is not None and a.source in indices)
              or (a.source is None and a.target in indices)]
    lanes_bottom = y - ROW_GAP
    if arrows:
        local = tuple(_localise(a, indices) for a in arrows)
        block = _titled(kit, plan, kit.words.paths, paths.band(kit, local, m.pitch, width - m.stages_left, plan.rtl),
                        len(plan.lanes), f"{plan.prefix}paths")
        items.extend(block.at(0, y))
        y += block.height + ROW_GAP
    items.extend(_column_lines(m, len(indices), heads.height, lanes_bottom))
    items.extend(_moments(plan, stages, lanes_bottom))
    return Block(width, y - ROW_GAP, tuple(items))


def _place_cards(kit: Kit, plan: Plan, lane: str, stages: Sequence[Stage], top: float,
                 spans: list[dict[tuple[str, int], tuple[float, float]]]) -> None:
    """Record where each card of a blueprint lane sits, for the ``triggers:`` arrows."""
    inner_w = plan.metrics.pitch - 2 * kit.pad
    for c, stage in enumerate(stages):
        items = stage.items(lane)
        cards = blueprint_cards(kit, items, inner_w, plan.ctx)
        spans[c].update(blueprint.card_spans(kit, lane, cards, top + kit.pad))


def _localise(arrow: paths.Arrow, indices: Sequence[int]) -> paths.Arrow:
    def local(i: int | None) -> int | None:
        return indices.index(i) if i is not None and i in indices else None

    return arrow._replace(source=local(arrow.source), target=local(arrow.target))


def _headers(kit: Kit, plan: Plan, indices: Sequence[int]) -> Block:
    m = plan.metrics
    inner_w = m.pitch - 2 - 2 * kit.pad
    blocks = [_header(kit, plan, i, inner_w) for i in indices]
    height = max(b.height for b in blocks) + 2 * kit.pad
    items: list[Item] = []
    for c, (i, block) in enumerate(zip(indices, blocks, strict=True)):
        x = m.column_x(c) + 1
        stage = plan.stages[i]
        cls = "stage-head mot-head" if stage.moment_of_truth else "stage-head"
        cell = (Rect(Box(x, 0, m.pitch - 2, height), cls, kit.theme.radius), *block.at(x + kit.pad, kit.pad))
        items.append(Group(f"{plan.prefix}stage-{stage.id}", cell, stage.name))
    return Block(m.band_width(len(indices)), height, tuple(items))


def _header(kit: Kit, plan: Plan, index: int, width: float) -> Block:
    stage = plan.stages[index]
    parts: list[Block] = []
    if plan.numbered:
        parts.append(kit.text(f"{index + 1:02d}", width, font="small", bold=True, cls="t-header"))
    parts.append(kit.text(stage.name, width, font="heading", bold=True, cls="t-header"))
    if stage.description:
        parts.append(kit.text(stage.description, width, font="small", cls="t-header"))
    if stage.moment_of_truth:
        mark = star(kit.size("heading"), "mot-star")
        words = kit.text(kit.words.moment_of_truth, width - mark.width - kit.gap, font="small", bold=True,
                         cls="t-header")
        parts.append(row([mark, words], kit.gap))
    for n, micro in enumerate(stage.micro_journeys):
        line = kit.text(f"▼ {kit.words.micro}: {micro.name}", width, font="small", cls="t-header")
        parts.append(line.grouped(f"{plan.prefix}micro-link-{stage.id}-{n + 1}", link=micro.use)
                     if micro.use else line)
    for n, link in enumerate(stage.links):
        line = kit.text(f"→ {link.label or link.use}", width, font="small", bold=True, cls="t-header")
        parts.append(line.grouped(f"{plan.prefix}link-{stage.id}-{n + 1}", link=link.use))
    return stack(parts, 3, width)


def _lane(kit: Kit, plan: Plan, lane: Lane, stages: Sequence[Stage], n: int) -> Block:
    m = plan.metrics
    if lane.id == "emotions":
        curve = emotion.lane(kit, stages, plan.personas, m.pitch, f"{plan.prefix}{lane.id}-")
        return _titled(kit, plan, kit.words.lane(lane), curve, n, f"{plan.prefix}lane-{lane.id}", padded=False,
                       aside=emotion.scale(kit))
    inner_w = m.pitch - 2 * kit.pad
    items: list[Item] = []
    height = 0.0
    for c, stage in enumerate(stages):
        cell = lane_cell(kit, lane.id, stage.items(lane.id), inner_w, plan.ctx)
        if cell.items:
            items.append(Group(f"{plan.prefix}cell-{stage.id}-{lane.id}", cell.at(c * m.pitch + kit.pad, kit.pad)))
        height = max(height, cell.height)
    cells = Block(m.pitch * len(stages), height + 2 * kit.pad, tuple(items))
    return _titled(kit, plan, kit.words.lane(lane), cells, n, f"{plan.prefix}lane-{lane.id}", padded=False)


def _titled(kit: Kit, plan: Plan, title: str, cells: Block, n: int, id: str, padded: bool = True,
            aside: Block = EMPTY) -> Block:
    """A lane row: background across, the title cell at the start (``aside`` at its end), the cells to its right."""
    m = plan.metrics
    room = m.title_width - 2 * kit.pad - (aside.width + kit.gap if aside.items else 0)
    label = kit.text(title, room, font="body", bold=True, cls="t-lane-title")
    body_h = cells.height + (2 * kit.pad if padded else 0)
    height = max(body_h, label.height + 2 * kit.pad, plan.min_cell_height)
    width = m.band_width(max(1, round(cells.width / m.pitch)))
    fill = "lane" if n % 2 == 0 else "lane-alt"
    items: list[Item] = [
        Rect(Box(m.stages_left, 0, width - m.stages_left, height), fill, kit.theme.radius),
        Rect(Box(0, 0, m.title_width, height), "lane-title", kit.theme.radius),
        *label.at(kit.pad, kit.pad),
        *aside.at(m.title_width - kit.pad - aside.width, 0),
        *cells.at(m.stages_left, kit.pad if padded else 0),
    ]
    return Block(width, height, (Group(id, tuple(items), title),))


def _column_lines(m: Metrics, columns: int, top: float, bottom: float) -> list[Item]:
    return [Path((("M", (m.column_x(c), top + ROW_GAP)), ("L", (m.column_x(c), bottom))), "column-line")
            for c in range(1, columns)]


def _moments(plan: Plan, stages: Sequence[Stage], bottom: float) -> list[Item]:
    m = plan.metrics
    return [Rect(Box(m.column_x(c) + 1, 0, m.pitch - 2, bottom), "mot-frame", 0)
            for c, stage in enumerate(stages) if stage.moment_of_truth]
