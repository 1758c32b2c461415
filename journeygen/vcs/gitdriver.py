"""git's external-diff arguments (two temporary files) -> the semantic diff of the map at one path.

A side git gives as the working-tree file takes its ``use:`` files from the disk; a side it gives as a
blob takes them from the revision that holds that blob at that path (git names only the blob: the
index, HEAD, a branch or a recent commit that changed the path, and its parent, are asked in turn).
"""

from __future__ import annotations

import shlex
from pathlib import Path

from journeygen.errors import SpecError, printable, single
from journeygen.git import GitError, object_id, run, toplevel
from journeygen.spec.build import build
from journeygen.spec.diff import diff
from journeygen.spec.loader import Document, Limits, decode, parse_text
from journeygen.spec.model import Journey
from journeygen.spec.uses import DISK, has_use
from journeygen.validate import build as build_on_disk
from journeygen.validate import with_project_defaults
from journeygen.vcs.diff_format import Names, to_text
from journeygen.vcs.linediff import line_diff
from journeygen.vcs.revisions import load_tree
from journeygen.vcs.tree import RevisionFiles

_NULL = "/dev/null"


_COMMITS = 40
"""How many of the latest commits that changed a map (with their parents) are asked for its blob."""


def external_diff(path: str, old: Path, new: Path, *, colour: bool, old_hex: str = "", new_hex: str = "") -> str:
    """What ``git diff`` shows for one map: a header, then the semantic diff or, failing that, a line diff."""
    header = f"journeygen diff a/{printable(path)} b/{printable(path)}\n"
    if _NULL in (str(old), str(new)):
        added = str(old) == _NULL
        side = (new, new_hex) if added else (old, old_hex)
        return header + _whole(path, *side, "added" if added else "removed")
    try:
        before, after = _side(path, old, old_hex, f"a/{path}"), _side(path, new, new_hex, f"b/{path}")
    except SpecError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        note = f"(not a valid map, so a line diff follows)\n{problems}\n"
        return header + note + line_diff(old.read_bytes(), new.read_bytes(), f"a/{path}", f"b/{path}")
    changes = diff(before, after)
    body = to_text(changes, Names(before, after), f"a/{path}", f"b/{path}", colour=colour)
    return header + body


def _side(path: str, file: Path, blob: str, name: str) -> Journey:
    """One side of ``git diff``, its ``use:`` entries read from the working tree or from the blob's revision."""
    if not file.is_absolute() and file.as_posix() == path:  # git, run at the top, names the working-tree file
        return build_on_disk(DISK.read(file, name))
    doc = _parse(file, name, base_dir=Path(path).absolute().parent)
    if not has_use(doc.data):
        return build(with_project_defaults(doc))
    try:
        top = toplevel(Path.cwd())
        revision = _revision_of(top, path, blob) if top is not None and blob.strip("0") else None
    except GitError as exc:
        raise single(name, f"git cannot say which revision it comes from: {exc}") from None
    if top is None or revision is None:
        raise single(name, f"its use: entries are read from the revision it comes from, and no revision journeygen "
                           f"asked (the index, HEAD, the branches, the last {_COMMITS} commits that changed it) "
                           f"holds git's blob {blob[:12] or '(none)'} at {path}")
    return load_tree(RevisionFiles(top, revision), path, path).journey


def _revision_of(top: Path, path: str, blob: str) -> str | None:
    """The first revision that holds ``blob`` at ``path``: ``""`` (the index), HEAD, a branch, or one of the
    latest commits that changed ``path`` or its first parent (the old side of ``git show``)."""
    branches = run(top, "for-each-ref", "--format=%(refname:short)", "--count=20", "refs/heads").text.split()
    commits = run(top, "rev-list", f"--max-count={_COMMITS}", "--all", "--", path).text.split()
    candidates = ["", "HEAD", *branches, *(c for commit in commits for c in (commit[:12], f"{commit[:12]}^"))]
    return next((rev for rev in dict.fromkeys(candidates) if object_id(top, f"{rev}:{path}") == blob), None)


def _parse(file: Path, name: str, base_dir: Path | None = None) -> Document:
    """A temporary file git wrote, read under the name the user knows (``a/maps/shop.journey.yaml``)."""
    limits = Limits()
    text = decode(name, file.read_bytes(), limits)
    return parse_text(text, name, base_dir=base_dir, json_syntax=name.lower().endswith(".json"), limits=limits)


def _whole(path: str, file: Path, blob: str, what: str) -> str:
    try:
        journey = _side(path, file, blob, path)
    except SpecError:
        return f"{what}: {printable(path)} (not a valid map)\n"
    return f"{what} map {printable(repr(journey.title))}: {len(journey.stages)} stage(s), " \
           f"{len(journey.personas)} persona(s)\n"


def textconv_file(file: Path) -> bytes:
    """The map as one fact a line; the bytes as they are when it is not a valid map (git still diffs them)."""
    from journeygen.vcs.textconv import facts

    try:
        return facts(build(_parse(file, str(file)))).encode("utf-8")
    except SpecError:
        return file.read_bytes()


def driver_config(python: str) -> dict[str, str]:
    """The git settings that run journeygen through this interpreter's absolute path, so ``git diff`` works
    whether or not a venv is active or journeygen is on PATH."""
    command = f"{shlex.quote(python)} -m journeygen git-diff"
    return {"diff.journeygen.command": command, "diff.journeygen.textconv": f"{command} --textconv"}


def install(folder: Path, python: str) -> dict[str, str]:
    """Write ``driver_config`` into the local config of the repository holding ``folder``; what was set."""
    top = toplevel(folder)
    if top is None:
        raise GitError(f"{folder} is not inside a git repository")
    settings = driver_config(python)
    for key, value in settings.items():
        answer = run(top, "config", "--local", key, value)
        if not answer.ok:
            raise GitError(f"git config {key} failed: {answer.complaint}")
    return settings
