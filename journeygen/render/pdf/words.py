"""A locale -> the words the PDF sets around the drawings (headings, table heads, captions, footer) in its language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from journeygen.locale import words

Forms = tuple[str, ...]
"""A count's wordings, one per plural category of the language, each with ``{n}`` where the number goes."""


def _english(n: int) -> int:
    return 0 if n == 1 else 1


def _romanian(n: int) -> int:
    # 1 idee, 2-19 idei, 20 de idei (and 101-119 again without "de").
    return 0 if n == 1 else 1 if n == 0 or 1 <= n % 100 <= 19 else 2


def _polish(n: int) -> int:
    # 1 pomysł, 2-4 / 22-24 pomysły (not 12-14), otherwise pomysłów.
    return 0 if n == 1 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


PLURAL_RULES: Mapping[str, Callable[[int], int]] = MappingProxyType(
    {"en": _english, "ro": _romanian, "pl": _polish, "he": _english})
"""Which of a language's forms a count takes (CLDR's rules for the cardinal numbers used here)."""


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
        rule = PLURAL_RULES.get(self.language, _english)
        return forms[min(rule(n), len(forms) - 1)].format(n=n)

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]


@cache
def pdf_words_for(locale: str) -> PdfWords:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    return words(PdfWords, locale, "pdf")
