"""A Journey -> Mermaid text (the native journey diagram, or a swimlane flowchart), plus what it leaves out."""

from __future__ import annotations

from journeygen.mermaid.journey import PLACEHOLDER_SCORE, journey_lines, placeholders
from journeygen.mermaid.swimlane import swimlane_lines
from journeygen.render import RenderOptions
from journeygen.spec.model import Journey

# Mermaid's journey diagram draws tasks with scores and actors; every other lane has no place in it.
_JOURNEY_LANES = frozenset({"actions", "emotions"})
# Mermaid's defaults (config maxTextSize and maxEdges): past them it draws an error instead of the map.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500


def _lines(journey: Journey, options: RenderOptions) -> list[str]:
    return swimlane_lines(journey) if options.mermaid_style == "swimlane" else journey_lines(journey)


def render(journey: Journey, options: RenderOptions) -> bytes:
    """Mermaid source as UTF-8 bytes, one statement per line, ending with a newline."""
    return ("\n".join(_lines(journey, options)) + "\n").encode()


def losses(journey: Journey, options: RenderOptions, output: bytes | None = None) -> list[str]:
    """What the chosen Mermaid form leaves out, stands in for, or cannot show, one sentence each (for stderr);
    ``output``, the text ``render`` made, spares making it again."""
    notes = _limits(output.decode().splitlines() if output is not None else _lines(journey, options))
    if options.mermaid_style == "swimlane":
        return notes
    left_out = [lane.label for lane in journey.lane_list()
                if lane.id not in _JOURNEY_LANES and any(stage.items(lane.id) for stage in journey.stages)]
    if left_out:
        notes.append(f"mermaid journey leaves out lanes: {', '.join(left_out)} (--mermaid-style swimlane keeps them)")
    others = [what for what, present in (("micro-journeys", any(s.micro_journeys for s in journey.stages)),
                                         ("transitions", bool(journey.transitions))) if present]
    if others:
        notes.append(f"mermaid journey also leaves out {' and '.join(others)}")
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
