"""Theme sizes + text -> relative blocks (items at the origin with a known size) that layout stacks and places."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from journeygen.layout.scene import Anchor, Box, Font, Group, GroupRole, Item, Rect, Shifted, Text
from journeygen.layout.text import Measurer
from journeygen.layout.words import Words
from journeygen.spec.model import DEFAULT_SCALE, EmotionScale
from journeygen.theme import Theme


class Block(NamedTuple):
    """Items drawn relative to (0, 0), occupying ``width`` x ``height``."""

    width: float
    height: float
    items: tuple[Item, ...]

    def at(self, x: float, y: float) -> tuple[Item, ...]:
        """The items moved so the block's top-left corner is at (x, y)."""
        return (Shifted(x, y, self.items),) if x or y else self.items

    def shifted(self, dx: float, dy: float) -> Block:
        """The same block with (dx, dy) of empty space before it."""
        return Block(self.width + dx, self.height + dy, self.at(dx, dy))

    def grouped(self, id: str, title: str | None = None, link: str | None = None,
                role: GroupRole | None = None) -> Block:
        return Block(self.width, self.height, (Group(id, self.items, title, link=link, role=role),))


EMPTY = Block(0, 0, ())
SLACK = 2.0
"""Pixels kept free at the end of each line: browsers round glyph boxes and some glyphs overhang their advance."""
DASHES = 4
"""How many dash patterns tell persona curves apart without colour."""


class Kit(NamedTuple):
    """What every layout step needs: the theme's sizes and a text measurer."""

    theme: Theme
    measure: Measurer
    words: Words
    rtl: bool = False
    scale: EmotionScale = DEFAULT_SCALE

    def size(self, font: Font) -> float:
        return {"title": self.theme.title_size, "heading": self.theme.heading_size,
                "body": self.theme.font_size, "small": self.theme.small_size}[font]

    def persona(self, index: int) -> str:
        """The stroke colour and dash classes of a persona's curve (colours and dashes repeat)."""
        return f"pstroke-{index % len(self.theme.persona_palette)} dash-{index % DASHES}"

    @property
    def pad(self) -> float:
        return self.theme.padding

    @property
    def gap(self) -> float:
        return self.theme.gap

    def text(self, text: str, width: float, *, font: Font = "body", bold: bool = False, cls: str = "t-ink",
             anchor: Anchor = "left") -> Block:
        """Wrapped text filling at most ``width``; the block is exactly as wide as ``width``."""
        size = self.size(font)
        lines = self.measure.wrap(text, max(width - SLACK, size), size, bold)
        step = self.measure.line_height(size)
        first = self.measure.baseline(size, bold)
        x = {"left": 0.0, "center": width / 2, "right": width}[anchor]
        height = step * len(lines)
        box = Box(0, 0, width, height)
        item = Text(lines, x, tuple(first + i * step for i in range(len(lines))), anchor, font, bold, size, cls, box)
        return Block(width, height, (item,))

    def tight_text(self, text: str, max_width: float, *, font: Font = "body", bold: bool = False,
                   cls: str = "t-ink") -> Block:
        """Left-aligned text whose block is only as wide as its longest line."""
        size = self.size(font)
        lines = self.measure.wrap(text, max(max_width - SLACK, size), size, bold)
        width = min(max_width, max(self.measure.width(line, size, bold) for line in lines) + SLACK)
        return self.text(text, width, font=font, bold=bold, cls=cls)


def stack(blocks: Sequence[Block], gap: float, width: float | None = None) -> Block:
    """Blocks one under the other, left-aligned, ``gap`` apart (empty blocks skipped)."""
    shown = [b for b in blocks if b.height > 0 or b.items]
    items: list[Item] = []
    y = 0.0
    for block in shown:
        items.extend(block.at(0, y))
        y += block.height + gap
    height = max(0.0, y - gap) if shown else 0.0
    return Block(width if width is not None else max((b.width for b in shown), default=0), height, tuple(items))


def row(blocks: Sequence[Block], gap: float, align_middle: bool = True) -> Block:
    """Blocks side by side, ``gap`` apart, vertically centred on the tallest."""
    height = max((b.height for b in blocks), default=0)
    items: list[Item] = []
    x = 0.0
    for block in blocks:
        items.extend(block.at(x, (height - block.height) / 2 if align_middle else 0))
        x += block.width + gap
    return Block(max(0.0, x - gap), height, tuple(items))


def framed(inner: Block, cls: str, *, pad_x: float, pad_y: float, radius: float, width: float | None = None) -> Block:
    """``inner`` on a rectangle of style ``cls`` with padding."""
    w = width if width is not None else inner.width + 2 * pad_x
    h = inner.height + 2 * pad_y
    return Block(w, h, (Rect(Box(0, 0, w, h), cls, radius), *inner.at(pad_x, pad_y)))


def flow(blocks: Sequence[Block], width: float, gap_x: float, gap_y: float) -> Block:
    """Blocks left to right, wrapping to a new line when ``width`` is full."""
    items: list[Item] = []
    x = y = line_h = 0.0
    for block in blocks:
        if x > 0 and x + block.width > width:
            x, y, line_h = 0.0, y + line_h + gap_y, 0.0
        items.extend(block.at(x, y))
        x += block.width + gap_x
        line_h = max(line_h, block.height)
    return Block(width, y + line_h, tuple(items))
