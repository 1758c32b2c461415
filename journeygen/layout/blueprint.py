"""Service-blueprint lanes -> the labelled lines between layers and the arrows of ``triggers:`` down a column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate

from journeygen.layout.blocks import Block, Kit, framed, stack
from journeygen.layout.grid import Metrics
from journeygen.layout.scene import Group, Item, Path
from journeygen.spec.model import BLUEPRINT_LANES, LAYERS, BlueprintItem, Lane, Stage

CLASSES = ("layer-line", "trigger", "trigger-head", "assumed", "evidence-badge")
"""The drawing classes only blueprints and research marks use (the stylesheet carries their rules only then)."""


def crossings(lanes: Sequence[Lane]) -> list[tuple[int, ...]]:
    """For each lane, the lines (0 interaction, 1 visibility, 2 internal interaction) drawn above it.

    A line is drawn where the lane order passes from one layer to another; lanes without a layer
    (ideas, metrics) are skipped over, so no line is ever drawn in a map without blueprint layers.
    """
    found: list[tuple[int, ...]] = []
    last: int | None = None
    for lane in lanes:
        layer = lane.layer_of
        here = LAYERS.index(layer) if layer is not None else None
        if here is None or last is None or here == last:
            found.append(())
        else:
            found.append(tuple(range(min(here, last), max(here, last))))
        last = here if here is not None else last
    return found


def line_row(kit: Kit, m: Metrics, width: float, crossed: tuple[int, ...], id: str) -> Block:
    """The named line(s) across the band: the words in the lane-title column, a dashed rule to the right."""
    words = " · ".join(kit.words.lines[i] for i in crossed)
    label = kit.text(words, m.title_width - 2 * kit.pad, font="small", bold=True, cls="t-muted")
    height = label.height + kit.gap
    mid = height / 2
    rule = Path((("M", (m.stages_left, mid)), ("L", (width, mid))), "layer-line")
    return Block(width, height, (Group(id, (rule, *label.at(kit.pad, kit.gap / 2)), words),))


Spans = Mapping[tuple[str, int], tuple[float, float]]
"""A blueprint card (its lane, its place in the cell) -> the top and bottom of the card, in the band."""


def card_spans(kit: Kit, lane: str, blocks: Sequence[Block], top: float) -> Spans:
    """Where each card of one cell sits (cards stacked ``kit.gap`` apart, from ``top``), with or without an id:
    a card that only triggers another needs no id of its own."""
    tops = accumulate((b.height + kit.gap for b in blocks), initial=top)
    return {(lane, j): (y, y + b.height) for j, (b, y) in enumerate(zip(blocks, tops, strict=False))}


def arrows(kit: Kit, m: Metrics, column: int, stage: Stage, spans: Spans, id: str) -> list[Item]:
    """One arrow per ``triggers:`` of the stage: out of the source card, down the column's edge, into the target."""
    gutter = m.column_x(column) + m.pitch - kit.pad / 2
    card_right = m.column_x(column) + m.pitch - kit.pad
    named = {item.id: ((lane, j), item.text) for lane in BLUEPRINT_LANES
             for j, item in enumerate(stage.items(lane)) if item.id}
    drawn: list[Item] = []
    for lane in BLUEPRINT_LANES:
        for j, item in enumerate(stage.items(lane)):
            for target in item.triggers:
                if (lane, j) not in spans or target not in named or named[target][0] not in spans:
                    continue
                place, text = named[target]
                src = sum(spans[lane, j]) / 2
                dst = min(spans[place][0] + kit.gap * 1.5, sum(spans[place]) / 2)
                shaft = Path((("M", (card_right, src)), ("L", (gutter, src)), ("L", (gutter, dst)),
                              ("L", (card_right + 4, dst))), "trigger")
                head = Path((("M", (card_right, dst)), ("L", (card_right + 5, dst - 3.5)),
                             ("L", (card_right + 5, dst + 3.5)), ("Z", ())), "trigger-head")
                title = kit.words.triggers.format(source=item.text, target=text)
                source = item.id or f"{lane}-{j + 1}"  # an unnamed card is named by its place
                drawn.append(Group(f"{id}{source}-{target}", (shaft, head), title))
    return drawn


def cards(kit: Kit, items: Sequence[BlueprintItem], width: float) -> list[Block]:
    """The cards of one blueprint cell."""
    return [card(kit, item, width) for item in items]


def card(kit: Kit, item: BlueprintItem, width: float) -> Block:
    """A blueprint item: its text, and under it who does it."""
    inner_w = width - 2 * kit.gap
    parts = [kit.text(item.text, inner_w)]
    if item.actor:
        parts.append(kit.text(item.actor, inner_w, font="small", bold=True, cls="t-muted"))
    return framed(stack(parts, 2, inner_w), "card", pad_x=kit.gap, pad_y=kit.gap * 0.75, radius=kit.theme.radius,
                  width=width)
