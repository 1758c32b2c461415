"""A Journey -> Mermaid text (the native journey diagram, or a swimlane flowchart), plus what it leaves out."""

from __future__ import annotations

from journeygen.mermaid.journey import PLACEHOLDER_SCORE, journey_lines, placeholders
from journeygen.mermaid.swimlane import swimlane_lines
from journeygen.render import RenderOptions
from journeygen.spec.model import Journey

# Mermaid's journey diagram draws tasks with scores and actors; every other lane has no place in it.
_JOURNEY_LANES = frozenset({"actions", "emotions"})


def render(journey: Journey, options: RenderOptions) -> bytes:
    """Mermaid source as UTF-8 bytes, one statement per line, ending with a newline."""
    lines = swimlane_lines(journey) if options.mermaid_style == "swimlane" else journey_lines(journey)
    return ("\n".join(lines) + "\n").encode()


def losses(journey: Journey, options: RenderOptions) -> list[str]:
    """What the chosen Mermaid form leaves out or stands in for, one sentence each (for stderr)."""
    if options.mermaid_style == "swimlane":
        return []
    notes = []
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
