"""A parsed Document -> a validated Journey whose named files (photos, theme) render would accept.

The spec layer validates structure and references; the files a spec names are checked here, above the
theme and assets they need, so that ``validate`` reports what ``render`` would refuse.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from journeygen.errors import Problem, RenderError, SpecError
from journeygen.projectfile import find_project
from journeygen.spec import build as spec
from journeygen.spec.checks import Finding
from journeygen.spec.loader import Document
from journeygen.spec.model import Journey
from journeygen.spec.uses import Unresolved, resolve


def build(doc: Document) -> Journey:
    """The validated Journey of ``doc``, its ``use:`` entries resolved and its project's defaults applied;
    a spec read from a file also has its photos and theme checked."""
    return build_resolved(resolved(doc))


def resolved(doc: Document) -> Document:
    """``doc`` with its ``use:`` entries resolved; when one fails, SpecError with its problems and those of
    the rest of the map (its photos, theme, scores, ...), as one run of validate should report."""
    from journeygen.assets import check_photo

    try:
        return resolve(doc, photos=check_photo)
    except Unresolved as exc:
        problems = list(exc.problems)
        if exc.rest is not None:
            try:
                build_resolved(exc.rest)
            except SpecError as more:
                problems += more.problems
        raise SpecError(dict.fromkeys(problems)) from None


def build_resolved(doc: Document) -> Journey:
    """:func:`build` of a Document whose ``use:`` entries ``spec.uses.resolve`` has already replaced."""
    doc = with_project_defaults(doc)
    return spec.build(doc, check_files if doc.base_dir is not None else None)


def with_project_defaults(doc: Document) -> Document:
    """``doc`` with its project's ``theme`` and ``locale`` where the spec names none of its own."""
    project = find_project(doc.base_dir) if doc.base_dir is not None else None
    if project is None or not isinstance(doc.data, dict) or doc.base_dir is None:
        return doc
    data = dict(doc.data)
    if project.theme is not None and "theme" not in data:
        from journeygen.theme.catalog import is_theme_path

        theme = project.theme
        data["theme"] = os.path.relpath(project.root / theme, doc.base_dir) if is_theme_path(theme) else theme
    if project.locale is not None and "locale" not in data:
        data["locale"] = project.locale
    return replace(doc, data=data)


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
