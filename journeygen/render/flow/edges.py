"""Drawn stages' attachment points and a transition -> a labelled Graphviz arrow, shared by both flow views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeygen.render.flow.escape import label
from journeygen.render.flow.look import Look

if TYPE_CHECKING:
    import graphviz  # type: ignore[import-untyped]

    from journeygen.spec.model import Transition


@dataclass(frozen=True)
class Ends:
    """Where arrows attach to a drawn stage: the node they enter by, the node they leave from."""

    cluster: str | None
    """The stage's cluster, or None when the stage is a single node."""
    entry: str
    exit: str


def add_transition(graph: graphviz.Digraph, source: Ends, target: Ends, move: Transition, look: Look,
                   *, backward: bool) -> None:
    """A labelled arrow off the default path; it never moves stages (``constraint=false``)."""
    attrs = {"color": look.theme.transition, "fontcolor": look.theme.transition, "penwidth": "1.5",
             "constraint": "false", "style": "dashed" if backward else "solid"}
    if move.label:
        attrs["label"] = label(move.label, width=24)
    if source.cluster and target.cluster and source.cluster != target.cluster:
        attrs.update(ltail=source.cluster, lhead=target.cluster)
    graph.edge(source.exit, target.entry, **attrs)
