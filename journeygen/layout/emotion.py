"""Stage and action emotions of one row of stages -> the emotion lane: curves, faces, labels, baseline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from journeygen.layout.blocks import Block, Kit
from journeygen.layout.cards import evidence_badge, research_notes
from journeygen.layout.keys import emotion_kind
from journeygen.layout.scene import Box, Circle, Group, Item, Path, PathOp
from journeygen.spec.model import DEFAULT_SCALE, EmotionScale, Evidence, Persona, Stage


class Point(NamedTuple):
    """One point of a persona's curve; stage points are faces with a label, action points small dots."""

    x: float
    score: int
    persona: int
    label: str | None = None
    note: str | None = None
    face: bool = True
    evidence: tuple[Evidence, ...] = ()
    assumed: bool = False


class Plot(NamedTuple):
    """The vertical scale of the lane: where each score sits (the scale's max at the top, its min at the bottom)."""

    top: float
    step: float
    radius: float
    scale: EmotionScale = DEFAULT_SCALE

    def y(self, score: int) -> float:
        return self.at_five(self.scale.five(score))

    def at_five(self, five: float) -> float:
        """The height of a place on 1..5 (see EmotionScale.five)."""
        return self.top + (5 - five) * self.step

    @property
    def height(self) -> float:
        return 2 * self.top + 4 * self.step


def plot_for(kit: Kit) -> Plot:
    label = kit.measure.line_height(kit.size("small"))
    radius = kit.size("body") * 0.95
    return Plot(top=kit.pad / 2 + label + radius + 6, step=max(24.0, radius * 2.8), radius=radius, scale=kit.scale)


def face(cx: float, cy: float, r: float, five: float, persona_cls: str = "") -> tuple[Item, ...]:
    """A face whose mouth and brows change with the score's place on 1..5, so it reads in grayscale too."""
    curve = (five - 3) * 0.28 * r
    mouth_y = cy + r * 0.35 - curve / 2
    mouth: PathOp = ("Q", (cx, mouth_y + curve, cx + r * 0.45, mouth_y))
    items: list[Item] = [
        Circle(cx, cy, r, f"face emo-{emotion_kind(five)} {persona_cls}".strip()),
        Circle(cx - r * 0.35, cy - r * 0.25, r * 0.12, "face-eye"),
        Circle(cx + r * 0.35, cy - r * 0.25, r * 0.12, "face-eye"),
        Path((("M", (cx - r * 0.45, mouth_y)), mouth), "face-line"),
    ]
    if five <= 1:
        items.append(Path((("M", (cx - r * 0.55, cy - r * 0.6)), ("L", (cx - r * 0.2, cy - r * 0.45)),
                           ("M", (cx + r * 0.55, cy - r * 0.6)), ("L", (cx + r * 0.2, cy - r * 0.45))), "face-line"))
    return tuple(items)


def points_for(stage: Stage, persona: Persona, index: int, left: float, width: float, offset: float) -> list[Point]:
    """A persona's points in one stage: the stage emotion at the centre, action emotions around it."""
    acts = [a.emotion for a in stage.actions if a.emotion is not None and a.concerns(persona.id)]
    points = [Point(left + width * f + offset, s, index, face=False) for f, s in zip(_fractions(len(acts)), acts,
                                                                                     strict=True)]
    emotion = stage.emotion_for(persona.id)
    if emotion is not None:
        # A feeling shared by every persona is labelled once, at the first persona's face.
        # So are its sources; every persona's face shows that it is assumed.
        own = index == 0 or isinstance(stage.emotion, dict)
        points.append(Point(left + width / 2 + offset, emotion.score, index, emotion.label if own else None,
                            emotion.note, evidence=emotion.evidence if own else (),
                            assumed=emotion.confidence == "assumed"))
    return sorted(points, key=lambda p: p.x)


def _fractions(count: int) -> list[float]:
    """Where action points sit in the column: half before the stage point, half after."""
    before = (count + 1) // 2
    after = count - before
    return [0.1 + 0.3 * (i + 0.5) / before for i in range(before)] + [0.6 + 0.3 * (i + 0.5) / after
                                                                      for i in range(after)]


