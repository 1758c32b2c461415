"""The library facade: load a spec, render a journey to bytes."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeygen.errors import Problem, SpecError
from journeygen.options import RenderOptions
from journeygen.render import Output, draw, render_journey
from journeygen.spec.loaded import Spec
from journeygen.spec.loader import Document, parse_text, read
from journeygen.spec.model import Journey
from journeygen.spec.persona_file import is_persona_file, persona_document
from journeygen.validate import build, build_resolved, resolved

if TYPE_CHECKING:
    from journeygen.layout.scene import Scene


def load_spec(source: str | os.PathLike[str]) -> Spec:
    """Read and validate a spec file (``-`` for standard input), or a persona file to render alone
    (``*.persona.yaml``); raises SpecError."""
    from journeygen.spec.explain import warnings

    doc = read(source)
    if is_persona_file(str(source)):
        return Spec(build(persona_document(doc)), doc.name, doc.base_dir, persona_page=True)
    complete = resolved(doc)
    return Spec(build_resolved(complete), doc.name, doc.base_dir, tuple(warnings(doc)), uses=complete.uses)


def load_all(sources: Sequence[str], loader: Callable[[str], Spec] = load_spec) -> tuple[Spec, ...]:
    """Every spec, or one SpecError holding the problems of all the invalid ones (all or nothing)."""
    specs: list[Spec] = []
    problems: list[Problem] = []
    for source in sources:
        try:
            specs.append(loader(source))
        except SpecError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SpecError(problems)
    return tuple(specs)


def load(source: str | os.PathLike[str]) -> Journey:
    """A Journey from a file path, ``-`` (stdin), or YAML/JSON text; raises SpecError.

    A one-line ``str`` that names a file or ends in .yaml/.yml/.json is a path; any other is spec text.
    """
    if isinstance(source, str) and not _looks_like_path(source):
        return loads(source)
    return load_spec(source).journey


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and (text == "-" or text.lower().endswith((".yaml", ".yml", ".json"))
                                 or Path(text).is_file())


def loads(text: str, name: str = "<text>") -> Journey:
    """A Journey from YAML or JSON text."""
    doc: Document = parse_text(text, name)
    return build(doc)


def lay_out(journey: Journey, options: RenderOptions | None = None) -> Scene:
    """The positioned Scene of the swimlane map: what the SVG and PDF renderers draw."""
    from journeygen.layout.prepared import Prepared

    return Prepared(journey, options or RenderOptions()).scene


def render(journey: Journey, format: str = "svg", *, theme: str | None = None,
           options: RenderOptions | None = None) -> bytes:
    """Render a journey to the bytes of one format (svg, mermaid, pdf, dot, ...)."""
    return render_journey(journey, format, theme=theme, options=options)


def render_formats(journey: Journey, formats: Sequence[str], options: RenderOptions) -> dict[str, Output]:
    """Every format of one journey, prepared once: the theme, photos and Scene are shared by all of them."""
    from journeygen.layout.prepared import Prepared

    return draw(Prepared(journey, options), formats)


def compare(old: Spec, new: Spec, *, theme: str | None = None, max_width: int | None = None) -> bytes:
    """One SVG map of ``new`` (to-be) with the emotion curves of ``old`` (as-is) faded beneath, changes marked."""
    from journeygen.layout.compare import compare_journeys, merge
    from journeygen.layout.prepared import Prepared
    from journeygen.render.svg import render_scene

    marked, shadow = compare_journeys(old.journey, new.journey)
    options = new.options(theme=theme, max_width=max_width)
    drawn, faded = Prepared(marked, options), Prepared(shadow, options)
    return render_scene(merge(drawn.scene, faded.scene), drawn.theme)
