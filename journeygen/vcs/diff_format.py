"""A list of Changes -> a report for people (text, Markdown for a pull request) or programs (JSON)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from journeygen.errors import printable
from journeygen.spec.diff import Change, Value
from journeygen.spec.model import Journey

Quote = Callable[[str], str]


@dataclass(frozen=True)
class Style:
    """How user text is shown: ``value`` for item texts and field values, ``name`` for names in headings."""

    value: Quote
    name: Quote


FORMAT_VERSION = 1
_KINDS = {"actions": "action", "motivations": "motivation", "touchpoints": "touchpoint",
          "pain_points": "pain point", "ideas": "idea", "metrics": "metric", "micro_journey": "micro-journey"}
_SIGNS = {"added": "+", "removed": "-", "renamed": "~", "moved": "~", "changed": "~"}
_COLOURS = {"+": "\x1b[32m", "-": "\x1b[31m", "~": "\x1b[33m"}  # ANSI green, red, yellow
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
_SECTIONS = ("Journey", "Personas", "Lanes", "Stages", "Emotion", "Transitions")


@dataclass(frozen=True)
class Line:
    """One change as a person reads it, under a section (a fixed one, or a stage)."""

    section: str
    sign: str
    text: str


class Names:
    """Display names of stages, personas and lanes; the new side's where both sides have one."""

    def __init__(self, old: Journey, new: Journey) -> None:
        self.stages = {s.id: s.name for j in (old, new) for s in j.stages}
        self.personas = {p.id: p.name for j in (old, new) for p in j.personas}
        self.lanes = {lane.id: lane.label for j in (old, new) for lane in j.lane_list()}

    def kind(self, kind: str) -> str:
        return _KINDS.get(kind) or self.lanes.get(kind, kind.replace("_", " ")).lower()


def lines(changes: Sequence[Change], names: Names, style: Style) -> list[Line]:
    """Every change as a Line, in the order of ``changes``."""
    return [_line(c, names, style) for c in changes]


def _show(value: Value, q: Quote) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return q(str(value)) if isinstance(value, str) else str(value)


def _arrow(change: Change, q: Quote) -> str:
    delta = change.delta
    suffix = f" ({delta:+d})" if delta is not None and change.kind == "emotion" else ""
    return f"{_show(change.old, q)} -> {_show(change.new, q)}{suffix}"


def _line(c: Change, names: Names, style: Style) -> Line:
    sign, q, n = _SIGNS[c.op], style.value, style.name
    if c.kind in ("journey", "persona", "lane", "transition") or (c.kind == "stage" and c.op != "changed"
                                                                   and c.op != "renamed"):
        return Line(_section(c.kind), sign, _top(c, names, style))
    stage = names.stages.get(c.stage or "", c.stage or "")
    if c.kind == "emotion" and c.field == "score":
        who = f" ({n(names.personas.get(c.persona, c.persona))})" if c.persona else ""
        return Line("Emotion", sign, f"{n(stage)}{who}: {_arrow(c, q)}")
    return Line(f"Stage: {stage}", sign, _in_stage(c, names, style))


def _section(kind: str) -> str:
    return {"journey": "Journey", "persona": "Personas", "lane": "Lanes", "transition": "Transitions"}.get(
        kind, "Stages")


def _top(c: Change, names: Names, style: Style) -> str:
    q, n = style.value, style.name
    if c.kind == "transition":
        label = c.new if c.op == "added" else c.old
        ends = " -> ".join(n(part) for part in str(c.item).split(" -> "))
        text = ends + (f": {q(str(label))}" if label and c.op != "changed" else "")
        return text if c.op != "changed" else f"{ends} label: {_arrow(c, q)}"
    if c.kind == "journey":
        return f"{c.field}: {_arrow(c, q)}"
    ident = c.stage or c.persona or c.item or ""
    who = n(names.personas.get(ident, ident))
    if c.field in ("goals", "frustrations", "channels") and c.op != "changed":
        return f"{c.kind} {who} {c.field}: {c.op} {q(str(c.item))}"
    title = q(str(c.item)) if c.kind != "lane" else q(names.lanes.get(ident, ident))
    if c.op in ("added", "removed"):
        where = f" at position {c.new}" if c.op == "added" else ""
        return f"{c.op} {c.kind} {title} ({n(ident)}){where}"
    if c.op == "moved":
        return f"{c.kind} {title} moved: position {c.old} -> {c.new}"
    if c.op == "renamed":
        return f"{c.kind} {n(ident)} renamed: {_arrow(c, q)}"
    return f"{c.kind} {who} {c.field}: {_arrow(c, q)}"


