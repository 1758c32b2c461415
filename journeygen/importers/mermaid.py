"""A MermaidJourney -> journeygen spec data and YAML text (sections -> stages, tasks -> actions)."""

from __future__ import annotations

from typing import Any

import yaml

from journeygen.errors import Problem, SpecError
from journeygen.importers.mermaid_parse import MermaidJourney, MermaidSection, MermaidTask, parse
from journeygen.spec.text import slug

NO_ACTOR = "Customer"
"""The one persona of a diagram whose tasks name no actor (a spec needs at least one persona)."""
NO_SECTION = "Tasks"
"""The stage holding tasks written before the first ``section``."""


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


def _actions(task: MermaidTask, persona_ids: dict[str, str], everyone: tuple[str, ...]) -> list[dict[str, Any]]:
    """One action for everyone (or nobody named), else one per actor, so each keeps its persona."""
    if not task.actors or task.actors == everyone:
        return [{"text": task.name, "emotion": task.score}]
    return [{"text": task.name, "persona": persona_ids[actor], "emotion": task.score} for actor in task.actors]


def _stages(sections: tuple[MermaidSection, ...], persona_ids: dict[str, str],
            everyone: tuple[str, ...]) -> list[dict[str, Any]]:
    names = [section.name if section.name is not None else NO_SECTION for section in sections]
    stages = []
    for stage_id, name, section in zip(_unique_ids(names, "stage"), names, sections, strict=True):
        actions = [action for task in section.tasks for action in _actions(task, persona_ids, everyone)]
        stages.append({"id": stage_id, "name": name, **({"actions": actions} if actions else {})})
    return stages


def to_data(diagram: MermaidJourney, fallback_title: str) -> dict[str, Any]:
    """Spec data (format v1) holding every title, section, task, score and actor of the diagram."""
    everyone = diagram.actors or (NO_ACTOR,)
    ids = _unique_ids(list(everyone), "persona")
    data: dict[str, Any] = {"journeygen": 1, "title": diagram.title or diagram.acc_title or fallback_title}
    if diagram.acc_descr:
        data["description"] = diagram.acc_descr
    data["personas"] = [{"id": pid, "name": name} for pid, name in zip(ids, everyone, strict=True)]
    sections = diagram.sections or (MermaidSection(NO_SECTION, 1),)
    data["stages"] = _stages(sections, dict(zip(everyone, ids, strict=True)), everyone)
    return data


def to_yaml(diagram: MermaidJourney, fallback_title: str) -> str:
    """The spec as YAML text, with a comment keeping an accTitle that differs from the title."""
    data = to_data(diagram, fallback_title)
    head = "# Imported from a Mermaid journey diagram by `journeygen import mermaid`.\n"
    if diagram.acc_title and diagram.acc_title != data["title"]:
        # The spec has no field for a second title; Mermaid export uses the title for accTitle.
        head += f"# Its accTitle was: {diagram.acc_title}\n"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    return head + body


def import_text(text: str, name: str, fallback_title: str) -> str:
    """Mermaid journey text -> validated spec YAML; raises SpecError for a bad diagram."""
    from journeygen.api import loads

    spec = to_yaml(parse(text, name), fallback_title)
    try:
        loads(spec, name)  # what we write must load: a limit the diagram exceeds is reported now
    except SpecError as exc:
        # Positions would point into the generated YAML, not the diagram: keep the field and message.
        raise SpecError(Problem(name, 1, 1, p.path, f"the spec made from this diagram is invalid: {p.message}")
                        for p in exc.problems) from None
    return spec
