"""git's external-diff arguments (two temporary files) -> the semantic diff of the map at one path."""

from __future__ import annotations

import difflib
from pathlib import Path

from journeygen.api import load_spec
from journeygen.errors import SpecError, printable
from journeygen.vcs.diff import diff
from journeygen.vcs.diff_format import Names, to_text

_NULL = "/dev/null"


def external_diff(path: str, old: Path, new: Path, *, colour: bool) -> str:
    """What ``git diff`` shows for one map: a header, then the semantic diff or, failing that, a line diff."""
    header = f"journeygen diff a/{printable(path)} b/{printable(path)}\n"
    if _NULL in (str(old), str(new)):
        added = str(old) == _NULL
        return header + _whole(path, new if added else old, "added" if added else "removed")
    try:
        before, after = load_spec(old), load_spec(new)
    except SpecError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        note = f"(not a valid map, so a line diff follows)\n{problems}\n"
        return header + note + line_diff(old.read_bytes(), new.read_bytes(), f"a/{path}", f"b/{path}")
    changes = diff(before.journey, after.journey)
    body = to_text(changes, Names(before.journey, after.journey), f"a/{path}", f"b/{path}", colour=colour)
    return header + body


def _whole(path: str, file: Path, what: str) -> str:
    try:
        journey = load_spec(file).journey
    except SpecError:
        return f"{what}: {printable(path)} (not a valid map)\n"
    return f"{what} map {printable(repr(journey.title))}: {len(journey.stages)} stage(s), " \
           f"{len(journey.personas)} persona(s)\n"


def line_diff(old: bytes, new: bytes, old_name: str, new_name: str) -> str:
    """The plain unified diff, every line made safe for a terminal."""
    before = old.decode("utf-8", "replace").splitlines()
    after = new.decode("utf-8", "replace").splitlines()
    return "".join(printable(line) + "\n" for line in difflib.unified_diff(before, after, old_name, new_name,
                                                                              lineterm=""))
