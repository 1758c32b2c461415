"""What the map's marks mean (faces, personas, channels, moment of truth, paths) -> the legend block."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from journeygen.layout.blocks import Block, Kit, flow, row
from journeygen.layout.cards import badge, evidence_badge, warning
from journeygen.layout.emotion import face
from journeygen.layout.keys import Channel
from journeygen.layout.scene import Box, Path, Rect


class Needs(NamedTuple):
    """Which legend entries this map uses."""

    emotions: bool
    personas: Sequence[str]
    channels: Mapping[str, Channel]
    moment_of_truth: bool
    forward: bool
    backward: bool
    pains: bool
    assumed: bool = False
    evidence: bool = False


def legend(kit: Kit, needs: Needs, width: float) -> Block:
    """Entries (mark + words) flowing left to right, wrapping at ``width``."""
    entries: list[Block] = []
    if needs.emotions:
        entries.extend(_scale_entries(kit))
    if len(needs.personas) > 1:
        entries.extend(_entry(kit, _line(f"curve {kit.persona(i)}"), n) for i, n in enumerate(needs.personas))
    entries.extend(_entry(kit, badge(kit, ch), ch.name) for ch in needs.channels.values())
    if needs.pains:
        entries.append(_entry(kit, warning(kit.size("body")), kit.words.pain_point))
    if needs.assumed:
        entries.append(_entry(kit, _dashed(kit), kit.words.assumed))
    if needs.evidence:
        entries.append(_entry(kit, evidence_badge(kit, 2), kit.words.sources))
    if needs.moment_of_truth:
        entries.append(_entry(kit, star(kit.size("heading"), "mot-star"), kit.words.moment_of_truth.lower()))
    if needs.forward:
        entries.append(_entry(kit, _arrow("transition"), kit.words.skips))
    if needs.backward:
        entries.append(_entry(kit, _arrow("transition back"), kit.words.back))
    return flow(entries, width, kit.pad * 1.5, kit.gap)


def _entry(kit: Kit, mark: Block, words: str) -> Block:
    label = kit.tight_text(words, 220, font="small", cls="t-muted")
    return row([mark, label], kit.gap / 1.5)


def _dashed(kit: Kit) -> Block:
    height = kit.size("body") * 1.2
    return Block(28, height, (Rect(Box(0, 0, 28, height), "card", kit.theme.radius),
                              Rect(Box(0, 0, 28, height), "assumed", kit.theme.radius)))


def _scale_entries(kit: Kit) -> list[Block]:
    """A face per feeling on 1..5; on a map's own scale, its top, middle (when a score) and bottom, numbered,
    with the end labels when given."""
    scale = kit.scale
    if scale.default and scale.labels.min is None and scale.labels.max is None:
        return [_entry(kit, _face(kit, s), kit.words.score(s)) for s in range(5, 0, -1)]
    return [_entry(kit, _face(kit, scale.five(s)), f"{s} {kit.words.feeling(scale, s)}") for s in scale.landmarks]


def _face(kit: Kit, score: float) -> Block:
    r = kit.size("body") * 0.7
    return Block(2 * r, 2 * r, face(r, r, r, score))


def _line(cls: str) -> Block:
    return Block(32, 10, (Path((("M", (0, 5)), ("L", (32, 5))), cls),))


def _arrow(cls: str) -> Block:
    shaft = Path((("M", (0, 6)), ("L", (26, 6))), cls)
    head = Path((("M", (34, 6)), ("L", (25, 1)), ("L", (25, 11)), ("Z", ())), "arrowhead")
    return Block(34, 12, (shaft, head))


def star(size: float, cls: str) -> Block:
    """A five-pointed star ``size`` wide: the moment-of-truth mark."""
    import math

    r_out, r_in = size / 2, size / 5
    points = []
    for k in range(10):
        radius = r_out if k % 2 == 0 else r_in
        angle = math.pi / 2 + k * math.pi / 5
        points.append((r_out + radius * math.cos(angle), r_out - radius * math.sin(angle)))
    ops = (("M", points[0]), *(("L", p) for p in points[1:]), ("Z", ()))
    return Block(size, size, (Path(ops, cls),))
