"""Two Journeys -> the list of changes between them, matched by ids (stages, personas) and text (items)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from journeygen.spec.model import Emotion, EmotionScale, Journey, Persona, Stage

Op = Literal["added", "removed", "renamed", "moved", "changed"]
Value = str | int | bool | None

ITEM_LANES: tuple[str, ...] = ("actions", "motivations", "touchpoints", "pain_points", "ideas", "metrics")
JOURNEY_FIELDS = ("title", "description", "author", "locale", "theme", "emotion_scale")
_STAGE_FIELDS = ("description", "moment_of_truth")


@dataclass(frozen=True)
class Change:
    """One difference. ``kind`` says what changed, ``op`` how; the rest locate it and hold the values."""

    op: Op
    kind: str
    """journey, persona, stage, lane, transition, emotion, micro_journey, or an item lane id."""
    stage: str | None = None
    """The stage id the change is in (or is about)."""
    persona: str | None = None
    """The persona id the change is about (a per-persona emotion, a persona field)."""
    item: str | None = None
    """The item's text or name, the transition ``from -> to``, the lane id."""
    field: str | None = None
    """The field that changed (name, status, owner, due, value, score, position, ...)."""
    old: Value = None
    new: Value = None

    @property
    def delta(self) -> int | None:
        """The change of an emotion score (new - old) when both are numbers."""
        if isinstance(self.old, int) and isinstance(self.new, int) and not isinstance(self.old, bool):
            return self.new - self.old
        return None

    def as_dict(self) -> dict[str, Value]:
        """The stable JSON shape: every key always present."""
        return {"op": self.op, "kind": self.kind, "stage": self.stage, "persona": self.persona,
                "item": self.item, "field": self.field, "old": self.old, "new": self.new, "delta": self.delta}


def diff(old: Journey, new: Journey) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in a stable order: journey, personas, lanes, stages, transitions."""
    return (*_fields(old, new, JOURNEY_FIELDS, kind="journey"), *_personas(old, new), *_lanes(old, new),
            *_stages(old, new), *_transitions(old, new))


def _text(value: Any) -> Value:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return value.described if isinstance(value, EmotionScale) else str(value)


def _fields(old: BaseModel, new: BaseModel, names: Sequence[str], **where: Any) -> Iterator[Change]:
    for name in names:
        before, after = _text(getattr(old, name)), _text(getattr(new, name))
        if before != after:
            yield Change("changed", field=name, old=before, new=after, **where)


def _ordered(old_ids: Sequence[str], new_ids: Sequence[str], kind: str,
             name: Callable[[str, bool], str]) -> Iterator[Change]:
    """Added, removed, and moved ids; moved means outside the longest common order, so one insert moves nothing."""
    common_old = [i for i in old_ids if i in new_ids]
    common_new = [i for i in new_ids if i in old_ids]
    matcher = difflib.SequenceMatcher(a=common_old, b=common_new, autojunk=False)
    kept = {common_old[b.a + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
    for index, ident in enumerate(old_ids):
        if ident not in new_ids:
            yield Change("removed", kind, item=name(ident, False), field="position", old=index + 1,
                         **_key(kind, ident))
    for index, ident in enumerate(new_ids):
        if ident not in old_ids:
            yield Change("added", kind, item=name(ident, True), new=index + 1, field="position", **_key(kind, ident))
        elif ident not in kept:
            yield Change("moved", kind, item=name(ident, True), field="position",
                         old=old_ids.index(ident) + 1, new=index + 1, **_key(kind, ident))


def _key(kind: str, ident: str) -> dict[str, str]:
    return {"stage": ident} if kind == "stage" else {"persona": ident} if kind == "persona" else {}


def _personas(old: Journey, new: Journey) -> Iterator[Change]:
    before = {p.id: p for p in old.personas}
    after = {p.id: p for p in new.personas}
    yield from _ordered(list(before), list(after), "persona",
                        lambda i, is_new: (after if is_new else before)[i].name)
    for ident, persona in after.items():
        if ident in before:
            yield from _persona(before[ident], persona)


def _persona(old: Persona, new: Persona) -> Iterator[Change]:
    where = {"kind": "persona", "persona": new.id}
    if old.name != new.name:
        yield Change("renamed", field="name", old=old.name, new=new.name, item=new.name, **where)
    yield from _fields(old, new, ("description", "photo", "quote"), item=new.name, **where)
    for field in ("goals", "frustrations", "channels"):
        yield from _strings(getattr(old, field), getattr(new, field), field=field, **where)


def _strings(old: Sequence[str], new: Sequence[str], **where: Any) -> Iterator[Change]:
    for text in old:
        if text not in new:
            yield Change("removed", item=text, **where)
    for text in new:
        if text not in old:
            yield Change("added", item=text, **where)


def _lanes(old: Journey, new: Journey) -> Iterator[Change]:
    before = {lane.id: lane.label for lane in old.lanes or ()}
    after = {lane.id: lane.label for lane in new.lanes or ()}
    if old.lanes is None or new.lanes is None:
        if old.lanes != new.lanes:
            yield Change("changed", "journey", field="lanes", old=", ".join(before) or None,
                         new=", ".join(after) or None)
        return
    yield from _ordered(list(before), list(after), "lane", lambda i, is_new: i)
    for ident, label in after.items():
        if ident in before and before[ident] != label:
            yield Change("renamed", "lane", item=ident, field="title", old=before[ident], new=label)


def _stages(old: Journey, new: Journey) -> Iterator[Change]:
    before = {s.id: s for s in old.stages}
    after = {s.id: s for s in new.stages}
    yield from _ordered(list(before), list(after), "stage", lambda i, is_new: (after if is_new else before)[i].name)
    personas = list(dict.fromkeys([*(p.id for p in new.personas), *(p.id for p in old.personas)]))
    for ident, stage in after.items():
        if ident in before:
            yield from _stage(before[ident], stage, personas)


def _stage(old: Stage, new: Stage, personas: Sequence[str]) -> Iterator[Change]:
    if old.name != new.name:
        yield Change("renamed", "stage", stage=new.id, field="name", old=old.name, new=new.name)
    yield from _fields(old, new, _STAGE_FIELDS, kind="stage", stage=new.id)
    yield from _emotions(old, new, personas)
    for lane in (*ITEM_LANES, *sorted(set(old.custom_lanes) | set(new.custom_lanes))):
        yield from _items(old.items(lane), new.items(lane), kind=lane, stage=new.id)
    yield from _items(old.micro_journeys, new.micro_journeys, kind="micro_journey", stage=new.id)


def _emotions(old: Stage, new: Stage, personas: Sequence[str]) -> Iterator[Change]:
    if not isinstance(old.emotion, dict) and not isinstance(new.emotion, dict):
        yield from _emotion(old.emotion, new.emotion, stage=new.id)
        return
    for persona in personas:
        yield from _emotion(old.emotion_for(persona), new.emotion_for(persona), stage=new.id, persona=persona)


def _emotion(old: Emotion | None, new: Emotion | None, **where: Any) -> Iterator[Change]:
    for field in ("score", "label", "note"):
        before, after = getattr(old, field, None), getattr(new, field, None)
        if before != after:
            yield Change("changed", "emotion", field=field, old=before, new=after, **where)


def item_key(item: Any) -> str:
    """An item's identity: its text or name (items have no ids)."""
    if isinstance(item, str):
        return item
    return str(getattr(item, "text", None) or getattr(item, "name", ""))


