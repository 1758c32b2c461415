"""A journey's stages and lanes (or just stage names) -> an empty workshop template to fill with sticky notes."""

from __future__ import annotations

from journeygen.layout.words import Words, words_for
from journeygen.numbers import num
from journeygen.render.pdf.markup import Html, tag, text, ui
from journeygen.render.pdf.pages import heading
from journeygen.render.pdf.paper import PT_MM, Paper
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.spec.model import EmotionScale, Journey, Lane

GENERIC_LANES = ("actions", "touchpoints", "motivations", "emotions", "pain_points", "ideas")
STICKY_NOTES_MM = ((76, 76), (76, 51), (51, 38))
"""Common sticky-note sizes, largest first (3x3, 3x2 and 2x1.5 inches)."""
EMOTION_WEIGHT = 1.6
"""The emotion lane is taller than the others: it holds a five-level grid."""


def template_journey(stage_names: str, locale: str = "en") -> Journey:
    """A journey with only stage names, for ``--blank --stages "A,B,C"`` without a spec, worded in the
    language of ``locale`` (a valid tag: see ``LOCALE_PATTERN``)."""
    names = [name.strip() for name in stage_names.split(",") if name.strip()]
    if not names:
        raise ValueError('--stages needs at least one stage name, e.g. --stages "Discover,Buy,Use"')
    stages = [{"id": f"stage-{i}", "name": name} for i, name in enumerate(names, 1)]
    labels = pdf_words_for(locale)
    return Journey.model_validate({"title": labels.workshop, "personas": [{"name": labels.persona}],
                                   "stages": stages, "lanes": list(GENERIC_LANES), "locale": locale})


def blank_lanes(journey: Journey) -> tuple[Lane, ...]:
    """The lanes to draw empty: the spec's lanes, or the usual ones when it has none with content."""
    return journey.lane_list() or tuple(Lane(id=lane) for lane in GENERIC_LANES)


def blank_sheet(journey: Journey, paper: Paper, depth: int) -> Html:
    """One sheet: title, fields to fill in, and the empty stage x lane grid sized to the page."""
    lanes = blank_lanes(journey)
    line_mm = paper.font_pt * 1.35 * PT_MM
    room = paper.content_height - 10.5 * line_mm  # kicker, title, fields, stage header row, hint
    unit = room / (len(lanes) - 1 + EMOTION_WEIGHT if any(lane.id == "emotions" for lane in lanes) else len(lanes))
    lane_col = min(paper.content_width * 0.16, 45 * paper.scale ** 0.5)
    cell_w = (paper.content_width - lane_col) / len(journey.stages)
    labels = pdf_words_for(journey.locale)
    fields = tag("div", *(tag("span", text(label)) for label in labels.fields), class_="fields")
    words = words_for(journey.locale)
    rows = tag("tbody", *(_lane_row(lane, journey, unit, words) for lane in lanes))
    table = tag("table", _columns(lane_col, len(journey.stages)), _header(journey), rows, class_="template")
    hint = tag("p", ui(_hint(cell_w, unit, labels), labels.direction), class_="hint")
    return tag("section", tag("p", text(labels.template), class_="kicker"), heading(1, journey.title, depth),
               fields, table, hint, class_="sheet blank-sheet")


def _columns(lane_col: float, stages: int) -> Html:
    return tag("colgroup", tag("col", style=f"width: {num(lane_col)}mm"), *(tag("col") for _ in range(stages)))


def _header(journey: Journey) -> Html:
    return tag("thead", tag("tr", tag("th", text("")), *(tag("th", text(stage.name)) for stage in journey.stages)))


def _lane_row(lane: Lane, journey: Journey, unit: float, words: Words) -> Html:
    if lane.id == "emotions":
        height = unit * EMOTION_WEIGHT
        scale = journey.emotion_scale
        label = tag("th", text(_title(lane, words)), _scale(words, scale), class_="lane")
        cells = [tag("td", _emotion_grid(height, scale)) for _ in journey.stages]
    else:
        height = unit
        label = tag("th", text(_title(lane, words)), class_="lane")
        cells = [tag("td") for _ in journey.stages]
    return tag("tr", label, *cells, style=f"height: {num(height)}mm")


def _title(lane: Lane, words: Words) -> str:
    return lane.title or words.lanes.get(lane.id) or lane.label


def _scale(words: Words, scale: EmotionScale) -> Html:
    """The top, middle (when a score) and bottom of the scale, with their words (the scale's labels if given)."""
    lines = [f"{score} {words.feeling(scale, score)}" for score in scale.landmarks]
    return tag("p", text("\n".join(lines)), class_="scale")


def _emotion_grid(height: float, scale: EmotionScale) -> Html:
    """A dashed level per score, each numbered, to place a dot per stage and join them into a curve."""
    scores = range(scale.max, scale.min - 1, -1)
    row = f"height: {num(height / len(scores))}mm"
    return tag("table", *(tag("tr", tag("td", text(str(score))), style=row) for score in scores),
               class_="emotion-grid")


def _hint(cell_w: float, cell_h: float, labels: PdfWords) -> str:
    cell = labels.cell.format(size=labels.size.format(width=num(round(cell_w)), height=num(round(cell_h))))
    fits = next((labels.size.format(width=w, height=h) for w, h in STICKY_NOTES_MM if w <= cell_w and h <= cell_h),
                None)
    return labels.fits.format(cell=cell, note=fits) if fits else labels.too_small.format(cell=cell)
