"""Positioned drawing items -> the frozen Scene every renderer draws (plus translate, mirror, JSON).

The items are NamedTuples (a frozen dataclass costs eight times as much to define, at every start); copy one
with a change as ``item._replace(field=value)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from journeygen.numbers import num

Anchor = Literal["left", "center", "right"]
Font = Literal["title", "heading", "body", "small"]


class Box(NamedTuple):
    """An axis-aligned rectangle in pixels."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def mirrored(self, width: float) -> Box:
        return Box(width - self.x - self.w, self.y, self.w, self.h)

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


class Rect(NamedTuple):
    """A filled rectangle; ``cls`` names its style in the theme's stylesheet."""

    box: Box
    cls: str
    radius: float = 0

    def moved(self, dx: float, dy: float) -> Rect:
        return self._replace(box=self.box.moved(dx, dy))

    def mirrored(self, width: float) -> Rect:
        return self._replace(box=self.box.mirrored(width))


class Text(NamedTuple):
    """Already-wrapped lines: ``x`` is the anchor, ``baselines`` one y per line, ``box`` the cell it must fit."""

    lines: tuple[str, ...]
    x: float
    baselines: tuple[float, ...]
    anchor: Anchor
    font: Font
    bold: bool
    size: float
    cls: str
    box: Box

    def moved(self, dx: float, dy: float) -> Text:
        return self._replace(x=self.x + dx, baselines=tuple(b + dy for b in self.baselines),
                       box=self.box.moved(dx, dy))

    def mirrored(self, width: float) -> Text:
        flipped: Anchor = {"left": "right", "right": "left", "center": "center"}[self.anchor]  # type: ignore[assignment]
        return self._replace(x=width - self.x, anchor=flipped, box=self.box.mirrored(width))


PathOp = tuple[str, tuple[float, ...]]
"""One SVG path command with absolute coordinates: ("M", (x, y)), ("C", (x1, y1, x2, y2, x, y)), ("Z", ())."""


class Path(NamedTuple):
    """A stroked or filled outline made of absolute M/L/C/Q/Z commands."""

    ops: tuple[PathOp, ...]
    cls: str

    def moved(self, dx: float, dy: float) -> Path:
        return self._replace(ops=tuple((op, _shift(pts, dx, dy)) for op, pts in self.ops))

    def mirrored(self, width: float) -> Path:
        return self._replace(ops=tuple((op, _flip(pts, width)) for op, pts in self.ops))


def _shift(points: tuple[float, ...], dx: float, dy: float) -> tuple[float, ...]:
    return tuple(v + (dx if i % 2 == 0 else dy) for i, v in enumerate(points))


def _flip(points: tuple[float, ...], width: float) -> tuple[float, ...]:
    return tuple(width - v if i % 2 == 0 else v for i, v in enumerate(points))


class Circle(NamedTuple):
    """A circle (emotion points, avatars, channel dots)."""

    cx: float
    cy: float
    r: float
    cls: str

    def moved(self, dx: float, dy: float) -> Circle:
        return self._replace(cx=self.cx + dx, cy=self.cy + dy)

    def mirrored(self, width: float) -> Circle:
        return self._replace(cx=width - self.cx)


class Image(NamedTuple):
    """An embedded raster image (a data URI), clipped to a circle of the box."""

    box: Box
    href: str

    def moved(self, dx: float, dy: float) -> Image:
        return self._replace(box=self.box.moved(dx, dy))

    def mirrored(self, width: float) -> Image:
        return self._replace(box=self.box.mirrored(width))


GroupRole = Literal["face", "micro"]
"""A stage's emotion face; a micro-journey's block."""


class Group(NamedTuple):
    """Items that belong together (a stage, a lane cell, a card); ``id`` comes from spec ids."""

    id: str
    items: tuple[Item, ...]
    title: str | None = None
    opacity: float | None = None
    """Drawn faded (0 to 1): the as-is curves under a compare map."""
    link: str | None = None
    """Another map of the project this group opens (a linked micro-journey or stage link): its spec's path,
    relative to this map's; the SVG links to its rendering beside it, a PDF pack to its pages."""
    role: GroupRole | None = None
    """What the group is, for views that pick items from a Scene (the compare map fades the as-is faces
    and leaves micro-journeys out); not drawn."""

    def moved(self, dx: float, dy: float) -> Group:
        return self._replace(items=tuple(i.moved(dx, dy) for i in self.items))

    def mirrored(self, width: float) -> Group:
        return self._replace(items=tuple(i.mirrored(width) for i in self.items))


