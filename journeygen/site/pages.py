"""The catalogue -> the site's pages: the index, a page per map and per persona, the action list, the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import quote

from journeygen.layout.words import words_for
from journeygen.report.model import IdeaDue, Report
from journeygen.site.catalog import MapEntry, PersonaEntry
from journeygen.site.html import Page, css_string, esc
from journeygen.site.words import SiteWords

DOWNLOADS = ("pdf", "mmd", "csv", "yaml")
"""The files beside each map page (by suffix, labelled by ``SiteWords.download_labels``); the SVG is drawn on
the page itself."""
NAV = ("index.html", "personas.html", "actions.html", "report.html")
"""The pages the top bar links, labelled by ``SiteWords.nav``."""


def map_href(entry: MapEntry, suffix: str = "html") -> str:
    """A map's file, relative to the site root."""
    return f"maps/{quote(entry.slug)}.{suffix}"


def persona_href(persona_id: str) -> str:
    """A persona's page, relative to the site root."""
    return f"personas/{quote(persona_id)}.html"


def _lang(entry: MapEntry) -> str:
    journey = entry.spec.journey
    return f' lang="{esc(journey.locale)}" dir="{"rtl" if journey.rtl else "ltr"}"'


def _in(entry: MapEntry, text: str) -> str:
    """Spec text of ``entry``, escaped, in the map's language and direction."""
    return f"<span{_lang(entry)}>{esc(text)}</span>" if text else ""


def _table(head: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], empty: str) -> str:
    """A table of (row class, cells already escaped) rows, or a line saying there are none."""
    if not rows:
        return f'<p class="empty">{esc(empty)}</p>'
    th = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    body = "".join(f'<tr{f" class={cls}" if cls else ""}>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
                   for cls, cells in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _fill(template: str, **parts: str) -> str:
    """A catalogue sentence, escaped, with ``{name}`` replaced by ``parts`` (HTML already)."""
    html = esc(template)
    for name, part in parts.items():
        html = html.replace(f"{{{name}}}", part)
    return html


def index_page(maps: Sequence[MapEntry], title: str, w: SiteWords) -> Page:
    """Every map as a card: thumbnail, personas, stages, lowest emotion, open ideas, last commit."""
    cards = "".join(_card(entry, w) for entry in maps)
    lead = _fill(w.index_lead, count=esc(w.count(w.journeys, len(maps))),
                 actions=f'<a href="actions.html">{esc(w.actions_link)}</a>')
    body = f'<h1>{esc(title)}</h1>\n<p class=lead>{lead}</p>\n<ul class="cards">{cards}</ul>'
    return Page("index.html", title, body)


def _card(entry: MapEntry, w: SiteWords) -> str:
    journey = entry.spec.journey
    people = ", ".join(f'<a href="{esc(persona_href(p.id))}"{_lang(entry)}>{esc(p.name)}</a>'
                       for p in journey.personas) or "—"
    low = entry.lowest
    lowest = _fill(w.lowest, score=f'<bdi class="low">{esc(low[0])}</bdi>',
                   stage=f"<span{_lang(entry)}>{esc(low[1])}</span>") if low else "—"
    values = (people, str(len(journey.stages)), lowest, str(entry.open_ideas),
              esc(entry.last_commit or w.not_committed))
    dl = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in zip(w.facts, values, strict=True))
    href = esc(map_href(entry))
    rtl = " rtl" if journey.rtl else ""
    return (f'<li class="card"><a class="thumb{rtl}" href="{href}" tabindex="-1" aria-hidden="true">'
            f'<img src="{esc(map_href(entry, "svg"))}" alt="" loading="lazy"></a><div class="body">'
            f'<h2><a href="{href}"{_lang(entry)}>{esc(entry.title)}</a></h2><dl class="facts">{dl}</dl></div></li>')


