"""A locale -> the words the map itself adds (lane titles, legend, "target", statuses) in that language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from journeygen.locale import words


@dataclass(frozen=True)
class Words:
    """Every word the layout draws that does not come from the spec."""

    moment_of_truth: str
    micro: str
    micro_in: str
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
    stage_count: str
    feels: str
    of_five: str
    path: str

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]

    def score(self, score: int) -> str:
        return self.scores[score - 1]


@cache
def words_for(locale: str) -> Words:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    return words(Words, locale, "map")
