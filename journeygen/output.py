"""Rendered bytes -> files: output names, atomic writes, one failing spec never stops the rest."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

import click

from journeygen.errors import JourneygenError, OutputError, SpecError, printable
from journeygen.render import get_format

_SPEC_SUFFIXES = (".journey.yaml", ".journey.yml", ".journey.json", ".yaml", ".yml", ".json")


def stem(spec: str) -> str:
    """``maps/shop.journey.yaml`` -> ``shop``; standard input is ``journey``."""
    name = Path(spec).name if spec != "-" else "journey"
    for suffix in _SPEC_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def output_path(spec: str, fmt: str, outdir: str | None) -> Path:
    """Where ``fmt`` of ``spec`` goes: OUTDIR (default: the spec's folder) / stem + suffix."""
    folder = Path(outdir) if outdir else (Path(spec).parent if spec != "-" else Path.cwd())
    return folder / (stem(spec) + get_format(fmt).suffix)


def _new_file_mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the existing file's, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file renamed into place: readers never see a partial file."""
    try:
        _replace(path, data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Rendered = tuple[dict[str, bytes], list[str]]
"""Each format's bytes, and the notes on what the formats left out."""


def render_spec(spec: str, formats: Sequence[str], opts: dict[str, Any]) -> Rendered:
    """Every requested format of one spec, in memory, with its notes; raises on the first failure."""
    from journeygen.api import load_spec

    loaded = load_spec(spec)
    options = loaded.options(**opts)
    outputs = {fmt: get_format(fmt).renderer()(loaded.journey, options) for fmt in formats}
    notes = [f"note: {spec}: {note}" for fmt in formats
             for note in get_format(fmt).notes(loaded.journey, options, outputs[fmt])]
    return outputs, notes


Outcome = tuple[str, Rendered | None, str | None]
"""A spec, what it rendered to (None on failure), and the error text (None on success)."""


def _attempt(spec: str, formats: Sequence[str], opts: dict[str, Any]) -> Outcome:
    """Render one spec, turning a journeygen error into its message (picklable, for worker processes)."""
    try:
        return spec, render_spec(spec, formats, opts), None
    except JourneygenError as exc:
        text = str(exc) if isinstance(exc, SpecError) else printable(f"{spec}: {exc}")
        return spec, None, text


def _outcomes(specs: Sequence[str], formats: Sequence[str], opts: dict[str, Any], jobs: int) -> Iterator[Outcome]:
    """Outcomes in the order of ``specs``; several worker processes when jobs > 1."""
    if jobs <= 1 or len(specs) <= 1 or "-" in specs:  # worker processes have no standard input
        yield from (_attempt(spec, formats, opts) for spec in specs)
        return
    from concurrent.futures import ProcessPoolExecutor  # 20 ms of imports a single render does not need

    with ProcessPoolExecutor(max_workers=min(jobs, len(specs))) as pool:
        yield from pool.map(_attempt, specs, repeat(formats), repeat(opts), chunksize=max(1, len(specs) // (jobs * 8)))


def render_all(specs: Sequence[str], formats: Sequence[str], outdir: str | None, opts: dict[str, Any],
               *, quiet: bool = False, jobs: int = 1) -> int:
    """Render and write each spec; report failures with their file and go on; return how many failed."""
    failed = 0
    show_bar = not quiet and len(specs) > 1 and sys.stderr.isatty()
    with click.progressbar(_outcomes(specs, formats, opts, jobs), length=len(specs), label="rendering",
                           file=sys.stderr, hidden=not show_bar) as outcomes:
        for spec, rendered, error in outcomes:
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
