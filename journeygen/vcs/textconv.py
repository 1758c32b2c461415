"""A Journey -> one self-describing fact a line, so that git's line diff of two maps reads as a semantic diff."""

from __future__ import annotations

from collections.abc import Iterator

from journeygen.errors import printable
from journeygen.spec.diff import JOURNEY_FIELDS
from journeygen.spec.model import DEFAULT_SCALE, Emotion, EmotionScale, Journey, Stage
from journeygen.spreadsheet.cells import escape, format_item
from journeygen.spreadsheet.sheet import item_line

_LANE_WORDS = {"actions": "action", "motivations": "motivation", "touchpoints": "touchpoint",
               "pain_points": "pain point", "ideas": "idea", "metrics": "metric"}


def facts(journey: Journey) -> str:
    """Every fact of the map on its own line, prefixed by where it belongs (``stage decision idea: ...``)."""
    return "".join(printable(line) + "\n" for line in _journey(journey))


def _journey(journey: Journey) -> Iterator[str]:
    for field in JOURNEY_FIELDS:
        value = getattr(journey, field)
        if isinstance(value, EmotionScale):
            value = None if value == DEFAULT_SCALE else value.described
        if value is not None:
            yield f"{field}: {escape(value)}"
    if journey.lanes is not None:
        yield from (f"lane: {format_item(lane.id, [('title', lane.title)])}" for lane in journey.lanes)
    for persona in journey.personas:
        yield f"persona {persona.id}: {escape(persona.name)}"
        for field in ("description", "photo", "quote"):
            value = getattr(persona, field)
            if value is not None:
                yield f"persona {persona.id} {field}: {escape(value)}"
        for field in ("goals", "frustrations", "channels"):
            yield from (f"persona {persona.id} {field}: {escape(v)}" for v in getattr(persona, field))
    for stage in journey.stages:
        yield from _stage(stage)
    for t in journey.transitions:
        yield f"transition {t.source} -> {t.target}" + (f": {escape(t.label)}" if t.label else "")


def _stage(stage: Stage) -> Iterator[str]:
    head = f"stage {stage.id}"
    yield f"{head}: {escape(stage.name)}"
    if stage.description:
        yield f"{head} description: {escape(stage.description)}"
    if stage.moment_of_truth:
        yield f"{head} moment of truth"
    if isinstance(stage.emotion, Emotion):
        yield f"{head} emotion: {_emotion(stage.emotion)}"
    elif isinstance(stage.emotion, dict):
        yield from (f"{head} emotion {persona}: {_emotion(e)}" for persona, e in stage.emotion.items())
    for lane in (*_LANE_WORDS, *stage.custom_lanes):
        word = _LANE_WORDS.get(lane, lane)
        yield from (f"{head} {word}: {item_line(item)}" for item in stage.items(lane))
    for micro in stage.micro_journeys:
        name = escape(micro.name)
        yield f"{head} micro-journey {name}" + (f": {escape(micro.description)}" if micro.description else "")
        yield from (f"{head} micro-journey {name} step: {item_line(step)}" for step in micro.steps)


def _emotion(emotion: Emotion) -> str:
    return format_item(str(emotion.score), [("label", emotion.label), ("note", emotion.note)])
