"""House rule: colours live in themes/*.yaml, never as literals in the package's Python code."""

from __future__ import annotations

import io
import re
import tokenize

from helpers import ROOT

_HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_TEXT = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}  # f-strings split up on 3.12+


def test_no_hex_colour_in_any_python_string() -> None:
    found = []
    for path in sorted((ROOT / "journeygen").rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        found += [f"{path.relative_to(ROOT)}:{tok.start[0]}: {tok.string}"
                  for tok in tokens if tok.type in _TEXT and _HEX.search(tok.string)]
    assert found == []
