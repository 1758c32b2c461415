"""Journey -> the omnichannel flow: a grid of channel rows by stage columns, each persona's path across it."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from journeygen.layout.keys import channel_key
from journeygen.render.flow.escape import html_text, label
from journeygen.render.flow.header import stage_label
from journeygen.render.flow.look import Look
from journeygen.render.flow.moves import Ends, add_moves, gap
from journeygen.render.flow.paths import met_by, shown

if TYPE_CHECKING:
    import graphviz  # type: ignore[import-untyped]

    from journeygen.spec.model import Journey, Persona, Stage

NO_CHANNEL = "(no channel)"
"""The row of touchpoints whose channel the spec does not name."""
ROW_WEIGHT = "100"
"""Pulls each row's cells onto one straight line across the stages."""
RAIL_TINT = 0.14
RAIL_WIDTH = "12"
RAIL_DOT = "0.17"
"""A channel's rail: a broad, pale line behind its row, so the eye can follow the row across the stages."""


class Visit(NamedTuple):
    """One touchpoint the customer meets: its stage, its port in the stage's cell, and its channel row."""

    stage: str
    port: str
    row: str


def add_channel_view(graph: graphviz.Digraph, journey: Journey, look: Look) -> None:
    """Stage headers on top, joined by the default path and the transitions; below, a row per channel holding
    the stage's touchpoints of that channel in the stage's column; each persona's path arrows across them."""
    visits = {stage.id: _visits(stage, look) for stage in journey.stages}
    rows = _rows(journey, visits)
    heads = _add_headers(graph, journey, look)
    for n, (key, name) in enumerate(rows.items(), 1):
        _add_row(graph, n, key, name, journey, visits, look)
    # The row titles' column, with an empty slot level with the stage headers.
    graph.node(_title(0), "", shape="point", style="invis", width="0.01")
    graph.edge(_title(0), heads[0], style="invis", **gap(journey))
    _add_column(graph, [_title(n) for n in range(len(rows) + 1)])
    for stage, head in zip(journey.stages, heads, strict=True):
        _add_column(graph, [head, *(_cell(stage.id, n) for n in range(1, len(rows) + 1))])
    numbers = {key: n for n, key in enumerate(rows, 1)}
    for persona in look.personas:
        _add_path(graph, _path(journey, visits, persona), numbers, look, persona)
    add_moves(graph, {s.id: Ends(None, head, head) for s, head in zip(journey.stages, heads, strict=True)},
              journey.transitions, look)


def _visits(stage: Stage, look: Look) -> dict[int, Visit]:
    """Per touchpoint index the drawn personas meet: its Visit (cell, port, channel row)."""
    return {k: Visit(stage.id, f"tp{k + 1}", channel_key(point.channel))
            for k, point in shown(stage, look.personas)}


def _path(journey: Journey, visits: dict[str, dict[int, Visit]], persona: Persona) -> list[Visit]:
    """The touchpoints one persona meets, in journey order."""
    path: list[Visit] = []
    for stage in journey.stages:
        met = met_by(stage, persona)
        path += [visit for k, visit in visits[stage.id].items() if k in met]
    return path


def _rows(journey: Journey, visits: dict[str, dict[int, Visit]]) -> dict[str, str]:
    """Channel key -> its row title, in order of first use; spellings of one channel share a row."""
    rows: dict[str, str] = {}
    for stage in journey.stages:
        for k in visits[stage.id]:
            point = stage.touchpoints[k]
            rows.setdefault(channel_key(point.channel), " ".join((point.channel or NO_CHANNEL).split()))
    return rows


def _cell(stage: str, row: int) -> str:
    return f"{stage}/ch{row}"  # "/" never occurs in an id: no clash


