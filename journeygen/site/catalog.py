"""Loaded specs -> the site's catalogue: each map's page name, summary facts, and the personas across maps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeygen.project import stem
from journeygen.report.model import Report, report
from journeygen.site.gitdate import last_commit
from journeygen.spec.loaded import Spec
from journeygen.spec.model import Persona


@dataclass(frozen=True)
class MapEntry:
    """One map of the site: its spec, the stem its files share (``slug``, which names it in ``report``), and what
    the index says about it."""

    spec: Spec
    source: str
    slug: str
    report: Report
    last_commit: str | None

    @property
    def title(self) -> str:
        """The map's title, as the spec gives it."""
        return self.spec.journey.title

    @property
    def lowest(self) -> tuple[str, str] | None:
        """The lowest emotion score on the map, with its scale (``2/5``), and the stage where it is felt."""
        low = min(self.report.emotions, key=lambda e: e.level, default=None)
        return (low.scale.shown(low.score), low.stage_name) if low else None

    @property
    def open_ideas(self) -> int:
        """Ideas neither done nor dropped."""
        return sum(1 for idea in self.report.ideas if idea.open)


@dataclass(frozen=True)
class PersonaEntry:
    """A persona (by id) and every map it appears in, with its definition from the first of them."""

    persona: Persona
    maps: tuple[MapEntry, ...]


def catalogue(sources: Sequence[str], specs: Sequence[Spec], today: dt.date) -> tuple[MapEntry, ...]:
    """A MapEntry per spec, in the order given; two maps with one stem get ``-2``, ``-3`` ... suffixes."""
    taken: set[str] = set()
    entries = []
    for source, spec in zip(sources, specs, strict=True):
        slug = base = stem(source)
        n = 1
        while slug.casefold() in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug.casefold())
        date = last_commit(Path(source)) if source != "-" else None
        entries.append(MapEntry(spec, source, slug, report(spec.journey, slug, today), date))
    return tuple(entries)


def personas(maps: Sequence[MapEntry]) -> tuple[PersonaEntry, ...]:
    """Every persona id across the maps, A-Z by name, with the maps it appears in."""
    found: dict[str, tuple[Persona, list[MapEntry]]] = {}
    for entry in maps:
        for persona in entry.spec.journey.personas:
            found.setdefault(persona.id, (persona, []))[1].append(entry)
    rows = [PersonaEntry(p, tuple(m)) for p, m in found.values()]
    return tuple(sorted(rows, key=lambda r: (r.persona.name.casefold(), r.persona.id)))
