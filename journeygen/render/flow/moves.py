"""Transitions -> arrows that leave the default path through a label node, in a band beside the stages.

An arrow between neighbouring stages has no room of its own, and a plain edge label floats wherever
Graphviz finds space, often inside another stage. So each transition is drawn through a small text node
holding its label: invisible edges rank that node between the two stages, and one invisible cluster holds
every such node, so they all sit on one side of the stages and the picture grows to hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from journeygen.render.flow.escape import label

if TYPE_CHECKING:
    import graphviz  # type: ignore[import-untyped]

    from journeygen.render.flow.look import Look
    from journeygen.spec.model import Journey, Transition

LABEL_WIDTH = 24


def gap(journey: Journey) -> dict[str, str]:
    """Attributes of an edge from one stage to the next: two ranks apart (not one) when a transition needs a free
    rank between stages for its label node."""
    return {"minlen": "2"} if any(move.source != move.target for move in journey.transitions) else {}


@dataclass(frozen=True)
class Ends:
    """Where arrows attach to a drawn stage: the node they enter by, the node they leave from."""

    cluster: str | None
    """The stage's cluster, or None when the stage is a single node."""
    entry: str
    exit: str


def add_moves(graph: graphviz.Digraph, ends: dict[str, Ends], moves: tuple[Transition, ...], look: Look) -> None:
    """Every transition: a loop on its own stage, else an arrow through the band, past every stage between."""
    order = list(ends)
    stops = list(ends.values())
    if not moves:
        return
    with graph.subgraph(name="cluster_moves") as band:
        band.attr(label="", style="invis", margin="4")
        for k, move in enumerate(moves, 1):
            start, end = order.index(move.source), order.index(move.target)
            style = _style(look, backward=end <= start)
            if start == end:
                loop = {"label": label(move.label, width=LABEL_WIDTH)} if move.label else {}
                graph.edge(stops[start].exit, stops[end].entry, **style, **loop, constraint="false")
                continue
            low, high = sorted((start, end))
            # One node per gap the arrow crosses ("/" never occurs in a spec id); the middle one holds the label.
            gaps = {gap: f"move/{k}/{gap}" for gap in range(low, high)}
            for gap, node in gaps.items():
                _add_stop(band, node, move if gap == (low + high - 1) // 2 else None, look)
                graph.edge(stops[gap].exit, node, style="invis")
                graph.edge(node, stops[gap + 1].entry, style="invis")
            _add_arrow(graph, stops[low], list(gaps.values()), stops[high], style, backward=end < start)


def _add_arrow(graph: graphviz.Digraph, left: Ends, nodes: list[str], right: Ends, style: dict[str, str], *,
               backward: bool) -> None:
    """Edges from the earlier stage through the gap nodes to the later one, all written in path order so they
    keep the nodes between the stages; a backward arrow has its head at the earlier stage (``dir=back``)."""
    edges = [(left.exit, nodes[0], _clip(left, tail=True)), *((a, b, {}) for a, b in pairwise(nodes)),
             (nodes[-1], right.entry, _clip(right, tail=False))]
    for n, (a, b, clip) in enumerate(edges):
        head = (n == 0) if backward else (n == len(edges) - 1)
        way = ("back" if backward else "forward") if head else "none"
        graph.edge(a, b, **style, **clip, **({} if way == "forward" else {"dir": way}))


def _style(look: Look, *, backward: bool) -> dict[str, str]:
    colour = look.theme.transition
    return {"color": colour, "fontcolor": colour, "penwidth": "1.5", "style": "dashed" if backward else "solid"}


def _clip(end: Ends, *, tail: bool) -> dict[str, str]:
    """An arrow meets a stage drawn as a cluster at the cluster's border."""
    if end.cluster is None:
        return {}
    return {"ltail": end.cluster} if tail else {"lhead": end.cluster}


def _add_stop(band: graphviz.Digraph, node: str, move: Transition | None, look: Look) -> None:
    """The label of the transition, or (``move`` None, or no label) a point the arrow passes through."""
    colour = look.theme.transition
    if move is not None and move.label:
        band.node(node, label(move.label, width=LABEL_WIDTH), shape="box", style="rounded,filled",
                  color=colour, fillcolor=look.theme.background, fontcolor=colour, fontsize="10",
                  margin="0.1,0.04", penwidth="0.8")
    else:
        band.node(node, "", shape="point", width="0.01", color=colour)
