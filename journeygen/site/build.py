"""Spec files -> every file of the static site, in memory (path relative to the site root -> bytes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from journeygen.api import load_all
from journeygen.errors import RenderError
from journeygen.layout.blocks import DASHES
from journeygen.layout.prepared import Prepared
from journeygen.locale import language_of
from journeygen.output import outcomes
from journeygen.report.model import total
from journeygen.site.catalog import MapEntry, catalogue, personas
from journeygen.site.html import Page
from journeygen.site.links import linked, relink
from journeygen.site.pages import (
    NAV,
    actions_page,
    index_page,
    map_href,
    map_page,
    persona_page,
    personas_page,
    report_page,
)
from journeygen.site.words import SiteWords, site_words

FORMATS = ("svg", "pdf", "mermaid", "csv")
"""What each map is rendered to; the SVG is also drawn inline on the map's page."""
_SUFFIX = {"svg": "svg", "pdf": "pdf", "mermaid": "mmd", "csv": "csv"}


def build_site(sources: Sequence[str], today: dt.date, *, title: str | None = None, locale: str | None = None,
               jobs: int = 1) -> dict[str, bytes]:
    """Every page and download of the site, its own words in ``locale`` (default: the maps' language if they
    share one, else English); raises (SpecError, RenderError) before anything is returned."""
    maps = catalogue(sources, load_all(sources), today)
    w = site_words(locale or _shared_locale(maps))
    title = title or w.title
    nav = tuple(zip(NAV, w.nav, strict=True))

    def write(page: Page) -> bytes:
        return page.html(title, nav, w.language, w.direction).encode("utf-8")

    files: dict[str, bytes] = {}
    for entry, rendered in zip(maps, _render(sources, jobs), strict=True):
        for fmt, data in rendered.items():
            files[map_href(entry, _SUFFIX[fmt])] = data
        svg, targets = rendered["svg"].decode("utf-8"), linked(entry, maps)
        files[map_href(entry, "svg")] = relink(svg, targets, "svg").encode("utf-8")
        files[map_href(entry, "yaml")] = Path(entry.source).read_bytes()
        files[map_href(entry)] = write(_map(entry, relink(svg, targets, "html"), w))
    people = personas(maps)
    everything = total([m.report for m in maps])
    pages = [index_page(maps, title, w), personas_page(people, w), *(persona_page(p, w) for p in people),
             actions_page(everything.ideas, maps, today, w), report_page(everything, maps, today, w)]
    files.update({page.path: write(page) for page in pages})
    # Paths are hrefs (``maps/o%27brien.html``); each file gets the name its links mean (``maps/o'brien.html``).
    return {unquote(path): data for path, data in files.items()}


def _shared_locale(maps: Sequence[MapEntry]) -> str:
    """The language every map is written in, or English when they differ."""
    languages = {language_of(m.spec.journey.locale) for m in maps}
    return languages.pop() if len(languages) == 1 else "en"


def _render(sources: Sequence[str], jobs: int) -> list[dict[str, bytes]]:
    """Each spec's formats (in parallel with jobs > 1); every failure is reported together."""
    done, failures = [], []
    for _source, rendered, error in outcomes(sources, FORMATS, {}, jobs):
        if rendered is None:
            failures.append(error or "")
        else:
            done.append(rendered[0])
    if failures:
        raise RenderError("\n".join(failures))
    return done


def _map(entry: MapEntry, svg: str, w: SiteWords) -> Page:
    theme = Prepared(entry.spec.journey, entry.spec.options()).theme
    inline = svg.split("?>", 1)[-1].strip()  # no XML declaration inside HTML
    return map_page(entry, inline, len(theme.persona_palette), DASHES, w)
