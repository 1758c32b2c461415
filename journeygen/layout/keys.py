"""Spec names and scores -> the keys every view groups by: one channel per spelling, one emotion bucket per score."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

EmotionKind = Literal["neg", "neu", "pos"]


def emotion_kind(score: float) -> EmotionKind:
    """The map's emotion scale: below 3 negative, 3 neutral, above 3 positive (a persona average too)."""
    return "neg" if score < 3 else "pos" if score > 3 else "neu"


@dataclass(frozen=True)
class Channel:
    """A touchpoint channel: its colour slot in the palette and its letter badge."""

    index: int
    badge: str
    name: str


def channel_key(name: str | None) -> str:
    """Spellings of one channel (``Web``, ``web ``) share a colour and badge."""
    return " ".join((name or "").split()).casefold()


def channels(names: Iterable[str], palette_size: int) -> dict[str, Channel]:
    """Each distinct channel key (first seen first) -> a colour slot and a unique one- or two-letter badge."""
    found: dict[str, Channel] = {}
    used: set[str] = set()
    for name in names:
        key = channel_key(name)
        if not key or key in found:
            continue
        badge = next((c for c in _badge_candidates(name.strip()) if c not in used), str(len(found) + 1))
        used.add(badge)
        found[key] = Channel(len(found) % palette_size, badge, " ".join(name.split()))
    return found


def _badge_candidates(name: str) -> list[str]:
    """Letters for a channel's badge: its initial, its initials, then two of its letters (letters and digits only)."""
    words = [w for w in (re.sub(r"\W+", "", part) for part in re.split(r"[\s/_-]+", name)) if w]
    if not words:
        return []
    big = [w for w in words if len(w) > 2] or words
    first = words[0][0].upper()
    initials = "".join(w[0] for w in big[:2]).upper()
    shapes = [initials, first] if len(big) > 1 else [first, initials]
    letters = "".join(words)
    return [*shapes, *(first + c.lower() for c in letters[1:])]
