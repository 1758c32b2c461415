"""Rendered specs -> files written with a progress bar; one failing spec never stops the rest."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from journeygen.errors import OutputError, printable
from journeygen.output import outcomes, output_path, write_atomic


def render_all(specs: Sequence[str], formats: Sequence[str], outdir: str | None, opts: dict[str, Any],
               *, quiet: bool = False, jobs: int = 1) -> int:
    """Render and write each spec; report failures with their file and go on; return how many failed."""
    failed = 0
    show_bar = not quiet and len(specs) > 1 and sys.stderr.isatty()
    with click.progressbar(outcomes(specs, formats, opts, jobs), length=len(specs), label="rendering",
                           file=sys.stderr, hidden=not show_bar) as results:
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
                _write(spec, outputs, outdir, quiet=quiet or show_bar)
            except OutputError as exc:
                failed += 1
                click.echo(printable(f"{spec}: {exc}"), err=True)
    return failed


def _write(spec: str, outputs: dict[str, bytes], outdir: str | None, *, quiet: bool) -> None:
    for fmt, data in outputs.items():
        path = output_path(spec, fmt, outdir)
        write_atomic(path, data)
        if not quiet:
            click.echo(f"wrote {path}", err=True)
