"""A spec argument (a file, ``-``, or a git ``REV:path``) -> a loaded Spec."""

from __future__ import annotations

import re
from pathlib import Path

from journeygen.api import load_spec
from journeygen.errors import single
from journeygen.git import GitError, toplevel
from journeygen.spec.build import build
from journeygen.spec.loaded import Spec
from journeygen.spec.persona_file import is_persona_file, persona_document
from journeygen.spec.uses import resolve
from journeygen.validate import with_project_defaults
from journeygen.vcs.tree import RevisionFiles

# REV:path where REV is what git accepts as a revision (HEAD~3, main, v1.2, a1b2c3, origin/main^).
_REVISION = re.compile(r"^(?P<rev>[\w.@{}^~/+-]+):(?P<path>.+)$")


def split_revision(arg: str) -> tuple[str, str] | None:
    """``HEAD~3:maps/shop.yaml`` -> (``HEAD~3``, ``maps/shop.yaml``); None for a plain file or ``-``."""
    if arg == "-" or Path(arg).exists():
        return None
    match = _REVISION.match(arg)
    if match is None or match["rev"].startswith("-"):
        return None
    return match["rev"], match["path"]


def load_any(arg: str) -> Spec:
    """Load a spec from a file, standard input, or a git revision; raises SpecError."""
    revision = split_revision(arg)
    if revision is None:
        return load_spec(arg)
    return load_revision(arg, *revision)


def load_revision(name: str, rev: str, path: str) -> Spec:
    """The spec at ``path`` as it was in ``rev`` of the git repository that contains ``path``, its ``use:``
    entries read from that same revision."""
    target = Path(path).absolute()
    folder = _existing_parent(target)
    try:
        top = toplevel(folder)
        if top is None:
            raise GitError(f"{folder} is not inside a git repository")
    except GitError as exc:
        raise single(name, f"git cannot read it: {exc}") from None
    return load_tree(RevisionFiles(top, rev), _relative(name, target, top), path)


def load_tree(files: RevisionFiles, path: str, shown: str) -> Spec:
    """The spec at ``path`` (relative to the repository's top) in the revision ``files`` reads, called
    ``REV:shown`` in messages, with its project's defaults as on disk; a persona file is its persona cards."""
    doc = files.spec(path, shown)
    if is_persona_file(path):
        return Spec(build(persona_document(doc)), doc.name, doc.base_dir, persona_page=True)
    resolved = resolve(doc, files=files)
    return Spec(build(with_project_defaults(resolved)), doc.name, doc.base_dir, uses=resolved.uses)


def _existing_parent(path: Path) -> Path:
    """The nearest folder that exists now: the file may be gone from the working tree."""
    for folder in path.parents:
        if folder.is_dir():
            return folder
    return Path.cwd()


def _relative(name: str, target: Path, top: Path) -> str:
    resolved = _existing_parent(target).resolve() / target.relative_to(_existing_parent(target))
    try:
        return resolved.relative_to(top).as_posix()
    except ValueError:
        raise single(name, f"{target} is outside the git repository at {top}") from None
