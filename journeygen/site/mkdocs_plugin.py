"""The MkDocs plugin (``plugins: [journeygen]``): pages' journeygen blocks and map images -> inline SVG at build
time; an invalid map fails the build with FILE:LINE; ``mkdocs serve`` re-renders when a map file changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from journeygen.errors import SpecError
from journeygen.site.markdown import draw_maps


class Options(Config):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__ is untyped
    """The plugin takes no options."""


class JourneygenPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__
    """Draws journey maps into MkDocs pages."""

    def __init__(self) -> None:
        super().__init__()
        self.maps: set[Path] = set()
        """Every map file a page drew, outside ``docs_dir`` too: ``mkdocs serve`` watches them."""

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's Markdown with its maps drawn."""
        source = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path)
        try:
            drawn = draw_maps(markdown, source)
        except SpecError as exc:
            raise PluginError(f"journeygen: invalid map\n{exc}") from None
        self.maps |= drawn.maps
        return drawn.markdown

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Rebuild when a drawn map file changes, wherever it lives."""
        for path in sorted(self.maps):
            server.watch(str(path), recursive=False)
        return server
