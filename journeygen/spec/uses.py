"""A parsed Document -> the same Document with every ``use:`` replaced by what it names.

``personas: [{use: ../personas/maria.persona.yaml}]`` brings in a shared persona (fields beside ``use:``
override it for this map); ``micro_journeys: [{use: checkout.journey.yaml}]`` makes another map's stages
the steps; ``links: [{use: ..., label: ...}]`` checks the other map and labels the link with its title.
Every named file stays inside the project; a problem inside one is reported in that file and at the
``use:`` that brought it in; a cycle of ``use:`` names the chain. The files are read from the disk, or
through another :class:`Files` (``vcs.tree`` reads them from a git revision, under the same rules).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from journeygen.errors import Problem, RenderError, SpecError
from journeygen.project import inside, project_root
from journeygen.spec.build import build, validation_problems
from journeygen.spec.loader import Document, PathKey, Positions, format_path, read
from journeygen.spec.model import EmotionScale, Journey, Persona
from journeygen.spec.text import slug

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_MICRO_OWN = {"use", "name", "description"}


class Files(Protocol):
    """Where the files a ``use:`` names are read from: the disk (:data:`DISK`), or a git revision."""

    def own(self, doc: Document) -> Path | None:
        """The file ``doc`` was read from (to refuse a cycle of ``use:``), or None for standard input."""

    def locate(self, doc: Document, ref: str) -> tuple[Path, str] | str:
        """The file ``ref`` (a relative path, checked) names from ``doc`` and the name messages call it by,
        or why it may not be read: it leaves the project, or there is no such file."""

    def read(self, file: Path, name: str) -> Document:
        """The Document of a file :meth:`locate` gave, called ``name`` in every message; raises SpecError."""


class _Disk:
    """The files on disk, inside the project of the spec that names them (symlinks followed, then checked)."""

    def own(self, doc: Document) -> Path | None:
        if doc.base_dir is None or doc.name.startswith("<"):
            return None
        return (doc.base_dir / Path(doc.name).name).resolve()

    def locate(self, doc: Document, ref: str) -> tuple[Path, str] | str:
        assert doc.base_dir is not None
        file = doc.base_dir / ref
        root = project_root(doc.base_dir)
        if not inside(file, root):
            return f"{ref!r} leaves the project {root} (directly or through a symlink)"
        if not file.is_file():
            return f"{ref!r}: no such file"
        return file.resolve(), os.path.normpath(Path(doc.name).parent / ref)

    def read(self, file: Path, name: str) -> Document:
        try:
            return replace(read(file), name=name)
        except SpecError as exc:
            raise SpecError(replace(p, file=name) if p.file == str(file) else p for p in exc.problems) from None


DISK: Files = _Disk()
"""The files of the working tree."""


class Unresolved(SpecError):
    """Every problem of a document's ``use:`` entries, and ``rest``: the document with each entry it could
    resolve resolved and each failed micro-journey or link standing in as a placeholder, so that the rest of
    the map can be checked too (None when a shared persona failed: the map's references need it)."""

    def __init__(self, problems: list[Problem], rest: Document | None) -> None:
        super().__init__(problems)
        self.rest = rest


PhotoCheck = Callable[[str, Path], None]
"""Raises RenderError for a photo (as written, relative to a folder) that render would refuse."""


def resolve(doc: Document, chain: tuple[Path, ...] = (), files: Files = DISK,
            photos: PhotoCheck | None = None) -> Document:
    """``doc`` with its persona, micro-journey and link ``use:`` entries replaced, the files they name read
    from ``files``; Unresolved lists every problem. With ``photos``, a shared persona's photo is checked where
    its persona file names it."""
    if not has_use(doc.data):
        return doc
    here = files.own(doc)
    resolver = _Resolver(doc, (*chain, here) if here else chain, files, photos)
    data = resolver.data()
    resolved = replace(doc, data=data, uses=tuple(dict.fromkeys(resolver.used)))
    if resolver.problems:
        raise Unresolved(resolver.problems, None if resolver.persona_failed else resolved)
    return resolved


def has_use(value: Any) -> bool:
    """Whether spec data holds a ``use:`` entry anywhere."""
    if isinstance(value, dict):
        return "use" in value or any(has_use(v) for v in value.values())
    return isinstance(value, list) and any(has_use(v) for v in value)


class _Resolver:
    """Walks one document's ``use:`` entries, collecting the problems of every one."""

    def __init__(self, doc: Document, chain: tuple[Path, ...], files: Files, photos: PhotoCheck | None) -> None:
        self.doc = doc
        self.chain = chain
        self.files = files
        self.photos = photos
        self.problems: list[Problem] = []
        self.used: list[Path] = []
        self.persona_failed = False

    def data(self) -> Any:
        data = self.doc.data
        if not isinstance(data, dict):
            return data
        out = dict(data)
        for key in ("personas", "persona"):
            out[key] = self.each(data.get(key), (key,), self.persona)
        stages = data.get("stages")
        if isinstance(stages, list):
            out["stages"] = [self.stage(stage, ("stages", n)) for n, stage in enumerate(stages)]
        return {k: v for k, v in out.items() if k in data}

    def each(self, value: Any, path: PathKey, fn: Callable[[dict[str, Any], PathKey], Any]) -> Any:
        """``value`` with each ``use:`` mapping in it (a list of them, or one) replaced by ``fn``."""
        if isinstance(value, list):
            return [fn(v, (*path, n)) if isinstance(v, dict) and "use" in v else v for n, v in enumerate(value)]
        return fn(value, path) if isinstance(value, dict) and "use" in value else value

    def stage(self, stage: Any, path: PathKey) -> Any:
        if not isinstance(stage, dict):
            return stage
        out = dict(stage)
        for key, fn in (("micro_journeys", self.micro), ("links", self.link)):
            if key in stage:
                out[key] = self.each(stage[key], (*path, key), fn)
        return out

    def fail(self, path: PathKey, message: str, *, key: bool = False) -> None:
        line, col = self.doc.positions.key(path) if key else self.doc.positions.value(path)
        self.problems.append(Problem(self.doc.name, line, col, format_path(path), message))

    def target(self, path: PathKey, ref: Any) -> tuple[Path, str] | None:
        """The file a ``use:`` names, checked to be a local file inside the project, and its display name."""
        where = (*path, "use")
        if not isinstance(ref, str) or not ref.strip():
            self.fail(where, "names a file, relative to this one, e.g. ../personas/maria.persona.yaml")
            return None
        if self.doc.base_dir is None:
            self.fail(where, "needs a spec read from a file (the path is relative to it)")
            return None
        if "\0" in ref:
            self.fail(where, f"{ref!r} holds a NUL character, which no file name can")
            return None
        if _URL.match(ref) or Path(ref).is_absolute():
            self.fail(where, f"{ref!r} must be a relative path inside the project, not a URL or absolute path")
            return None
        found = self.files.locate(self.doc, ref)
        if isinstance(found, str):
            self.fail(where, found)
            return None
        self.used.append(found[0])
        return found

    def read(self, path: PathKey, ref: str) -> Document | None:
        found = self.target(path, ref)
        if found is None:
            return None
        file, name = found
        try:
            return self.files.read(file, name)
        except SpecError as exc:
            self.brought_in(path, name, exc)
            return None

    def brought_in(self, path: PathKey, name: str, exc: SpecError) -> None:
        self.problems.extend(exc.problems)
        self.fail((*path, "use"), f"{name}, brought in here, has {len(exc.problems)} problem(s), listed with its name")

    def persona(self, entry: dict[str, Any], path: PathKey) -> Any:
        ref = entry["use"]
        file_part, _, wanted = ref.partition("#") if isinstance(ref, str) else (ref, "", "")
        doc = self.read(path, file_part)
        if doc is None:
            self.persona_failed = True
            return entry
        picked = _pick(doc, wanted)
        if isinstance(picked, str):
            self.fail((*path, "use"), f"{doc.name}: {picked}")
            self.persona_failed = True
            return entry
        key, chosen = picked
        try:
            Persona.model_validate(chosen)
        except ValidationError as exc:
            self.brought_in(path, doc.name, SpecError(validation_problems(_sub(doc, key), exc, Persona)))
            self.persona_failed = True
            return entry
        merged = {**chosen, **{k: v for k, v in entry.items() if k != "use"}}
        if "photo" in chosen and "photo" not in entry and isinstance(chosen["photo"], str) and doc.base_dir:
            merged["photo"] = os.path.relpath(doc.base_dir / chosen["photo"], self.doc.base_dir or ".")
            if not self.photo_ok(path, doc, key, chosen["photo"]):
                del merged["photo"]  # reported in the persona file, not again at the use: line
        return merged

    def photo_ok(self, path: PathKey, doc: Document, key: PathKey, photo: str) -> bool:
        """Check a shared persona's photo as its persona file writes it; a problem is placed in that file."""
        if self.photos is None or doc.base_dir is None:
            return True
        try:
            self.photos(photo, doc.base_dir)
        except RenderError as exc:
            line, col = doc.positions.value((*key, "photo"))
            self.brought_in(path, doc.name, SpecError([Problem(doc.name, line, col, format_path((*key, "photo")),
                                                               str(exc))]))
            return False
        return True

    def linked(self, path: PathKey, ref: Any) -> tuple[Journey, str] | None:
        """The map a micro-journey or link names, with its own ``use:`` resolved (a cycle is refused)."""
        found = self.target(path, ref)
        if found is None:
            return None
        file, name = found
        if file in self.chain:
            names = [os.path.relpath(p, project_root(file)) for p in (*self.chain[self.chain.index(file):], file)]
            self.fail((*path, "use"), f"a cycle of use: {' -> '.join(names)}")
            return None
        try:
            linked = resolve(self.files.read(file, name), self.chain, self.files, self.photos)
            self.used.extend(linked.uses)
            return build(linked), name
        except SpecError as exc:
            self.brought_in(path, name, exc)
            return None

    def micro(self, entry: dict[str, Any], path: PathKey) -> Any:
        extra = sorted(set(entry) - _MICRO_OWN)
        if extra:
            self.fail((*path, extra[0]), f"{extra[0]!r} comes from the linked map; beside use: give only name "
                                         "or description", key=True)
            return _placeholder(entry)
        found = self.linked(path, entry["use"])
        if found is None:
            return _placeholder(entry)
        journey, _ = found
        own = self.scale()
        if own is not None and not journey.emotion_scale.same_range(own):
            self.fail((*path, "use"), f"the linked map scores emotions on {journey.emotion_scale}, this map on "
                                      f"{own}; give both the same emotion_scale")
            return _placeholder(entry)
        first = journey.personas[0].id
        steps = [{"name": s.name, **({"emotion": e.score} if (e := s.emotion_for(first)) else {})}
                 for s in journey.stages]
        return {"name": journey.title, **({"description": journey.description} if journey.description else {}),
                **entry, "steps": steps}

    def scale(self) -> EmotionScale | None:
        """This map's emotion scale (None when it is malformed: that is reported on its own)."""
        data = self.doc.data
        try:
            return EmotionScale.model_validate(data.get("emotion_scale") or {}) if isinstance(data, dict) else None
        except ValidationError:
            return None

    def link(self, entry: dict[str, Any], path: PathKey) -> Any:
        found = self.linked(path, entry["use"])
        if found is None:
            return entry
        return {"label": found[0].title, **entry}


def _placeholder(entry: dict[str, Any]) -> dict[str, Any]:
    """A failed micro-journey ``use:`` as a valid micro-journey, so the map's other problems can be found."""
    return {"use": entry["use"], "name": str(entry.get("name") or "?"), "steps": [{"name": "?"}]}


def _pick(doc: Document, wanted: str) -> tuple[PathKey, dict[str, Any]] | str:
    """The persona a ``use:`` names in a persona file (one mapping, or ``personas:`` picked by ``#id``)."""
    data = doc.data
    if isinstance(data, dict) and isinstance(data.get("personas"), list):
        entries = [(("personas", n), p) for n, p in enumerate(data["personas"]) if isinstance(p, dict)]
        if not wanted:
            return entries[0] if len(entries) == 1 else "holds several personas; pick one with #id"
        for key, entry in entries:
            if wanted in (entry.get("id"), _slug(entry.get("name"))):
                return key, entry
        ids = ", ".join(str(e.get("id") or _slug(e.get("name"))) for _, e in entries)
        return f"no persona with id {wanted!r}; it holds: {ids}"
    if isinstance(data, dict):
        if wanted and wanted not in (data.get("id"), _slug(data.get("name"))):
            return f"the persona here is not {wanted!r}"
        return (), data
    return "a persona file holds one persona mapping, or `personas:` with a list of them"


def _slug(name: Any) -> str | None:
    return slug(name) if isinstance(name, str) else None


def _sub(doc: Document, key: PathKey) -> Document:
    """The part of ``doc`` at ``key`` as a Document of its own, positions kept (for validating one entry)."""
    def cut(table: dict[PathKey, tuple[int, int]]) -> dict[PathKey, tuple[int, int]]:
        return {p[len(key):]: pos for p, pos in table.items() if p[:len(key)] == key}

    data = doc.data
    for part in key:
        data = data[part]
    return replace(doc, data=data, positions=Positions(cut(dict(doc.positions.values)), cut(dict(doc.positions.keys))))
