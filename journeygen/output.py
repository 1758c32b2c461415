"""Rendered bytes -> files: output names, atomic writes, one failing spec never stops the rest."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

from journeygen.errors import JourneygenError, OutputError, SpecError, printable
from journeygen.project import stem
from journeygen.render import get_format


def output_path(spec: str, fmt: str, outdir: str | None, *, blank: bool = False) -> Path:
    """Where ``fmt`` of ``spec`` goes: OUTDIR (default: the spec's folder) / stem + suffix.

    A ``--blank`` template is ``<stem>.blank.pdf``, never the map's own PDF.
    """
    folder = Path(outdir) if outdir else (Path(spec).parent if spec != "-" else Path.cwd())
    suffix = get_format(fmt).suffix
    return folder / (stem(spec) + (".blank" if blank and fmt == "pdf" else "") + suffix)


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
    from journeygen.api import load_spec, render_formats

    loaded = load_spec(spec)
    outputs = render_formats(loaded.journey, formats, loaded.options(**opts))
    # Formats drawn from one Scene report the same warnings and notes: each is said once per spec.
    warned = dict.fromkeys(f"warning: {spec}: {text}" for output in outputs.values() for text in output.warnings)
    noted = dict.fromkeys(f"note: {spec}: {text}" for output in outputs.values() for text in output.notes)
    notes = [f"warning: {warning}" for warning in loaded.warnings] + list(warned) + list(noted)
    return {fmt: output.data for fmt, output in outputs.items()}, notes


Outcome = tuple[str, Rendered | None, str | None]
"""A spec, what it rendered to (None on failure), and the error text (None on success)."""


def _attempt(spec: str, formats: Sequence[str], opts: dict[str, Any]) -> Outcome:
    """Render one spec, turning a journeygen error into its message (picklable, for worker processes)."""
    try:
        return spec, render_spec(spec, formats, opts), None
    except JourneygenError as exc:
        text = str(exc) if isinstance(exc, SpecError) else printable(f"{spec}: {exc}")
        return spec, None, text


def outcomes(specs: Sequence[str], formats: Sequence[str], opts: dict[str, Any], jobs: int) -> Iterator[Outcome]:
    """Outcomes in the order of ``specs``; several worker processes when jobs > 1."""
    if jobs <= 1 or len(specs) <= 1 or "-" in specs:  # worker processes have no standard input
        yield from (_attempt(spec, formats, opts) for spec in specs)
        return
    from concurrent.futures import ProcessPoolExecutor  # 20 ms of imports a single render does not need

    with ProcessPoolExecutor(max_workers=min(jobs, len(specs))) as pool:
        yield from pool.map(_attempt, specs, repeat(formats), repeat(opts), chunksize=max(1, len(specs) // (jobs * 8)))
