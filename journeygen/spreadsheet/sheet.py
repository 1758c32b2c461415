"""Journey <-> the workshop spreadsheet: stages as columns, lanes as rows, one item per line in a cell.

The layout is documented in docs/version-control.md; ``render`` writes it (``-f csv``) and
``read_csv`` turns it back into spec data, positioned so that problems name the cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from journeygen.layout.prepared import Prepared
from journeygen.render import Output
from journeygen.spec.model import BUILTIN_LANES, DEFAULT_SCALE, Emotion, Evidence, Journey, Lane, Stage
from journeygen.spreadsheet.cells import format_evidence, format_item, guard

STAGE, ID, DESCRIPTION, MOMENT, MICRO = "Stage", "Id", "Description", "Moment of truth", "Micro-journeys"
PERSONA_FIELDS = ("name", "id", "description", "quote", "goals", "frustrations", "channels", "photo")
TRANSITION_FIELDS = ("from", "to", "label")
META_FIELDS = ("title", "description", "author", "locale", "theme")
LIST_FIELDS = ("goals", "frustrations", "channels")
BOM = "\ufeff"


SCALE_ROW = "Emotion scale"
"""The row of a map's own emotion scale: ``-2..2 | min: furious | max: delighted`` (the ends' labels optional)."""


def render(prepared: Prepared) -> Output:
    """The map as CSV (UTF-8 with a BOM so that spreadsheets detect the encoding); every cell formula-guarded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows(prepared.journey):
        writer.writerow([guard(cell) for cell in row])
    return Output((BOM + out.getvalue()).encode("utf-8"))


def rows(journey: Journey) -> list[list[str]]:
    """The sheet as rows of text: the journey's details, personas, transitions, then the stage table."""
    return [*_meta(journey), [], *_table(journey)]


def _meta(journey: Journey) -> Iterator[list[str]]:
    for field in META_FIELDS:
        value = getattr(journey, field)
        if value is not None:
            yield [field.capitalize(), value]
    if journey.lanes is not None:
        yield ["Lanes", "\n".join(format_item(lane.id, [("title", lane.title), ("layer", lane.layer)])
                                  for lane in journey.lanes)]
    scale = journey.emotion_scale
    if scale != DEFAULT_SCALE:
        yield [SCALE_ROW, format_item(str(scale), [("min", scale.labels.min), ("max", scale.labels.max)])]
    yield ["Personas", *(f.capitalize() for f in PERSONA_FIELDS)]
    for persona in journey.personas:
        yield ["Persona", *(_lines(getattr(persona, f)) for f in PERSONA_FIELDS)]
    if journey.transitions:
        yield ["Transitions", *(f.capitalize() for f in TRANSITION_FIELDS)]
        yield from (["Transition", t.source, t.target, t.label or ""] for t in journey.transitions)


def _lines(value: str | tuple[str, ...] | None) -> str:
    """A persona field as a cell: a list is one entry a line, each escaped like an item."""
    if isinstance(value, tuple):
        return "\n".join(format_item(v, []) for v in value)
    return value or ""


def _table(journey: Journey) -> Iterator[list[str]]:
    stages = journey.stages
    yield [STAGE, *(s.name for s in stages)]
    yield [ID, *(s.id for s in stages)]
    if any(s.description for s in stages):
        yield [DESCRIPTION, *(s.description or "" for s in stages)]
    if any(s.moment_of_truth for s in stages):
        yield [MOMENT, *("yes" if s.moment_of_truth else "" for s in stages)]
    for lane in export_lanes(journey):
        yield [lane.label, *(_cell(s, lane.id) for s in stages)]
    if any(s.micro_journeys for s in stages):
        yield [MICRO, *("\n".join(_micro(s)) for s in stages)]


def export_lanes(journey: Journey) -> list[Lane]:
    """The drawn lanes, then any built-in lane that holds data but is not drawn (so nothing is lost)."""
    shown = list(journey.lane_list())
    ids = {lane.id for lane in shown}
    hidden = [Lane(id=lane) for lane in BUILTIN_LANES if lane not in ids and _has(journey, lane)]
    return [*shown, *hidden]


def _has(journey: Journey, lane: str) -> bool:
    if lane == "emotions":
        return any(s.emotion is not None for s in journey.stages)
    return any(s.items(lane) for s in journey.stages)


def _cell(stage: Stage, lane: str) -> str:
    if lane == "emotions":
        return "\n".join(_emotions(stage))
    return "\n".join(item_line(item) for item in stage.items(lane))


def item_line(item: str | BaseModel) -> str:
    """An item as one cell line: its text, then its other fields as ``| key: value``."""
    if isinstance(item, str):
        return format_item(item, [])
    data = item.model_dump(mode="json")
    key = "text" if "text" in data else "name"
    text = data.pop(key)
    return format_item(text, ((k, _joined(v) if isinstance(v, list) else v) for k, v in data.items()))


def _joined(values: list[Any]) -> str:
    """A list attribute in one cell line: ids joined by commas, evidence as ``format_evidence`` writes it."""
    if values and isinstance(values[0], dict):
        return format_evidence(Evidence.model_validate(value) for value in values)
    return ", ".join(values)


def _emotions(stage: Stage) -> Iterator[str]:
    emotion = stage.emotion
    if isinstance(emotion, Emotion):
        yield _emotion_line(str(emotion.score), emotion)
    elif isinstance(emotion, dict):
        yield from (_emotion_line(f"{persona}: {e.score}", e) for persona, e in emotion.items())


def _emotion_line(head: str, emotion: Emotion) -> str:
    return format_item(head, [("label", emotion.label), ("note", emotion.note),
                              ("evidence", format_evidence(emotion.evidence)),
                              ("confidence", emotion.confidence)])


def _micro(stage: Stage) -> Iterator[str]:
    for micro in stage.micro_journeys:
        yield format_item(micro.name, [("description", micro.description)])
        yield from ("- " + item_line(step) for step in micro.steps)


def stage_fields(stage: dict[str, Any], custom: Sequence[str]) -> dict[str, Any]:
    """A stage's keys in the order of the spec format, custom lanes last."""
    order = [*Stage.model_fields, *custom]
    return {key: stage[key] for key in sorted(stage, key=lambda k: order.index(k) if k in order else len(order))}
