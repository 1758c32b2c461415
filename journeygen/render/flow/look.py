"""A Theme -> the colours, fonts and shared attributes of the Graphviz flow view."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

from journeygen.layout.keys import Channel, channel_key, channels, emotion_kind
from journeygen.spec.model import DEFAULT_SCALE, EmotionScale
from journeygen.theme.colour import mix
from journeygen.theme.model import FONT_STACK_FIRST

if TYPE_CHECKING:
    from collections.abc import Mapping

    from journeygen.spec.model import Journey, Persona, Stage
    from journeygen.theme import Theme

FONT = FONT_STACK_FIRST
STAGE_TINT = 0.16
"""How much of a neutral stage's emotion colour fills its box: enough to see, light enough for text."""
STRONGER_TINT = 0.06
"""Added per step away from neutral, so a 1 or a 5 reads stronger than a 2 or a 4."""
NODE_TINT = 0.16


@dataclass(frozen=True)
class Look:
    """Everything the flow view takes from the theme, resolved to 6-digit hex colours."""

    theme: Theme
    channels: Mapping[str, Channel]
    """Channel key -> its palette slot, the same slot the SVG map gives it."""
    personas: tuple[Persona, ...]
    """The personas drawn: every persona of the map, or the one picked with ``--persona``."""
    picked: bool = False
    """True when ``--persona`` picked one: the title names it, so stage headers need not."""
    scale: EmotionScale = DEFAULT_SCALE
    """The map's emotion scale: where a score sits between its worst and best."""

    def emotion(self, score: float) -> str:
        """The colour of a score's bucket (negative, neutral, positive), as on the map."""
        t = self.theme
        kind = emotion_kind(self.scale.five(score))
        return {"neg": t.emotion_negative, "neu": t.emotion_neutral, "pos": t.emotion_positive}[kind]

    def tint(self, colour: str, amount: float = NODE_TINT) -> str:
        """``colour`` laid thinly over the background: a fill dark text stays readable on."""
        return mix(self.theme.background, colour, amount)

    def channel(self, name: str | None) -> str:
        """The colour touchpoints of one channel share; the muted ink when no channel is given."""
        found = self.channels.get(channel_key(name))
        return self.theme.channel_palette[found.index] if found else self.theme.muted

    def persona(self, persona: Persona) -> str:
        """The colour of one persona's path and header line, from the theme's persona palette."""
        ids = [p.id for p in self.personas]
        palette = self.theme.persona_palette
        return palette[ids.index(persona.id) % len(palette)]

    def graph_attr(self, rtl: bool) -> dict[str, str]:
        """Attributes of the whole drawing: left to right (right to left for RTL locales)."""
        t = self.theme
        return {"rankdir": "RL" if rtl else "LR", "compound": "true", "newrank": "true", "bgcolor": t.background,
                "fontname": FONT, "fontcolor": t.ink, "fontsize": "12", "labelloc": "t", "labeljust": "c",
                "nodesep": "0.25", "ranksep": "0.55", "pad": "0.3", "outputorder": "edgesfirst"}

    def node_attr(self) -> dict[str, str]:
        """Defaults for every box: rounded, filled, the theme's font and ink."""
        t = self.theme
        return {"shape": "box", "style": "rounded,filled", "fontname": FONT, "fontsize": "11",
                "fontcolor": t.ink, "color": t.grid, "fillcolor": t.surface, "penwidth": "1", "margin": "0.12,0.06"}

    def edge_attr(self) -> dict[str, str]:
        """Defaults for every arrow."""
        t = self.theme
        return {"fontname": FONT, "fontsize": "10", "fontcolor": t.ink, "color": t.ink, "arrowsize": "0.7"}

    def stage_box(self, stage: Stage) -> dict[str, str]:
        """A stage's colours: its emotion as fill and border, a heavy border on a moment of truth."""
        score = self.stage_score(stage)
        edge = self.emotion(score) if score is not None else self.theme.grid
        strength = STAGE_TINT + STRONGER_TINT * abs((self.scale.five(score) if score is not None else 3) - 3)
        attrs = {"style": "rounded,filled", "fillcolor": self.tint(edge, strength), "color": edge,
                 "penwidth": "1.5", "fontname": FONT, "fontsize": "12", "fontcolor": self.theme.ink}
        if stage.moment_of_truth:
            attrs.update(color=self.theme.moment_of_truth, penwidth="4", fontname=f"{FONT} Bold")
        return attrs

    def stage_score(self, stage: Stage) -> float | None:
        """The stage's emotion score, averaged over the drawn personas when given per persona."""
        scores = [e.score for e in (stage.emotion_for(p.id) for p in self.personas) if e is not None]
        return fmean(scores) if scores else None


def look_for(theme: Theme, journey: Journey, personas: tuple[Persona, ...], *, picked: bool) -> Look:
    """The Look of one journey: channel colours follow the order channels first appear in, as on the map."""
    names = [tp.channel for stage in journey.stages for tp in stage.touchpoints if tp.channel]
    return Look(theme, channels(names, len(theme.channel_palette)), personas, picked, journey.emotion_scale)
