"""A Journey -> Mermaid ``journey`` text: one section per stage, one task line per action and score."""

from __future__ import annotations

from typing import NamedTuple

import yaml

from journeygen.layout import summary as layout_summary
from journeygen.render.mermaid.escape import journey_block, journey_text
from journeygen.spec.model import Action, EmotionScale, Journey, Persona, Stage

PLACEHOLDER_SCORE = 3
"""Mermaid needs a score on every task; an action with no emotion at all gets this neutral one."""
_INDENT = "    "


class Task(NamedTuple):
    """One Mermaid task line: a name, a score and the actors who feel it."""

    name: str
    score: int
    actors: tuple[str, ...]
    placeholder: bool = False
    """True when the spec has no emotion for it and ``score`` is PLACEHOLDER_SCORE."""
    joinable: bool = True
    """False for an action that lists its `personas`: its line stays as the spec writes it."""

    def line(self) -> str:
        """``Name: 4: Actor, Actor``, every part escaped; an unnamed persona is an empty actor (``Name: 4:``)."""
        actors = ", ".join(journey_text(a, actor=True) if a else "" for a in self.actors)
        return f"{journey_text(self.name)}: {self.score}" + (f": {actors}".rstrip(" ") if self.actors else "")


def _concerned(journey: Journey, action: Action) -> tuple[Persona, ...]:
    """The personas an action names (in its order), else every persona of the map."""
    if action.personas is not None:
        by_id = {p.id: p for p in journey.personas}
        return tuple(by_id[p] for p in action.personas)
    if action.persona is None:
        return journey.personas
    return tuple(p for p in journey.personas if p.id == action.persona)


def _score(stage: Stage, action: Action | None, persona: Persona, scale: EmotionScale) -> int | None:
    """The score Mermaid draws: the map's, placed on Mermaid's 1..5 (see EmotionScale.nearest_five)."""
    if action is not None and action.emotion is not None:
        return scale.nearest_five(action.emotion)
    emotion = stage.emotion_for(persona.id)
    return scale.nearest_five(emotion.score) if emotion else None


def _grouped(name: str, scored: list[tuple[Persona, int | None]], joinable: bool = True) -> list[Task]:
    """One task per distinct score, actors in persona order (one line per persona when all differ)."""
    scores = list(dict.fromkeys(score for _, score in scored))
    return [Task(name, PLACEHOLDER_SCORE if score is None else score,
                 tuple(p.name for p, s in scored if s == score), placeholder=score is None, joinable=joinable)
            for score in scores]


def _nobody(stage: Stage, action: Action, scale: EmotionScale) -> Task:
    """The task of an action that names no one: its own emotion, else the stage's shared one."""
    shared = stage.emotion if stage.emotion is not None and not isinstance(stage.emotion, dict) else None
    score = action.emotion if action.emotion is not None else shared.score if shared else None
    return Task(action.text, PLACEHOLDER_SCORE if score is None else scale.nearest_five(score), (),
                placeholder=score is None,
                joinable=False)


def stage_tasks(journey: Journey, stage: Stage) -> list[Task]:
    """The task lines of one stage: one per action and score, then a task named after the stage for each
    persona no action names, with the stage's emotion for them (a stage without actions shows only that)."""
    tasks: list[Task] = []
    named: set[str] = set()
    for action in stage.actions:
        if action.personas == ():
            tasks.append(_nobody(stage, action, journey.emotion_scale))
            continue
        concerned = _concerned(journey, action)
        named.update(p.id for p in concerned)
        scored = [(p, _score(stage, action, p, journey.emotion_scale)) for p in concerned]
        tasks = _merge(tasks, _grouped(action.text, scored, joinable=action.personas is None))
    rest = [(p, _score(stage, None, p, journey.emotion_scale)) for p in journey.personas if p.id not in named]
    return _merge(tasks, _grouped(stage.name, [(p, s) for p, s in rest if s is not None]))


def _merge(tasks: list[Task], new: list[Task]) -> list[Task]:
    """Join a task to the one before when only the actors differ: `Do work: 1: Me, Cat` stays one line."""
    if len(new) == 1 and tasks:
        last, task = tasks[-1], new[0]
        same = (last.name, last.score, last.placeholder) == (task.name, task.score, task.placeholder)
        if same and last.joinable and task.joinable and not set(last.actors) & set(task.actors):
            return [*tasks[:-1], Task(last.name, last.score, last.actors + task.actors, last.placeholder)]
    return [*tasks, *new]


def summary(journey: Journey) -> str:
    """The accessible description: the spec's description, else the summary the SVG's ``<desc>`` gives, in the
    map's language (who, the stages in order and how they feel)."""
    return journey.description or layout_summary.summary(journey)


def _front_matter(journey: Journey) -> list[str]:
    """The ``mermaid.config`` of the spec as the diagram's front matter (data only: YAML quotes what it must)."""
    config = journey.mermaid.config if journey.mermaid else None
    if not config:
        return []
    body = yaml.safe_dump({"config": config}, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return ["---", *body.splitlines(), "---"]


def _heading(journey: Journey) -> list[str]:
    """``title``, ``accTitle`` and ``accDescr``; the spec's ``mermaid:`` block may replace each (``""``: none)."""
    options = journey.mermaid
    title, acc_title, acc_descr = (options.title, options.acc_title, options.acc_descr) if options else (None,) * 3
    return [*([] if title == "" else [f"{_INDENT}title {journey_text(title or journey.title)}"]),
            *([] if acc_title == "" else [f"{_INDENT}accTitle: {journey_text(acc_title or journey.title)}"]),
            *([] if acc_descr == "" else _description(acc_descr or summary(journey)))]


def journey_lines(journey: Journey) -> list[str]:
    """The whole diagram, line by line; an unnamed first stage holds the tasks before any ``section``."""
    lines = [*_front_matter(journey), "journey", *_heading(journey)]
    for index, stage in enumerate(journey.stages):
        indent = _INDENT * 2 if index or stage.name else _INDENT
        if indent != _INDENT:
            lines.append(f"{_INDENT}section {journey_text(stage.name)}")
        for task in stage_tasks(journey, stage):
            if task.placeholder:
                lines.append(f"{indent}%% no emotion in the spec: {PLACEHOLDER_SCORE} is a placeholder")
            lines.append(indent + task.line())
    return lines


def _description(text: str) -> list[str]:
    """``accDescr: ...``, or a block when the description has several lines (Mermaid keeps them)."""
    block = journey_block(text)
    if len(block) < 2:
        return [f"{_INDENT}accDescr: {journey_text(text)}"]
    return [f"{_INDENT}accDescr {{", *(_INDENT * 2 + line for line in block), f"{_INDENT}}}"]


def placeholders(journey: Journey) -> list[str]:
    """``Stage / action`` of every task exported with the placeholder score."""
    return [f"{stage.name} / {task.name}" for stage in journey.stages
            for task in stage_tasks(journey, stage) if task.placeholder]