def scale(kit: Kit) -> Block:
    """Small faces for the top, middle and bottom of the scale at their heights, shown beside the lane's title."""
    plot = plot_for(kit)
    r = plot.radius * 0.6
    items = [item for f in (5, 3, 1) for item in face(r, plot.at_five(f), r, f)]
    return Block(2 * r, plot.height, tuple(items))


def monotone(points: Sequence[tuple[float, float]]) -> tuple[PathOp, ...]:
    """A smooth curve through the points that never overshoots them (monotone cubic, as d3's curveMonotoneX)."""
    if len(points) < 2:
        return ()
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    h = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]
    d = [(ys[i + 1] - ys[i]) / h[i] if h[i] else 0.0 for i in range(len(h))]
    m = [d[0], *(_tangent(h[i - 1], h[i], d[i - 1], d[i]) for i in range(1, len(h))), d[-1]]
    ops: list[PathOp] = [("M", (xs[0], ys[0]))]
    for i, step in enumerate(h):
        ops.append(("C", (xs[i] + step / 3, ys[i] + m[i] * step / 3,
                          xs[i + 1] - step / 3, ys[i + 1] - m[i + 1] * step / 3, xs[i + 1], ys[i + 1])))
    return tuple(ops)


def _tangent(h0: float, h1: float, d0: float, d1: float) -> float:
    if d0 * d1 <= 0:
        return 0.0
    w0, w1 = 2 * h1 + h0, h1 + 2 * h0
    return (w0 + w1) / (w0 / d0 + w1 / d1)


def lane(kit: Kit, stages: Sequence[Stage], personas: Sequence[Persona], pitch: float, prefix: str) -> Block:
    """The emotion lane for stages laid side by side ``pitch`` apart, one curve per persona."""
    plot = plot_for(kit)
    many = len(personas) > 1
    spread = min(plot.radius * 2.2, pitch / (len(personas) + 1))
    points: list[Point] = []
    for p, persona in enumerate(personas):
        offset = (p - (len(personas) - 1) / 2) * spread if many else 0.0
        for c, stage in enumerate(stages):
            points.extend(points_for(stage, persona, p, c * pitch, pitch, offset))
    width = pitch * len(stages)
    items: list[Item] = [Path((("M", (0, plot.at_five(3))), ("L", (width, plot.at_five(3)))), "baseline")]
    for p in range(len(personas)):
        mine = [(pt.x, plot.y(pt.score)) for pt in points if pt.persona == p]
        if len(mine) > 1:
            items.append(Path(monotone(mine), f"curve {kit.persona(p)}" if many else "curve pstroke-0"))
    items.extend(_marks(kit, points, plot, many, prefix))
    labels, bottom = _labels(kit, points, plot, pitch, [p.name for p in personas])
    items.extend(labels)
    return Block(width, max(plot.height, bottom + kit.pad), tuple(items))


def _marks(kit: Kit, points: Sequence[Point], plot: Plot, many: bool, prefix: str) -> list[Item]:
    marks: list[Item] = []
    for n, pt in enumerate(points):
        y = plot.y(pt.score)
        persona_cls = kit.persona(pt.persona).split()[0] if many else ""
        if pt.face:
            rated = f"{kit.words.feeling(kit.scale, pt.score)} ({kit.scale.shown(pt.score)})"
            tip = "; ".join(x for x in (rated, pt.label, pt.note) if x)
            five = kit.scale.five(pt.score)
            drawn = (*face(pt.x, y, plot.radius, five, persona_cls), *_research(kit, pt, y, plot.radius))
            notes = research_notes(kit, pt.evidence, pt.assumed)
            marks.append(Group(f"{prefix}emotion-{n}", drawn, "\n".join([tip, *notes]), role="face"))
        else:
            kind = emotion_kind(kit.scale.five(pt.score))
            marks.append(Circle(pt.x, y, plot.radius * 0.4, f"dot emo-{kind} {persona_cls}".strip()))
    return marks


