"""A Journey -> the HTML of its text pages: persona cards, the action list, pain points by stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from journeygen.layout.words import Words, words_for
from journeygen.render.pdf.markup import Html, bullet_list, join, tag, text, ui
from journeygen.render.pdf.words import PdfWords, pdf_words_for
from journeygen.spec.model import Idea, Journey, Persona, Stage

COLUMN_SHARES = (14, 32, 15, 10, 9, 9, 11)
"""The share of the width of each of the action list's columns: the same in every owner's table."""


def heading(level: int, label: str, outline: int | None, **attrs: str | None) -> Html:
    """``<hN>`` that also makes an outline entry at level ``outline`` (None: no entry)."""
    return tag(f"h{level}", text(label), class_=f"bm{outline}" if outline else None, **attrs)


def persona_page(journey: Journey, base_dir: Path | None, depth: int) -> Html:
    """One sheet (more if they overflow) of persona cards."""
    labels = pdf_words_for(journey.locale)
    title = labels.persona if len(journey.personas) == 1 else labels.personas
    words = words_for(journey.locale)
    cards = [_persona_card(p, base_dir, depth + 1, words) for p in journey.personas]
    return tag("section", tag("p", text(journey.title), class_="kicker"), heading(1, title, depth),
               tag("div", *cards, class_="personas"),
               class_=f"sheet persona-sheet {_crowd(len(journey.personas))}")


def _crowd(count: int) -> str:
    """One card fills the width; one or two get larger type."""
    return "few single" if count == 1 else "few" if count == 2 else "many"


def _persona_card(persona: Persona, base_dir: Path | None, outline: int, words: Words) -> Html:
    from journeygen.assets import photo_data_uri

    photo = Html("")
    if persona.photo:
        photo = tag("div", tag("img", class_="photo", src=photo_data_uri(persona.photo, base_dir), alt=persona.name),
                    class_="photo-cell")
    who = tag("div", heading(2, persona.name, outline),
              tag("p", text(persona.description), class_="description") if persona.description else Html(""))
    quote = tag("blockquote", text(words.quoted(persona.quote))) if persona.quote else Html("")
    lists = [tag("div", tag("h3", text(label)), bullet_list(items, class_=cls))
             for label, items, cls in ((words.goals, persona.goals, "goals"),
                                       (words.frustrations, persona.frustrations, "frustrations"),
                                       (words.channels, persona.channels, "chips")) if items]
    return tag("article", tag("div", photo, who, class_="persona-head"), quote,
               tag("div", *lists, class_="persona-lists") if lists else Html(""), class_="persona")


@dataclass(frozen=True)
class Action:
    """An idea with the stage it belongs to: one row of the action list."""

    stage: Stage
    order: int
    idea: Idea

    def key(self) -> tuple[bool, dt.date, int]:
        return (self.idea.due is None, self.idea.due or dt.date.max, self.order)


def actions_by_owner(journey: Journey) -> tuple[tuple[str | None, tuple[Action, ...]], ...]:
    """Ideas grouped by owner (alphabetical, unowned (None) last), each group by due date then stage order."""
    groups: dict[str | None, list[Action]] = {}
    for order, stage in enumerate(journey.stages):
        for idea in stage.ideas:
            groups.setdefault(idea.owner, []).append(Action(stage, order, idea))
    owners = sorted((o for o in groups if o is not None), key=lambda o: (o.casefold(), o))
    ordered = [(o, groups[o]) for o in owners] + ([(None, groups[None])] if None in groups else [])
    return tuple((owner, tuple(sorted(rows, key=Action.key))) for owner, rows in ordered)


def action_page(journey: Journey, depth: int) -> Html:
    """Who does what by when: every idea in a table per owner, then pain points by stage."""
    groups = actions_by_owner(journey)
    labels = pdf_words_for(journey.locale)
    words = words_for(journey.locale)
    body = [_owner_group(owner, rows, depth + 1, labels, words) for owner, rows in groups] or [
        tag("p", ui(labels.no_ideas, labels.direction), class_="lead")]
    return tag("section", tag("p", text(journey.title), class_="kicker"), heading(1, labels.action_list, depth),
               tag("p", ui(_summary(groups, labels), labels.direction), class_="lead"), *body,
               _addressed(journey, depth, labels), _pains(journey, depth, labels), class_="sheet action-sheet")


def _summary(groups: tuple[tuple[str | None, tuple[Action, ...]], ...], labels: PdfWords) -> str:
    count = sum(len(rows) for _, rows in groups)
    owners = sum(1 for owner, _ in groups if owner is not None)
    return f"{labels.count(labels.ideas, count)}, {labels.count(labels.owners, owners)}"


def _owner_group(owner: str | None, rows: tuple[Action, ...], outline: int, labels: PdfWords,
                 words: Words) -> Html:
    cols = tag("colgroup", *(tag("col", style=f"width: {share}%") for share in COLUMN_SHARES))
    head = tag("thead", tag("tr", *(tag("th", text(name)) for name in labels.columns)))
    table = tag("table", cols, head, tag("tbody", *(_row(a, labels, words) for a in rows)), class_="actions")
    return tag("div", heading(2, labels.no_owner if owner is None else owner, outline), table, class_="owner-group")


def _row(action: Action, labels: PdfWords, words: Words) -> Html:
    idea = action.idea
    status = tag("span", text(words.status[idea.status]), class_="status") if idea.status else Html("")
    return tag("tr",
               tag("td", text(action.stage.name)),
               tag("td", text(idea.text), class_="idea"),
               tag("td", text(idea.owner or "")),
               tag("td", text(idea.due.isoformat() if idea.due else ""), class_="nowrap"),
               tag("td", text(labels.level(labels.impact_levels, idea.impact) if idea.impact else ""),
                   class_=f"nowrap level-{idea.impact}"),
               tag("td", text(labels.level(labels.effort_levels, idea.effort) if idea.effort else ""),
                   class_="nowrap"),
               tag("td", status, class_="nowrap"))


def _addressed(journey: Journey, depth: int, labels: PdfWords) -> Html:
    """Each pain point an idea addresses (``addresses:``), with those ideas under it; nothing in maps without."""
    ideas = [idea for stage in journey.stages for idea in stage.ideas]
    if not any(idea.addresses for idea in ideas):
        return Html("")
    rows = [tag("tr", tag("td", text(stage.name), class_="stage"), tag("td", text(pain.text), class_="idea"),
                tag("td", bullet_list(i.text for i in ideas if pain.id and pain.id in i.addresses)))
            for stage in journey.stages for pain in stage.pain_points]
    head = tag("thead", tag("tr", *(tag("th", text(c)) for c in (labels.pain_columns[0], labels.pain_columns[2],
                                                                   labels.columns[1]))))
    return join((heading(2, labels.ideas_by_pain, depth), tag("table", head, tag("tbody", *rows), class_="pains")))


def _pains(journey: Journey, depth: int, labels: PdfWords) -> Html:
    rows = [tag("tr", tag("td", text(stage.name), class_="stage"),
                tag("td", text(emotion_text(journey, stage)), class_="emotion"),
                tag("td", bullet_list(pain.text for pain in stage.pain_points)))
            for stage in journey.stages if stage.pain_points]
    if not rows:
        return Html("")
    head = tag("thead", tag("tr", *(tag("th", text(c)) for c in labels.pain_columns)))
    # A sibling of the action list in the outline, so a facilitator can jump straight to it.
    return join((heading(2, labels.pains_by_stage, depth), tag("table", head, tag("tbody", *rows), class_="pains")))


def emotion_text(journey: Journey, stage: Stage) -> str:
    """``2 · overwhelmed`` or, per persona, ``Maria 3 · Ion 4``."""
    if isinstance(stage.emotion, dict):
        names = {p.id: p.name for p in journey.personas}
        return " · ".join(f"{names.get(pid, pid)} {e.score}" for pid, e in stage.emotion.items())
    if stage.emotion is None:
        return ""
    feeling = stage.emotion.label or words_for(journey.locale).feeling(journey.emotion_scale, stage.emotion.score)
    return f"{stage.emotion.score} · {feeling}"
