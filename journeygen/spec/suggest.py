"""A misspelt name -> the likely intended one, for "did you mean" hints."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """``" (did you mean 'motivations'?)"`` or ``""`` when nothing is close (``cutoff``: difflib's ratio)."""
    import difflib  # a hint is written only for a misspelt name: a valid spec never loads difflib

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {match[0]!r}?)" if match else ""
