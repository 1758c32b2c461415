"""A git revision of a repository -> its files, as ``spec.uses`` reads the files a ``use:`` names.

A map read from ``REV:path`` takes its shared personas and linked maps from that same ``REV``, never from
the working tree. The project rules are those of the disk: a path relative to the file naming it, inside
the project (the nearest folder holding a root marker in that revision, at most the repository's top).
Every read goes through the hardened ``journeygen.git`` (no command of the repository runs); a file is
never looked for outside the repository, and a symlink in the revision is not followed.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from journeygen.errors import single
from journeygen.git import GitError, object_id, read_blob, tree_entry_mode
from journeygen.project import ROOT_MARKERS
from journeygen.spec.loader import Document, Limits, decode, parse_text

_SYMLINK = "120000"


class RevisionFiles:
    """The files of revision ``rev`` (``""`` is the index) of the repository whose work tree is ``top``."""

    def __init__(self, top: Path, rev: str, limits: Limits | None = None) -> None:
        self.top = top
        self.rev = rev
        self.limits = limits or Limits()
        self.paths: dict[str, tuple[str, str]] = {}
        """A Document's name (``HEAD:maps/shop.journey.yaml``) -> its path in the repository and as shown."""
        self.roots: dict[str, str] = {}

    @property
    def revision(self) -> str:
        """The revision as messages name it."""
        return self.rev or "the index"

    def spec(self, path: str, shown: str) -> Document:
        """The Document of the file at ``path`` (relative to the top) in the revision, called ``REV:shown``."""
        if tree_entry_mode(self.top, self.rev, path) == _SYMLINK:
            raise single(f"{self.rev}:{shown}", f"is a symlink in {self.revision}; journeygen does not follow "
                                                "symlinks in a revision")
        return self._document(path, shown)

    def own(self, doc: Document) -> Path | None:
        return self.top / self.paths[doc.name][0] if doc.name in self.paths else None

    def locate(self, doc: Document, ref: str) -> tuple[Path, str] | str:
        here, shown = self.paths[doc.name]
        folder = posixpath.dirname(here)
        path = posixpath.normpath(posixpath.join(folder, ref))
        root = self._root(folder)
        if path == ".." or path.startswith("../") or not (root == "." or path.startswith(root + "/")):
            return f"{ref!r} leaves the project {self.top / root} in {self.revision}"
        if object_id(self.top, f"{self.rev}:{path}") is None:
            return f"{ref!r}: no such file in {self.revision}"
        if tree_entry_mode(self.top, self.rev, path) == _SYMLINK:
            return f"{ref!r} is a symlink in {self.revision}; journeygen does not follow symlinks in a revision"
        return self.top / path, f"{self.rev}:{posixpath.normpath(posixpath.join(posixpath.dirname(shown), ref))}"

    def read(self, file: Path, name: str) -> Document:
        return self._document(file.relative_to(self.top).as_posix(), name.removeprefix(f"{self.rev}:"))

    def _document(self, path: str, shown: str) -> Document:
        name = f"{self.rev}:{shown}"
        try:
            raw = read_blob(self.top, f"{self.rev}:{path}", self.limits.max_bytes)
        except GitError as exc:
            raise single(name, f"git cannot read it: {exc}") from None
        text = decode(name, raw, self.limits)
        file = self.top / path
        doc = parse_text(text, name, base_dir=file.parent, json_syntax=file.suffix.lower() == ".json",
                         limits=self.limits)
        self.paths[name] = (path, shown)
        return doc

    def _root(self, folder: str) -> str:
        """The project of a folder in the revision: the nearest one at or above it holding a root marker."""
        if folder not in self.roots:
            parts = [] if folder in ("", ".") else folder.split("/")
            candidates = ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]
            self.roots[folder] = next((c for c in candidates if any(
                object_id(self.top, f"{self.rev}:{c}/{marker}") for marker in ROOT_MARKERS)), ".")
        return self.roots[folder]
