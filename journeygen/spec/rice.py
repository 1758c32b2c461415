"""An idea -> its RICE score: reach x impact x confidence / effort (SPEC.md section 3)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from journeygen.spec.model import Idea

IMPACT = {"low": 1, "medium": 2, "high": 3}
EFFORT = {"low": 1, "medium": 2, "high": 3}
CONFIDENCE = {"assumed": Decimal("0.5"), "observed": Decimal("0.8"), "measured": Decimal("1")}
"""An idea without `confidence` counts as assumed: a score should not claim more than the team knows."""


def rice(idea: Idea) -> Decimal | None:
    """The RICE score, rounded to a whole number; None unless the idea has reach, impact and effort."""
    if idea.reach is None or idea.impact is None or idea.effort is None:
        return None
    score = idea.reach * IMPACT[idea.impact] * CONFIDENCE[idea.confidence or "assumed"] / EFFORT[idea.effort]
    return score.quantize(Decimal(1))


T = TypeVar("T")


def by_rice(ideas: Sequence[tuple[T, Idea]]) -> list[tuple[T, Idea]]:
    """The backlog order: scored ideas by RICE, highest first, then the unscored; ties keep the map's order."""
    scores = [rice(idea) for _, idea in ideas]
    order = sorted(range(len(ideas)), key=lambda n: (scores[n] is None, -(scores[n] or 0), n))
    return [ideas[n] for n in order]
