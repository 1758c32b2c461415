"""Several specs -> one workshop PDF: a contents page, then each journey's sheets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from journeygen.api import Spec, load_all
from journeygen.pdf.document import Part
from journeygen.pdf.markup import Html, isolated, tag, text
from journeygen.pdf.pages import heading
from journeygen.pdf.words import PdfWords, pdf_words_for


def contents(specs: Sequence[Spec], labels: PdfWords) -> Html:
    """The first sheet: each journey's title, linked, with the page it starts on."""
    entries = []
    for index, spec in enumerate(specs, 1):
        journey = spec.journey
        counts = f" · {labels.count(labels.stages, len(journey.stages))} · " \
                 f"{labels.count(labels.persona_count, len(journey.personas))}"
        name = spec.name.rsplit("/", 1)[-1]
        # In a right-to-left line the count after the (Latin) file name would join its run; left to right
        # nothing can, and the plain text keeps those documents as they were.
        about = tag("span", isolated(name) if labels.direction == "rtl" else text(name), text(counts), class_="sub")
        entries.append(tag("li", tag("a", text(journey.title), href=f"#journey-{index}"), about))
    footer = tag("div", tag("span", text(f"{labels.pack} · {labels.count(labels.journeys, len(specs))}")),
                 class_="footer")
    return tag("section", footer, tag("p", text(labels.pack), class_="kicker"), heading(1, labels.contents, 1),
               tag("ol", *entries), class_="sheet contents", dir=labels.direction)


def render_pack(paths: Sequence[str], opts: dict[str, Any]) -> bytes:
    """One PDF of every spec in ``paths``, with the render options of the command line."""
    from journeygen.pdf.build import document_layout, draft
    from journeygen.pdf.layers import print_document
    from journeygen.pdf.standards import conformance
    from journeygen.theme import theme_for

    specs = load_all(paths)
    first = specs[0].options(**opts)
    # The parts of the document that belong to no one journey (contents, page numbers) speak the first one's language.
    lang = specs[0].journey.locale
    layout = replace(document_layout(first), language=lang)
    files = [(options.base_dir, options.source_name) for options in (spec.options() for spec in specs)]
    standard = conformance(first, rtl=specs[0].journey.rtl, specs=files, tiled=layout.poster is not None)
    drafts = []
    for index, spec in enumerate(specs, 1):
        options = spec.options(**opts)
        theme = theme_for(spec.journey, options)
        drafts.append(draft(spec.journey, options, layout, theme, depth=2, anchor=f"journey-{index}"))
    titles = [spec.journey.title for spec in specs]
    authors = dict.fromkeys(spec.journey.author for spec in specs if spec.journey.author)
    labels = pdf_words_for(lang)
    return print_document(drafts, layout, theme_for(specs[0].journey, first), front=[Part(contents(specs, labels))],
                          title=f"{labels.pack}: {', '.join(titles)}", author=", ".join(authors) or None, lang=lang,
                          conformance=standard)
