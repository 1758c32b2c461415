"""The positioned Scene: order of stages and lanes, growth of cells, rows, right-to-left, micro-journeys."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from journeygen.api import load, loads
from journeygen.layout.map import lay_out, lay_out_micro_journey
from journeygen.layout.scene import Group, Item, Scene, Text
from journeygen.layout.text import Measurer
from journeygen.theme import load_theme

THEME = load_theme(None, None)
MAPS = ROOT / "tests" / "layout" / "maps"


def groups(scene: Scene) -> dict[str, Group]:
    found: dict[str, Group] = {}

    def walk(items: tuple[Item, ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                assert item.id not in found, f"duplicate id {item.id}"
                found[item.id] = item
                walk(item.items)

    walk(scene.items)
    return found


def first_text(group: Group) -> Text:
    return next(t for t in Scene(0, 0, group.items, "", "").texts())


def test_stages_left_to_right_and_lanes_top_to_bottom_in_lane_list_order(shop: Path) -> None:
    journey = load(shop)
    found = groups(lay_out(journey, THEME))
    p = "jg-buying-running-shoes-onl-"
    xs = [first_text(found[f"{p}stage-{s.id}"]).box.x for s in journey.stages]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    ys = [first_text(found[f"{p}lane-{lane.id}"]).box.y for lane in journey.lane_list()]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)


def test_every_line_fits_its_box_by_our_own_measure() -> None:
    measure = Measurer()
    for path in sorted(MAPS.glob("*.yaml")):
        scene = lay_out(load(path), THEME)
        for text in scene.texts():
            for line in text.lines:
                assert measure.width(line, text.size, text.bold) <= text.box.w + 0.01, (path.name, line)


def test_cells_grow_with_their_content() -> None:
    def height(actions: int) -> float:
        items = ", ".join(f"action number {i} with some words to wrap" for i in range(actions))
        spec = f"title: T\npersona: {{name: P}}\nstages: [{{name: S, actions: [{items}]}}]"
        return lay_out(loads(spec), THEME).height

    assert height(1) < height(3) < height(8)


def test_min_cell_height_makes_empty_cells_big_enough_for_sticky_notes() -> None:
    journey = loads("title: T\npersona: {name: P}\nlanes: [actions, ideas]\nstages: [{name: A}, {name: B}]")
    plain, blank = lay_out(journey, THEME), lay_out(journey, THEME, min_cell_height=200)
    assert blank.height >= plain.height + 2 * (200 - 60)


def test_max_width_wraps_stages_into_rows_within_the_width() -> None:
    journey = load(MAPS / "thirty-stages.yaml")
    wide = lay_out(journey, THEME)
    rows = lay_out(journey, THEME, max_width=2000)
    assert wide.width > 6000
    assert rows.width <= 2000
    assert rows.height > 3 * wide.height


def test_thirty_stages_keep_their_width_per_stage_and_font_size() -> None:
    scene = lay_out(load(MAPS / "thirty-stages.yaml"), THEME)
    assert scene.width >= 30 * THEME.stage_width
    assert min(t.size for t in scene.texts()) >= THEME.small_size


def test_right_to_left_mirrors_the_whole_map_once() -> None:
    journey = load(MAPS / "rtl-hebrew.yaml")
    scene = lay_out(journey, THEME)
    assert scene.rtl
    found = groups(scene)
    p = scene.id_prefix
    xs = [first_text(found[f"{p}stage-{s.id}"]).box.x for s in journey.stages]
    assert xs == sorted(xs, reverse=True)
    lane_title = first_text(found[f"{p}lane-actions"])
    assert lane_title.box.right > scene.width - 200
    assert lane_title.anchor == "right"


def test_mirroring_twice_gives_back_the_same_scene(shop: Path) -> None:
    scene = lay_out(load(shop), THEME)
    back = scene.mirrored().mirrored()
    assert not back.rtl
    for a, b in zip(back.texts(), scene.texts(), strict=True):
        assert (a.anchor, a.lines) == (b.anchor, b.lines)
        assert (a.x, a.box.x, a.box.y) == pytest.approx((b.x, b.box.x, b.box.y))


def test_map_text_transforms_every_drawn_line_only(shop: Path) -> None:
    scene = lay_out(load(shop), THEME)
    upper = scene.map_text(str.upper)
    assert [t.lines for t in upper.texts()] == [tuple(x.upper() for x in t.lines) for t in scene.texts()]
    assert upper.title == scene.title
    assert [t.box for t in upper.texts()] == [t.box for t in scene.texts()]


def test_micro_journeys_are_drawn_below_the_main_map(shop: Path) -> None:
    journey = load(shop)
    scene = lay_out(journey, THEME)
    found = groups(scene)
    micro = found[f"{scene.id_prefix}micro-purchase-1"]
    last_lane = found[f"{scene.id_prefix}lane-metrics"]
    assert first_text(micro).box.y > first_text(last_lane).box.bottom
    assert any("Micro-journey: Checkout" in line for t in scene.texts() for line in t.lines)


def test_a_micro_journey_lays_out_as_its_own_small_map(shop: Path) -> None:
    stage = next(s for s in load(shop).stages if s.micro_journeys)
    scene = lay_out_micro_journey(stage, stage.micro_journeys[0], THEME)
    lines = [line for t in scene.texts() for line in t.lines]
    assert "Opens cart" in lines and "Sees confirmation" in lines
    assert scene.width < lay_out(load(shop), THEME).width


def test_a_hebrew_micro_journey_reads_right_to_left_in_hebrew() -> None:
    journey = load(ROOT / "examples" / "clinic-he.journey.yaml")
    stage = next(s for s in journey.stages if s.micro_journeys)
    micro = stage.micro_journeys[0]
    scene = lay_out_micro_journey(stage, micro, THEME, locale=journey.locale, rtl=journey.rtl)
    assert scene.rtl and scene.lang == "he"
    lines = {line: t for t in scene.texts() for line in t.lines}
    assert "Emotions" not in lines and "Touchpoints" not in lines
    first, last = (next(t for line, t in lines.items() if step.name.split()[0] in line)
                   for step in (micro.steps[0], micro.steps[-1]))
    assert first.box.x > last.box.x  # the first step on the right


def test_same_channel_same_badge_everywhere(shop: Path) -> None:
    scene = lay_out(load(shop), THEME)
    badges = [t.lines[0] for t in scene.texts() if t.cls == "t-badge"]
    assert scene.channels == ("social", "word of mouth", "web", "e-mail", "phone")
    assert len(set(badges)) == len(scene.channels)  # one distinct badge per channel


def test_scene_json_is_stable(shop: Path) -> None:
    journey = load(shop)
    assert lay_out(journey, THEME).to_json() == lay_out(journey, THEME).to_json()


@pytest.mark.parametrize("name", ["minimal", "long-words", "hostile", "multi-persona"])
def test_odd_maps_lay_out(name: str) -> None:
    scene = lay_out(load(MAPS / f"{name}.yaml"), THEME)
    assert scene.width > 0 and scene.height > 0


@pytest.mark.parametrize(("locale", "expected"), [
    ("ro", {"Acțiuni", "Momentul adevărului", "țintă 2%"}), ("pl-PL", {"Działania", "Moment prawdy", "cel 2%"}),
    ("he", {"פעולות", "רגע האמת"}), ("fr", {"Actions", "Moment of truth", "target 2%"}),
])
def test_the_words_the_map_adds_follow_the_locale(shop: Path, locale: str, expected: set[str]) -> None:
    text = shop.read_text(encoding="utf-8").replace("locale: en", f"locale: {locale}")
    lines = {line for t in lay_out(loads(text), THEME).texts() for line in t.lines}
    assert expected <= lines


def test_channels_ignore_case_and_spacing_and_badges_use_letters_only() -> None:
    from journeygen.layout.keys import channels

    found = channels(["Web", "web ", "word  of mouth", "<b>app</b>", "!!!"], 8)
    assert list(found) == ["web", "word of mouth", "<b>app</b>", "!!!"]
    assert [c.badge for c in found.values()] == ["W", "WM", "B", "4"]
    assert found["web"].name == "Web"
