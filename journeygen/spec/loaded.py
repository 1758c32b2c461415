"""A validated Journey and where it came from -> the render options that resolve files next to it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from journeygen.errors import Problem
from journeygen.options import RenderOptions
from journeygen.spec.model import Journey


@dataclass(frozen=True)
class Spec:
    """A validated journey with where it came from (for relative photo and theme paths)."""

    journey: Journey
    name: str
    base_dir: Path | None
    warnings: tuple[Problem, ...] = ()
    """What the spec probably did not mean, though it is valid (a list item merged into the text above)."""
    persona_page: bool = False
    """Read from a persona file: it renders as its persona cards, not as a map."""
    uses: tuple[Path, ...] = ()
    """The shared persona files and linked maps its ``use:`` entries brought in (theirs in turn included)."""

    def options(self, **overrides: Any) -> RenderOptions:
        """Render options that resolve files next to this spec."""
        return replace(RenderOptions(base_dir=self.base_dir, source_name=Path(self.name).name,
                                     persona_page=self.persona_page), **overrides)
