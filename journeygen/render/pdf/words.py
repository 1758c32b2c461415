"""A locale -> the words the PDF sets around the drawings (headings, table heads, captions, footer) in its language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from journeygen.locale import Forms, counted, words


@dataclass(frozen=True)
class PdfWords:
    """Every word the PDF sets around the drawings that does not come from the spec."""

    language: str
    direction: str
    persona: str
    personas: str
    action_list: str
    pains_by_stage: str
    ideas_by_pain: str
    evidence: str
    evidence_columns: tuple[str, str, str]
    priorities: str
    grid_corner: str
    backlog_columns: tuple[str, str, str, str, str, str, str]
    confidence_levels: dict[str, str]
    columns: tuple[str, str, str, str, str, str, str]
    pain_columns: tuple[str, str, str]
    impact_levels: tuple[str, str, str]
    effort_levels: tuple[str, str, str]
    ideas: Forms
    owners: Forms
    no_ideas: str
    no_owner: str
    template: str
    workshop: str
    fields: tuple[str, str, str]
    size: str
    cell: str
    fits: str
    too_small: str
    tile: str
    journey_map: str
    poster_map: str
    page: str
    pack: str
    contents: str
    stages: Forms
    persona_count: Forms
    journeys: Forms
    commit: str
    modified: str
    untracked: str

    def count(self, forms: Forms, n: int) -> str:
        """``count(words.ideas, 3)`` -> ``3 ideas``: the form the language's plural rule picks for ``n``."""
        return counted(self.language, forms, n)

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]


@cache
def pdf_words_for(locale: str) -> PdfWords:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    return words(PdfWords, locale, "pdf")