def _add_row(graph: graphviz.Digraph, n: int, key: str, name: str, journey: Journey,
             visits: dict[str, dict[int, Visit]], look: Look) -> None:
    """One channel's row across every stage: its title, then a cell per stage holding the stage's touchpoints
    of that channel (an empty cell is an invisible point), strung on a straight rail in the channel's tint."""
    colour = look.channel(key)
    rail = look.tint(colour, RAIL_TINT)
    graph.node(_title(n), label(name, width=20), shape="plaintext", fontcolor=look.theme.ink, fontsize="12")
    for stage in journey.stages:
        ports = [(v.port, stage.touchpoints[k].name) for k, v in visits[stage.id].items() if v.row == key]
        if ports:
            graph.node(_cell(stage.id, n), _table(ports, colour, look), shape="plain")
        else:
            # A dot as wide as the rail and of its colour: the rail runs on through an empty cell unbroken.
            graph.node(_cell(stage.id, n), "", shape="point", width=RAIL_DOT, color=rail, fillcolor=rail)
    cells = [_title(n), *(_cell(stage.id, n) for stage in journey.stages)]
    for a, b in pairwise(cells):
        graph.edge(a, b, dir="none", color=rail, penwidth=RAIL_WIDTH, weight=ROW_WEIGHT, **gap(journey),
                   **({} if a == cells[0] else {"tailclip": "false"}), headclip="false")


def _title(row: int) -> str:
    return f"channel/{row}"  # "/" never occurs in an id: no clash; row 0 is the slot beside the headers


def _table(ports: list[tuple[str, str]], colour: str, look: Look) -> str:
    """The touchpoints of one cell, one under the other, each a port the path arrows attach to."""
    rows = "<HR/>".join(f'<TR><TD PORT="{port}" BALIGN="LEFT">{html_text(name, 26)}</TD></TR>' for port, name in ports)
    return (f'<<TABLE BORDER="1" STYLE="rounded" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" COLOR="{colour}" '
            f'BGCOLOR="{look.tint(colour)}">{rows}</TABLE>>')


def _add_column(graph: graphviz.Digraph, nodes: list[str]) -> None:
    """Nodes in one rank, top to bottom in the order given (flat invisible edges keep the order)."""
    with graph.subgraph() as column:
        column.attr(rank="same")
        for node in nodes:
            column.node(node)
        for a, b in pairwise(nodes):
            column.edge(a, b, style="invis")


def _add_headers(graph: graphviz.Digraph, journey: Journey, look: Look) -> list[str]:
    """One box per stage in journey order, coloured by emotion, joined by the default path."""
    heads = [f"{stage.id}/head" for stage in journey.stages]
    for head, stage in zip(heads, journey.stages, strict=True):
        graph.node(head, stage_label(stage, look), **_header_style(stage, look))
    for a, b in pairwise(heads):
        graph.edge(a, b, penwidth="2", weight="10", **gap(journey))
    return heads


def _header_style(stage: Stage, look: Look) -> dict[str, str]:
    box = look.stage_box(stage)
    return {key: box[key] for key in ("fillcolor", "color", "penwidth", "fontname")} | {"fontsize": "12"}


def _add_path(graph: graphviz.Digraph, path: list[Visit], numbers: dict[str, int], look: Look,
              persona: Persona) -> None:
    """One persona from touchpoint to touchpoint; bold where the channel changes. With several personas each
    path has the persona's colour; alone, it is the accent where the channel changes and muted elsewhere."""
    several = len(look.personas) > 1
    for a, b in pairwise(path):
        if (a.stage, a.row) == (b.stage, b.row):
            continue  # the next touchpoint in the same cell: listed just below, no arrow needed
        switch = a.row != b.row
        colour = look.persona(persona) if several else look.theme.accent if switch else look.theme.muted
        graph.edge(_cell(a.stage, numbers[a.row]), _cell(b.stage, numbers[b.row]), tailport=a.port, headport=b.port,
                   color=colour, penwidth="2.2" if switch else "1.2",
                   **({"constraint": "false"} if a.stage == b.stage else {}))
