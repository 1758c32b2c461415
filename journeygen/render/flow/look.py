"""A Theme -> the colours, fonts and shared attributes of the Graphviz flow view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

from journeygen.theme.colour import mix
from journeygen.theme.model import FONT_STACK_FIRST

if TYPE_CHECKING:
    from journeygen.spec.model import Journey, Stage
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
    channels: tuple[tuple[str, str], ...]
    """(channel, colour) in order of first appearance in the journey."""

    def emotion(self, score: float) -> str:
        """The map's emotion scale: below 3 negative, 3 neutral, above 3 positive."""
        t = self.theme
        return t.emotion_negative if score < 3 else t.emotion_positive if score > 3 else t.emotion_neutral

    def tint(self, colour: str, amount: float = NODE_TINT) -> str:
        """``colour`` laid thinly over the background: a fill dark text stays readable on."""
        return mix(self.theme.background, colour, amount)

    def channel(self, name: str | None) -> str:
        """The colour touchpoints of one channel share; the muted ink when no channel is given."""
        return dict(self.channels).get(name or "", self.theme.muted)

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

    def stage_box(self, stage: Stage, journey: Journey) -> dict[str, str]:
        """A stage's colours: its emotion as fill and border, a heavy border on a moment of truth."""
        score = stage_score(stage, journey)
        edge = self.emotion(score) if score is not None else self.theme.grid
        strength = STAGE_TINT + STRONGER_TINT * abs((score or 3) - 3)
        attrs = {"style": "rounded,filled", "fillcolor": self.tint(edge, strength), "color": edge,
                 "penwidth": "1.5", "fontname": FONT, "fontsize": "12", "fontcolor": self.theme.ink}
        if stage.moment_of_truth:
            attrs.update(color=self.theme.moment_of_truth, penwidth="4", fontname=f"{FONT} Bold")
        return attrs


def look_for(theme: Theme, journey: Journey) -> Look:
    """The Look of one journey: channel colours follow the order channels first appear in."""
    names = dict.fromkeys(tp.channel for stage in journey.stages for tp in stage.touchpoints if tp.channel)
    palette = theme.channel_palette
    return Look(theme, tuple((name, palette[k % len(palette)]) for k, name in enumerate(names)))


def stage_score(stage: Stage, journey: Journey) -> float | None:
    """The stage's emotion score, averaged over personas when given per persona."""
    scores = [e.score for e in (stage.emotion_for(p.id) for p in journey.personas) if e is not None]
    return fmean(scores) if scores else None


def emotion_lines(stage: Stage, journey: Journey) -> Iterable[str]:
    """How the stage feels, as text under its name: ``curious · 3/5``, or one line per persona."""
    several = isinstance(stage.emotion, dict)
    for persona in journey.personas if several else journey.personas[:1]:
        emotion = stage.emotion_for(persona.id)
        if emotion is None:
            continue
        words = [persona.name] if several else []
        words += [emotion.label] if emotion.label else []
        yield " · ".join([*words, f"{emotion.score}/5"])
