"""Transitions within one row of stages -> a band of labelled arrows, one track each (backward ones dashed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from journeygen.layout.blocks import Block, Kit, stack
from journeygen.layout.scene import Group, Item, Path, PathOp

DROP = 16.0
CORNER = 8.0
HEAD = 9.0


class Arrow(NamedTuple):
    """A transition resolved to columns of the row (``None`` when that end is in another row)."""

    source: int | None
    target: int | None
    label: str
    back: bool
    id: str
    source_name: str
    target_name: str


def band(kit: Kit, arrows: Sequence[Arrow], pitch: float, width: float, rtl: bool = False) -> Block:
    """Arrows drawn under the lanes, shortest first; arrows to other rows become a written list."""
    local = sorted((a for a in arrows if a.source is not None and a.target is not None),
                   key=lambda a: (abs((a.source or 0) - (a.target or 0)), a.source, a.target))
    parts = [_track(kit, a, pitch, width) for a in local]
    far = [a for a in arrows if a.source is None or a.target is None]
    for arrow in far:
        # Written in the map's reading direction, so the arrow must point that way once mirrored.
        text = f"{arrow.source_name} {'←' if rtl else '→'} {arrow.target_name}: {arrow.label}"
        parts.append(kit.text(text, width - 2 * kit.pad).shifted(kit.pad, 0).grouped(arrow.id, arrow.label))
    return stack(parts, kit.gap / 2)


def _track(kit: Kit, arrow: Arrow, pitch: float, width: float) -> Block:
    s, t = arrow.source or 0, arrow.target or 0
    x1, x2 = s * pitch + pitch / 2 - 12, t * pitch + pitch / 2 + 12
    if s == t:
        x1, x2 = s * pitch + pitch / 2 - pitch / 4, s * pitch + pitch / 2 + pitch / 4
    span = abs(x2 - x1)
    label_w = max(span - 2 * kit.pad, pitch - 2 * kit.pad)
    label = kit.text(arrow.label, label_w, cls="t-ink", anchor="center")
    left = min(max((x1 + x2) / 2 - label_w / 2, kit.pad), width - label_w - kit.pad)
    cls = "transition back" if arrow.back else "transition"
    items: tuple[Item, ...] = (Path(_route(x1, x2), cls), _head(x2), *label.at(left, DROP + 4))
    return Block(width, DROP + 4 + label.height + 4, (Group(arrow.id, items, arrow.label),))


def _route(x1: float, x2: float) -> tuple[PathOp, ...]:
    """Down from the source column, along, and up into the target column, with rounded corners."""
    sign = 1 if x2 > x1 else -1
    return (("M", (x1, 0)), ("L", (x1, DROP - CORNER)), ("Q", (x1, DROP, x1 + sign * CORNER, DROP)),
            ("L", (x2 - sign * CORNER, DROP)), ("Q", (x2, DROP, x2, DROP - CORNER)), ("L", (x2, HEAD)))


def _head(x: float) -> Path:
    return Path((("M", (x, 0)), ("L", (x + 5, HEAD + 1)), ("L", (x - 5, HEAD + 1)), ("Z", ())), "arrowhead")
