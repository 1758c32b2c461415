"""A YAML syntax error's line and the spec's text -> whether that line is indented unlike the blocks above it."""

from __future__ import annotations


def _indent(line: str) -> tuple[int, ...]:
    """Where a line's content starts; a ``- `` item line also opens a block at the text after the dash."""
    body = line.lstrip(" ")
    start = len(line) - len(body)
    return (start, start + 2) if body.startswith("- ") else (start,)


def indentation(text: str, number: int) -> str:
    """A syntax error on a line that lines up with none of the blocks above it: say so, with their lines."""
    lines = text.splitlines()
    if not 0 < number <= len(lines) or not lines[number - 1].strip():
        return ""
    own = _indent(lines[number - 1])[0]
    open_blocks: dict[int, int] = {}
    for index in range(number - 2, -1, -1):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for column in reversed(_indent(line)):
            if column < min(open_blocks, default=column + 1):
                open_blocks[column] = index + 1
        if min(open_blocks) == 0:
            break
    if own in open_blocks or not open_blocks:
        return ""
    blocks = "; ".join(f"{column} at line {line}" for column, line in sorted(open_blocks.items(), reverse=True))
    return (f"line {number} is indented {own} space(s), unlike every line it could belong to ({blocks}): "
            "indent it like its siblings")