def _research(kit: Kit, pt: Point, y: float, r: float) -> tuple[Item, ...]:
    """An assumed feeling's face in a dashed ring; a feeling with evidence, its count of sources just under the face
    (the same marks as on cards)."""
    items: tuple[Item, ...] = (Circle(pt.x, y, r + RING, "assumed"),) if pt.assumed else ()
    if pt.evidence:
        box = _badge_box(kit, pt, y, r)
        items += evidence_badge(kit, len(pt.evidence)).at(box.x, box.y)
    return items


RING = 2.5
"""How far outside a face its dashed ring runs."""


def _badge_box(kit: Kit, pt: Point, y: float, r: float) -> Box:
    """Where the count of a feeling's sources goes: centred under the face, over its rim, so that it stays clear
    of the faces of other personas beside it."""
    count = evidence_badge(kit, len(pt.evidence))
    return Box(pt.x - count.width / 2, y + r - 2, count.width, count.height)


def _labels(kit: Kit, points: Sequence[Point], plot: Plot, pitch: float,
            names: Sequence[str]) -> tuple[list[Item], float]:
    """Each label next to its face (above, below, right or left, whichever is free); crowded ones further
    down with a leader line and the persona's name. Returns the items and the lowest label's bottom."""
    r = plot.radius
    taken = [Box(pt.x - r, plot.y(pt.score) - r, 2 * r, 2 * r) for pt in points if pt.face]
    taken += [_badge_box(kit, pt, plot.y(pt.score), r) for pt in points if pt.face and pt.evidence]
    items: list[Item] = []
    bottom = 0.0
    for pt in points:
        if not pt.face or not pt.label:
            continue
        column = Box((pt.x // pitch) * pitch + 2, 0, pitch - 4, plot.height)
        cy = plot.y(pt.score)
        spot = _place(kit, pt.label, pt.x, cy, r, column, taken)
        if spot is None:
            named = f"{names[pt.persona]}: {pt.label}" if len(names) > 1 else pt.label
            spot = _below(kit, named, pt.x, cy + r + 3, column, taken)
            items.append(Path((("M", (pt.x, cy + r)), ("L", (spot.box.x + spot.box.w / 2, spot.box.y))), "leader"))
        taken.append(spot.box)
        bottom = max(bottom, spot.box.bottom)
        items.extend(spot.block.at(spot.box.x, spot.box.y))
    return items, bottom


class _Spot(NamedTuple):  # a record read in this module only: cheaper to create than a frozen dataclass
    block: Block
    box: Box


def _place(kit: Kit, label: str, cx: float, cy: float, r: float, column: Box, taken: list[Box]) -> _Spot | None:
    spots = []
    full = kit.tight_text(label, column.w - 2 * kit.gap, font="small", bold=True, cls="t-label")
    x = min(max(cx - full.width / 2, column.x), column.right - full.width)
    spots.append(_Spot(full, Box(x, cy - r - 3 - full.height, full.width, full.height)))
    spots.append(_Spot(full, Box(x, cy + r + 3, full.width, full.height)))
    side_w = column.right - (cx + r + 4)
    side = kit.tight_text(label, side_w, font="small", bold=True, cls="t-label") if side_w > 2 * kit.gap else None
    if side is not None and side.height <= full.height:  # beside the face only when no word must break there
        spots.append(_Spot(side, Box(cx + r + 4, cy - side.height / 2, side.width, side.height)))
        spots.append(_Spot(side, Box(cx - r - 4 - side.width, cy - side.height / 2, side.width, side.height)))
    for spot in spots:
        inside = spot.box.y >= 0 and spot.box.bottom <= column.bottom and spot.box.x >= column.x - 0.01
        if inside and not any(spot.box.overlaps(t) for t in taken):
            return spot
    return None


def _below(kit: Kit, label: str, cx: float, top: float, column: Box, taken: list[Box]) -> _Spot:
    """The first free place under ``top`` in the column; the lane grows to hold it."""
    block = kit.tight_text(label, column.w - 2 * kit.gap, font="small", bold=True, cls="t-label")
    box = Box(min(max(cx - block.width / 2, column.x), column.right - block.width), top, block.width, block.height)
    while clash := [t for t in taken if box.overlaps(t)]:
        box = Box(box.x, max(t.bottom for t in clash) + 2, box.w, box.h)
    return _Spot(block, box)
