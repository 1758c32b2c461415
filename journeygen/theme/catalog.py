"""A theme name or file -> a validated Theme: built-ins from themes/, user files that may extend them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeygen.assets import local_file
from journeygen.errors import Problem, RenderError, SpecError
from journeygen.options import RenderOptions
from journeygen.spec.build import validation_problems
from journeygen.spec.loader import Document, Limits, decode, format_path, parse_text, read
from journeygen.spec.model import Journey
from journeygen.spec.suggest import did_you_mean
from journeygen.theme.derive import derive, stale
from journeygen.theme.model import SEEDS, Theme, ThemeFile

DEFAULT = "default"
_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def builtin_dir() -> Path:
    """The built-in themes: inside the installed package, or the checkout's top-level themes/ folder."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "themes"
    return installed if installed.is_dir() else package.parent / "themes"


def theme_names() -> tuple[str, ...]:
    """The built-in theme names, sorted."""
    return tuple(sorted(f.name.removesuffix(".yaml") for f in builtin_dir().iterdir() if f.name.endswith(".yaml")))


def load_theme(ref: str | None, base_dir: Path | None = None) -> Theme:
    """A built-in name (None means ``default``) or a theme file path, relative to ``base_dir``."""
    ref = DEFAULT if ref is None else ref
    if is_theme_path(ref):
        path = Path(ref) if base_dir is None else base_dir / ref
        return from_document(read(path), path.name.split(".")[0] or path.stem)
    if ref not in theme_names():
        raise RenderError(_unknown(ref))
    return from_document(_builtin_doc(ref), ref)


def theme_for(journey: Journey, options: RenderOptions) -> Theme:
    """The theme a render uses: ``--theme`` (the user's own choice, any file), else the spec's ``theme``,
    whose file must lie inside the spec's project like a photo (a spec may come from a stranger)."""
    if options.theme is not None:
        return load_theme(options.theme, options.base_dir)
    if journey.theme is not None and is_theme_path(journey.theme):
        return load_theme(str(local_file(journey.theme, options.base_dir, "theme")))
    return load_theme(journey.theme)


def is_theme_path(ref: str) -> bool:
    """Whether a theme reference names a file (a built-in theme is a bare name such as ``dark``)."""
    return "/" in ref or "\\" in ref or ref.lower().endswith(_FILE_SUFFIXES)


def _unknown(ref: str) -> str:
    names = theme_names()
    hint = did_you_mean(ref, names)
    return (f"unknown theme {ref!r}{hint}; built-in themes: {', '.join(names)} "
            "(or give the path of a .yaml theme file)")


def _builtin_doc(name: str) -> Document:
    source = builtin_dir() / f"{name}.yaml"
    label = f"themes/{name}.yaml"
    limits = Limits()
    return parse_text(decode(label, source.read_bytes(), limits), label, limits=limits)


def from_document(doc: Document, name: str) -> Theme:
    """A parsed theme file -> its Theme: the built-ins it extends, its own slots, then derived ones."""
    slots = {**_layers(doc, ()), "name": name}
    missing = [seed for seed in SEEDS if seed not in slots]
    if missing:
        raise SpecError([_problem(doc, (), f"a theme without `extends` must set {', '.join(missing)} "
                                           "(or start with `extends: default`)")])
    # Every slot was validated in its file (ThemeFile) and derive() fills the rest with well-formed
    # colours, so the Theme is built without validating again.
    return Theme.model_construct(**derive(slots))


def _layers(doc: Document, chain: tuple[str, ...]) -> dict[str, Any]:
    """The slots ``doc`` sets, on top of those of the built-in it extends (``chain``: built-ins seen so far)."""
    try:
        given = ThemeFile.model_validate(doc.data).model_dump(exclude_unset=True)
    except ValidationError as exc:
        raise SpecError(validation_problems(doc, exc, ThemeFile)) from None
    parent = given.pop("extends", None)
    if parent is None:
        return given
    if parent not in theme_names():
        raise SpecError([_problem(doc, ("extends",), _unknown(parent))])
    if parent in chain:
        loop = " -> ".join((*chain, parent))
        raise SpecError([_problem(doc, ("extends",), f"built-in themes extend each other in a loop: {loop}")])
    inherited = _layers(_builtin_doc(parent), (*chain, parent))
    for slot in {"description", *stale(given)}:  # the parent's one-liner does not describe this theme either
        inherited.pop(slot, None)
    return {**inherited, **given}


def _problem(doc: Document, path: tuple[str, ...], message: str) -> Problem:
    line, col = doc.positions.value(path)
    return Problem(doc.name, line, col, format_path(path), message)