def _items(old: Sequence[Any], new: Sequence[Any], **where: Any) -> Iterator[Change]:
    """Items matched by text; a repeated text pairs up in order. Matched items compare field by field."""
    pending = [(item_key(item), item) for item in old]
    for item in new:
        key = item_key(item)
        match = next((pair for pair in pending if pair[0] == key), None)
        if match is None:
            yield Change("added", item=key, **where)
            continue
        pending.remove(match)
        yield from _item_fields(match[1], item, item=key, **where)
    for key, _ in pending:
        yield Change("removed", item=key, **where)


def _item_fields(old: Any, new: Any, **where: Any) -> Iterator[Change]:
    if not isinstance(new, BaseModel) or not isinstance(old, BaseModel):
        return
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    for field, value in after.items():
        if field in ("text", "name") or before.get(field) == value:
            continue
        if isinstance(value, (list, dict)):
            yield Change("changed", field=field, old=_summary(before.get(field)), new=_summary(value), **where)
        else:
            yield Change("changed", field=field, old=before.get(field), new=value, **where)


def _summary(value: Any) -> str:
    """A micro-journey's steps as one line: ``Opens cart (4) > Pays (3)``."""
    steps = value if isinstance(value, list) else []
    return " > ".join(f"{s['name']} ({s['emotion']})" if s.get("emotion") else str(s["name"]) for s in steps)


def _transitions(old: Journey, new: Journey) -> Iterator[Change]:
    before = {(t.source, t.target): t.label for t in old.transitions}
    after = {(t.source, t.target): t.label for t in new.transitions}
    for (source, target), label in before.items():
        if (source, target) not in after:
            yield Change("removed", "transition", item=f"{source} -> {target}", old=label)
    for (source, target), label in after.items():
        if (source, target) not in before:
            yield Change("added", "transition", item=f"{source} -> {target}", new=label)
        elif before[(source, target)] != label:
            yield Change("changed", "transition", item=f"{source} -> {target}", field="label",
                         old=before[(source, target)], new=label)
