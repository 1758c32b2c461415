"""A structurally valid Journey -> the cross-reference problems pydantic cannot see."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journeygen.errors import excerpt
from journeygen.spec.loader import PathKey
from journeygen.spec.suggest import did_you_mean
from journeygen.spec.text import slug

if TYPE_CHECKING:  # the model runs `dangling` when it validates, so this module needs it for types only
    from journeygen.spec.model import EmotionScale, Journey, Stage


@dataclass(frozen=True)
class Finding:
    """A problem at a data path; ``at_key`` points at the key rather than its value; ``scale`` marks an emotion
    score outside the map's scale."""

    path: PathKey
    message: str
    at_key: bool = False
    scale: bool = False


def check(journey: Journey, data: Any) -> list[Finding]:
    """Every duplicate id in the journey (a dangling reference never gets this far: the model refuses it)."""
    return list(_duplicates(journey, data))


def _given_id_path(data: Any, kind: str, index: int) -> PathKey:
    """Point at ``id`` when the user wrote one, else at ``name`` (the id was derived from it)."""
    items = data.get(kind) if isinstance(data, dict) else None
    if kind == "personas" and items is None and isinstance(data, dict) and "persona" in data:
        return ("persona", "id") if "id" in data["persona"] else ("persona", "name")
    item = items[index] if isinstance(items, list) and index < len(items) else {}
    return (kind, index, "id" if isinstance(item, dict) and "id" in item else "name")


def _duplicates(journey: Journey, data: Any) -> Iterator[Finding]:
    groups: tuple[tuple[str, list[str]], ...] = (
        ("personas", [p.id for p in journey.personas]),
        ("stages", [s.id for s in journey.stages]),
        ("lanes", [lane.id for lane in journey.lanes or ()]),
    )
    yield from _duplicate_items(journey)
    for kind, ids in groups:
        first: dict[str, int] = {}
        for index, ident in enumerate(ids):
            if ident in first:
                path = _given_id_path(data, kind, index) if kind != "lanes" else (kind, index)
                message = f"duplicate id {ident!r}: {kind}[{first[ident]}] has it too; give each a unique `id`"
                yield Finding(path, message)
            first.setdefault(ident, index)


def _duplicate_items(journey: Journey) -> Iterator[Finding]:
    """Pain-point ids are unique in the map (ideas of any stage name them); blueprint ids within a stage."""
    seen: dict[str, str] = {}
    for i, stage in enumerate(journey.stages):
        for j, pain in enumerate(stage.pain_points):
            if pain.id is None:
                continue
            if pain.id in seen:
                yield Finding(("stages", i, "pain_points", j, "id"),
                              f"duplicate id {pain.id!r}: {seen[pain.id]} has it too; give each pain point a "
                              "unique `id`")
            seen.setdefault(pain.id, f"stage {stage.id!r}")


def _references(journey: Journey) -> Iterator[Finding]:
    personas = [(p.id, p.name) for p in journey.personas]
    stages = [(s.id, s.name) for s in journey.stages]
    persona_ids = {ident for ident, _ in personas}
    pains = [(p.id, p.id) for s in journey.stages for p in s.pain_points if p.id]
    for i, stage in enumerate(journey.stages):
        for j, action in enumerate(stage.actions):
            if action.persona is not None and action.persona not in persona_ids:
                yield Finding(("stages", i, "actions", j, "persona"), _unknown("persona", action.persona, personas))
            for k, named in enumerate(action.personas or ()):
                if named not in persona_ids:
                    yield Finding(("stages", i, "actions", j, "personas", k), _unknown("persona", named, personas))
        if isinstance(stage.emotion, dict):
            for key, emotion in stage.emotion.items():
                if key not in persona_ids:
                    yield Finding(("stages", i, "emotion", key), _unknown_emotion_key(key, personas,
                                                                                  type(emotion).model_fields),
                                  at_key=True)
        yield from _triggers(stage, i)
        for j, idea in enumerate(stage.ideas):
            for k, pain in enumerate(idea.addresses):
                if pain not in {ident for ident, _ in pains}:
                    message = _unknown("pain point", pain, pains) if pains else (
                        f"unknown pain point {pain!r}; give a pain point `id: {pain}`")
                    yield Finding(("stages", i, "ideas", j, "addresses", k), message)
    stage_ids = {ident for ident, _ in stages}
    for k, move in enumerate(journey.transitions):
        for end, value in (("from", move.source), ("to", move.target)):
            if value not in stage_ids:
                yield Finding(("transitions", k, end), _unknown("stage", value, stages))


def _unknown(kind: str, value: str, known: list[tuple[str, str]]) -> str:
    """Name the id when ``value`` is a name (``Radu Petrescu`` for ``radu``), else the closest id."""
    named = next((ident for ident, name in known if slug(name) == slug(value)), None)
    if named is not None:
        return f"{excerpt(value)!r} is the name of a {kind}; refer to it by its id: {named}"
    ids = list(dict.fromkeys(ident for ident, _ in known))  # a duplicate id is reported on its own
    return f"unknown {kind} {excerpt(value)!r}{did_you_mean(value, ids)}; known: {', '.join(ids)}"


def _unknown_emotion_key(key: str, personas: list[tuple[str, str]], fields: Iterable[str]) -> str:
    """``emotion: {scor: 3}`` is a misspelt emotion key rather than a persona, unless a persona is as close."""
    hint = did_you_mean(key, fields)
    if hint and not did_you_mean(key, [ident for ident, _ in personas]):
        return f"unknown key {excerpt(key)!r}{hint}"
    return _unknown("persona", key, personas)


_LAYER_LANES = ("evidence", "frontstage", "backstage", "support")


def _triggers(stage: Any, i: int) -> Iterator[Finding]:
    """A ``triggers:`` names a blueprint item of the same stage: its arrow runs down that stage's column."""
    known = [(item.id, item.id) for lane in _LAYER_LANES for item in stage.items(lane) if item.id]
    for lane in _LAYER_LANES:
        for j, item in enumerate(stage.items(lane)):
            for k, target in enumerate(item.triggers):
                if target not in {ident for ident, _ in known}:
                    message = _unknown("blueprint item", target, known) if known else (
                        f"unknown blueprint item {target!r}; give an item of this stage `id: {target}`")
                    yield Finding(("stages", i, lane, j, "triggers", k), message)


def out_of_scale(stages: Sequence[Stage], scale: EmotionScale) -> list[Finding]:
    """Every emotion score (stage, per persona, action, micro-journey step) outside the map's emotion_scale;
    the path ends at ``score``, which the message placing drops when the score was written bare."""
    found: list[Finding] = []
    for i, stage in enumerate(stages):
        per_persona = stage.emotion if isinstance(stage.emotion, dict) else {None: stage.emotion} if stage.emotion \
            else {}
        scored: list[tuple[PathKey, int | None]] = [
            (("stages", i, "emotion", *((key,) if key is not None else ()), "score"), e.score)
            for key, e in per_persona.items()]
        scored += [(("stages", i, "actions", j, "emotion"), a.emotion) for j, a in enumerate(stage.actions)]
        scored += [(("stages", i, "micro_journeys", k, "steps", n, "emotion"), step.emotion)
                   for k, micro in enumerate(stage.micro_journeys) for n, step in enumerate(micro.steps)]
        found += [Finding(path, scale.refusal(score), scale=True) for path, score in scored
                  if score is not None and not scale.contains(score)]
    return found


def dangling(journey: Journey) -> list[Finding]:
    """Every reference to a persona or stage id the journey does not have."""
    return list(_references(journey))
