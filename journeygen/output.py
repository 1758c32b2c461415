"""Rendered bytes -> files: output names, atomic writes, one failing spec never stops the rest."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from journeygen.errors import JourneygenError, SpecError, printable
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file renamed into place: readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_spec(spec: str, formats: Sequence[str], opts: dict[str, Any], *, quiet: bool = True) -> dict[str, bytes]:
    """Every requested format of one spec, in memory; raises on the first failure."""
    from journeygen.api import load_spec

    loaded = load_spec(spec)
    options = loaded.options(**opts)
    outputs = {fmt: get_format(fmt).renderer()(loaded.journey, options) for fmt in formats}
    if "mermaid" in formats and not quiet:
        from journeygen.render.mermaid import losses

        for note in losses(loaded.journey, options):
            click.echo(printable(f"note: {spec}: {note}"), err=True)
    return outputs


def render_all(specs: Sequence[str], formats: Sequence[str], outdir: str | None, opts: dict[str, Any],
               *, quiet: bool = False) -> int:
    """Render and write each spec; report failures with their file; return how many failed."""
    failed = 0
    for spec in specs:
        try:
            outputs = render_spec(spec, formats, opts, quiet=quiet)
        except JourneygenError as exc:
            failed += 1
            text = str(exc) if isinstance(exc, SpecError) else f"{spec}: {exc}"
            click.echo(printable(text) if not isinstance(exc, SpecError) else text, err=True)
            continue
        if outdir == "-":
            sys.stdout.buffer.write(next(iter(outputs.values())))
            sys.stdout.flush()
            continue
        for fmt, data in outputs.items():
            path = output_path(spec, fmt, outdir)
            write_atomic(path, data)
            if not quiet:
                click.echo(f"wrote {path}", err=True)
    return failed
