"""An idea -> its RICE score: reach x impact x confidence / effort (SPEC.md section 3)."""

from __future__ import annotations

from decimal import Decimal

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
