"""The bundled DejaVu Sans -> @font-face rules with data: URLs, subset to the characters a document uses.

Subsetting first keeps the stylesheet small: a 750 kB font as a data: URL costs WeasyPrint's CSS
tokenizer over a second, a subset a few milliseconds.
"""

from __future__ import annotations

import base64
from importlib import resources

from journeygen.theme.model import FONT_STACK_FIRST as FONT_FAMILY  # the layout measures with it too

_FACES = (("DejaVuSans.ttf", 400), ("DejaVuSans-Bold.ttf", 700))
# Characters WeasyPrint may draw that are not in the document text: page numbers, hyphens, ellipsis.
_ALWAYS = "0123456789 \u00a0\u2010\u2011\u2026-.,:;()"


def subset(data: bytes, chars: str) -> bytes:
    """The font reduced to ``chars``: deterministic bytes (HarfBuzz, no timestamps)."""
    import uharfbuzz as hb  # type: ignore[import-untyped]

    plan = hb.SubsetInput()
    plan.unicode_set.update(sorted({ord(c) for c in chars + _ALWAYS}))
    result: bytes = hb.subset(hb.Face(data), plan).blob.data
    return result


def font_faces(chars: str) -> str:
    """@font-face rules for the regular and bold bundled fonts, holding only ``chars``."""
    folder = resources.files("journeygen") / "fonts"
    rules = []
    for filename, weight in _FACES:
        data = base64.b64encode(subset((folder / filename).read_bytes(), chars)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
                     f"src: url(data:font/ttf;base64,{data}); }}")
    return "\n".join(rules)