def map_page(entry: MapEntry, svg: str, palette: int, dashes: int, w: SiteWords) -> Page:
    """The map's SVG inline in a pan-and-zoom viewport, the persona switch, and its downloads."""
    journey = entry.spec.journey
    links = "".join(f'<a href="{esc(quote(entry.slug))}.{suffix}">{esc(label)}</a>'
                    for suffix, label in zip(DOWNLOADS, w.download_labels, strict=True))
    switch = _persona_switch(entry, w) if len(journey.personas) > 1 else ""
    description = f"<p class=lead{_lang(entry)}>{esc(journey.description)}</p>" if journey.description else ""
    body = (f"<h1{_lang(entry)}>{esc(journey.title)}</h1>\n{description}\n"
            f'<div class="tools"><div class="zoom" role="group" aria-label="{esc(w.zoom)}">'
            f'<button type="button" data-zoom="out" aria-label="{esc(w.zoom_out)}">−</button> <output>100%</output> '
            f'<button type="button" data-zoom="in" aria-label="{esc(w.zoom_in)}">+</button> '
            f'<button type="button" data-zoom="fit">{esc(w.fit)}</button></div>{switch}'
            f'<nav class="downloads" aria-label="{esc(w.downloads)}">{links}</nav></div>\n'
            f'<figure class="map"><div class="viewport" tabindex="0" role="region" aria-label="{esc(w.viewport)}">'
            f'<div class="canvas">{svg}</div><div class="tip" role="tooltip" hidden></div></div></figure>\n'
            f'<p class="hint">{esc(w.hint)}</p>')
    return Page(map_href(entry), journey.title, body, extra_css=_switch_css(entry, palette, dashes))


def _persona_switch(entry: MapEntry, w: SiteWords) -> str:
    people = entry.spec.journey.personas
    radios = [f'<label><input type="radio" name="persona" value="" checked> {esc(w.everyone)}</label>']
    radios += [f'<label><input type="radio" name="persona" value="{n}"> <span{_lang(entry)}>{esc(p.name)}</span>'
               "</label>" for n, p in enumerate(people)]
    return f'<fieldset><legend>{esc(w.show_persona)}</legend>{"".join(radios)}</fieldset>'


def _switch_css(entry: MapEntry, palette: int, dashes: int) -> str:
    """Per persona: fade the other personas' curves, faces and cards (the curve classes are the layout's)."""
    rules = []
    for n, persona in enumerate(entry.spec.journey.personas):
        mine = f".pstroke-{n % palette}.dash-{n % dashes}" if n < palette * dashes else f".pstroke-{n % palette}"
        only = f'.map[data-only="{n}"] svg'
        rules.append(f"{only} :is(.curve,.face,.dot):not({mine}),{only} g:has(> .face:not({mine})),"
                     f"{only} g[id*=\"-persona-\"]:not([id$={css_string('-persona-' + persona.id)}])"
                     "{opacity:.12}")
    return "".join(rules)


def persona_page(entry: PersonaEntry, w: SiteWords) -> Page:
    """Who the persona is (in the language of the first map that has them), and every journey they appear in."""
    p, lang, labels = entry.persona, _lang(entry.maps[0]), words_for(w.language)
    quoted = words_for(entry.maps[0].spec.journey.locale).quoted  # in the quotation marks of the quote's language
    quote_ = f"<blockquote{lang}>{esc(quoted(p.quote))}</blockquote>" if p.quote else ""
    lists = "".join(f"<h2>{esc(name)}</h2><ul>{''.join(f'<li><span{lang}>{esc(v)}</span></li>' for v in values)}"
                    "</ul>" for name, values in ((labels.goals, p.goals), (labels.frustrations, p.frustrations),
                                                 (labels.channels, p.channels)) if values)
    maps = "".join(f'<li><a href="../{esc(map_href(m))}"{_lang(m)}>{esc(m.title)}</a> '
                   f"({esc(w.count(w.stages, len(m.spec.journey.stages)))})</li>" for m in entry.maps)
    description = f"<p class=lead{lang}>{esc(p.description)}</p>" if p.description else ""
    body = (f'<div class="persona-head"><div><h1{lang}>{esc(p.name)}</h1>{description}{quote_}</div></div>'
            f"<h2>{esc(w.journeys_heading)}</h2><ul>{maps}</ul>{lists}")
    return Page(persona_href(p.id), p.name, body)


