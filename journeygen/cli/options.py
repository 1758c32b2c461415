"""Options and option values that several commands share: output formats and the rendering options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from journeygen.errors import UnknownFormatError


def parse_formats(value: tuple[str, ...]) -> list[str]:
    """The -f values (repeated or comma-separated) as known format names, svg when none; a usage error otherwise."""
    from journeygen.render import get_format

    names = [name.strip() for item in value for name in item.split(",") if name.strip()]
    try:
        return [get_format(name).name for name in dict.fromkeys(names)] or ["svg"]
    except UnknownFormatError as exc:
        raise click.BadParameter(str(exc)) from None


_PDF_ONLY = ("pack", "stages", "locale", "blank", "tile", "portrait", "landscape", "pdf_standard")
"""Options of PDF output only (those without a default), which a compare map cannot take."""


def check_render_options(specs: Sequence[str], opts: dict[str, Any], *, template: bool = False,
                         compare: bool = False) -> None:
    """Refuse rendering options that contradict each other or the SPECs (``template``: a ``--stages``
    template, which has no spec file; ``compare``: one compare SVG), before any work is done: a usage error,
    exit 2, nothing written."""
    given = [f"--{name.replace('_', '-')}" for name in _PDF_ONLY if opts.get(name)]
    if compare and given:
        raise click.UsageError(f"--compare draws one SVG, so {', '.join(given)} would do nothing: leave "
                               f"{'it' if len(given) == 1 else 'them'} out")
    if opts.get("portrait") and opts.get("landscape"):
        raise click.UsageError("--portrait and --landscape contradict each other: give one")
    standard = opts.get("pdf_standard")
    if standard == "x-4" and opts.get("tile"):
        raise click.UsageError("--pdf-standard x-4 is for a print shop, which prints the poster whole on its own "
                               "paper, and --tile cuts it into office sheets: give one")
    if standard == "a-3b" and (template or "-" in specs):
        raise click.UsageError("--pdf-standard a-3b attaches the spec file to the PDF, and standard input (-) or "
                               "a --stages template has none: render from a spec file")


def render_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every rendering command shares."""
    from journeygen.options import PAGE_SIZES, PDF_STANDARDS

    options = [
        click.option("--theme", metavar="NAME|PATH", help="Theme name (see `journeygen themes`) or theme file."),
        click.option("--page", type=click.Choice(PAGE_SIZES, case_sensitive=False), default="A3",
                     show_default=True, help="PDF page size."),
        click.option("--portrait", is_flag=True, help="PDF pages upright (default: landscape; the map page is "
                                                      "turned whichever way prints it larger)."),
        click.option("--landscape", is_flag=True, help="PDF: the map page landscape too, whatever its shape."),
        click.option("--tile", is_flag=True, help="PDF: split a large map over several sheets with cut marks."),
        click.option("--blank", is_flag=True, help="PDF: an empty workshop template of the spec's stages and lanes."),
        click.option("--mermaid-style", type=click.Choice(["journey", "swimlane", "flowchart"]), default="journey",
                     show_default=True, help="Mermaid journey diagram; swimlane: every lane as a grid (Mermaid "
                                             "10.8+); flowchart: every lane, older Mermaid."),
        click.option("--by", "flow_by", type=click.Choice(["stage", "channel"]), default="stage", show_default=True,
                     help="Flow view: group touchpoints by stage, or by channel (omnichannel)."),
        click.option("--persona", metavar="ID", help="Flow view: only this persona's path (default: every "
                                                      "persona's, one colour each)."),
        click.option("--scale", type=click.FloatRange(0.25, 8), default=2.0, show_default=True, metavar="N",
                     help="PNG: pixels per map pixel (2 is sharp on slides and high-density screens)."),
        click.option("--max-width", type=click.IntRange(min=400), metavar="PX",
                     help="SVG and PDF: wrap stages into rows so the map is at most PX wide (the PDF otherwise "
                          "chooses the rows that print it largest)."),
        click.option("--pdf-standard", type=click.Choice(PDF_STANDARDS),
                     help="PDF: PDF/UA-1 (accessible), PDF/A-3b (archive) or PDF/X-4 (print shop)."),
        click.option("--min-text-pt", type=click.FloatRange(min=1), default=7.0, show_default=True, metavar="PT",
                     help="PDF: say how to print the map larger when its body text prints smaller than PT."),
        click.option("--per-persona", is_flag=True, help="PDF: after the map, one map page per persona, with only "
                                                         "that persona's curve and actions (for breakout groups)."),
        click.option("--only", type=click.Choice(["map", "actions"]),
                     help="PDF: only the map page(s), or only the action list (for the wall beside the map)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
