"""A theme and a sheet size -> the print stylesheet (pages, footer, outline levels, cards, tables)."""

from __future__ import annotations

import re

from journeygen.numbers import num
from journeygen.render.pdf.fonts import font_stack
from journeygen.render.pdf.paper import Paper
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.theme import Theme

_COUNTERS = re.compile(r"\{(page|pages)\}")


def _mm(value: float) -> str:
    return f"{num(value)}mm"


def css_string(value: str) -> str:
    """A CSS string literal of ``value``: quotes, backslashes and control characters escaped, so a
    translation can never end the string or the rule."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in value)
    return f'"{escaped}"'


def page_count(template: str) -> str:
    """``Page {page} of {pages}`` -> ``"Page " counter(page) " of " counter(pages)``, for ``content:``."""
    pieces = _COUNTERS.split(template)
    # re.split puts the captured counter names at the odd places, the text around them at the even ones.
    return " ".join(f"counter({piece})" if i % 2 else css_string(piece) for i, piece in enumerate(pieces) if piece)


def page_rules(paper: Paper, theme: Theme, name: str | None = None, labels: PdfWords | None = None, *,
               text_only: bool = False) -> str:
    """An @page rule (named when ``name`` is given) with the running footer and page n of m in the
    language of ``labels`` (English by default). ``text_only``: the same page with neither footer nor
    background, for text laid over a finished page."""
    labels = labels or pdf_words_for("en")
    selector = f"@page {name}" if name else "@page"
    m, foot = _mm(paper.margin), _mm(paper.footer)
    if text_only:
        return f"{selector} {{ size: {_mm(paper.width)} {_mm(paper.height)}; margin: {m} {m} {foot} {m}; }}"
    rtl = labels.direction == "rtl"
    direction = " direction: rtl;" if rtl else ""
    # The footer starts where the text does: on the right of a right-to-left page, its number on the left.
    footer_box, number_box = ("bottom-right", "bottom-left") if rtl else ("bottom-left", "bottom-right")
    return f"""{selector} {{
  size: {_mm(paper.width)} {_mm(paper.height)};
  margin: {m} {m} {foot} {m};
  background: {theme.background};
  @{footer_box} {{ content: element(footer); vertical-align: top; padding-top: {_mm(paper.margin / 3)};
    width: 80%; }}
  @{number_box} {{ content: {page_count(labels.page)}; vertical-align: top;{direction}
    padding-top: {_mm(paper.margin / 3)}; font-family: {font_stack(theme.font_family)};
    font-size: {num(paper.font_pt * 0.75)}pt; color: {theme.muted}; }}
}}"""


def stylesheet(paper: Paper, theme: Theme, labels: PdfWords | None = None, *, text_only: bool = False) -> str:
    """The whole stylesheet for documents printed on ``paper``, its page footer in the language of ``labels``.

    ``text_only``: for a document of the drawings' text lines alone, laid over the finished pages: no
    footer or background, and nothing else shows, though it takes its place so the lines land where they belong.
    """
    hidden = "\nbody { visibility: hidden; }\n.lbl { visibility: visible; }" if text_only else ""
    return "\n".join((page_rules(paper, theme, labels=labels, text_only=text_only), _base(paper, theme), _outline(),
                      _cards(paper, theme), _tables(theme), _blank(theme))) + hidden


def _base(paper: Paper, theme: Theme) -> str:
    return f"""
html {{ font-family: {font_stack(theme.font_family)}; font-size: {num(paper.font_pt)}pt; color: {theme.ink};
  line-height: 1.35; }}
body {{ margin: 0; }}
.footer {{ position: running(footer); font-size: 0.75rem; color: {theme.muted}; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }}
.footer .sep {{ padding: 0 0.6em; }}
.iso {{ unicode-bidi: embed; }}
/* Each journey starts a page as a whole: a journey box begun at the foot of the previous page put
   WeasyPrint's absolutely placed drawings off by that much on the next one. */
.sheet, .journey {{ break-before: page; }}
.journey > .sheet:first-of-type, .contents {{ break-before: auto; }}
h1 {{ font-size: 1.9rem; margin: 0 0 0.3em; color: {theme.ink}; line-height: 1.15; }}
h2 {{ font-size: 1.35rem; margin: 1em 0 0.4em; color: {theme.accent}; }}
h2:first-child {{ margin-top: 0; }}
h3 {{ font-size: 1.1rem; margin: 0.8em 0 0.3em; }}
.kicker {{ color: {theme.muted}; font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.06em;
  margin: 0 0 0.2em; }}
.lead {{ color: {theme.muted}; margin: 0 0 1em; max-width: 60em; white-space: pre-line; }}
.fit {{ display: block; margin: 0 auto; object-fit: contain; object-position: center top; }}
/* Labels in the journey's language come from the markup: one stylesheet serves a pack in several languages. */
.map-sheet {{ bookmark-label: attr(data-title); }}
.micro-sheet {{ bookmark-label: attr(data-title); }}
.micro-sheet .kicker {{ margin-bottom: 0.6em; }}
ul {{ margin: 0.2em 0 0.6em; padding-inline-start: 1.2em; }}
li {{ margin: 0.1em 0; }}
[dir=rtl] {{ text-align: right; }}
"""


def _outline() -> str:
    # Headings carry no outline entry of their own: the document sets levels explicitly, so one
    # journey alone and the same journey inside a pack (one level deeper) share the markup.
    return "h1, h2, h3, h4, h5, h6 { bookmark-level: none; }\n" + "\n".join(
        f".bm{level} {{ bookmark-level: {level}; }}" for level in (1, 2, 3)) + \
        "\n.journey[data-title] { bookmark-label: attr(data-title); }"


def _cards(paper: Paper, theme: Theme) -> str:
    photo = _mm(32 * paper.scale ** 0.8)
    return f"""
