"""A Journey -> the plain-language summary a screen reader announces (the SVG's <desc>), in the map's language."""

from __future__ import annotations

from journeygen.layout.words import Words, words_for
from journeygen.locale import counted, language_of
from journeygen.spec.model import Journey, Stage


def summary(journey: Journey) -> str:
    """One paragraph: who, which stages in order with how they feel, and the paths off the default order."""
    w = words_for(journey.locale)
    people = ", ".join(p.name for p in journey.personas)
    about = f": {journey.description.rstrip('.')}" if journey.description else ""
    parts = [w.summary.format(people=people) + f"{about}."]
    stages = "; ".join(_stage(s, journey, w) for s in journey.stages)
    count = counted(language_of(journey.locale), w.stage_count, len(journey.stages))
    parts.append(f" {count}: {stages}.")
    names = {s.id: s.name for s in journey.stages}
    for t in journey.transitions:
        path = w.path.format(source=names[t.source], target=names[t.target])
        parts.append(f" {path}" + (f": {t.label}." if t.label else "."))
    return "".join(parts)


def _stage(stage: Stage, journey: Journey, w: Words) -> str:
    text = stage.name
    feelings = []
    for persona in journey.personas:
        emotion = stage.emotion_for(persona.id)
        if emotion is not None:
            who = f"{persona.name} " if len(journey.personas) > 1 else ""
            scale = journey.emotion_scale
            feeling = f"{emotion.label or w.feeling(scale, emotion.score)}, {w.rated(scale, emotion.score)}"
            feelings.append(who + feeling)
    if feelings:
        text += " — " + w.feels.format(feeling="; ".join(feelings))
    if stage.moment_of_truth:
        text += ", " + w.moment_of_truth.lower()
    return text
