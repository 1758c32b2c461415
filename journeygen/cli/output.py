"""Rendered specs -> files written with a progress bar; one failing spec never stops the rest."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from journeygen.errors import OutputError, printable
from journeygen.output import Outcome, outcomes, output_path, write_atomic
from journeygen.render import FORMATS


def render_all(specs: Sequence[str], formats: Sequence[str], outdir: str | None, opts: dict[str, Any],
               *, quiet: bool = False, jobs: int = 1, folders: Mapping[str, str] | None = None) -> int:
    """Render and write each spec (into ``folders[spec]`` when given, else ``outdir``); report failures
    with their file and go on; return how many failed."""
    failed = 0
    show_bar = not quiet and len(specs) > 1 and sys.stderr.isatty()
    results: Iterable[Outcome] = outcomes(specs, formats, opts, jobs)
    # click's progress bar imports its terminal code (4 ms at start-up): made only when it is shown
    with (click.progressbar(results, length=len(specs), label="rendering", file=sys.stderr) if show_bar
          else nullcontext(results)) as results:
        for spec, rendered, error in results:
            if rendered is None:
                failed += 1
                click.echo(f"\n{error}" if show_bar else error, err=True)
                continue
            outputs, notes = rendered
            for note in [] if quiet else notes:
                click.echo(printable(note), err=True)
            if outdir == "-":
                sys.stdout.buffer.write(next(iter(outputs.values())))
                sys.stdout.flush()
                continue
            try:
                _write(spec, outputs, (folders or {}).get(spec, outdir), quiet=quiet or show_bar,
                       blank=bool(opts.get("blank")))
            except OutputError as exc:
                failed += 1
                click.echo(printable(f"{spec}: {exc}"), err=True)
    return failed


def _write(spec: str, outputs: dict[str, bytes], outdir: str | None, *, quiet: bool, blank: bool) -> None:
    for fmt, data in outputs.items():
        path = output_path(spec, fmt, outdir, blank=blank)
        write_atomic(path, data)
        if not quiet:
            click.echo(f"wrote {path}", err=True)


def refuse_overwrite(target: str, specs: Sequence[str], option: str) -> None:
    """Refuse (a usage error, exit 2) a named output that is one of ``specs`` or a file that rendering
    one of them writes (``--pack shop.pdf`` would replace the shop map's own PDF)."""
    if target == "-":
        return
    path = Path(target).resolve()
    for spec in (s for s in specs if s != "-"):
        if path == Path(spec).resolve():
            raise click.UsageError(f"{option} {target} is the spec {spec} itself; choose another file name")
        outputs = [output_path(spec, fmt, None, blank=blank) for fmt in FORMATS for blank in (False, True)]
        if path in {p.resolve() for p in outputs}:
            raise click.UsageError(f"{option} {target} is where `journeygen render {spec}` writes that map; "
                                   "choose another file name")
