"""A locale -> the words the map itself adds (lane titles, legend, "target", statuses) in that language."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from journeygen.locale import Forms, words
from journeygen.spec.model import EmotionScale, Lane


class Words(NamedTuple):
    """Every word the layout draws that does not come from the spec."""

    moment_of_truth: str
    micro: str
    micro_in: str
    quote: str
    """A quote in the language's quotation marks (CLDR's: “ ” in English, „ ” in Romanian and Polish, ” ” in
    Hebrew), ``{quote}`` where it goes."""
    via: str
    due: str
    impact: tuple[str, str, str]
    effort: tuple[str, str, str]
    status: dict[str, str]
    target: str
    ahead: str
    behind: str
    goals: str
    frustrations: str
    channels: str
    paths: str
    steps: str
    scores: tuple[str, str, str, str, str]
    pain_point: str
    skips: str
    back: str
    lanes: dict[str, str]
    lines: tuple[str, str, str]
    triggers: str
    evidence: str
    assumed: str
    sources: str
    summary: str
    stage_count: Forms
    feels: str
    of_five: str
    of_scale: str
    path: str
    micro_journeys: str

    def quoted(self, text: str) -> str:
        """A quote (a persona's, an evidence source's) between the language's quotation marks."""
        return self.quote.format(quote=text)

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]

    def lane(self, lane: Lane) -> str:
        """A lane's title: the spec's own, else this language's word for a built-in lane."""
        return lane.title or self.lanes.get(lane.id) or lane.label

    def idea_status(self, status: str) -> str:
        """The word for an idea's status (a status journeygen does not know is shown as written)."""
        return self.status.get(status, status)

    def score(self, score: int) -> str:
        """The word for a place on journeygen's 1..5 (see EmotionScale.nearest_five)."""
        return self.scores[score - 1]

    def feeling(self, scale: EmotionScale, score: int) -> str:
        """The word for a score on the map's scale: the scale's label at an end, else the feeling nearest its
        place on 1..5."""
        return scale.label(score) or self.score(scale.nearest_five(score))

    def rated(self, scale: EmotionScale, score: int) -> str:
        """``4 of 5``, or the score with its scale's ends (``-1 on a scale of -2 to 2``)."""
        if scale.default:
            return self.of_five.format(score=score)
        return self.of_scale.format(score=score, min=scale.min, max=scale.max)


@cache
def words_for(locale: str) -> Words:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    return words(Words, locale, "map")
