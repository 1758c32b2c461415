"""A map's links to other maps (``micro_journeys``/``links`` with ``use:``) -> the site's files of those maps.

The SVG links a linked map's rendering beside the spec (``ro/cont.svg``); in the site every map's files sit
side by side in ``maps/``, so the links are pointed at the linked map's page (inline) or SVG (download).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import unescape
from pathlib import Path
from urllib.parse import quote

from journeygen.project import rendered_href
from journeygen.site.catalog import MapEntry

_LINK = re.compile(r'<a href="([^"]*)" class="link"')


def linked(entry: MapEntry, maps: Sequence[MapEntry]) -> dict[str, MapEntry]:
    """Each map ``entry`` links to that the site holds, by the ``use:`` path as the spec writes it."""
    by_file = {Path(m.source).resolve(): m for m in maps if m.source != "-"}
    base = Path(entry.source).parent
    return {use: by_file[target] for use in entry.spec.journey.linked_maps
            if (target := (base / use).resolve()) in by_file}


def relink(svg: str, targets: Mapping[str, MapEntry], suffix: str) -> str:
    """``svg`` with its links to the maps ``targets`` holds pointed at their ``.suffix`` files in the site."""
    hrefs = {rendered_href(use): f"{quote(m.slug)}.{suffix}" for use, m in targets.items()}
    # Matched as the SVG means them (unescaped), whatever characters its writer escapes.
    return _LINK.sub(lambda found: f'<a href="{hrefs[target]}" class="link"'
                     if (target := unescape(found[1])) in hrefs else found[0], svg)
