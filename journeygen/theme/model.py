"""Theme data -> the frozen Theme: fixed semantic slots, every colour as lowercase ``#rrggbb``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, create_model

from journeygen.theme.colour import normalise

FONT_STACK_FIRST = "DejaVu Sans"
"""The bundled font the layout measures text with; it must lead every font stack."""
_FONT_STACK = re.compile(r"^[A-Za-z0-9 ,'\"-]+$")


def _colour(value: Any) -> str:
    if value is None:
        raise ValueError('expected a colour in quotes, like "#rrggbb" (an unquoted # starts a YAML comment)')
    if not isinstance(value, str):
        raise ValueError(f'expected a colour written "#rrggbb" or "#rgb", got {getattr(value, "source", value)}')
    return normalise(value)


def _pixels(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            shown = getattr(value, "source", repr(value))
            raise ValueError(f"expected a number of pixels from {low:g} to {high:g}, got {shown}")
        return float(value)
    return check


def _at_least(count: int) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    def check(value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) < count:
            raise ValueError(f"needs at least {count} colours, got {len(value)}")
        return value
    return check


def _font_stack(value: str) -> str:
    if not _FONT_STACK.match(value):
        raise ValueError("a font stack holds font names, quotes, spaces, commas and hyphens only")
    if not value.strip("'\" ").startswith(FONT_STACK_FIRST):
        raise ValueError(f"the font stack must start with '{FONT_STACK_FIRST}' (the font the map is measured with)")
    return value


Colour = Annotated[str, BeforeValidator(_colour)]
FontPx = Annotated[float, BeforeValidator(_pixels(6, 96))]
Px = Annotated[float, BeforeValidator(_pixels(0, 2000))]
Palette8 = Annotated[tuple[Colour, ...], AfterValidator(_at_least(8))]
Palette4 = Annotated[tuple[Colour, ...], AfterValidator(_at_least(4))]
FontStack = Annotated[str, AfterValidator(_font_stack)]


class Theme(BaseModel):
    """Every slot a renderer may use; renderers take colours from here only."""

    # Built only from slots ThemeFile has validated (see catalog.from_document), so its own validator
    # is never needed: deferring it saves building a second schema of 40 fields at every start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str
    """The built-in name, or the theme file's stem."""
    description: str = ""
    """One line shown by `journeygen themes`."""
    background: Colour
    """The page behind everything (seed)."""
    surface: Colour
    """Cards and chips that sit on the background."""
    ink: Colour
    """Body text and strong lines (seed)."""
    muted: Colour
    """Secondary text: descriptions, owners, dates, axis labels."""
    grid: Colour
    """Cell borders and card outlines."""
    accent: Colour
    """The brand colour: highlights, links, moment-of-truth marks (seed)."""
    header_background: Colour
    """The title band."""
    header_ink: Colour
    """Text on the title band."""
    lane_title_background: Colour
    """The column of lane titles."""
    lane_title_ink: Colour
    """Lane title text."""
    lane_fill: Colour
    """The first, third, fifth ... lane."""
    lane_fill_alt: Colour
    """The second, fourth ... lane, so rows read apart."""
    emotion_negative: Colour
    """Scores 1-2 on the emotion curve (seed)."""
    emotion_neutral: Colour
    """Score 3 on the curve, and the neutral baseline."""
    emotion_positive: Colour
    """Scores 4-5 on the emotion curve (seed)."""
    pain_background: Colour
    """Pain point cards."""
    pain_ink: Colour
    """Text on pain point cards."""
    idea_background: Colour
    """Idea cards."""
    idea_ink: Colour
    """Text on idea cards."""
    metric_ahead: Colour
    """A metric that meets its target (text on surface)."""
    metric_behind: Colour
    """A metric that misses its target (text on surface)."""
    moment_of_truth: Colour
    """The marker on a moment-of-truth stage."""
    transition: Colour
    """Arrows of non-linear transitions between stages."""
    badge_ink: Colour
    """Text and icons on channel chips (drawn on channel_palette colours)."""
    channel_palette: Palette8
    """Channel colours in order of first use; a channel keeps its colour across the map."""
    persona_palette: Palette4
    """One emotion curve colour per persona."""
    font_family: FontStack = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
    """CSS font stack; DejaVu Sans (bundled, used for measuring) must come first."""
    font_size: FontPx = 13.0
    """Body text, px."""
    title_size: FontPx = 26.0
    """The map title, px."""
    heading_size: FontPx = 15.0
    """Stage names and lane titles, px."""
    small_size: FontPx = 11.0
    """Notes, owners, dates, labels on the curve, px."""
    padding: Px = 10.0
    """Inside a cell or card, px."""
    gap: Px = 8.0
    """Between cards in a cell, px."""
    radius: Px = 6.0
    """Corner radius of cards and chips, px."""
    lane_title_width: Px = 150.0
    """Width of the lane title column, px."""
    stage_width: Px = 220.0
    """Width of one stage column, px."""
    line_width: Px = 1.0
    """Cell borders, card outlines and the baseline, px."""
    curve_width: Px = 2.5
    """The emotion curve and transition arrows, px."""

    def colour_slots(self) -> dict[str, str]:
        """Every single-colour slot by name."""
        return {name: getattr(self, name) for name in COLOUR_SLOTS}

    def pairs(self, table: tuple[tuple[str, str], ...]) -> Iterator[tuple[str, str, str, str]]:
        """(foreground slot, background slot, foreground, background), a palette slot giving one row per colour."""
        for fg_slot, bg_slot in table:
            for fg_name, fg in self._expand(fg_slot):
                for bg_name, bg in self._expand(bg_slot):
                    yield fg_name, bg_name, fg, bg

    def _expand(self, slot: str) -> list[tuple[str, str]]:
        value = getattr(self, slot)
        return [(f"{slot}[{i}]", c) for i, c in enumerate(value)] if isinstance(value, tuple) else [(slot, value)]


