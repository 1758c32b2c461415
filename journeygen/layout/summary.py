"""A Journey -> the plain-language summary a screen reader announces (the SVG's <desc>)."""

from __future__ import annotations

from journeygen.layout.words import Words
from journeygen.spec.model import Journey, Stage


def summary(journey: Journey) -> str:
    """One paragraph: who, which stages in order with how they feel, and the paths off the default order."""
    people = ", ".join(p.name for p in journey.personas)
    about = f": {journey.description.rstrip('.')}" if journey.description else ""
    parts = [f"Customer journey map for {people}{about}."]
    parts.append(f" {len(journey.stages)} stage(s): " + "; ".join(_stage(s, journey) for s in journey.stages) + ".")
    names = {s.id: s.name for s in journey.stages}
    for t in journey.transitions:
        parts.append(f" Path from {names[t.source]} to {names[t.target]}" + (f": {t.label}." if t.label else "."))
    return "".join(parts)


def _stage(stage: Stage, journey: Journey) -> str:
    text = stage.name
    feelings = []
    for persona in journey.personas:
        emotion = stage.emotion_for(persona.id)
        if emotion is not None:
            who = f"{persona.name} " if len(journey.personas) > 1 else ""
            feelings.append(f"{who}{emotion.label or Words().score(emotion.score)}, {emotion.score} of 5")
    if feelings:
        text += " — feels " + "; ".join(feelings)
    if stage.moment_of_truth:
        text += ", moment of truth"
    return text