def personas_page(people: Sequence[PersonaEntry], w: SiteWords) -> Page:
    """Every persona across the maps, with how many journeys each appears in."""
    rows = [("", [f'<a href="{esc(persona_href(e.persona.id))}"{_lang(e.maps[0])}>{esc(e.persona.name)}</a>',
                  _in(e.maps[0], e.persona.description or ""), str(len(e.maps))]) for e in people]
    heading = w.nav[1]
    body = f"<h1>{esc(heading)}</h1>" + _table(w.persona_columns, rows, w.no_personas)
    return Page("personas.html", heading, body)


def actions_page(ideas: Sequence[IdeaDue], maps: Sequence[MapEntry], today: dt.date, w: SiteWords) -> Page:
    """Every idea of every map by owner and due date, overdue first (the report's order)."""
    heading = w.nav[2]
    body = (f"<h1>{esc(heading)}</h1><p class=lead>{esc(w.actions_lead.format(date=today.isoformat()))}</p>"
            + _ideas_table(ideas, maps, w))
    return Page("actions.html", heading, body)


def _ideas_table(ideas: Sequence[IdeaDue], maps: Sequence[MapEntry], w: SiteWords) -> str:
    by_slug = {m.slug: m for m in maps}
    statuses = words_for(w.language).status
    rows = []
    for i in ideas:
        entry = by_slug[i.map]
        day = i.due.isoformat() if i.due else ""
        due = f'<span class="late-mark">{esc(w.overdue.format(date=day))}</span>' if i.overdue else day
        status = statuses.get(i.status, i.status) if i.status else ""
        cells = [_in(entry, i.owner) if i.owner else esc(w.no_owner), _in(entry, i.text), _map_link(i.map, maps),
                 _in(entry, i.stage_name), f'<span class="nw">{due}</span>', f'<span class="nw">{esc(status)}</span>']
        rows.append(("late" if i.overdue else "", cells))
    return _table(w.idea_columns, rows, w.no_ideas)


def _map_link(slug: str, maps: Sequence[MapEntry]) -> str:
    """A report row's map (the report names maps by slug) as a link titled like the map."""
    entry = next(m for m in maps if m.slug == slug)
    return f'<a href="{esc(map_href(entry))}"{_lang(entry)}>{esc(entry.title)}</a>'


def report_page(total: Report, maps: Sequence[MapEntry], today: dt.date, w: SiteWords) -> Page:
    """The report of all maps: lowest emotions, pain points without ideas, ideas, metrics off target."""
    of = {m.slug: m for m in maps}
    emotions = [("", [_map_link(e.map, maps), _in(of[e.map], e.persona_name) if e.persona_name else esc(w.everyone),
                      _in(of[e.map], e.stage_name), esc(e.shown), _in(of[e.map], e.label or "")])
                for e in total.emotions]
    pains = [("", [_map_link(p.map, maps), _in(of[p.map], p.stage_name), _in(of[p.map], p.text)])
             for p in total.pain_points]
    metrics = [("", [_map_link(m.map, maps), *(_in(of[m.map], t) for t in (m.stage_name, m.name, m.value, m.target)),
                     esc(m.gap)]) for m in total.metrics]
    lead = w.report_lead.format(count=w.count(w.journeys, len(maps)), date=today.isoformat())
    emotions_h, pains_h, ideas_h, metrics_h = (f"<h2>{esc(s)}</h2>" for s in w.sections)
    body = (f"<h1>{esc(w.report)}</h1><p class=lead>{esc(lead)}</p>"
            + emotions_h + _table(w.emotion_columns, emotions, w.no_scores)
            + pains_h + _table(w.pain_columns, pains, w.none)
            + ideas_h + _ideas_table(total.ideas, maps, w)
            + metrics_h + _table(w.metric_columns, metrics, w.none))
    return Page("report.html", w.nav[3], body)
