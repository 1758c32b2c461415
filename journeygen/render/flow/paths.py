"""A Journey and the personas asked for -> which touchpoints each persona meets, stage by stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeygen.errors import RenderError

if TYPE_CHECKING:
    from journeygen.spec.model import Journey, Persona, Stage, Touchpoint


def drawn_personas(journey: Journey, persona: str | None) -> tuple[Persona, ...]:
    """Every persona of the map, or only the one ``--persona`` names (RenderError for an unknown id)."""
    if persona is None:
        return journey.personas
    picked = tuple(p for p in journey.personas if p.id == persona)
    if not picked:
        known = ", ".join(p.id for p in journey.personas)
        raise RenderError(f"--persona {persona}: no persona with that id in {journey.title!r}; its personas: {known}")
    return picked


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def met_by(stage: Stage, persona: Persona) -> tuple[int, ...]:
    """Indexes of the stage's touchpoints the persona meets: those their actions (or everyone's actions) name,
    and those no action names at all, since nothing says who meets them."""
    named: dict[str, set[str | None]] = {}
    for action in stage.actions:
        if action.touchpoint:
            named.setdefault(_fold(action.touchpoint), set()).add(action.persona)
    return tuple(k for k, point in enumerate(stage.touchpoints)
                 if (who := named.get(_fold(point.name))) is None or None in who or persona.id in who)


def shown(stage: Stage, personas: tuple[Persona, ...]) -> tuple[tuple[int, Touchpoint], ...]:
    """The stage's touchpoints (with their indexes) that at least one drawn persona meets, in spec order."""
    met = {k for persona in personas for k in met_by(stage, persona)}
    return tuple((k, point) for k, point in enumerate(stage.touchpoints) if k in met)
