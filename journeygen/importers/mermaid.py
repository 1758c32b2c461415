"""A MermaidJourney -> journeygen spec data and canonical YAML text (sections -> stages, tasks -> actions).

The spec keeps everything Mermaid reads from the diagram, so exporting it gives the same diagram
back: a task's actors (none, an empty one, or several, in their order), titles and accessibility
texts (a ``mermaid:`` block says where the diagram differs from the map), and its configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from journeygen.errors import Problem, SpecError
from journeygen.importers.mermaid_parse import MermaidJourney, MermaidSection, MermaidTask, parse
from journeygen.spec.mermaid_options import unsafe_keys, without_unsafe
from journeygen.spec.text import slug

NO_ACTOR = "Customer"
"""The one persona of a diagram whose tasks name no actor (a spec needs at least one persona)."""
UNNAMED = ""
"""The name of the stage holding tasks written before the first ``section`` (Mermaid shows no section)."""


@dataclass(frozen=True)
class Imported:
    """The spec text, and what the diagram held that the spec leaves out (one sentence each, for stderr)."""

    spec: str
    notes: tuple[str, ...] = ()


def _unique_ids(names: list[str], fallback: str) -> list[str]:
    """Slugs of the names, made unique with -2, -3 ... in order."""
    ids: list[str] = []
    for name in names:
        base = slug(name)[:90] or fallback  # room for the suffix within the 100-character id limit
        candidate, n = base, 1
        while candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        ids.append(candidate)
    return ids


Ids = dict[str, str]
"""Persona ids by actor name."""


def _action(task: MermaidTask, before: MermaidTask | None, ids: Ids, everyone: tuple[str, ...]) -> dict[str, Any]:
    """One action per task, naming its actors as Mermaid lists them; all of them, in order, go unnamed."""
    action: dict[str, Any] = {"text": task.name, "emotion": task.score}
    # The export joins a one-persona action to a like one just before it (`Do work: 1: Me, Cat` kept
    # as one line from older imports), so a second single actor is written as a list, which it never joins.
    joins = before is not None and (before.name, before.score) == (task.name, task.score)
    if not task.actors:
        action["personas"] = []
    elif task.actors != everyone:
        if len(task.actors) == 1 and not joins:
            action["persona"] = ids[task.actors[0]]
        else:
            action["personas"] = [ids[actor] for actor in task.actors]
    return action


def _stages(sections: tuple[MermaidSection, ...], ids: Ids, everyone: tuple[str, ...]) -> list[dict[str, Any]]:
    names = [UNNAMED if section.name is None else section.name for section in sections]
    stages = []
    for stage_id, name, section in zip(_unique_ids(names, "stage"), names, sections, strict=True):
        actions = [_action(task, section.tasks[n - 1] if n else None, ids, everyone)
                   for n, task in enumerate(section.tasks)]
        stages.append({"id": stage_id, "name": name, **({"actions": actions} if actions else {})})
    return stages


def _mermaid_block(diagram: MermaidJourney, title: str) -> dict[str, Any]:
    """Where the diagram differs from what the export writes by default."""
    block: dict[str, Any] = {}
    if diagram.title is None:
        block["title"] = ""
    if (diagram.acc_title or "") != title:
        block["acc_title"] = diagram.acc_title or ""
    if diagram.acc_descr is None:
        block["acc_descr"] = ""
    config = without_unsafe(diagram.config)
    if config:
        block["config"] = config
    return block


def to_data(diagram: MermaidJourney, fallback_title: str) -> dict[str, Any]:
    """Spec data holding everything Mermaid reads from the diagram."""
    everyone = diagram.actors
    personas = everyone or (NO_ACTOR,)
    ids = _unique_ids(list(personas), "unnamed")
    title = diagram.title or diagram.acc_title or fallback_title
    data: dict[str, Any] = {"journeygen": 1, "title": title}
    if diagram.acc_descr:
        data["description"] = diagram.acc_descr
    data["personas"] = [{"id": pid, "name": name} for pid, name in zip(ids, personas, strict=True)]
    sections = diagram.sections or (MermaidSection(None, 1),)
    data["stages"] = _stages(sections, dict(zip(personas, ids, strict=True)), everyone)
    block = _mermaid_block(diagram, title)
    if block:
        data["mermaid"] = block
    return data


def _notes(diagram: MermaidJourney, name: str) -> tuple[str, ...]:
    dropped = unsafe_keys(diagram.config)
    kept_out = [f"{name}: configuration {', '.join(dropped)} left out: a map does not pass it on to Mermaid"]
    return tuple(str(note) for note in diagram.notes) + (tuple(kept_out) if dropped else ())


def _repeated_actors(diagram: MermaidJourney, name: str) -> list[Problem]:
    """Mermaid draws an actor named twice in one task twice; a spec names each persona once per action."""
    return [Problem(name, task.line, task.col, "actors", f"{', '.join(map(repr, twice))} named more than once "
                                                         "in one task; name each actor once")
            for section in diagram.sections for task in section.tasks
            if (twice := sorted({a for a in task.actors if task.actors.count(a) > 1}))]


def import_text(text: str, name: str, fallback_title: str) -> Imported:
    """Mermaid journey text -> validated spec YAML in canonical form; raises SpecError for a bad diagram."""
    from journeygen.authoring.fmt import format_text

    diagram = parse(text, name)
    repeated = _repeated_actors(diagram, name)
    if repeated:
        raise SpecError(repeated)
    head = "# Imported from a Mermaid journey diagram by `journeygen import mermaid`.\n"
    body = yaml.safe_dump(to_data(diagram, fallback_title), sort_keys=False, allow_unicode=True, width=120,
                          default_flow_style=None)
    try:
        spec = format_text(head + body, name)  # what we write must load: a limit the diagram exceeds is reported now
    except SpecError as exc:
        # Positions would point into the generated YAML, not the diagram: keep the field and message.
        raise SpecError(Problem(name, 1, 1, p.path, f"the spec made from this diagram is invalid: {p.message}")
                        for p in exc.problems) from None
    return Imported(spec, _notes(diagram, name))
