"""Command line -> API calls -> files and exit codes (0 ok, 1 bad input or failed render, 2 usage)."""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
import threading
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import click

from journeygen import __version__
from journeygen.cli.options import check_render_options, parse_formats, render_options
from journeygen.errors import JourneygenError, SpecError, printable
from journeygen.pace import COMMAND_PACE


class Lazy(NamedTuple):
    """A subcommand in its own module: where it lives, and its one-line summary (None: hidden)."""

    target: str
    summary: str | None


# Subcommands imported only when run; `journeygen --help` lists their summaries without importing them.
LAZY_COMMANDS: dict[str, Lazy] = {
    "diff": Lazy("journeygen.cli.vcs:diff",
                 "Show what changed between two maps: stages, personas, emotions, items, ideas, metrics."),
    "git-diff": Lazy("journeygen.cli.vcs:git_diff", None),
    "report": Lazy("journeygen.cli.vcs:report",
                   "Report what needs attention in one or more maps, per map and in total."),
    "compare": Lazy("journeygen.cli.vcs:compare", None),  # an alias of `render --compare`
    "themes": Lazy("journeygen.cli.themes:themes",
                   "List the built-in themes, or print every slot of one theme (built-in or file) as YAML."),
    "import": Lazy("journeygen.cli.importers:import_group", "Turn a diagram from another tool into a journeygen spec."),
    "embed": Lazy("journeygen.cli.embed:embed",
                  "Refresh the journeygen blocks of Markdown FILES with fresh Mermaid (or SVG image links)."),
    "init": Lazy("journeygen.cli.init:init",
                 "Write a starter map or service blueprint from a template, or a project file."),
    "lint": Lazy("journeygen.cli.lint:lint", "Check specs for what a good journey map should have."),
    "fmt": Lazy("journeygen.cli.fmt:fmt", "Rewrite specs in canonical form, keeping comments and meaning."),
    "site": Lazy("journeygen.cli.site:site",
                 "Write a static, offline website of maps: index, map pages, personas, action list, report."),
    "watch": Lazy("journeygen.cli.watch:watch", "Re-render specs on every save; --serve shows a live page."),
}


