"""Journey -> the omnichannel flow: a row per channel, a column per stage, the customer's path across them."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from journeygen.render.flow.edges import Ends, add_transition
from journeygen.render.flow.escape import label
from journeygen.render.flow.look import FONT, Look, emotion_lines

if TYPE_CHECKING:
    import graphviz  # type: ignore[import-untyped]

    from journeygen.spec.model import Journey, Stage

NO_CHANNEL = "(no channel)"
"""The row of touchpoints whose channel the spec does not name."""


class Visit(NamedTuple):
    """One touchpoint the customer meets: its node, channel row, name and stage."""

    node: str
    channel: str
    name: str
    stage: str


def add_channel_view(graph: graphviz.Digraph, journey: Journey, look: Look) -> None:
    """Stage headers on top with the transitions between them; below, a row per channel and a column per
    visit, the customer's path arrows turning bold where the channel changes."""
    visits = _visits(journey)
    _add_rows(graph, visits, look)
    heads = _add_headers(graph, journey, look)
    _align(graph, journey, heads, visits)
    _add_path(graph, [visit for stage in journey.stages for visit in visits.get(stage.id, [])], look)
    order = [stage.id for stage in journey.stages]
    for move in journey.transitions:
        source, target = order.index(move.source), order.index(move.target)
        add_transition(graph, Ends(None, heads[source], heads[source]), Ends(None, heads[target], heads[target]),
                       move, look, backward=target <= source)


def _align(graph: graphviz.Digraph, journey: Journey, heads: list[str], visits: dict[str, list[Visit]]) -> None:
    """Each stage header above its first visit; a stage without touchpoints after the visits before it."""
    last: str | None = None
    for stage, head in zip(journey.stages, heads, strict=True):
        here = visits.get(stage.id, [])
        if here:
            with graph.subgraph() as column:
                column.attr(rank="same")
                column.node(head)
                column.node(here[0].node)
        elif last is not None:
            graph.edge(last, head, style="invis")
        last = here[-1].node if here else last


def _add_path(graph: graphviz.Digraph, path: list[Visit], look: Look) -> None:
    """The customer from touchpoint to touchpoint: a bold accent arrow where the channel changes."""
    for a, b in pairwise(path):
        switch = a.channel != b.channel
        graph.edge(a.node, b.node, color=look.theme.accent if switch else look.theme.muted,
                   penwidth="2.2" if switch else "1", weight="1" if switch else "3")


def _add_headers(graph: graphviz.Digraph, journey: Journey, look: Look) -> list[str]:
    """One box per stage in journey order, coloured by emotion, joined by the default path."""
    heads = [f"{stage.id}/head" for stage in journey.stages]  # "/" never occurs in an id: no clash
    with graph.subgraph(name="cluster_stages") as row:
        row.attr(label="", style="invis")
        for head, stage in zip(heads, journey.stages, strict=True):
            title = f"★ {stage.name}" if stage.moment_of_truth else stage.name
            text = label(title, *emotion_lines(stage, journey), width=30)
            row.node(head, text, **_header_style(stage, journey, look))
        for a, b in pairwise(heads):
            row.edge(a, b, penwidth="2", weight="10")
    return heads


def _header_style(stage: Stage, journey: Journey, look: Look) -> dict[str, str]:
    box = look.stage_box(stage, journey)
    return {key: box[key] for key in ("fillcolor", "color", "penwidth", "fontname")} | {"fontsize": "12"}


def _visits(journey: Journey) -> dict[str, list[Visit]]:
    """Per stage id: each touchpoint as a Visit, in the order the spec lists them."""
    return {stage.id: [Visit(f"{stage.id}/tp{k}", point.channel or NO_CHANNEL, point.name, stage.name)
                       for k, point in enumerate(stage.touchpoints, 1)]
            for stage in journey.stages if stage.touchpoints}


def _add_rows(graph: graphviz.Digraph, visits: dict[str, list[Visit]], look: Look) -> None:
    """A cluster per channel (in order of first use) holding every touchpoint of that channel."""
    rows: dict[str, list[Visit]] = {}
    for visit in (visit for stage_visits in visits.values() for visit in stage_visits):
        rows.setdefault(visit.channel, []).append(visit)
    for k, (channel, members) in enumerate(rows.items(), 1):
        colour = look.channel(channel)
        with graph.subgraph(name=f"cluster_channel{k}") as row:
            row.attr(label=label(channel, width=30), style="rounded,filled", color=colour,
                     fillcolor=look.tint(colour, 0.06), fontname=FONT, fontsize="12", labeljust="l")
            for visit in members:
                row.node(visit.node, label(visit.name, visit.stage), color=colour, fillcolor=look.tint(colour))