def _in_stage(c: Change, names: Names, style: Style) -> str:
    q, n = style.value, style.name
    if c.kind == "stage":
        return f"{'renamed' if c.op == 'renamed' else c.field}: {_arrow(c, q)}"
    if c.kind == "emotion":
        who = f" ({n(names.personas.get(c.persona, c.persona))})" if c.persona else ""
        return f"emotion {c.field}{who}: {_arrow(c, q)}"
    kind = names.kind(c.kind)
    if c.op in ("added", "removed"):
        return f"{kind}: {q(str(c.item))}"
    return f"{kind} {q(str(c.item))}: {c.field} {_arrow(c, q)}"


def _ordered_sections(found: Sequence[Line]) -> list[str]:
    """Journey, Personas, Lanes, Stages, Emotion, then one section per stage, then Transitions."""
    present = {line.section for line in found}
    fixed = [s for s in _SECTIONS[:-1] if s in present]
    stages = dict.fromkeys(line.section for line in found if line.section.startswith("Stage: "))
    return [*fixed, *stages, *(["Transitions"] if "Transitions" in present else [])]


def _quote_text(text: str) -> str:
    return '"' + printable(text) + '"'


def to_text(changes: Sequence[Change], names: Names, old_name: str, new_name: str, *, colour: bool) -> str:
    """Plain text, one change a line, grouped by section; ANSI colours when ``colour``."""
    found = lines(changes, names, Style(_quote_text, printable))
    out = [f"--- {printable(old_name)}", f"+++ {printable(new_name)}"]
    for section in _ordered_sections(found):
        out.append(_BOLD + printable(section) + _RESET if colour else printable(section))
        for line in (x for x in found if x.section == section):
            text = f"  {line.sign} {line.text}"
            out.append(_COLOURS[line.sign] + text + _RESET if colour else text)
    out.append(_count(changes) if changes else "no differences")
    return "\n".join(out) + "\n"


def _count(changes: Sequence[Change]) -> str:
    ops = {op: sum(1 for c in changes if c.op == op) for op in _SIGNS}
    parts = ", ".join(f"{n} {op}" for op, n in ops.items() if n)
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''} ({parts})"


# Only what can start markup inline; a line never begins with user text, so list and heading marks are safe.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def md_escape(text: str) -> str:
    """Spec text -> Markdown that shows it literally: no markup, links, HTML or table breaks."""
    text = _MD_SPECIAL.sub(r"\\\1", printable(text.replace("\n", " ")))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")


def to_markdown(changes: Sequence[Change], names: Names, old_name: str, new_name: str) -> str:
    """A pull-request comment: a heading, the emotion changes as a table, then a list per section."""
    found = lines(changes, names, Style(md_escape, md_escape))
    out = ["### Journey map changes", "", f"`{_code(old_name)}` → `{_code(new_name)}`: "
           + (_count(changes) if changes else "no differences"), ""]
    emotion = [c for c in changes if c.kind == "emotion" and c.field == "score"]
    if emotion:
        out += ["| Stage | Persona | Before | After | Change |", "|---|---|---|---|---|"]
        out += [_emotion_row(c, names) for c in emotion] + [""]
    for section in (s for s in _ordered_sections(found) if s != "Emotion"):
        out += [f"**{md_escape(section)}**", ""]
        out += [f"- `{line.sign}` {line.text}" for line in found if line.section == section]
        out.append("")
    return "\n".join(out)


def _code(text: str) -> str:
    return printable(text).replace("`", "'")


def _emotion_row(c: Change, names: Names) -> str:
    stage = md_escape(names.stages.get(c.stage or "", c.stage or ""))
    persona = md_escape(names.personas.get(c.persona, c.persona)) if c.persona else ""
    delta = c.delta
    change = "new" if c.old is None else "removed" if c.new is None else f"{delta:+d}" if delta else "0"
    return f"| {stage} | {persona} | {_show(c.old, str)} | {_show(c.new, str)} | {change} |"


def to_json(changes: Sequence[Change], old_name: str, new_name: str) -> str:
    """The stable machine shape documented in docs/version-control.md."""
    summary = {op: sum(1 for c in changes if c.op == op) for op in _SIGNS}
    data = {"format": "journeygen-diff", "version": FORMAT_VERSION, "old": old_name, "new": new_name,
            "equal": not changes, "summary": summary, "changes": [c.as_dict() for c in changes]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
