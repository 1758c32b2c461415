"""Scene values: the number formatter, moving, mirroring, JSON."""

from __future__ import annotations

import json

from journeygen.layout.scene import Box, Group, Path, Rect, Scene, Shifted, Text, resolved
from journeygen.numbers import num


def test_one_number_formatter_strips_trailing_zeros() -> None:
    assert [num(v) for v in (1.0, 1.5, 1.25, 1.234, -0.001, 0, 100, 2.999)] == \
        ["1", "1.5", "1.25", "1.23", "0", "0", "100", "3"]


def test_shifted_items_resolve_to_absolute_coordinates() -> None:
    rect = Rect(Box(1, 2, 3, 4), "card")
    nested = (Shifted(10, 20, (Group("g", (Shifted(1, 1, (rect,)),)),)),)
    (group,) = resolved(nested)
    assert isinstance(group, Group)
    assert group.items == (Rect(Box(12, 23, 3, 4), "card"),)


def test_mirror_reflects_boxes_paths_and_swaps_anchors() -> None:
    text = Text(("hi",), 10, (20,), "left", "body", False, 13, "t-ink", Box(10, 5, 50, 20))
    path = Path((("M", (0, 0)), ("L", (30, 5))), "curve")
    scene = Scene(100, 50, (text, path), "t", "d").mirrored()
    assert scene.rtl
    mtext, mpath = scene.items
    assert isinstance(mtext, Text) and mtext.anchor == "right" and mtext.x == 90 and mtext.box.x == 40
    assert isinstance(mpath, Path) and mpath.ops == (("M", (100, 0)), ("L", (70, 5)))


def test_json_names_each_item_kind_and_formats_numbers() -> None:
    scene = Scene(100.0, 50.5, (Rect(Box(0, 0, 1.005, 2), "card"),), "t", "d")
    data = json.loads(scene.to_json())
    assert data["width"] == "100" and data["height"] == "50.5"
    assert data["items"][0] == {"kind": "Rect", "box": ["0", "0", "1", "2"], "cls": "card", "radius": "0", "in": None}
