"""Two texts -> their unified line diff, bounded: what ``git diff`` shows when a side is not a valid map.

difflib's cost grows with the square of the lines it compares (two 940 KB files once took four
minutes), so only the changed middle is compared (lines both sides share at the start and end are
set aside first, in linear time), and a middle longer than ``MAX_LINES`` on either side is left out
with a note pointing to git's own diff.
"""

from __future__ import annotations

import difflib
import re

from journeygen.errors import printable

MAX_LINES = 5_000
"""Changed lines per side that the line diff compares (difflib's worst case at this size: about a second)."""
CONTEXT = 3
"""Unchanged lines shown around each change, as ``diff -u``."""
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@$")


def line_diff(old: bytes, new: bytes, old_name: str, new_name: str) -> str:
    """The plain unified diff, every line made safe for a terminal."""
    before = old.decode("utf-8", "replace").splitlines()
    after = new.decode("utf-8", "replace").splitlines()
    head = max(_shared(before, after) - CONTEXT, 0)
    tail = max(_shared(before[head:][::-1], after[head:][::-1]) - CONTEXT, 0)
    before, after = before[head:len(before) - tail], after[head:len(after) - tail]
    if max(len(before), len(after)) > MAX_LINES:
        return (f"(line diff left out: {len(before)} and {len(after)} lines differ, over journeygen's limit of "
                f"{MAX_LINES}; `git diff --no-ext-diff` shows them)\n")
    lines = difflib.unified_diff(before, after, old_name, new_name, lineterm="")
    return "".join(printable(_shift(line, head)) + "\n" for line in lines)


def _shared(one: list[str], other: list[str]) -> int:
    """How many lines, from the first, the two lists share."""
    count = 0
    for mine, theirs in zip(one, other, strict=False):
        if mine != theirs:
            break
        count += 1
    return count


def _shift(line: str, offset: int) -> str:
    """A hunk header of the trimmed texts, renumbered to the lines of the whole files."""
    match = _HUNK.match(line) if offset else None
    if match is None:
        return line
    old_start, old_len, new_start, new_len = match.groups()
    return f"@@ -{int(old_start) + offset}{old_len or ''} +{int(new_start) + offset}{new_len or ''} @@"
