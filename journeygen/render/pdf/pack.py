"""Several specs -> one workshop PDF: a contents page, then each journey's sheets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from journeygen.render.pdf.document import Part
from journeygen.render.pdf.markup import Html, isolated, tag, text
from journeygen.render.pdf.pages import heading
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.spec.loaded import Spec


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


def _targets(spec: Spec, anchors: Mapping[Path, str]) -> dict[str, str]:
    """The maps ``spec`` links (micro-journeys and stage links, by their ``use:`` path) that are in the pack,
    -> the link to their pages."""
    if spec.base_dir is None:
        return {}
    found = {use: anchors.get((spec.base_dir / use).resolve()) for use in spec.journey.linked_maps}
    return {use: f"#{anchor}" for use, anchor in found.items() if anchor is not None}


def render_pack(specs: Sequence[Spec], opts: dict[str, Any]) -> bytes:
    """One PDF of every loaded spec, with the render options of the command line."""
    from journeygen.layout.prepared import Prepared
    from journeygen.render.pdf.build import document_layout, draft
    from journeygen.render.pdf.layers import print_document
    from journeygen.render.pdf.standards import conformance

    prepared = [Prepared(spec.journey, spec.options(**opts)) for spec in specs]
    # The parts of the document that belong to no one journey (contents, page numbers) speak the first one's language.
    lang = specs[0].journey.locale
    layout = replace(document_layout(prepared[0].options), language=lang)
    files = [(options.base_dir, options.source_name) for options in (spec.options() for spec in specs)]
    standard = conformance(prepared[0].options, rtl=specs[0].journey.rtl, specs=files, tiled=layout.poster is not None)
    anchors = {(spec.base_dir / Path(spec.name).name).resolve(): f"journey-{index}"
               for index, spec in enumerate(specs, 1) if spec.base_dir is not None}
    drafts = [draft(one, layout, depth=2, anchor=f"journey-{index}", targets=_targets(spec, anchors))
              for index, (spec, one) in enumerate(zip(specs, prepared, strict=True), 1)]
    titles = [spec.journey.title for spec in specs]
    authors = dict.fromkeys(spec.journey.author for spec in specs if spec.journey.author)
    labels = pdf_words_for(lang)
    return print_document(drafts, layout, prepared[0].theme, front=[Part(contents(specs, labels))],
                          title=f"{labels.pack}: {', '.join(titles)}", author=", ".join(authors) or None, lang=lang,
                          conformance=standard)
