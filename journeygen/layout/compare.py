"""Two Journeys (as-is, to-be) -> one Scene: both emotion curves (the old one faded), changes marked.

The to-be map is laid out with added items marked ``+``, removed ones kept and marked ``−``, and
each emotion label carrying its change (``hopeful (+1)``). A shadow of the same map carrying the
as-is emotions is laid out too: same stages and lanes, so the same geometry; its curves and faces
are drawn faded under the to-be ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from journeygen.errors import RenderError
from journeygen.layout.scene import Circle, Group, Item, Path, Scene
from journeygen.numbers import num
from journeygen.spec.diff import ITEM_LANES, item_key
from journeygen.spec.model import Emotion, Journey, Lane, Metric, Stage

ADDED, REMOVED = "+ ", "\u2212 "
FADED_OPACITY = 0.35
"""How strongly the as-is curves show under the to-be map."""


def compare_journeys(old: Journey, new: Journey) -> tuple[Journey, Journey]:
    """(the to-be map with changes marked, its shadow holding the as-is emotions and nothing to label); the two
    curves share one axis, so the maps must share one emotion scale."""
    if not old.emotion_scale.same_range(new.emotion_scale):
        raise RenderError(f"the as-is map scores emotions on {old.emotion_scale}, the to-be map on "
                          f"{new.emotion_scale}; give both the same emotion_scale to compare them")
    before = {s.id: s for s in old.stages}
    lanes = _lanes(old, new)
    stages = tuple(_marked(stage, before.get(stage.id), new.rtl) for stage in new.stages)
    gone = [s.name for s in old.stages if s.id not in {n.id for n in new.stages}]
    note = f"Compared with the as-is map (faded curve): {ADDED.strip()} added, {REMOVED.strip()} removed"
    note += f"; removed stages: {', '.join(gone)}" if gone else ""
    marked = new.model_copy(update={"stages": stages, "lanes": lanes, "description": note})
    shadow_stages = tuple(_shadow(stage, before.get(stage.id), [p.id for p in new.personas]) for stage in stages)
    return marked, marked.model_copy(update={"stages": shadow_stages})


def _lanes(old: Journey, new: Journey) -> tuple[Lane, ...]:
    """The to-be lanes, plus the emotion lane when only the as-is map has emotions (both maps need it)."""
    lanes = list(new.lane_list())
    if not any(lane.id == "emotions" for lane in lanes) and any(s.emotion for s in old.stages):
        lanes.append(Lane(id="emotions"))
    return tuple(lanes)


def _marked(stage: Stage, old: Stage | None, rtl: bool) -> Stage:
    if old is None:
        return stage.model_copy(update={"name": ADDED + stage.name})
    update: dict[str, Any] = {lane: _items(old.items(lane), stage.items(lane)) for lane in ITEM_LANES}
    update["metrics"] = tuple(_was(m, old.metrics) for m in update["metrics"])
    update["custom_lanes"] = {lane: _items(old.items(lane), items) for lane, items in stage.custom_lanes.items()}
    update["emotion"] = _with_deltas(stage, old, rtl)
    return stage.model_copy(update=update)


def _items(old: Sequence[Any], new: Sequence[Any]) -> tuple[Any, ...]:
    """New items, the added ones marked; then the removed ones, marked."""
    old_keys = [item_key(i) for i in old]
    new_keys = [item_key(i) for i in new]
    kept = [i if item_key(i) in old_keys else _prefix(i, ADDED) for i in new]
    return (*kept, *(_prefix(i, REMOVED) for i in old if item_key(i) not in new_keys))


def _was(metric: Metric, old: Sequence[Metric]) -> Metric:
    """A metric whose value changed names its old value: ``Chatbot resolution (was 41%)``."""
    before = next((m for m in old if m.name == metric.name), None)
    if before is None or before.value == metric.value or before.value is None:
        return metric
    return metric.model_copy(update={"name": f"{metric.name} (was {before.value})"})


def _prefix(item: Any, mark: str) -> Any:
    if isinstance(item, BaseModel):
        field = "text" if "text" in type(item).model_fields else "name"
        return item.model_copy(update={field: mark + getattr(item, field)})
    return mark + str(item)


def _with_deltas(stage: Stage, old: Stage, rtl: bool) -> Any:
    """The to-be emotion with each label carrying its change: ``hopeful (+1)``."""
    if isinstance(stage.emotion, Emotion):
        return _delta(stage.emotion, old.emotion if isinstance(old.emotion, Emotion) else None, rtl)
    if isinstance(stage.emotion, dict):
        return {p: _delta(e, old.emotion_for(p), rtl) for p, e in stage.emotion.items()}
    return None


def _delta(new: Emotion, old: Emotion | None, rtl: bool) -> Emotion:
    if old is None or old.score == new.score:
        return new
    change = f"({new.score - old.score:+d})"
    # Left-to-right marks keep the sign before the number inside right-to-left text.
    change = f"\u200e{change}\u200e" if rtl else change
    return new.model_copy(update={"label": f"{new.label} {change}" if new.label else change})


def _shadow(stage: Stage, old: Stage | None, personas: Sequence[str]) -> Stage:
    """The stage with the as-is scores (stage and action emotions) and no labels, so only the curve shows."""
    was = {item_key(a).removeprefix(ADDED): a.emotion for a in (old.actions if old else ())}
    actions = tuple(a.model_copy(update={"emotion": was.get(item_key(a).removeprefix(ADDED).removeprefix(REMOVED))})
                    for a in stage.actions)
    emotion: Any = None
    if old is not None and isinstance(old.emotion, Emotion) and not isinstance(stage.emotion, dict):
        emotion = Emotion(score=old.emotion.score)
    elif old is not None and old.emotion is not None:
        scores = {p: old.emotion_for(p) for p in personas}
        emotion = {p: Emotion(score=e.score) for p, e in scores.items() if e is not None} or None
    return stage.model_copy(update={"actions": actions, "emotion": emotion})


def merge(scene: Scene, shadow: Scene) -> Scene:
    """``scene`` with the shadow's curves and faces drawn faded just above each band's emotion baseline.

    Both maps have the same geometry, so each mark belongs to the band whose baseline is nearest.
    """
    lines = [_y(line) for line in _walk(scene.items) if isinstance(line, Path) and line.cls == "baseline"]
    bands: dict[float, list[Item]] = {y: [] for y in lines}
    for mark in _marks(shadow.items):
        bands[min(lines, key=lambda y: abs(y - _y(mark)))].append(mark)
    return scene._replace(items=_insert(scene.items, bands, scene.id_prefix))


def _walk(items: Sequence[Item]) -> list[Item]:
    found: list[Item] = []
    for item in items:
        found.extend(_walk(item.items) if isinstance(item, Group) else [item])
    return found


def _marks(items: Sequence[Item]) -> list[Item]:
    """The shadow's curves and stage faces; micro-journeys are not compared, so theirs are left out."""
    found: list[Item] = []
    for item in items:
        if _is_mark(item):
            found.append(item)
        elif isinstance(item, Group) and item.role != "micro":
            found.extend(_marks(item.items))
    return found


