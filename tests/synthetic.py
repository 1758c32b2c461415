"""Synthetic maps of any length, with one or several personas and a few items in every cell."""

from __future__ import annotations

import json

WORDS = ("compares", "delivery", "options", "reads", "reviews", "asks", "support", "about", "sizes", "returns",
         "checks", "the", "price", "again", "before", "paying")


def _phrase(seed: int, length: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)).capitalize()


def synthetic_spec(stages: int, personas: int) -> str:
    """A spec (JSON, which is YAML too) of ``stages`` stages followed by ``personas`` personas."""
    people = [{"id": f"p{n}", "name": f"Persona {n + 1}", "description": _phrase(n, 6),
               "goals": [_phrase(n + 1, 5)], "frustrations": [_phrase(n + 2, 4)]} for n in range(personas)]
    body = []
    for n in range(stages):
        emotion: object = 1 + n % 5 if personas == 1 else {p["id"]: 1 + (n + i) % 5 for i, p in enumerate(people)}
        body.append({
            "name": f"Stage {n + 1}", "description": _phrase(n, 5),
            "actions": [_phrase(n + 3, 4), {"text": _phrase(n + 4, 6), "persona": f"p{n % personas}"}],
            "touchpoints": [{"name": _phrase(n + 5, 2), "channel": ("web", "e-mail", "store")[n % 3]}],
            "motivations": [_phrase(n + 6, 5)],
            "emotion": emotion,
            "pain_points": [_phrase(n + 7, 6)],
            "ideas": [{"text": _phrase(n + 8, 5), "owner": "Team " + "ABC"[n % 3], "impact": "high"}],
            "metrics": [{"name": "Conversion", "value": f"{10 + n}%", "target": "30%"}],
        })
    return json.dumps({"title": f"Synthetic journey of {stages} stages", "personas": people, "stages": body},
                      indent=1)
