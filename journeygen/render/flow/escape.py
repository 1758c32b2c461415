"""Spec text -> Graphviz labels (escString or HTML-like) that are drawn literally and can never change the graph."""

from __future__ import annotations

import html

from graphviz import nohtml  # type: ignore[import-untyped]  # the package ships no type hints

from journeygen.render.wrap import wrap


def label(*parts: str, width: int = 28) -> str:
    r"""One label from text parts (one or more lines each), safe in any escString attribute.

    Backslashes are doubled so ``\N``, ``\G`` or ``\l`` are drawn as written; ``&`` becomes
    ``&amp;`` because Graphviz decodes entities even in plain labels; the result is marked
    ``nohtml`` so a text like ``<b>`` is never taken for an HTML label. Quotes are escaped by
    the graphviz package when it writes the attribute.
    """
    lines = [line for part in parts for line in wrap(part, width)]
    text: str = nohtml("\\n".join(_escape_line(line) for line in lines))
    return text


def _escape_line(line: str) -> str:
    return line.replace("\\", "\\\\").replace("&", "&amp;")


def html_text(text: str, width: int) -> str:
    """Text for inside a cell of an HTML-like label: wrapped, each line entity-escaped, lines joined by ``<BR/>``.

    Graphviz reads such a label as XML, so ``&``, ``<``, ``>`` and quotes become entities and nothing of the
    spec can open a tag; it still expands ``\\N`` or ``\\G`` in the text (even when written as an entity),
    so backslashes are doubled, as in plain labels. Graphviz drops a tab there (even ``&#9;``): it becomes a space.
    """
    lines = wrap(text.replace("\t", " "), width)
    return "<BR/>".join(html.escape(line.replace("\\", "\\\\"), quote=True) for line in lines)