def _is_mark(item: Item) -> bool:
    """A curve (a persona card's key sample is a straight line, not a curve) or a stage face."""
    if isinstance(item, Path):
        return item.cls.startswith("curve") and any(op == "C" for op, _ in item.ops)
    return isinstance(item, Group) and item.role == "face"


def _y(item: Item) -> float:
    """Where an item starts vertically: a path's first point, a face's centre."""
    if isinstance(item, Path):
        return item.ops[0][1][1]
    first = next(i for i in _walk((item,)) if isinstance(i, Circle))
    return first.cy


def _insert(items: tuple[Item, ...], bands: dict[float, list[Item]], prefix: str) -> tuple[Item, ...]:
    out: list[Item] = []
    for item in items:
        if isinstance(item, Group):
            out.append(item._replace(items=_insert(item.items, bands, prefix)))
            continue
        out.append(item)
        if isinstance(item, Path) and item.cls == "baseline" and bands.get(_y(item)):
            band = num(_y(item))
            marks = tuple(Group(f"{prefix}was-{band}-{n}", m.items, m.title) if isinstance(m, Group) else m
                          for n, m in enumerate(bands[_y(item)], start=1))
            out.append(Group(f"{prefix}as-is-{band}", marks, "As-is emotion curve", FADED_OPACITY))
    return tuple(out)