class Shifted(NamedTuple):
    """Items still to be moved by (dx, dy): layout nests these cheaply; ``resolved`` removes them."""

    dx: float
    dy: float
    items: tuple[Item, ...]

    def moved(self, dx: float, dy: float) -> Shifted:
        return Shifted(self.dx + dx, self.dy + dy, self.items)

    def mirrored(self, width: float) -> Item:
        raise TypeError("resolve Shifted items before mirroring")


Item = Rect | Text | Path | Circle | Image | Group | Shifted


def unique_ids(items: tuple[Item, ...], seen: set[str] | None = None) -> tuple[Item, ...]:
    """Group ids made unique in drawing order (``x``, ``x-2`` ...): spec ids joined with ``-`` can coincide."""
    seen = set() if seen is None else seen
    out: list[Item] = []
    for item in items:
        if isinstance(item, Group):
            new_id, n = item.id, 1
            while new_id in seen:
                n += 1
                new_id = f"{item.id}-{n}"
            seen.add(new_id)
            item = item._replace(id=new_id, items=unique_ids(item.items, seen))
        out.append(item)
    return tuple(out)


def resolved(items: tuple[Item, ...], dx: float = 0, dy: float = 0) -> tuple[Item, ...]:
    """Items with every Shifted applied: absolute coordinates, as a Scene holds them."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Shifted):
            out.extend(resolved(item.items, dx + item.dx, dy + item.dy))
        elif isinstance(item, Group):
            out.append(item._replace(items=resolved(item.items, dx, dy)))
        else:
            out.append(item.moved(dx, dy) if dx or dy else item)
    return tuple(out)


class Scene(NamedTuple):
    """A fully positioned map: renderers only draw it, they never measure or place."""

    width: float
    height: float
    items: tuple[Item, ...]
    title: str
    description: str
    lang: str = "en"
    rtl: bool = False
    id_prefix: str = "jg-"
    channels: tuple[str, ...] = ()

    def mirrored(self) -> Scene:
        """The right-to-left map: every x reflected once, text anchors swapped."""
        return self._replace(items=tuple(i.mirrored(self.width) for i in self.items), rtl=not self.rtl)

    def map_text(self, fn: Callable[[str], str]) -> Scene:
        """A copy where every drawn line of text (not the title or summary) is ``fn(line)``."""
        return self._replace(items=tuple(_map_text(i, fn) for i in self.items))

    def texts(self) -> tuple[Text, ...]:
        """Every text block in drawing order."""
        return tuple(_texts(self.items))

    def to_json(self) -> str:
        """A stable JSON form for golden tests: one drawn item per line, each naming its enclosing groups."""
        import json  # a render draws the Scene without writing it as JSON

        meta = {name: _plain(getattr(self, name)) for name in self._fields if name != "items"}
        lines = [json.dumps(entry, ensure_ascii=False) for entry in _flat(self.items, None)]
        head = json.dumps(meta, ensure_ascii=False)[:-1]
        return head + ', "items": [\n' + ",\n".join(lines) + "\n]}\n"


def _map_text(item: Item, fn: Callable[[str], str]) -> Item:
    if isinstance(item, Text):
        return item._replace(lines=tuple(fn(line) for line in item.lines))
    if isinstance(item, Group):
        return item._replace(items=tuple(_map_text(i, fn) for i in item.items))
    return item


def _texts(items: tuple[Item, ...]) -> list[Text]:
    found: list[Text] = []
    for item in items:
        if isinstance(item, Text):
            found.append(item)
        elif isinstance(item, Group):
            found.extend(_texts(item.items))
    return found


def _flat(items: tuple[Item, ...], parent: str | None) -> list[object]:
    entries: list[object] = []
    for item in items:
        if isinstance(item, Group):
            faded = {} if item.opacity is None else {"opacity": num(item.opacity)}
            linked = {} if item.link is None else {"link": item.link}
            entries.append({"kind": "Group", "id": item.id, "title": item.title, **faded, **linked, "in": parent})
            entries.extend(_flat(item.items, item.id))
        else:
            fields = _plain(item)
            assert isinstance(fields, dict)
            entries.append({"kind": type(item).__name__, **fields, "in": parent})
    return entries


def _plain(value: object) -> object:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return num(value)
    if isinstance(value, Box):
        return [num(value.x), num(value.y), num(value.w), num(value.h)]
    if isinstance(value, Rect | Text | Path | Circle | Image):
        return {name: _plain(getattr(value, name)) for name in value._fields}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value