COLOUR_SLOTS: tuple[str, ...] = tuple(
    name for name, field in Theme.model_fields.items()
    if any(isinstance(m, BeforeValidator) and m.func is _colour for m in field.metadata)
)
SEEDS: tuple[str, ...] = ("background", "ink", "accent", "emotion_negative", "emotion_positive")
"""The slots a theme without ``extends`` must set; every other colour can be derived from them."""

_BACKGROUNDS = ("background", "surface", "lane_fill", "lane_fill_alt")
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((text, bg) for text in ("ink", "muted") for bg in _BACKGROUNDS),
    ("header_ink", "header_background"),
    ("lane_title_ink", "lane_title_background"),
    ("pain_ink", "pain_background"),
    ("idea_ink", "idea_background"),
    ("metric_ahead", "surface"),
    ("metric_behind", "surface"),
    ("badge_ink", "channel_palette"),
)
"""(text slot, background slot) drawn as text: each must reach WCAG AA 4.5:1; a palette means each colour."""
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (mark, lane)
    for mark in ("emotion_negative", "emotion_neutral", "emotion_positive", "persona_palette")
    for lane in ("lane_fill", "lane_fill_alt")
)
"""(mark slot, background slot) drawn as curves and markers: each must reach 3:1 (WCAG non-text contrast)."""


def _file_model() -> type[BaseModel]:
    fields: dict[str, Any] = {
        # Unset slots default to None, but a slot written empty is an error (unquoted '#' starts a comment).
        "extends": (str, None),
        **{name: (f.rebuild_annotation(), None) for name, f in Theme.model_fields.items() if name != "name"},
    }
    return create_model("ThemeFile", __config__=ConfigDict(extra="forbid", frozen=True), **fields)


ThemeFile = _file_model()
"""What a theme file may hold: any slot (all optional), a description, and ``extends: <built-in>``."""
