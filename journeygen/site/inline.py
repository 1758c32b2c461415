"""Maps drawn inline into one HTML page: each map's element ids, and so its scoped stylesheet, its own.

A map's ids start with a prefix made from its title (``jg-same-``), so two maps with the same title on one
page would share every id, and the second map's stylesheet (scoped to ``#jg-same-map``) would restyle the
first. The first map with a prefix keeps it (a map alone on its page is drawn exactly as its SVG file);
each later one gets the first ``jg-same-2-``, ``jg-same-3-`` ... that no map of the page has used yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeygen.layout.prepared import Prepared
from journeygen.layout.scene import Group, Item, Scene
from journeygen.options import RenderOptions
from journeygen.render.svg import render_scene
from journeygen.spec.model import Journey


@dataclass
class PageMaps:
    """The maps of one page, drawn in the order they appear on it."""

    prefixes: set[str] = field(default_factory=set)
    """The id prefixes the page's maps drawn so far use."""

    def svg(self, journey: Journey, options: RenderOptions) -> bytes:
        """The map as an SVG document whose ids no earlier map of the page uses."""
        prepared = Prepared(journey, options)
        scene = prepared.scene
        prefix = self._free(scene.id_prefix)
        self.prefixes.add(prefix)
        return render_scene(scene if prefix == scene.id_prefix else renamed(scene, prefix), prepared.theme)

    def _free(self, prefix: str) -> str:
        n = 1
        free = prefix
        while free in self.prefixes:
            n += 1
            free = f"{prefix}{n}-"
        return free


def renamed(scene: Scene, prefix: str) -> Scene:
    """The scene with every id under ``prefix`` instead of its own (every id of a Scene starts with it)."""
    old = scene.id_prefix
    return scene._replace(items=_renamed(scene.items, old, prefix), id_prefix=prefix)


def _renamed(items: tuple[Item, ...], old: str, new: str) -> tuple[Item, ...]:
    return tuple(i._replace(id=new + i.id.removeprefix(old), items=_renamed(i.items, old, new))
                 if isinstance(i, Group) else i for i in items)
