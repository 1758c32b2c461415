"""git's external-diff arguments (two temporary files) -> the semantic diff of the map at one path."""

from __future__ import annotations

import shlex
from pathlib import Path

from journeygen.errors import SpecError, printable
from journeygen.git import GitError, run, toplevel
from journeygen.spec.build import build
from journeygen.spec.diff import diff
from journeygen.spec.loader import Limits, decode, parse_text
from journeygen.spec.model import Journey
from journeygen.vcs.diff_format import Names, to_text
from journeygen.vcs.linediff import line_diff

_NULL = "/dev/null"


def external_diff(path: str, old: Path, new: Path, *, colour: bool) -> str:
    """What ``git diff`` shows for one map: a header, then the semantic diff or, failing that, a line diff."""
    header = f"journeygen diff a/{printable(path)} b/{printable(path)}\n"
    if _NULL in (str(old), str(new)):
        added = str(old) == _NULL
        return header + _whole(path, new if added else old, "added" if added else "removed")
    try:
        before, after = _load(old, f"a/{path}"), _load(new, f"b/{path}")
    except SpecError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        note = f"(not a valid map, so a line diff follows)\n{problems}\n"
        return header + note + line_diff(old.read_bytes(), new.read_bytes(), f"a/{path}", f"b/{path}")
    changes = diff(before, after)
    body = to_text(changes, Names(before, after), f"a/{path}", f"b/{path}", colour=colour)
    return header + body


def _load(file: Path, name: str) -> Journey:
    """A temporary file git wrote, read under the name the user knows (``a/maps/shop.journey.yaml``)."""
    limits = Limits()
    text = decode(name, file.read_bytes(), limits)
    return build(parse_text(text, name, json_syntax=name.lower().endswith(".json"), limits=limits))


def _whole(path: str, file: Path, what: str) -> str:
    try:
        journey = _load(file, path)
    except SpecError:
        return f"{what}: {printable(path)} (not a valid map)\n"
    return f"{what} map {printable(repr(journey.title))}: {len(journey.stages)} stage(s), " \
           f"{len(journey.personas)} persona(s)\n"


def textconv_file(file: Path) -> bytes:
    """The map as one fact a line; the bytes as they are when it is not a valid map (git still diffs them)."""
    from journeygen.vcs.textconv import facts

    try:
        return facts(_load(file, str(file))).encode("utf-8")
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
