"""A Journey -> its backlog: each open idea with the pains it addresses, in RICE order, as issue-tracker rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from journeygen.numbers import num
from journeygen.project import stem
from journeygen.report.model import CLOSED
from journeygen.spec.model import Idea, Journey, PainPoint, Stage
from journeygen.spec.rice import by_rice, rice
from journeygen.spreadsheet.cells import format_evidence

COLUMNS = ("title", "body", "owner", "due", "labels")
"""What GitHub's and Jira's CSV imports map: summary, description, assignee, due date, labels."""


@dataclass(frozen=True)
class Issue:
    """One backlog row: the idea as an issue a tracker can import."""

    title: str
    body: str
    owner: str
    due: str
    labels: str


def issues(journey: Journey, spec: str) -> Iterator[Issue]:
    """The map's open ideas (neither done nor dropped) in the order of the PDF's backlog."""
    pains = {pain.id: (stage, pain) for stage in journey.stages for pain in stage.pain_points if pain.id}
    ideas = [(stage, idea) for stage in journey.stages for idea in stage.ideas if idea.status not in CLOSED]
    for stage, idea in by_rice(ideas):
        addressed = [pains[ident] for ident in idea.addresses if ident in pains]
        yield Issue(idea.text, _body(journey, spec, stage, idea, addressed), idea.owner or "",
                    idea.due.isoformat() if idea.due else "", ",".join(_labels(journey, spec, stage, idea)))


def _body(journey: Journey, spec: str, stage: Stage, idea: Idea, addressed: list[tuple[Stage, PainPoint]]) -> str:
    lines = [idea.text, "", f"Stage: {stage.name}", f"Map: {journey.title} ({spec})"]
    if addressed:
        lines += ["", "Addresses:"]
        for where, pain in addressed:
            lines.append(f"- {pain.text} (stage: {where.name})")
            if pain.evidence:
                lines.append(f"  Evidence: {format_evidence(pain.evidence)}")
            if pain.confidence:
                lines.append(f"  Confidence: {pain.confidence}")
    if idea.evidence:
        lines += ["", f"Evidence: {format_evidence(idea.evidence)}"]
    score = rice(idea)
    if score is not None:
        lines += ["", f"RICE: {num(float(score))} (reach {idea.reach}, impact {idea.impact}, "
                      f"confidence {idea.confidence or 'assumed'}, effort {idea.effort})"]
    return "\n".join(lines)


def _labels(journey: Journey, spec: str, stage: Stage, idea: Idea) -> list[str]:
    """Labels without spaces (Jira splits on them): ``impact:high``, ``stage:checkout``, ``map:shop``, ``rice:1440``."""
    score = rice(idea)
    found = [f"impact:{idea.impact}" if idea.impact else "", f"effort:{idea.effort}" if idea.effort else "",
             f"status:{idea.status}" if idea.status else "", f"stage:{stage.id}", f"map:{'-'.join(stem(spec).split())}",
             f"rice:{num(float(score))}" if score is not None else ""]
    return [label for label in found if label]
