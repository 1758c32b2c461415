"""A valid Journey (and its raw data) -> journey-quality findings, one rule per stable code."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from journeygen.authoring.config import Level
from journeygen.authoring.lookalike import lookalike_ids
from journeygen.spec.build import source_path
from journeygen.spec.checks import Finding as Hit  # a rule firing at a data path, like a spec check
from journeygen.spec.loader import PathKey
from journeygen.spec.metrics import CONVENTIONAL, comparable, direction
from journeygen.spec.model import Journey, Stage

CLOSED = ("done", "dropped")


@dataclass(frozen=True)
class Context:
    """What every rule may look at: the journey, the data it came from, settings and today's date."""

    journey: Journey
    data: Any
    max_items: int
    today: dt.date


@dataclass(frozen=True)
class Rule:
    """A lint rule: stable code, short name, default level, one-line explanation, and its check."""

    code: str
    name: str
    level: Level
    summary: str
    check: Callable[[Context], Iterator[Hit]]
    profile: str | None = None
    """A rule of a profile (``research``) runs only when that profile is asked for."""


def _stage_no_emotion(ctx: Context) -> Iterator[Hit]:
    several = len(ctx.journey.personas) > 1
    for i, stage in enumerate(ctx.journey.stages):
        if stage.emotion is None and not any(a.emotion is not None for a in stage.actions):
            yield Hit(("stages", i), f"stage {stage.name!r} has no emotion; score how it feels "
                            f"({ctx.journey.emotion_scale})")
        elif isinstance(stage.emotion, dict) and several:
            for persona in ctx.journey.personas:
                if persona.id not in stage.emotion:
                    yield Hit(("stages", i, "emotion"),
                              f"stage {stage.name!r} has no emotion for persona {persona.id!r}")


def _linked(journey: Journey) -> bool:
    """True when the map ties ideas to pains (``addresses:``): lint then checks each pain and each idea."""
    return any(idea.addresses for stage in journey.stages for idea in stage.ideas)


def _pain_without_idea(ctx: Context) -> Iterator[Hit]:
    if _linked(ctx.journey):
        fixed = {p for s in ctx.journey.stages for idea in s.ideas if idea.status != "dropped" for p in idea.addresses}
        for i, stage in enumerate(ctx.journey.stages):
            for j, pain in enumerate(stage.pain_points):
                if pain.id not in fixed:
                    name = f"pain point {pain.id!r}" if pain.id else f"pain point {pain.text!r} (it has no id)"
                    yield Hit(("stages", i, "pain_points", j), f"no idea addresses {name}")
        return
    for i, stage in enumerate(ctx.journey.stages):
        if stage.pain_points and not stage.ideas:
            yield Hit(("stages", i, "pain_points"),
                      f"stage {stage.name!r} has pain points but no idea to address them", at_key=True)


