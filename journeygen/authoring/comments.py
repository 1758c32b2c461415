"""A ruamel round-trip mapping whose keys move -> its trailing comments and blank lines kept at its end.

ruamel.yaml hangs the comment lines after a value on that value; when ``fmt`` moves the last key
of a stage up, the blank line that separates the stage from the next one would move with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_EOL, _END = "eol", "end"


def _block(value: Any) -> bool:
    """A non-empty collection in block style (its comments live inside it, not on its parent)."""
    return bool(value) and hasattr(value, "fa") and not value.fa.flow_style()


def _slot(node: Any, key: Any) -> list[Any]:
    slots: list[Any] = node.ca.items.setdefault(key, [None, None, None, None])
    return slots


def _tokens(node: Any) -> Iterator[tuple[Any, str, Any]]:
    """Comment tokens along the tail of ``node``: (token, kind, the list holding it)."""
    if not node or not hasattr(node, "ca"):
        return
    last = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    slots = node.ca.items.get(last)
    index = 2 if isinstance(node, dict) else 0
    if slots and slots[index] is not None:
        yield slots[index], _EOL, slots
    for token in node.ca.end or ():
        yield token, _END, node.ca.end
    if _block(node[last]):
        yield from _tokens(node[last])


def take_tail(node: Any) -> str:
    """Remove and return the comment and blank lines after the last line of ``node``."""
    found = max(_tokens(node), key=lambda t: t[0].start_mark.line if t[0].start_mark else -1, default=None)
    if found is None:
        return ""
    token, kind, holder = found
    if kind == _END:
        holder.remove(token)
        return str(token.value)
    first, newline, rest = str(token.value).partition("\n")
    token.value = first + newline
    return rest


def put_tail(node: Any, text: str) -> None:
    """Put comment and blank lines after the last line of ``node``."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not text or not node:
        return
    last = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    if _block(node[last]):
        put_tail(node[last], text)
        return
    slots = _slot(node, last)
    index = 2 if isinstance(node, dict) else 0
    if slots[index] is not None:
        slots[index].value += text
    else:
        slots[index] = CommentToken("\n" + text, CommentMark(0))
