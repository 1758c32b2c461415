"""The workshop spreadsheet (CSV) -> spec data with cell positions -> a validated Journey and its YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from journeygen.errors import Problem, SpecError
from journeygen.readfile import read_limited
from journeygen.spec.loader import Document, Limits, PathKey, Positions, decode
from journeygen.spec.model import BUILTIN_LANES, Journey, MicroStep
from journeygen.spec.suggest import did_you_mean
from journeygen.spreadsheet.cells import cell_lines, parse_evidence, parse_item, unescape
from journeygen.spreadsheet.lanerows import LaneRows
from journeygen.spreadsheet.lanerows import norm as _norm
from journeygen.spreadsheet.read import Cell, read_rows
from journeygen.spreadsheet.sheet import (
    LIST_FIELDS,
    META_FIELDS,
    PERSONA_FIELDS,
    SCALE_ROW,
    TRANSITION_FIELDS,
    stage_fields,
)
from journeygen.validate import build

_RESEARCH = ("evidence", "confidence")
_ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("persona", "touchpoint", "emotion", *_RESEARCH), "touchpoints": ("channel", *_RESEARCH),
    "ideas": ("owner", "due", "impact", "effort", "status", "addresses", "reach", *_RESEARCH),
    "metrics": ("value", "target", "better", *_RESEARCH), "pain_points": ("id", *_RESEARCH),
    **dict.fromkeys(("evidence", "frontstage", "backstage", "support"), ("id", "actor", "triggers", *_RESEARCH)),
}
_KEY_FIELD = {"touchpoints": "name", "metrics": "name"}
_STAGE_ROWS = {"id": "id", "description": "description", "moment of truth": "moment_of_truth",
               "micro journeys": "micro_journeys", "micro journey": "micro_journeys"}


class Importer:
    """Collects spec data, the cell each value came from, and every problem, in one pass over the rows."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.data: dict[str, Any] = {}
        self.positions: dict[PathKey, tuple[int, int]] = {(): (1, 1)}
        self.cells: dict[tuple[int, int], str] = {}
        self.problems: list[Problem] = []
        self.columns: dict[int, int] = {}
        self.lane_rows: list[str] = []
        self.labels = LaneRows(["Id", "Description", "Moment of truth", "Micro-journeys"])
        self.seen: dict[str, int] = {}

    def put(self, path: PathKey, cell: Cell, value: Any) -> Any:
        self.positions[path] = (cell.line, cell.col)
        self.cells[(cell.line, cell.col)] = cell.address
        return value

    def problem(self, cell: Cell, message: str) -> None:
        self.problems.append(Problem(self.name, cell.line, cell.col, cell.address, message))

    def run(self, rows: list[list[Cell]]) -> Document:
        rows = [row for row in rows if any(c.text.strip() for c in row)]
        header = next((i for i, row in enumerate(rows) if _norm(row[0].text) in ("stage", "stages")), None)
        if header is None:
            first = rows[0][0] if rows else Cell("", 1, 1, 1, 0)
            self.problem(first, "no row labelled 'Stage' in column A: the stage names go in that row, one a column")
            raise SpecError(self.problems)
        for row in rows[:header]:
            self.meta(row)
        self.stages(rows[header])
        for row in rows[header + 1:]:
            self.stage_row(row)
        self.finish()
        return Document(self.name, self.data, Positions(self.positions, {}), None)

    def once(self, label: Cell, key: str) -> bool:
        """True the first time a row is seen; a repeat is a problem (it would overwrite the first)."""
        if key in self.seen:
            self.problem(label, f"a second {label.text.strip()!r} row (the first is row {self.seen[key]}); "
                                "put all its items in one row, one a line")
            return False
        self.seen[key] = label.row
        return True

    def meta(self, row: list[Cell]) -> None:
        label, cells = _norm(row[0].text), row[1:]
        if label not in ("persona", "transition", "personas", "transitions") and not self.once(row[0], label):
            return
        if label in META_FIELDS and cells:
            self.data[label] = self.put((label,), cells[0], cells[0].text)
        elif label == "lanes" and cells:
            self.lanes(cells[0])
        elif label == _norm(SCALE_ROW) and cells:
            self.scale(cells[0])
        elif label == "persona":
            self.record("personas", row, PERSONA_FIELDS)
        elif label == "transition":
            self.record("transitions", row, TRANSITION_FIELDS)
        elif label not in ("personas", "transitions", *META_FIELDS, "lanes", _norm(SCALE_ROW)):
            known = ["Title", "Description", "Author", "Locale", "Theme", "Lanes", SCALE_ROW, "Persona", "Transition",
                     "Stage"]
            hint = did_you_mean(row[0].text, known) or f"; rows above the stage table are {', '.join(known)}"
            self.problem(row[0], f"unknown row {row[0].text!r}{hint}")

    def record(self, key: str, row: list[Cell], fields: tuple[str, ...]) -> None:
        """A persona or transition: one field a column, lists one entry a line."""
        index = len(self.data.setdefault(key, []))
        path: PathKey = (key, index)
        item: dict[str, Any] = {}
        for field, cell in zip(fields, row[1:], strict=False):
            if cell.text.strip():
                value: Any = [unescape(x) for x in cell_lines(cell.text)] if field in LIST_FIELDS else cell.text
                item[field] = self.put((*path, field), cell, value)
        self.data[key].append(self.put(path, row[0], item))

    def lanes(self, cell: Cell) -> None:
        lanes: list[Any] = []
        for line in cell_lines(cell.text):
            lane = self.parse(cell, line, ("title", "layer"))
            if lane is not None:
                text, attrs = lane
                lanes.append({"id": text, **attrs} if attrs else text)
                self.labels.declare(text, attrs.get("title"))
        self.data["lanes"] = self.put(("lanes",), cell, lanes)

    def scale(self, cell: Cell) -> None:
        """``-2..2 | min: furious | max: delighted`` -> ``emotion_scale``; the Journey checks the numbers."""
        found = self.parse(cell, cell.text.strip(), ("min", "max"))
        if found is None:
            return
        text, labels = found
        low, dots, high = text.partition("..")
        try:
            ends = {"min": int(low), "max": int(high)} if dots else None
        except ValueError:
            ends = None
        if ends is None:
            self.problem(cell, f"an emotion scale is written MIN..MAX, e.g. -2..2 or 0..10, not {text!r}")
            return
        self.data["emotion_scale"] = self.put(("emotion_scale",), cell, {**ends, **({"labels": labels} if labels
                                                                                    else {})})

    def parse(self, cell: Cell, line: str, allowed: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
        try:
            return parse_item(line, allowed)
        except ValueError as exc:
            self.problem(cell, str(exc))
            return None

    def stages(self, row: list[Cell]) -> None:
        stages: list[dict[str, Any]] = []
        for cell in row[1:]:
            if cell.text.strip():
                self.columns[cell.column] = len(stages)
                stages.append(self.put(("stages", len(stages)), cell, {"name": cell.text}))
        self.data["stages"] = self.put(("stages",), row[0], stages)

    def stage_row(self, row: list[Cell]) -> None:
        label = _norm(row[0].text)
        if not label:
            self.problem(row[0], "this row has no label in column A (a lane name such as Actions or Ideas)")
            return
        field = _STAGE_ROWS.get(label)
        lane = None if field else self.lane_of(row[0])
        if not (field or lane) or not self.once(row[0], f"stage {field or lane}"):
            return
        for cell in row[1:]:
            index = self.columns.get(cell.column)
            if index is None:
                if cell.text.strip():
                    self.problem(cell, "this cell is in a column without a stage name in the 'Stage' row")
                continue
            if cell.text.strip():
                self.stage_cell(self.data["stages"][index], ("stages", index), field or lane or "", cell)

    def lane_of(self, cell: Cell) -> str | None:
        try:
            lane = self.labels.resolve(cell.text)
        except ValueError as exc:
            self.problem(cell, str(exc))
            return None
        self.lane_rows.append(lane)
        return lane

    def stage_cell(self, stage: dict[str, Any], path: PathKey, key: str, cell: Cell) -> None:
        handler: Callable[[Cell], Any] = {
            "id": lambda c: c.text.strip(), "description": lambda c: c.text,
            "moment_of_truth": self.moment, "micro_journeys": self.micro, "emotions": self.emotion,
        }.get(key) or (lambda c: self.items(c, key))
        value = handler(cell)
        stage_key = "emotion" if key == "emotions" else key
        if value is not None and key:
            stage[stage_key] = self.put((*path, stage_key), cell, value)

    def moment(self, cell: Cell) -> bool | None:
        answer = _norm(cell.text)
        if answer in ("yes", "y", "true", "x", "1"):
            return True
        if answer in ("no", "n", "false", "0"):
            return False
        self.problem(cell, f"write yes or no for a moment of truth, not {cell.text!r}")
        return None

    def items(self, cell: Cell, lane: str) -> list[Any]:
        allowed = _ITEM_FIELDS.get(lane, ())
        out: list[Any] = []
        for line in cell_lines(cell.text):
            parsed = self.parse(cell, line, allowed)
            if parsed is not None:
                text, attrs = parsed
                out.append({_KEY_FIELD.get(lane, "text"): text, **_typed(attrs)} if attrs else text)
        return out

    def emotion(self, cell: Cell) -> Any:
        shared: Any = None
        per_persona: dict[str, Any] = {}
        for line in cell_lines(cell.text):
            parsed = self.parse(cell, line, ("label", "note", "evidence", "confidence"))
            if parsed is None:
                continue
            head, attrs = parsed
            persona, colon, score = head.rpartition(":") if ":" in head else ("", "", head)
            value = {"score": _number(score), **_typed(attrs)}
            if colon:
                per_persona[persona.strip()] = value
            else:
                shared = value
        if shared is not None and per_persona:
            self.problem(cell, "give one emotion score for everyone, or one `persona: score` line per persona")
        return per_persona or shared

    def micro(self, cell: Cell) -> list[dict[str, Any]]:
        journeys: list[dict[str, Any]] = []
        for line in cell_lines(cell.text):
            is_step = line.lstrip().startswith("- ")
            parsed = self.parse(cell, line.lstrip()[2:] if is_step else line,
                                tuple(MicroStep.model_fields)[1:] if is_step else ("description",))
            if parsed is None:
                continue
            text, attrs = parsed
            if not is_step:
                journeys.append({"name": text, **attrs, "steps": []})
            elif not journeys:
                self.problem(cell, "a step (a line starting with '- ') needs a micro-journey name line above it")
            else:
                journeys[-1]["steps"].append({"name": text, **_typed(attrs)} if attrs else text)
        return journeys

    def finish(self) -> None:
        custom = [lane for lane in dict.fromkeys(self.lane_rows) if lane not in BUILTIN_LANES]
        if "lanes" not in self.data and custom:
            titles = self.labels.titles
            self.data["lanes"] = [{"id": lane, "title": titles[lane]} if lane in titles else lane
                                  for lane in dict.fromkeys(self.lane_rows)]
        declared = [lane if isinstance(lane, str) else lane["id"] for lane in self.data.get("lanes", [])]
        self.data["stages"] = [stage_fields(s, declared) for s in self.data.get("stages", [])]
        if "transitions" in self.data:
            self.data["transitions"] = [t for t in self.data["transitions"] if t]


def _number(text: str) -> Any:
    """A whole number as a number (negative ones too: scores on a scale such as -2..2); other text as text."""
    text = text.strip()
    return int(text) if text.removeprefix("-").isdigit() else text


def _typed(attrs: dict[str, str]) -> dict[str, Any]:
    """Scores are numbers in the spec, ``triggers`` a comma-separated list of ids; every other attribute is text."""
    return {key: _number(value) if key in ("emotion", "reach") else _ids(value) if key in ("triggers", "addresses")
            else _sources(value) if key == "evidence" else value for key, value in attrs.items()}


def _sources(value: str) -> list[Any]:
    return list(parse_evidence(value))


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def read_csv(raw: bytes, name: str, base_dir: Path | None = None) -> tuple[Journey, dict[str, Any]]:
    """CSV bytes -> the validated Journey and its spec data; SpecError problems name file:line:col and cell."""
    limits = Limits()
    text = decode(name, raw, limits)
    importer = Importer(name)
    doc = importer.run(read_rows(text, name, limits))
    try:
        journey = build(Document(name, doc.data, doc.positions, base_dir))
    except SpecError as exc:
        built = [Problem(p.file, p.line, p.col, f"{importer.cells.get((p.line, p.col), 'A1')} ({p.path})", p.message)
                 for p in exc.problems]
        raise SpecError([*importer.problems, *built]) from None
    if importer.problems:
        raise SpecError(importer.problems)
    return journey, doc.data


def read_file(source: str) -> dict[str, Any]:
    """Read a CSV file (``-`` for standard input) into validated spec data; raises SpecError."""
    raw = read_limited(source, Limits().max_bytes)
    name, folder = ("<stdin>", Path.cwd()) if source == "-" else (source, Path(source).resolve().parent)
    return read_csv(raw, name, folder)[1]


def to_yaml(data: dict[str, Any], source: str) -> str:
    """Spec data -> YAML text in the usual key order, leaf lists and items written inline."""
    order = ["journeygen", *META_FIELDS, "personas", "lanes", "emotion_scale", "stages", "transitions"]
    ordered = {"journeygen": 1, **{key: data[key] for key in order if key in data}}
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
    return f"# Imported from {Path(source).name} by `journeygen import csv`\n{body}"