.persona {{ display: inline-block; vertical-align: top; width: 49%; margin: 0 0 1rem; break-inside: avoid;
  background: {theme.surface}; border: 0.3mm solid {theme.grid}; border-radius: 3mm; padding: 1rem 1.2rem;
  box-sizing: border-box; }}
.persona + .persona {{ margin-inline-start: 2%; }}
.persona:nth-child(2n+1) {{ margin-inline-start: 0; }}
.single .persona {{ width: 100%; }}
.persona-head {{ display: table; margin-bottom: 0.6rem; }}
.persona-head > * {{ display: table-cell; vertical-align: middle; }}
/* A table cell takes no margin: the photo's own cell holds the gap between the photo and the name. */
.persona .photo-cell {{ padding-inline-end: 1rem; }}
.persona .photo {{ display: block; width: {photo}; height: {photo}; object-fit: cover; border-radius: 50%; }}
.persona h2 {{ margin: 0; color: {theme.ink}; font-size: 1.45em; }}
.persona h3 {{ font-size: 1.05em; }}
.few .persona {{ font-size: 1.35rem; padding: 1.4rem 1.8rem; }}
.persona .description {{ color: {theme.muted}; margin: 0.2em 0 0; white-space: pre-line; }}
.persona blockquote {{ margin: 0 0 0.8rem; padding: 0.5rem 0.8rem; background: {theme.background};
  border-inline-start: 1.2mm solid {theme.accent}; white-space: pre-line; }}
.persona-lists {{ display: table; width: 100%; table-layout: fixed; }}
.persona-lists > div {{ display: table-cell; padding-inline-end: 1rem; }}
.persona h3 {{ color: {theme.accent}; margin-top: 0; }}
.frustrations li::marker {{ color: {theme.pain_ink}; }}
.chips {{ list-style: none; padding: 0; margin: 0; }}
.chips li {{ display: inline-block; margin: 0 0.3em 0.3em 0; padding: 0.1em 0.6em; border-radius: 1em;
  background: {theme.header_background}; color: {theme.header_ink}; font-size: 0.9em; }}
"""


def _tables(theme: Theme) -> str:
    return f"""
table {{ width: 100%; border-collapse: collapse; margin: 0 0 1rem; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
th {{ background: {theme.header_background}; color: {theme.header_ink}; text-align: start; font-size: 0.85rem;
  padding: 0.35em 0.5em; }}
td {{ border-bottom: 0.25mm solid {theme.grid}; padding: 0.45em 0.5em; vertical-align: top; }}
td.idea {{ font-weight: bold; }}
td.nowrap {{ white-space: nowrap; }}
table.actions {{ table-layout: fixed; }}
td ul {{ margin: 0; }}
.owner-group {{ break-inside: avoid-page; }}
.pains td.stage {{ width: 22%; font-weight: bold; }}
.pains td.emotion {{ width: 18%; }}
.pains li::marker {{ color: {theme.pain_ink}; }}
.level-high {{ color: {theme.pain_ink}; font-weight: bold; }}
.status {{ display: inline-block; padding: 0 0.5em; border-radius: 0.8em; background: {theme.idea_background};
  color: {theme.idea_ink}; font-size: 0.85rem; }}
.contents ol {{ list-style: none; padding: 0; font-size: 1.3rem; }}
.contents li {{ margin: 0.5em 0; }}
.contents a {{ color: {theme.ink}; text-decoration: none; }}
.contents a::after {{ content: leader(dotted) target-counter(attr(href), page); color: {theme.muted}; }}
.contents .sub {{ display: block; color: {theme.muted}; font-size: 0.75em; }}
"""


def _blank(theme: Theme) -> str:
    return f"""
.template {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
.template th, .template td {{ border: 0.35mm solid {theme.grid}; padding: 0; }}
.template th {{ padding: 0.3em 0.5em; }}
.template th.lane {{ background: {theme.lane_title_background}; color: {theme.lane_title_ink};
  vertical-align: top; }}
.template td {{ background: {theme.background}; }}
.template .emotion-grid td {{ background: none; border: none; border-bottom: 0.2mm dashed {theme.muted};
  color: {theme.muted};
  font-size: 0.6rem; vertical-align: bottom; padding: 0 0.3em; }}
.template .emotion-grid tr:last-child td {{ border-bottom: none; }}
.template .emotion-grid {{ width: 100%; height: 100%; margin: 0; border-collapse: collapse; }}
.template .scale {{ font-weight: normal; color: {theme.muted}; font-size: 0.75rem; white-space: pre-line;
  margin: 0.4em 0 0; }}
.fields {{ display: flex; gap: 2rem; margin: 0 0 0.6rem; color: {theme.muted}; }}
.fields span {{ flex: 1; border-bottom: 0.3mm solid {theme.muted}; padding-bottom: 0.8rem; }}
.hint {{ color: {theme.muted}; font-size: 0.8rem; }}
"""
