"""Saved spec files -> fresh renders within a fraction of a second, and optionally a live page."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from journeygen.api import load_spec, render_formats
from journeygen.authoring.serve import Board
from journeygen.errors import JourneygenError, SpecError, printable
from journeygen.output import output_path, write_atomic
from journeygen.projectfile import find_project
from journeygen.spec.loaded import Spec

Signature = tuple[tuple[int, int] | None, ...]
"""Modification time (ns) and size of each file a render reads; None for a missing file."""


def signature(paths: Sequence[str]) -> Signature:
    return tuple(_stat(path) for path in paths)


def _stat(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def inputs(spec: str, loaded: Spec, opts: dict[str, Any]) -> tuple[str, ...]:
    """The spec and the other files its render reads: a theme file, persona photos, the shared persona
    files and linked maps its ``use:`` entries bring in, and its project's file (default theme and locale)."""
    base = loaded.base_dir or Path.cwd()
    refs = [opts.get("theme"), loaded.journey.theme, *(p.photo for p in loaded.journey.personas)]
    files = [str(base / ref) for ref in refs if ref and (base / ref).is_file()]
    project = find_project(base) if loaded.base_dir is not None else None
    settings = [str(project.file)] if project is not None else []
    return (spec, *dict.fromkeys([*files, *map(str, loaded.uses), *settings]))


def _say(text: str) -> None:
    """One line of progress on standard error, shown at once."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


class Watcher:
    """Re-renders each spec whose files changed; a broken save never replaces the last good output."""

    def __init__(self, specs: Sequence[str], formats: Sequence[str], outdir: str | None, opts: dict[str, Any],
                 board: Board) -> None:
        self.specs = list(specs)
        self.formats = list(formats)
        self.outdir = outdir
        self.opts = opts
        self.board = board
        self.inputs: list[tuple[str, ...]] = [(spec,) for spec in specs]
        self.seen: list[Signature] = [signature(files) for files in self.inputs]

    def changed(self) -> list[int]:
        """The specs whose files changed since the last look."""
        now = [signature(files) for files in self.inputs]
        moved = [i for i, (old, new) in enumerate(zip(self.seen, now, strict=True)) if old != new]
        self.seen = now
        return moved

    def render(self, index: int, formats: Sequence[str]) -> dict[str, bytes]:
        """Every format of one spec, in memory; learns which files the spec's render reads."""
        spec = self.specs[index]
        loaded = load_spec(spec)
        self.inputs[index] = inputs(spec, loaded, self.opts)
        self.seen[index] = signature(self.inputs[index])
        outputs = render_formats(loaded.journey, formats, loaded.options(**self.opts))
        return {fmt: output.data for fmt, output in outputs.items()}

    def watch(self, index: int, files: Sequence[str]) -> None:
        """Also look for saves of ``files`` for one spec."""
        self.inputs[index] = tuple(dict.fromkeys((*self.inputs[index], *files)))
        self.seen[index] = signature(self.inputs[index])

    def rebuild(self, index: int, *, page: bool) -> bool:
        """Render one spec and write its outputs; on failure print why and keep the old files."""
        spec, started = self.specs[index], time.perf_counter()
        wanted = [*self.formats, *(["svg"] if page and "svg" not in self.formats else [])]
        try:
            outputs = self.render(index, wanted)
        except JourneygenError as exc:
            problems = tuple(str(p) for p in exc.problems) if isinstance(exc, SpecError) else (
                printable(f"{spec}: {exc}"),)
            if isinstance(exc, SpecError):  # a broken shared file: its fix re-renders too
                self.watch(index, [p.file for p in exc.problems if os.path.isfile(p.file)])
            _say("\n".join(problems))
            _say(f"{spec}: not rendered; the last good output is kept")
            self.board.publish(index, None, problems)
            return False
        written = [output_path(spec, fmt, self.outdir, blank=bool(self.opts.get("blank"))) for fmt in self.formats]
        for fmt, path in zip(self.formats, written, strict=True):
            write_atomic(path, outputs[fmt])
        self.board.publish(index, outputs.get("svg"), ())
        elapsed = (time.perf_counter() - started) * 1000
        _say(f"rendered {', '.join(map(str, written)) or spec} in {elapsed:.0f} ms")
        return True

    def run(self, interval: float, *, page: bool) -> None:
        """Render everything once, then poll for saves until interrupted."""
        for index in range(len(self.specs)):
            self.rebuild(index, page=page)
        # Modules and caches loaded by the first render live for the whole run: keep the garbage
        # collector from rescanning them on every save (a re-render is ~30% faster on the example).
        gc.freeze()
        while True:
            time.sleep(interval)
            for index in self.changed():
                self.rebuild(index, page=page)
