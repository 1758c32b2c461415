"""A Journey -> a Mermaid ``flowchart`` carrying every lane: one subgraph per stage, one node per lane.

The ``flowchart`` style: it draws on Mermaid 9.1 and later; ``swimlane`` (mermaid/grid.py) lines
the lanes up as a true grid on Mermaid 10.8 or later.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from journeygen.layout.words import Words, words_for
from journeygen.render.mermaid.escape import flowchart_text
from journeygen.render.mermaid.journey import summary
from journeygen.spec.model import (
    Action,
    BlueprintItem,
    EmotionScale,
    Idea,
    Journey,
    Lane,
    Metric,
    MicroJourney,
    PainPoint,
    Stage,
    Touchpoint,
)

_INDENT = "    "


def _label(title: str, items: Iterable[str], bullet: str = "• ") -> str:
    """A quoted node label: a bold heading, then one escaped item per line."""
    lines = [f"<b>{flowchart_text(title)}</b>", *(bullet + flowchart_text(item) for item in items)]
    return '"' + "<br>".join(lines) + '"'


def _action(journey: Journey, action: Action) -> str:
    names = {p.id: p.name for p in journey.personas}
    who = f"{names[action.persona]}: " if action.persona and len(journey.personas) > 1 else ""
    where = f" @ {action.touchpoint}" if action.touchpoint else ""
    feels = f" ({journey.emotion_scale.shown(action.emotion)})" if action.emotion is not None else ""
    return who + action.text + where + feels


def _idea(idea: Idea, w: Words) -> str:
    facts = [idea.owner, idea.due.isoformat() if idea.due else None,
             w.level(w.impact, idea.impact) if idea.impact else None,
             w.level(w.effort, idea.effort) if idea.effort else None,
             w.idea_status(idea.status) if idea.status else None]
    shown = [fact for fact in facts if fact]
    return idea.text + (f" ({', '.join(shown)})" if shown else "")


def _metric(metric: Metric, w: Words) -> str:
    value = f": {metric.value}" if metric.value else ""
    target = f" ({w.target.format(value=metric.target)})" if metric.target else ""
    return metric.name + value + target


def _emotions(journey: Journey, stage: Stage) -> list[str]:
    items = []
    for persona in journey.personas:
        emotion = stage.emotion_for(persona.id)
        if emotion is None:
            continue
        who = f"{persona.name}: " if len(journey.personas) > 1 else ""
        words = " – ".join(text for text in (emotion.label, emotion.note) if text)
        items.append(f"{who}{journey.emotion_scale.shown(emotion.score)}" + (f" {words}" if words else ""))
    return items


def _item(journey: Journey, item: Any) -> str:
    if isinstance(item, Action):
        return _action(journey, item)
    if isinstance(item, Touchpoint):
        return item.name + (f" ({item.channel})" if item.channel else "")
    if isinstance(item, Idea):
        return _idea(item, words_for(journey.locale))
    if isinstance(item, Metric):
        return _metric(item, words_for(journey.locale))
    if isinstance(item, PainPoint):
        return item.text
    if isinstance(item, BlueprintItem):
        return item.text + (f" ({item.actor})" if item.actor else "")
    return str(item)


def lane_items(journey: Journey, stage: Stage, lane: Lane) -> list[str]:
    """The lane's items in one stage as plain text, one string each (emotions one per persona)."""
    if lane.id == "emotions":
        return _emotions(journey, stage)
    return [_item(journey, item) for item in stage.items(lane.id)]


def micro_steps(micro: MicroJourney, scale: EmotionScale) -> list[str]:
    """A micro-journey's steps as numbered plain text: ``2. Creates an account @ Checkout (2/5)``."""
    return [f"{n}. {s.name}" + (f" @ {s.touchpoint}" if s.touchpoint else "")
            + (f" ({scale.shown(s.emotion)})" if s.emotion is not None else "") for n, s in enumerate(micro.steps, 1)]


def _micro(micro: MicroJourney, scale: EmotionScale) -> str:
    return _label(micro.name, micro_steps(micro, scale), bullet="")


def _stage_lines(journey: Journey, index: int, stage: Stage) -> list[str]:
    sid = f"s{index}"
    title = ("★ " if stage.moment_of_truth else "") + stage.name  # a mark every language reads
    lines = [f'subgraph {sid}["{flowchart_text(title)}"]', f"{_INDENT}direction TB"]
    w = words_for(journey.locale)
    nodes = [(f"{sid}_l{n}", _label(w.lane(lane), lane_items(journey, stage, lane)))
             for n, lane in enumerate(journey.lane_list(), 1)]
    nodes += [(f"{sid}_m{n}", _micro(micro, journey.emotion_scale)) for n, micro in enumerate(stage.micro_journeys, 1)]
    lines += [f"{_INDENT}{node}[{label}]" for node, label in nodes]
    # Invisible links stack the lanes top to bottom in the declared order.
    lines += [f"{_INDENT}{a} ~~~ {b}" for (a, _), (b, _) in pairwise(nodes)]
    return [*lines, "end"]


def transition_texts(journey: Journey) -> list[str]:
    """Each transition as plain text: ``Retention → Consideration: exchanges for another size``."""
    names = {stage.id: stage.name for stage in journey.stages}
    return [f"{names[m.source]} → {names[m.target]}" + (f": {m.label}" if m.label else "")
            for m in journey.transitions]


def swimlane_lines(journey: Journey) -> list[str]:
    """The whole flowchart, line by line; node ids are positions, so no spec id can break the syntax."""
    body = [f'subgraph map["{flowchart_text(journey.title)}"]', f"{_INDENT}direction {_direction(journey)}"]
    for n, stage in enumerate(journey.stages, 1):
        body += [_INDENT + line for line in _stage_lines(journey, n, stage)]
    body += [f"{_INDENT}s{n} --> s{n + 1}" for n in range(1, len(journey.stages))]
    if journey.transitions:
        # Drawn as edges, back-links make dagre reorder the stages; a closing node keeps the order.
        paths = words_for(journey.locale).paths  # the SVG's title for the same row
        body += [f"{_INDENT}paths[{_label(paths, transition_texts(journey))}]",
                 f"{_INDENT}s{len(journey.stages)} ~~~ paths"]
    head = [f"flowchart {_direction(journey)}", f"{_INDENT}accTitle: {flowchart_text(journey.title)}",
            f"{_INDENT}accDescr: {flowchart_text(summary(journey))}"]
    return [*head, *(_INDENT + line for line in [*body, "end"])]


def _direction(journey: Journey) -> str:
    return "RL" if journey.rtl else "LR"
