"""A journey of several personas -> the same journey as one persona lives it, for a breakout group's page."""

from __future__ import annotations

from journeygen.spec.model import Journey, Persona, Stage


def for_persona(journey: Journey, persona: Persona) -> Journey:
    """Only ``persona``: its card, its emotion curve, and the actions that are its own or everyone's."""
    stages = tuple(_stage(stage, persona.id) for stage in journey.stages)
    return journey.model_copy(update={"personas": (persona,), "stages": stages})


def _stage(stage: Stage, persona: str) -> Stage:
    actions = tuple(action for action in stage.actions if action.persona in (None, persona))
    return stage.model_copy(update={"actions": actions, "emotion": stage.emotion_for(persona)})
