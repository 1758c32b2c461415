"""The library facade: load a spec, render a journey to bytes."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeygen.errors import Problem, SpecError
from journeygen.render import RenderOptions, get_format
from journeygen.spec.build import build
from journeygen.spec.loader import Document, parse_text, read
from journeygen.spec.model import Journey

if TYPE_CHECKING:
    from journeygen.layout.scene import Scene


@dataclass(frozen=True)
class Spec:
    """A validated journey with where it came from (for relative photo and theme paths)."""

    journey: Journey
    name: str
    base_dir: Path | None
    warnings: tuple[Problem, ...] = ()

    def options(self, **overrides: Any) -> RenderOptions:
        """Render options that resolve files next to this spec."""
        return replace(RenderOptions(base_dir=self.base_dir, source_name=Path(self.name).name), **overrides)


def load_spec(source: str | os.PathLike[str]) -> Spec:
    """Read and validate a spec file (``-`` for standard input); raises SpecError."""
    from journeygen.spec.explain import warnings

    doc = read(source)
    return Spec(build(doc), doc.name, doc.base_dir, tuple(warnings(doc)))


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
    from journeygen.render.svg import scene_for

    return scene_for(journey, options or RenderOptions())[0]


def render(journey: Journey, format: str = "svg", *, theme: str | None = None,
           options: RenderOptions | None = None) -> bytes:
    """Render a journey to the bytes of one format (svg, mermaid, pdf, dot, ...)."""
    opts = options or RenderOptions()
    if theme is not None:
        opts = replace(opts, theme=theme)
    return get_format(format).renderer()(journey, opts)
