"""Several specs -> one workshop PDF: a contents page, then each journey's sheets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journeygen.api import Spec, load_all
from journeygen.pdf.document import Part, html_document
from journeygen.pdf.markup import Html, tag, text
from journeygen.pdf.pages import heading

PACK_TITLE = "Workshop pack"


def contents(specs: Sequence[Spec]) -> Html:
    """The first sheet: each journey's title, linked, with the page it starts on."""
    entries = []
    for index, spec in enumerate(specs, 1):
        journey = spec.journey
        about = f"{spec.name.rsplit('/', 1)[-1]} · {len(journey.stages)} stages · " \
                f"{len(journey.personas)} persona{'s' * (len(journey.personas) != 1)}"
        entries.append(tag("li", tag("a", text(journey.title), href=f"#journey-{index}"),
                           tag("span", text(about), class_="sub")))
    footer = tag("div", tag("span", text(f"{PACK_TITLE} · {len(specs)} journeys")), class_="footer")
    return tag("section", footer, tag("p", text(PACK_TITLE), class_="kicker"), heading(1, "Contents", 1),
               tag("ol", *entries), class_="sheet contents")


def render_pack(paths: Sequence[str], opts: dict[str, Any]) -> bytes:
    """One PDF of every spec in ``paths``, with the render options of the command line."""
    from journeygen.pdf.build import build_part, document_layout
    from journeygen.render.pdf import write_pdf
    from journeygen.theme import theme_for

    specs = load_all(paths)
    first = specs[0].options(**opts)
    layout = document_layout(first)
    parts = []
    for index, spec in enumerate(specs, 1):
        options = spec.options(**opts)
        theme = theme_for(spec.journey, options)
        parts.append(build_part(spec.journey, options, layout, theme, depth=2, anchor=f"journey-{index}"))
    titles = [spec.journey.title for spec in specs]
    authors = dict.fromkeys(spec.journey.author for spec in specs if spec.journey.author)
    html = html_document([Part(contents(specs)), *parts], layout, theme_for(specs[0].journey, first),
                         title=f"{PACK_TITLE}: {', '.join(titles)}", author=", ".join(authors) or None)
    return write_pdf(html)
