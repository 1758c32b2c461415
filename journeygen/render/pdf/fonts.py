"""The bundled DejaVu Sans -> @font-face rules with data: URLs, subset to the characters a document uses.

Subsetting first keeps the stylesheet small: a 750 kB font as a data: URL costs WeasyPrint's CSS
tokenizer over a second, a subset a few milliseconds.
"""

from __future__ import annotations

import base64

from journeygen.layout.fonts import FONT_FILES

FAMILY = "journeygen DejaVu Sans"
"""The name the bundled fonts are declared under. A name of their own: under "DejaVu Sans" the system's
installed copy (and its oblique face) took their place, so the PDF depended on the machine's fonts."""
# Characters WeasyPrint may draw that are not in the document text: page numbers, hyphens, ellipsis,
# list bullets.
_ALWAYS = "0123456789 \u00a0\u2010\u2011\u2026-.,:;()\u2022\u25e6\u25aa"


def subset(data: bytes, chars: str) -> bytes:
    """The font reduced to ``chars``: deterministic bytes (HarfBuzz, no timestamps)."""
    import uharfbuzz as hb  # type: ignore[import-untyped]

    plan = hb.SubsetInput()
    # CSS text-transform (the upper-case kickers) draws letters the source text may not hold.
    cased = chars + chars.upper() + chars.lower() + chars.title()
    plan.unicode_set.update(sorted({ord(c) for c in cased + _ALWAYS}))
    result: bytes = hb.subset(hb.Face(data), plan).blob.data
    return result


def font_faces(chars: str) -> str:
    """@font-face rules for the regular and bold bundled fonts, holding only ``chars``."""
    rules = []
    for bold, path in FONT_FILES.items():
        weight = 700 if bold else 400
        data = base64.b64encode(subset(path.read_bytes(), chars)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
                     f"src: url(data:font/ttf;base64,{data}); }}")
    return "\n".join(rules)


def font_stack(theme_stack: str) -> str:
    """The theme's CSS font stack with its first family, DejaVu Sans (the theme model insists), as FAMILY."""
    _, comma, rest = theme_stack.partition(",")
    return f'"{FAMILY}"{comma}{rest}'
