"""A Journey's evidence -> the PDF's "Evidence" sheet: each source, with the items it supports and its quotes."""

from __future__ import annotations

from collections.abc import Iterator

from journeygen.layout.words import words_for
from journeygen.render.pdf.markup import Html, tag, text
from journeygen.render.pdf.pages import heading
from journeygen.render.pdf.words import pdf_words_for
from journeygen.spec.model import Emotion, Evidence, Journey, Stage

_LANES = ("evidence", "actions", "touchpoints", "frontstage", "backstage", "support", "pain_points", "ideas",
          "metrics")


def _claims(stage: Stage) -> Iterator[tuple[str, Evidence]]:
    """(what the item says, one of its sources) for every item of the stage that names evidence."""
    for lane in _LANES:
        for item in stage.items(lane):
            for source in item.evidence:
                yield str(getattr(item, "text", None) or getattr(item, "name", "")), source
    emotions = stage.emotion.values() if isinstance(stage.emotion, dict) else [stage.emotion]
    for emotion in emotions:
        if isinstance(emotion, Emotion):
            for source in emotion.evidence:
                yield f"{emotion.score}" + (f" · {emotion.label}" if emotion.label else ""), source


def evidence_page(journey: Journey, depth: int) -> Html:
    """One sheet listing each source (first named first) with the stage and item it supports; nothing when the
    map names no evidence. Links are written as links, never fetched."""
    sources: dict[str, list[tuple[str, str, Evidence]]] = {}
    for stage in journey.stages:
        for claim, source in _claims(stage):
            sources.setdefault(source.source, []).append((stage.name, claim, source))
    if not sources:
        return Html("")
    labels, words = pdf_words_for(journey.locale), words_for(journey.locale)
    cols = tag("colgroup", *(tag("col", style=f"width: {share}%") for share in (20, 40, 40)))
    head = tag("thead", tag("tr", *(tag("th", text(c)) for c in labels.evidence_columns)))
    groups = []
    for name, rows in sources.items():
        links = dict.fromkeys(s.link for _, _, s in rows if s.link)
        title = heading(2, name, depth + 1)
        refs = tag("p", *(tag("a", text(link), href=link) for link in links), class_="lead") if links else Html("")
        body = tag("tbody", *(tag("tr", tag("td", text(stage)), tag("td", text(claim)),
                                  tag("td", text(words.quoted(s.quote) if s.quote else "")))
                              for stage, claim, s in rows))
        groups.append(tag("div", title, refs, tag("table", cols, head, body, class_="pains"), class_="owner-group"))
    return tag("section", tag("p", text(journey.title), class_="kicker"), heading(1, labels.evidence, depth),
               *groups, class_="sheet action-sheet")
