"""A parsed Document -> a validated Journey whose named files (photos, theme) render would accept.

The spec layer validates structure and references; the files a spec names are checked here, above the
theme and assets they need, so that ``validate`` reports what ``render`` would refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from journeygen.errors import Problem, RenderError, SpecError
from journeygen.spec import build as spec
from journeygen.spec.checks import Finding
from journeygen.spec.loader import Document
from journeygen.spec.model import Journey


def build(doc: Document) -> Journey:
    """The validated Journey of ``doc``; a spec read from a file also has its photos and theme checked."""
    return spec.build(doc, check_files if doc.base_dir is not None else None)


def check_files(journey: Journey, base_dir: Path) -> tuple[list[Finding], list[Problem]]:
    """Findings for photos and a theme render would refuse, and the problems inside a bad theme file."""
    findings = list(_photos(journey, base_dir))
    theme_problems: list[Problem] = []
    if journey.theme is not None:
        from journeygen.options import RenderOptions
        from journeygen.theme import theme_for

        try:
            theme_for(journey, RenderOptions(base_dir=base_dir))
        except RenderError as exc:
            findings.append(Finding(("theme",), str(exc)))
        except SpecError as exc:
            theme_problems = list(exc.problems)
    return findings, theme_problems


def _photos(journey: Journey, base_dir: Path) -> Iterator[Finding]:
    from journeygen.assets import check_photo

    for index, persona in enumerate(journey.personas):
        if persona.photo:
            try:
                check_photo(persona.photo, base_dir)
            except RenderError as exc:
                yield Finding(("personas", index, "photo"), str(exc))
