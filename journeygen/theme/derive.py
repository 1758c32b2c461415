"""A theme's seed colours -> every slot it left unset, the way mermaid's theme-base derives its variables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from journeygen.theme.colour import mix, rotate
from journeygen.theme.contrast import AA_GRAPHICS, best_text, readable
from journeygen.theme.model import TEXT_PAIRS

Slots = Mapping[str, Any]


def _on(*backgrounds: str) -> Callable[[Slots], list[str]]:
    return lambda s: [s[b] for b in backgrounds]


_PLAIN = _on("background", "surface", "lane_fill", "lane_fill_alt")
_LANES = _on("lane_fill", "lane_fill_alt")

# Order matters: each rule may read only slots set by the theme or by a rule above it.
# Derived text colours are nudged until they meet WCAG AA on the backgrounds they are drawn on.
RULES: tuple[tuple[str, Callable[[Slots], Any]], ...] = (
    ("surface", lambda s: mix(s["background"], s["ink"], 0.03)),
    ("lane_fill", lambda s: s["background"]),
    ("lane_fill_alt", lambda s: mix(s["background"], s["ink"], 0.04)),
    ("grid", lambda s: mix(s["background"], s["ink"], 0.18)),
    ("muted", lambda s: readable(mix(s["ink"], s["background"], 0.4), _PLAIN(s))),
    # The accent, deepened (or lightened) until the page colour reads on it as title text.
    ("header_background", lambda s: readable(s["accent"], [s["background"]])),
    ("header_ink", lambda s: readable(best_text(s["header_background"], [s["background"], s["ink"]]),
                                      [s["header_background"]])),
    ("lane_title_background", lambda s: mix(s["background"], s["accent"], 0.08)),
    ("lane_title_ink", lambda s: readable(s["ink"], [s["lane_title_background"]])),
    ("emotion_neutral", lambda s: readable(mix(s["ink"], s["background"], 0.45), _LANES(s), AA_GRAPHICS)),
    ("pain_background", lambda s: mix(s["background"], s["emotion_negative"], 0.12)),
    ("pain_ink", lambda s: readable(mix(s["emotion_negative"], s["ink"], 0.4), [s["pain_background"]])),
    ("idea_background", lambda s: mix(s["background"], s["accent"], 0.1)),
    ("idea_ink", lambda s: readable(mix(s["accent"], s["ink"], 0.4), [s["idea_background"]])),
    ("metric_ahead", lambda s: readable(s["emotion_positive"], [s["surface"]])),
    ("metric_behind", lambda s: readable(s["emotion_negative"], [s["surface"]])),
    ("moment_of_truth", lambda s: s["accent"]),
    ("transition", lambda s: s["muted"]),
    ("badge_ink", lambda s: s["background"]),
    ("channel_palette", lambda s: tuple(readable(rotate(s["accent"], 45 * i), [s["badge_ink"]]) for i in range(8))),
    ("persona_palette", lambda s: tuple(readable(rotate(s["accent"], 90 * i), _LANES(s), AA_GRAPHICS)
                                        for i in range(4))),
)


def stale(given: Slots) -> frozenset[str]:
    """Text slots to derive again: the theme sets their background but not them, so a colour inherited for
    another background would not do (a dark ``idea_background`` under the default theme's dark ``idea_ink``)."""
    ruled = {slot for slot, _ in RULES}
    return frozenset(text for text, bg in TEXT_PAIRS if bg in given and text not in given and text in ruled)


def derive(given: Slots) -> dict[str, Any]:
    """``given`` (seeds and any slots the theme set) completed by RULES; given slots are never changed."""
    slots = dict(given)
    for slot, rule in RULES:
        if slot not in slots:
            slots[slot] = rule(slots)
    return slots
