"""Journeys -> what needs attention: low stages, pain points without ideas, ideas by owner, metrics off target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from journeygen.spec.metrics import comparable, verdict
from journeygen.spec.model import DEFAULT_SCALE, EmotionScale, Journey, Stage

CLOSED = ("done", "dropped")
"""The statuses of ideas no longer to do."""


@dataclass(frozen=True)
class StageEmotion:
    """A stage's score for one persona (``persona`` None when the map has one shared curve)."""

    map: str
    stage: str
    stage_name: str
    persona: str | None
    persona_name: str | None
    score: int
    label: str | None
    scale: EmotionScale = DEFAULT_SCALE
    """The map's emotion scale: scores of maps on different scales compare by ``level``."""

    @property
    def level(self) -> float:
        """The score's place on 1..5, so that the lowest feeling sorts first whatever each map's scale."""
        return self.scale.five(self.score)

    @property
    def shown(self) -> str:
        """The score as written; with its scale when the map has its own (``-1 on -2..2``)."""
        return str(self.score) if self.scale.default else self.scale.shown(self.score)


@dataclass(frozen=True)
class PainPoint:
    """A pain point in a stage that has no idea (other than dropped ones) to address it."""

    map: str
    stage: str
    stage_name: str
    text: str


@dataclass(frozen=True)
class IdeaDue:
    """An idea with who owns it, when it is due, and whether it is late (open and due before today)."""

    map: str
    stage: str
    stage_name: str
    owner: str | None
    text: str
    due: dt.date | None
    status: str | None
    overdue: bool

    @property
    def open(self) -> bool:
        """Still to do: neither done nor dropped."""
        return self.status not in CLOSED


@dataclass(frozen=True)
class MetricGap:
    """A metric behind its target: the verdict the map's metric card draws (journeygen.spec.metrics)."""

    map: str
    stage: str
    stage_name: str
    name: str
    value: str
    target: str
    gap: str


@dataclass(frozen=True)
class StageEvidence:
    """How much of a stage rests on research: its items, those naming evidence, those marked assumed."""

    map: str
    stage: str
    stage_name: str
    items: int
    with_evidence: int
    assumed: int


@dataclass(frozen=True)
class Report:
    """Every finding, sorted for reading: lowest emotion first, ideas by owner with overdue ones first."""

    emotions: tuple[StageEmotion, ...]
    pain_points: tuple[PainPoint, ...]
    ideas: tuple[IdeaDue, ...]
    metrics: tuple[MetricGap, ...]
    evidence: tuple[StageEvidence, ...] = ()
    """Per stage, only for maps that name evidence or confidence anywhere."""


def report(journey: Journey, name: str, today: dt.date) -> Report:
    """The findings of one map."""
    return Report(_emotions(journey, name), _pains(journey, name), _sort_ideas(_ideas(journey, name, today)),
                  tuple(gap for s in journey.stages for gap in _metrics(s, name, journey.locale)),
                  _coverage(journey, name))


def total(reports: Sequence[Report]) -> Report:
    """The findings of several maps as one report, sorted the same way."""
    emotions = sorted((e for r in reports for e in r.emotions), key=lambda e: e.level)
    return Report(tuple(emotions), tuple(p for r in reports for p in r.pain_points),
                  _sort_ideas([i for r in reports for i in r.ideas]), tuple(m for r in reports for m in r.metrics),
                  tuple(e for r in reports for e in r.evidence))


def _emotions(journey: Journey, name: str) -> tuple[StageEmotion, ...]:
    per_persona = any(isinstance(s.emotion, dict) for s in journey.stages)
    personas = [(p.id, p.name) for p in journey.personas] if per_persona else [(None, None)]
    rows = []
    for persona, persona_name in personas:
        scored = [(s, s.emotion_for(persona or "")) for s in journey.stages]
        found = [StageEmotion(name, s.id, s.name, persona, persona_name, e.score, e.label, journey.emotion_scale)
                 for s, e in scored if e is not None]
        rows += sorted(found, key=lambda e: e.level)
    return tuple(rows)


def _pains(journey: Journey, name: str) -> tuple[PainPoint, ...]:
    """Pains no open idea addresses (by ``addresses:`` once the map uses it; else per stage, as before)."""
    fixed = {p for s in journey.stages for i in s.ideas if i.status != "dropped" for p in i.addresses}
    if fixed or any(i.addresses for s in journey.stages for i in s.ideas):
        return tuple(PainPoint(name, s.id, s.name, pain.text) for s in journey.stages for pain in s.pain_points
                     if pain.id not in fixed)
    bare = [s for s in journey.stages if all(i.status == "dropped" for i in s.ideas)]
    return tuple(PainPoint(name, s.id, s.name, pain.text) for s in bare for pain in s.pain_points)


def _researched_items(stage: Stage) -> list[Any]:
    """The items of a stage that can carry evidence: every lane's mappings and its emotions."""
    lanes = ("evidence", "actions", "touchpoints", "frontstage", "backstage", "support", "pain_points", "ideas",
             "metrics")
    emotions = list(stage.emotion.values()) if isinstance(stage.emotion, dict) else [stage.emotion]
    return [*(item for lane in lanes for item in stage.items(lane)), *(e for e in emotions if e is not None)]


def _coverage(journey: Journey, name: str) -> tuple[StageEvidence, ...]:
    rows = []
    for stage in journey.stages:
        items = _researched_items(stage)
        rows.append(StageEvidence(name, stage.id, stage.name, len(items), sum(1 for i in items if i.evidence),
                                  sum(1 for i in items if i.confidence == "assumed")))
    used = any(r.with_evidence or r.assumed for r in rows) or any(
        i.confidence for s in journey.stages for i in _researched_items(s))
    return tuple(rows) if used else ()


def _ideas(journey: Journey, name: str, today: dt.date) -> list[IdeaDue]:
    return [IdeaDue(name, s.id, s.name, i.owner, i.text, i.due, i.status,
                    i.due is not None and i.due < today and i.status not in CLOSED)
            for s in journey.stages for i in s.ideas]


def _sort_ideas(ideas: Sequence[IdeaDue]) -> tuple[IdeaDue, ...]:
    """Owners with overdue ideas first, then A-Z, no owner last; within an owner overdue first, then by due date."""
    late = {i.owner for i in ideas if i.overdue}

    def key(idea: IdeaDue) -> tuple[bool, bool, str, bool, bool, dt.date]:
        return (idea.owner not in late, idea.owner is None, (idea.owner or "").casefold(), not idea.overdue,
                idea.due is None, idea.due or dt.date.max)
    return tuple(sorted(ideas, key=key))


def _metrics(stage: Stage, name: str, locale: str) -> list[MetricGap]:
    gaps = []
    for metric in stage.metrics:
        pair = comparable(metric, locale)
        if pair is None or verdict(metric, locale) is not False:
            continue
        value, target = pair
        unit = " pp" if value.unit == "%" else f" {value.unit}" if value.unit else ""
        gaps.append(MetricGap(name, stage.id, stage.name, metric.name, str(metric.value), str(metric.target),
                              f"{number(value.number - target.number, sign=True)}{unit}"))
    return gaps


def number(value: Decimal, *, sign: bool = False) -> str:
    """One way to print a number: no exponent, no trailing zeros, ``+`` when asked."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"+{text}" if sign and value > 0 else text
