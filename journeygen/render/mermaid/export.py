"""A Journey -> Mermaid text (the native journey diagram, a lane grid or a flowchart), plus what it leaves out."""

from __future__ import annotations

from journeygen.layout.prepared import Prepared
from journeygen.options import RenderOptions
from journeygen.render import Output
from journeygen.render.mermaid.journey import PLACEHOLDER_SCORE, journey_lines, placeholders
from journeygen.spec.model import Journey

# Mermaid's journey diagram draws tasks with scores and actors; every other lane has no place in it.
_JOURNEY_LANES = frozenset({"actions", "emotions"})
# Mermaid's defaults (config maxTextSize and maxEdges): past them it draws an error instead of the map.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500


def _lines(prepared: Prepared) -> list[str]:
    journey, style = prepared.journey, prepared.options.mermaid_style
    if style == "journey":
        return journey_lines(journey)
    # the other two forms are imported only when asked for, as the formats are (render/__init__.py)
    if style == "swimlane":
        from journeygen.render.mermaid.grid import grid_lines

        return grid_lines(journey, prepared.theme)  # the grid is coloured like the map
    from journeygen.render.mermaid.swimlane import swimlane_lines

    return swimlane_lines(journey)


def render(prepared: Prepared) -> Output:
    """Mermaid source as UTF-8 bytes, one statement per line, ending with a newline, and what it leaves out."""
    journey, options = prepared.journey, prepared.options
    lines = _lines(prepared)
    return Output(("\n".join(lines) + "\n").encode(), tuple(losses(journey, options, lines)))


def losses(journey: Journey, options: RenderOptions, lines: list[str] | None = None) -> list[str]:
    """What the chosen Mermaid form leaves out, stands in for, or cannot show, one sentence each (for stderr)."""
    notes = _limits(lines if lines is not None else _lines(Prepared(journey, options)))
    if options.mermaid_style != "journey":
        return notes
    left_out = [lane.label for lane in journey.lane_list()
                if lane.id not in _JOURNEY_LANES and any(stage.items(lane.id) for stage in journey.stages)]
    if left_out:
        notes.append(f"mermaid journey leaves out lanes: {', '.join(left_out)} (--mermaid-style swimlane keeps them)")
    others = [what for what, present in (("micro-journeys", any(s.micro_journeys for s in journey.stages)),
                                         ("transitions", bool(journey.transitions))) if present]
    if others:
        notes.append(f"mermaid journey also leaves out {' and '.join(others)}")
    scale = journey.emotion_scale
    if not scale.default:
        notes.append(f"emotion_scale {scale} mapped to Mermaid's 1..5 (each score to the nearest of 1..5, halves "
                     "rounded up)")
    guessed = placeholders(journey)
    if guessed:
        notes.append(f"no emotion for {len(guessed)} task(s), shown with the neutral score {PLACEHOLDER_SCORE}: "
                     + "; ".join(guessed))
    return notes


def _limits(lines: list[str]) -> list[str]:
    """Warnings for text Mermaid will refuse to draw with its default configuration."""
    notes = []
    size = sum(len(line) + 1 for line in lines)
    if size > MAX_TEXT_SIZE:
        notes.append(f"the Mermaid text has {size} characters; Mermaid draws an error past {MAX_TEXT_SIZE} unless "
                     "its maxTextSize setting is raised")
    edges = sum(1 for line in lines if " --> " in line or " ~~~ " in line)
    if edges > MAX_EDGES:
        notes.append(f"the flowchart has {edges} links; Mermaid refuses more than {MAX_EDGES} unless its maxEdges "
                     "setting is raised")
    return notes
