"""Journey -> Graphviz DOT of its flow (stages, paths, transitions), and that DOT -> SVG through `dot`."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from typing import TYPE_CHECKING

import graphviz  # type: ignore[import-untyped]  # the package ships no type hints

from journeygen.errors import RenderError
from journeygen.layout.prepared import Prepared
from journeygen.render import Output
from journeygen.render.flow.escape import label
from journeygen.render.flow.header import stage_label
from journeygen.render.flow.look import FONT, Look, look_for
from journeygen.render.flow.moves import Ends, add_moves, gap
from journeygen.render.flow.paths import drawn_personas, shown
from journeygen.theme import Theme

if TYPE_CHECKING:
    from journeygen.options import RenderOptions
    from journeygen.spec.model import Journey, MicroJourney, Stage

DOT_TIMEOUT = 60
INSTALL_HINT = ("the flow view needs Graphviz's `dot` program, which was not found on PATH; install Graphviz "
                "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz) "
                "or render `-f dot` and lay it out elsewhere")


def render_dot(prepared: Prepared) -> Output:
    """The flow as Graphviz DOT text; needs no Graphviz binary."""
    return Output(_dot(prepared))


def render_flow(prepared: Prepared) -> Output:
    """The flow drawn as SVG by Graphviz's `dot`; RenderError when `dot` is missing or fails."""
    return Output(run_dot(_dot(prepared)))


def _dot(prepared: Prepared) -> bytes:
    source: str = build(prepared.journey, prepared.options, prepared.theme).source
    return source.encode("utf-8")


def build(journey: Journey, options: RenderOptions, theme: Theme) -> graphviz.Digraph:
    """The flow graph: stages as clusters (or channels as rows with ``flow_by="channel"``)."""
    personas = drawn_personas(journey, options.persona)
    look = look_for(theme, journey, personas, picked=options.persona is not None)
    graph = graphviz.Digraph("journey", graph_attr=look.graph_attr(journey.rtl), node_attr=look.node_attr(),
                             edge_attr=look.edge_attr())
    whose = [personas[0].name] if look.picked else []
    graph.attr(label=label(journey.title, *whose, width=80), fontsize="18")
    if options.flow_by == "channel":
        from journeygen.render.flow.channels import add_channel_view

        add_channel_view(graph, journey, look)
    else:
        add_stage_view(graph, journey, look)
    return graph


def add_stage_view(graph: graphviz.Digraph, journey: Journey, look: Look) -> None:
    """Stages left to right as clusters joined by the default path, then every transition."""
    ends = {stage.id: _add_stage(graph, stage, look) for stage in journey.stages}
    for before, after in pairwise(ends.values()):
        graph.edge(before.exit, after.entry, ltail=before.cluster, lhead=after.cluster, penwidth="2", weight="10",
                   **gap(journey))
    add_moves(graph, ends, journey.transitions, look)


def _add_stage(graph: graphviz.Digraph, stage: Stage, look: Look) -> Ends:
    name = f"cluster_{stage.id}"
    with graph.subgraph(name=name) as box:
        box.attr(label=stage_label(stage, look), **look.stage_box(stage))
        main = _add_main(box, stage, look)
        exits = [_add_micro(box, stage, k, micro, main[0], look) for k, micro in enumerate(stage.micro_journeys)]
    longest = max(exits, key=lambda pair: pair[1], default=(main[0], 0))
    return Ends(name, main[0], longest[0])


def _add_main(box: graphviz.Digraph, stage: Stage, look: Look) -> list[str]:
    """The touchpoints the drawn personas meet (else the stage's actions), one column; their ids in order."""
    points = shown(stage, look.personas)
    with box.subgraph() as column:
        column.attr(rank="same")
        if points:
            for k, point in points:
                colour = look.channel(point.channel)
                column.node(f"{stage.id}/tp{k + 1}", label(point.name, *filter(None, [point.channel])),
                            color=colour, fillcolor=look.tint(colour))
            return [f"{stage.id}/tp{k + 1}" for k, _ in points]
        actions = [a for a in stage.actions if a.persona is None or a.persona in {p.id for p in look.personas}]
        for k, action in enumerate(actions, 1):
            column.node(f"{stage.id}/act{k}", label(action.text), style="rounded,dashed,filled", color=look.theme.muted)
        if actions:
            return [f"{stage.id}/act{k}" for k in range(1, len(actions) + 1)]
        column.node(f"{stage.id}/empty", "", shape="point", style="invis")
        return [f"{stage.id}/empty"]


def _add_micro(box: graphviz.Digraph, stage: Stage, k: int, micro: MicroJourney, after: str,
               look: Look) -> tuple[str, int]:
    """A micro-journey as a small chain of steps inside its stage; (last step id, length)."""
    steps = [f"{stage.id}/mj{k + 1}/{n}" for n in range(1, len(micro.steps) + 1)]
    with box.subgraph(name=f"cluster_{stage.id}/mj{k + 1}") as sub:
        sub.attr(label=label(micro.name, width=30), style="rounded,filled", fillcolor=look.theme.background,
                 color=look.theme.grid, penwidth="1", fontname=FONT, fontsize="10")
        for node, step in zip(steps, micro.steps, strict=True):
            fill = look.tint(look.emotion(step.emotion)) if step.emotion is not None else look.theme.surface
            sub.node(node, label(step.name, *filter(None, [step.touchpoint]), width=20), fillcolor=fill,
                     fontsize="10")
        for a, b in pairwise(steps):
            sub.edge(a, b, color=look.theme.muted)
    box.edge(after, steps[0], style="invis")
    return steps[-1], len(steps)


# Graphviz measures "DejaVu Sans Bold" through fontconfig but writes it as a family no browser knows.
_BOLD = re.compile(rb'font-family="([^"]+) Bold"')
_GENERATOR = re.compile(rb"<!DOCTYPE[^>]*>\s*|<!-- Generated by [^>]*-->\s*")


def run_dot(source: bytes) -> bytes:
    """DOT -> SVG with the real `dot`; the version comment and DTD link removed so output is stable.

    Graphviz 2.43 crashes routing curved arrows in some very large graphs (a long transition over
    hundreds of ranks); the flow is then laid out again with straight arrows rather than lost.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise RenderError(INSTALL_HINT)
    done = _run(dot, source)
    if done.returncode < 0:
        done = _run(dot, source, "-Gsplines=line")
    if done.returncode < 0:
        raise RenderError(f"Graphviz `dot` crashed (signal {-done.returncode}) laying out the flow; try --by stage, "
                          "or render -f dot and lay it out with a newer Graphviz")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz `dot` failed (exit {done.returncode}): {message}")
    return _BOLD.sub(rb'font-family="\1" font-weight="bold"', _GENERATOR.sub(b"", done.stdout))


def _run(dot: str, source: bytes, *flags: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run([dot, "-Tsvg", *flags], input=source, capture_output=True, timeout=DOT_TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"Graphviz `dot` could not lay out the flow: {exc}") from None
