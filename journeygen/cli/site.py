"""`journeygen site`: spec files -> a static, offline website in one folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click


@click.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False), metavar="DIR",
              help="The folder to write the site into (index.html at its top); in a project given no SPEC, "
                   "default: the project's output folder's site/.")
@click.option("--title", help="The site's name, in its top bar (default: \"Journey maps\" in the site's language).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The date that decides which ideas are overdue (default: today).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Render this many maps in parallel.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print where the site was written.")
def site(specs: tuple[str, ...], outdir: str | None, title: str | None, today: dt.datetime | None, jobs: int,
         quiet: bool) -> None:
    """Write a static, offline website of maps: index, map pages, personas, action list, report.

    It works without a network and from file://.

    An index of every map (thumbnail, personas, stages, lowest emotion, open ideas, last commit), a page
    per map (pan, zoom, full text on hover, a persona switch, PDF/Mermaid/CSV/YAML downloads), a page
    per persona, one action list across all maps, and the report. Nothing is written if a map is invalid.

    \b
    Examples:
      journeygen site                                   # the project's maps, into <output>/site
      journeygen site maps/*.journey.yaml -o build/site
      journeygen site examples/*.journey.yaml -o site --title "Our journeys" --today 2026-03-01
    """
    from journeygen.output import write_atomic
    from journeygen.site.build import build_site
    from journeygen.site.sources import site_specs

    locale = None
    if not specs:
        specs, outdir, locale = _project_site(outdir)
    elif outdir is None:
        raise click.UsageError("give the folder to write the site into: -o DIR")
    day = today.date() if today else dt.date.today()
    files = build_site(site_specs(specs), day, title=title, locale=locale, jobs=jobs)
    for path, data in sorted(files.items()):
        write_atomic(Path(outdir) / path, data)
    if not quiet:
        click.echo(f"wrote {len(files)} files; open {Path(outdir) / 'index.html'}", err=True)


def _project_site(outdir: str | None) -> tuple[tuple[str, ...], str, str | None]:
    """The project's maps, the site's folder (-o, else ``site/`` in the project's ``output`` folder) and its
    language (the project's ``locale``)."""
    from journeygen.cli.project import project_maps

    project, specs = project_maps("site")
    if outdir is None:
        if project.output is None:
            raise click.UsageError(f"{project.file} sets no output folder: give -o DIR, or set "
                                   '`output = "build/maps"` there (the site goes to its site/ folder)')
        outdir = os.path.relpath(project.output / "site")
    return specs, outdir, project.locale
