"""A Journey's ideas -> the PDF's "Priorities" sheet: an impact/effort grid and the backlog sorted by RICE."""

from __future__ import annotations

from journeygen.numbers import num
from journeygen.render.pdf.markup import Html, bullet_list, tag, text
from journeygen.render.pdf.pages import heading
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.spec.model import Idea, Journey, Stage
from journeygen.spec.rice import by_rice, rice

_LEVELS = ("low", "medium", "high")


def priorities_page(journey: Journey, depth: int) -> Html:
    """Ideas on a 3 x 3 impact/effort grid, then every scored idea by RICE, highest first; nothing unless some
    idea gives its `reach` (so maps written before RICE keep their pages)."""
    ideas = [(stage, idea) for stage in journey.stages for idea in stage.ideas]
    if not any(idea.reach is not None for _, idea in ideas):
        return Html("")
    labels = pdf_words_for(journey.locale)
    return tag("section", tag("p", text(journey.title), class_="kicker"), heading(1, labels.priorities, depth),
               _grid(ideas, labels), _backlog(ideas, labels), class_="sheet action-sheet")


def _label(idea: Idea) -> str:
    score = rice(idea)
    return idea.text if score is None else f"{idea.text} (RICE {num(float(score))})"


def _grid(ideas: list[tuple[Stage, Idea]], labels: PdfWords) -> Html:
    head = tag("thead", tag("tr", tag("th", text(labels.grid_corner)),
                            *(tag("th", text(labels.level(labels.effort_levels, e))) for e in _LEVELS)))
    rows = [tag("tr", tag("td", text(labels.level(labels.impact_levels, impact)), class_="stage"),
                *(tag("td", bullet_list(_label(i) for _, i in ideas if i.impact == impact and i.effort == effort))
                  for effort in _LEVELS))
            for impact in reversed(_LEVELS)]
    cols = tag("colgroup", *(tag("col", style=f"width: {share}%") for share in (19, 27, 27, 27)))
    return tag("table", cols, head, tag("tbody", *rows), class_="pains")


def _backlog(ideas: list[tuple[Stage, Idea]], labels: PdfWords) -> Html:
    scored = [(score, stage, idea) for stage, idea in by_rice(ideas) if (score := rice(idea)) is not None]
    head = tag("thead", tag("tr", *(tag("th", text(c)) for c in labels.backlog_columns)))
    rows = [tag("tr", tag("td", text(idea.text), class_="idea"), tag("td", text(stage.name)),
                tag("td", text(str(idea.reach))),
                tag("td", text(labels.level(labels.impact_levels, idea.impact or "low"))),
                tag("td", text(labels.confidence_levels[idea.confidence or "assumed"])),
                tag("td", text(labels.level(labels.effort_levels, idea.effort or "low"))),
                tag("td", text(num(float(score or 0))), class_="nowrap"))
            for score, stage, idea in scored]
    return tag("table", head, tag("tbody", *rows), class_="actions")
