"""A Journey and its render options -> everything the formats draw from, each worked out once.

The theme is resolved, the persona photos read and every Scene laid out the first time a format asks
for it; a render of several formats then shares them (the SVG and the PDF draw the same map).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from journeygen.options import RenderOptions
from journeygen.spec.model import Journey

if TYPE_CHECKING:  # the layout engine (and HarfBuzz) loads when a format first asks for a Scene
    from journeygen.layout.scene import Scene
    from journeygen.layout.text import Measurer
    from journeygen.theme import Theme

SceneKey = tuple[int | None, bool]
"""What a map layout depends on beyond the journey and theme: the row width, and the micro-journeys."""


@dataclass
class Prepared:
    """One journey made ready to draw, with the options of this render."""

    journey: Journey
    options: RenderOptions = field(default_factory=RenderOptions)
    _scenes: dict[SceneKey, Scene] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def theme(self) -> Theme:
        """The theme this render uses (``--theme`` over the spec's ``theme``)."""
        from journeygen.theme import theme_for

        return theme_for(self.journey, self.options)

    @cached_property
    def photos(self) -> dict[str, str]:
        """Each persona with a photo -> its data URI, read once."""
        from journeygen.assets import persona_photos

        return persona_photos(self.journey, self.options.base_dir)

    @cached_property
    def drawing_notes(self) -> tuple[str, ...]:
        """What a format drawn with the bundled fonts shows otherwise than written (a character they lack)."""
        from journeygen.layout.glyphs import notes

        return tuple(notes(self.journey))

    @cached_property
    def drawing_warnings(self) -> tuple[str, ...]:
        """What may be hard to read in a drawn format: the theme's text below WCAG AA contrast."""
        from journeygen.theme.notes import contrast_notes

        return tuple(contrast_notes(self.theme))

    @cached_property
    def measure(self) -> Measurer:
        """The one text measurer of this journey's layouts."""
        from journeygen.layout.text import Measurer

        return Measurer()

    @property
    def scene(self) -> Scene:
        """The swimlane map as the SVG draws it (rows per ``max_width``, micro-journeys below)."""
        return self.map_scene(self.options.max_width)

    def map_scene(self, max_width: int | None, *, micro_journeys: bool = True) -> Scene:
        """The map in rows no wider than ``max_width`` px, laid out once per width and variant."""
        from journeygen.layout.map import lay_out, lay_out_personas

        key = (max_width, micro_journeys)
        if key not in self._scenes and self.options.persona_page:
            self._scenes[key] = lay_out_personas(self.journey, self.theme, photos=self.photos, measure=self.measure)
        if key not in self._scenes:
            self._scenes[key] = lay_out(self.journey, self.theme, max_width=max_width, photos=self.photos,
                                        micro_journeys=micro_journeys, measure=self.measure)
        return self._scenes[key]

    @cached_property
    def micro_scenes(self) -> tuple[Scene, ...]:
        """Each micro-journey as a small map of its own, in stage order."""
        from journeygen.layout.map import lay_out_micro_journey

        return tuple(lay_out_micro_journey(stage, micro, self.theme, locale=self.journey.locale,
                                              scale=self.journey.emotion_scale,
                                           rtl=self.journey.rtl, measure=self.measure)
                     for stage in self.journey.stages for micro in stage.micro_journeys)