class _Group(click.Group):
    """A group that loads subcommands lazily and turns journeygen errors into exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, _, attr = LAZY_COMMANDS[name].target.partition(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, cmd.get_short_help_str(formatter.width)) for name, cmd in self.commands.items()]
        rows += [(name, lazy.summary) for name, lazy in LAZY_COMMANDS.items() if lazy.summary]
        with formatter.section("Commands"):
            formatter.write_dl(sorted(rows))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JourneygenError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(printable(str(exc)) if not isinstance(exc, SpecError) else str(exc), err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="journeygen")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Customer journey maps as code: validate a YAML/JSON spec, render it to SVG, Mermaid, PDF or DOT.

    \b
    Examples:
      journeygen validate maps/*.yaml
      journeygen render maps/shop.journey.yaml              # -> maps/shop.svg
      journeygen render maps/shop.journey.yaml -f svg,mermaid -o build/
      journeygen render maps/shop.journey.yaml -f mermaid -o -   # print to stdout
      journeygen schema > journeygen.schema.json
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
def validate(specs: tuple[str, ...]) -> None:
    """Check each SPEC and print every problem as FILE:LINE:COL: field.path: message.

    Exits 1 if any spec has a problem, 0 when all are valid.

    \b
    Example:
      journeygen validate examples/*.yaml
    """
    from journeygen.api import load_spec

    bad = 0
    for spec in specs:
        try:
            for warning in load_spec(spec).warnings:
                click.echo(f"warning: {warning}", err=True)
        except SpecError as exc:
            bad += 1
            for problem in exc.problems:
                click.echo(str(problem))
    total = len(specs)
    click.echo(f"{total - bad} of {total} spec(s) valid", err=True)
    if bad:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the spec format, for editor completion and hover help.

    \b
    Example:
      journeygen schema > journeygen.schema.json
      # then start a spec with:
      # yaml-language-server: $schema=journeygen.schema.json
    """
    import json

    from journeygen.spec.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))






@main.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-f", "--format", "formats", multiple=True, metavar="FMT[,FMT...]",
              help="Output formats, comma-separated (default svg).")
@click.option("-o", "--output", metavar="DIR|-", help="Output folder (default: each spec's folder); `-` prints "
                                                      "to stdout (one spec, one format).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Render this many specs in parallel.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no list of files written.")
@click.option("--compare", is_flag=True, help="SPECS are OLD NEW (files or REV:path): one SVG map of NEW with "
                                               "OLD's emotion curves faded beneath and changes marked.")
@click.option("--pack", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="PDF: every SPEC in one document with a contents page, written to FILE.")
@click.option("--stages", metavar='"A,B,C"', help="PDF: with --blank and no SPEC, a generic template of these stages.")
@click.option("--locale", metavar="CODE", help="PDF: the language of a --blank --stages template (ro, pl, he, ...); "
                                               "a spec names its own with locale:.")
@render_options
def render(specs: tuple[str, ...], formats: tuple[str, ...], output: str | None, jobs: int, quiet: bool,
           compare: bool, pack: str | None, stages: str | None, locale: str | None, **opts: Any) -> None:
    """Render each SPEC to OUTDIR/<stem>.svg, .mmd, .pdf, .dot ...

    A spec that fails to load or render is reported with its file and the others still render;
    no partial file is ever written, and the exit status is 1 if any failed. Many specs render in
    parallel (-j) with a progress bar on a terminal. With no SPEC inside a project (a folder with
    journeygen.toml), every map of the project renders into its `output` folder.

    \b
    Examples:
      journeygen render examples/online-shop.journey.yaml
      journeygen render                                     # the project's maps
      journeygen render maps/*.yaml -f svg,mermaid -o build/maps
      journeygen render map.yaml -f mermaid -o - >> README.md
      journeygen render --compare HEAD~3:maps/shop.yaml maps/shop.yaml   # as-is vs to-be
      journeygen render map.yaml -f pdf --page A1 --tile      # A1 poster on A4 sheets
      journeygen render a.yaml b.yaml --pack workshop.pdf     # one PDF, contents page
      journeygen render --blank --stages "Discover,Buy,Use"   # empty workshop template
      journeygen render --blank --stages "Descoperire,Cumpărare" --locale ro
    """
    from journeygen.cli.output import render_all

    check_render_options(specs, {**opts, "pack": pack, "stages": stages, "locale": locale},
                         template=stages is not None, compare=compare)
    chosen = parse_formats(formats)
    if opts.get("theme") and Path(opts["theme"]).is_file():
        opts["theme"] = str(Path(opts["theme"]).resolve())  # a --theme file is relative to here, not the spec
    if compare:
        _render_compare(specs, chosen, output, opts)
        return
    folders = None
    if not specs and pack is None and stages is None and locale is None and not opts.get("blank"):
        from journeygen.cli.project import output_folders, project_maps

        project, specs = project_maps("render")
        folders = output_folders(specs, project, output)
    if pack is not None or stages is not None or locale is not None or not specs:
        from journeygen.cli.pdf import pdf_only

        pdf_only(specs, formats, output, opts, pack=pack, stages=stages, locale=locale, quiet=quiet)
        return
    if output == "-" and (len(chosen) > 1 or len(specs) > 1):
        raise click.UsageError("-o - writes to stdout: give one spec and one format")
    _refuse_clashes(specs, chosen, output, blank=bool(opts.get("blank")), folders=folders)
    failed = render_all(specs, chosen, output, opts, quiet=quiet, jobs=jobs, folders=folders)
    if failed:
        sys.exit(1)


def _refuse_clashes(specs: tuple[str, ...], formats: list[str], output: str | None, *, blank: bool,
                    folders: dict[str, str] | None = None) -> None:
    """Two specs must not write the same file (``a/shop.yaml`` and ``b/shop.journey.yaml`` into one folder)."""
    from journeygen.output import output_path

    if output == "-":
        return
    seen: dict[Path, str] = {}
    for spec in specs:
        for fmt in formats:
            path = output_path(spec, fmt, (folders or {}).get(spec, output), blank=blank)
            if path in seen and seen[path] != spec:
                raise click.UsageError(f"{seen[path]} and {spec} would both write {path}; render them to "
                                       "different folders (-o)")
            seen[path] = spec


def _render_compare(specs: tuple[str, ...], formats: list[str], output: str | None, opts: dict[str, Any]) -> None:
    from journeygen.cli.vcs import write_compare

    if len(specs) != 2 or formats != ["svg"]:
        raise click.UsageError("--compare takes two specs, OLD NEW, and draws one SVG")
    write_compare(*specs, output, theme=opts["theme"], max_width=opts["max_width"], outdir=output not in (None, "-"))


def run() -> NoReturn:
    """Console-script entry point."""
    settle_process()
    try:
        main(prog_name="journeygen")  # click's standalone mode ends every command with SystemExit
    except SystemExit as done:
        leave(done.code)
    raise AssertionError("click returned without an exit status")


def leave(code: str | int | None) -> NoReturn:
    """End the process with ``code`` (as ``sys.exit`` takes it), leaving the command's objects unfreed.

    Freeing them one by one at exit touches every object the command made: about 12% of a small render's wall time
    (mypy's command ends the same way). Output is flushed and ``atexit`` handlers run first; a process that
    still runs other threads ends the ordinary way, which waits for them.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    status = code if isinstance(code, int) else 0 if code is None else 1
    if isinstance(code, str):
        print(code, file=sys.stderr)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): 120, as Python's own exit says it
            status = status or 120
    os._exit(status)


def settle_process() -> None:
    """Settings for the one short-lived process a command runs in (benchmarks/startup.py applies them too)."""
    # pydantic scans every installed distribution for plugins when the first model is built (10 ms
    # and more in a full environment); the command line has none to offer them. A user's own setting stays.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # The modules imported so far live as long as the process: keep the garbage collector from scanning
    # them again at each collection while the command runs (as the watch loop does after its first render).
    gc.freeze()
    gc.set_threshold(*COMMAND_PACE)