def _idea_unowned(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for j, idea in enumerate(stage.ideas):
            missing = [word for word, value in (("owner", idea.owner), ("due date", idea.due)) if value is None]
            if missing and idea.status not in CLOSED:
                yield Hit(("stages", i, "ideas", j), f"idea {idea.text!r} has no {' and no '.join(missing)}")


def _idea_overdue(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for j, idea in enumerate(stage.ideas):
            if idea.due is not None and idea.due < ctx.today and idea.status not in CLOSED:
                yield Hit(("stages", i, "ideas", j, "due"),
                          f"idea {idea.text!r} was due {idea.due.isoformat()}; mark it done or move the date")


def _persona_no_goals(ctx: Context) -> Iterator[Hit]:
    for i, persona in enumerate(ctx.journey.personas):
        if not persona.goals:
            yield Hit(source_path(("personas", i), ctx.data), f"persona {persona.name!r} has no goals")


def _stage_no_touchpoint(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        # A blueprint's frontstage is where the customer meets the service, its evidence what they touch.
        met = stage.touchpoints or stage.frontstage or stage.evidence or any(a.touchpoint for a in stage.actions)
        if not met:
            yield Hit(("stages", i), f"stage {stage.name!r} has no touchpoint; where does the customer meet you?")


def _score(stage: Stage, persona: str) -> int | None:
    emotion = stage.emotion_for(persona)
    return emotion.score if emotion is not None else None


DROP = 2
"""A fall of 2 on 1..5 (or as far, in proportion, on the map's own emotion scale) needs a pain point behind it."""


def _emotion_drop(ctx: Context) -> Iterator[Hit]:
    stages, personas, scale = ctx.journey.stages, ctx.journey.personas, ctx.journey.emotion_scale
    for persona in personas:
        who = f" for {persona.id!r}" if len(personas) > 1 else ""
        for i in range(1, len(stages)):
            before, after = _score(stages[i - 1], persona.id), _score(stages[i], persona.id)
            if before is not None and after is not None and not stages[i].pain_points \
                    and scale.spans_on_five(before - after, DROP):
                yield Hit(("stages", i, "emotion"),
                          f"emotion drops from {before} to {after}{who} at {stages[i].name!r} "
                          "with no pain point to explain it")


def _metric_direction(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for j, metric in enumerate(stage.metrics):
            if comparable(metric, ctx.journey.locale) is not None and direction(metric) is None:
                yield Hit(("stages", i, "metrics", j),
                          f"metric {metric.name!r} has a value and a target but no direction, so the map cannot "
                          "say whether it is ahead; add `better: higher` or `better: lower`")


def _dense_cell(ctx: Context) -> Iterator[Hit]:
    lanes = [lane for lane in ctx.journey.lane_list() if lane.id != "emotions"]
    for i, stage in enumerate(ctx.journey.stages):
        for lane in lanes:
            count = len(stage.items(lane.id))
            if count > ctx.max_items:
                yield Hit(("stages", i, lane.id), f"{count} items in {lane.label} of {stage.name!r}, over "
                                                  f"{ctx.max_items}: too dense to print; split the stage or "
                                                  "trim the list", at_key=True)


# Invisible characters that make two labels look alike or hide text; ZWJ/ZWNJ are left alone (emoji,
# Persian and Indic scripts need them), as are tag characters inside a flag emoji sequence.
_INVISIBLE = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f|([\u00ad\u180e\u200b\u2060-\u2064\ufeff"
                        "\U000e0000-\U000e007f])")
_BIDI_MARKS = re.compile("[\u200e\u200f\u061c]")


def _strings(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str, bool]]:
    """Every text in the raw data, keys included, with its path and whether it is a key."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), key, True
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data, False


def _invisible(ctx: Context) -> Iterator[Hit]:
    for path, text, is_key in _strings(ctx.data):
        found = next((m.group(1) for m in _INVISIBLE.finditer(text) if m.group(1)), None)
        if found is not None:
            yield Hit(path, f"contains the invisible character U+{ord(found):04X}; delete it "
                            "(it makes text look like other text)", at_key=is_key)


def _bidi_mark(ctx: Context) -> Iterator[Hit]:
    if ctx.journey.rtl:
        return
    for path, text, is_key in _strings(ctx.data):
        found = _BIDI_MARKS.search(text)
        if found:
            yield Hit(path, f"contains the direction mark U+{ord(found.group()):04X} in a left-to-right map; "
                            "delete it unless it is needed", at_key=is_key)


def _idea_addresses_nothing(ctx: Context) -> Iterator[Hit]:
    if not _linked(ctx.journey):
        return
    for i, stage in enumerate(ctx.journey.stages):
        for j, idea in enumerate(stage.ideas):
            if not idea.addresses:
                yield Hit(("stages", i, "ideas", j), f"idea {idea.text!r} addresses no pain point; "
                                                     "list the pains it fixes in `addresses`")


def _pain_no_evidence(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for j, pain in enumerate(stage.pain_points):
            if not pain.evidence:
                yield Hit(("stages", i, "pain_points", j), f"pain point {pain.text!r} has no evidence; "
                                                           "name the interview, ticket or data behind it")


def _emotion_assumed(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for persona in ctx.journey.personas:
            emotion = stage.emotion_for(persona.id)
            if emotion is not None and not emotion.evidence and emotion.confidence in (None, "assumed"):
                yield Hit(("stages", i, "emotion"), f"the emotion of stage {stage.name!r} rests on assumption "
                                                    "only; add its evidence or `confidence: observed`")
                break


def _metric_no_source(ctx: Context) -> Iterator[Hit]:
    for i, stage in enumerate(ctx.journey.stages):
        for j, metric in enumerate(stage.metrics):
            if metric.value is not None and not metric.evidence:
                yield Hit(("stages", i, "metrics", j), f"metric {metric.name!r} has a value but no source; "
                                                       "add `evidence: [the report or dataset]`")


def _lookalike_id(ctx: Context) -> Iterator[Hit]:
    yield from lookalike_ids(ctx.journey, ctx.data)


RULES: tuple[Rule, ...] = (
    Rule("JG101", "stage-no-emotion", "warning", "A stage has no emotion score, so the curve has a gap.",
         _stage_no_emotion),
    Rule("JG102", "pain-without-idea", "warning",
         "A pain point no idea addresses (per pain once ideas use `addresses:`; before, per stage).",
         _pain_without_idea),
    Rule("JG103", "idea-unowned", "warning", "An open idea has no owner or no due date, so nobody will do it.",
         _idea_unowned),
    Rule("JG104", "idea-overdue", "warning", "An open idea's due date has passed.", _idea_overdue),
    Rule("JG105", "persona-no-goals", "warning", "A persona has no goals, so the journey has no purpose.",
         _persona_no_goals),
    Rule("JG106", "stage-no-touchpoint", "warning", "A stage has no touchpoint: where does the customer meet you?",
         _stage_no_touchpoint),
    Rule("JG107", "unexplained-drop", "warning",
         "The emotion drops by 2 or more (on 1..5; as far in proportion on a map's own emotion_scale) between "
         "neighbouring stages with no pain point to explain it.",
         _emotion_drop),
    Rule("JG108", "dense-cell", "warning", "A cell holds more items than fit on a printed map (max-items, default 6).",
         _dense_cell),
    Rule("JG109", "invisible-character", "error",
         "Text holds an invisible character (zero-width space, word joiner, ...) that can disguise it.", _invisible),
    Rule("JG110", "bidi-mark", "warning", "Left-to-right text holds a right-to-left direction mark.", _bidi_mark),
    Rule("JG111", "lookalike-id", "error",
         "An id mixes scripts (a Cyrillic letter in a Latin word) or looks like another id of its kind.",
         _lookalike_id),
    Rule("JG112", "metric-direction", "warning",
         f"A metric with a value and a target needs `better: higher|lower`, unless it is conventional: {CONVENTIONAL}.",
         _metric_direction),
    Rule("JG113", "idea-addresses-nothing", "warning",
         "In a map whose ideas use `addresses:`, an idea that addresses no pain point.", _idea_addresses_nothing),
    Rule("JG114", "pain-no-evidence", "warning", "A pain point names no evidence (research profile).",
         _pain_no_evidence, "research"),
    Rule("JG115", "emotion-assumed", "warning",
         "An emotion rests on assumption only: no evidence, not observed or measured (research profile).",
         _emotion_assumed, "research"),
    Rule("JG116", "metric-no-source", "warning", "A metric has a value but no source (research profile).",
         _metric_no_source, "research"),
)
PROFILES = frozenset(rule.profile for rule in RULES if rule.profile)
