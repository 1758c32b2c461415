"""Mermaid names keep their outer spaces: Mermaid trims them as JavaScript does, so they are written as codes."""

from __future__ import annotations

import sys

from journeygen.render.mermaid.escape import JS_SPACE, journey_text


def test_the_written_out_spaces_are_every_space_python_knows() -> None:
    """The literal stands for the search it replaced: every character ``str.isspace()`` accepts, and U+FEFF."""
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} | {"\ufeff"}
    assert set(JS_SPACE) == every
    assert len(JS_SPACE) == len(every)


def test_outer_spaces_survive_as_codes_inner_ones_as_written() -> None:
    """An ideographic space before a name and a no-break space after it come back; the space inside stays plain."""
    assert journey_text("\u3000Pay now\u00a0") == "#12288;Pay now#160;"
    assert journey_text("\ufeffBuy") == "#65279;Buy"
