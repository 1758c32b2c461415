"""Saved spec files -> fresh renders within a fraction of a second, and optionally a live page."""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from journeygen.api import Spec, load_spec
from journeygen.authoring.serve import Board, PreviewServer
from journeygen.cli import render_options
from journeygen.errors import JourneygenError, SpecError, UnknownFormatError, printable
from journeygen.output import output_path, write_atomic
from journeygen.render import get_format

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
    """The spec and the other files its render reads: a theme file and persona photos."""
    base = loaded.base_dir or Path.cwd()
    refs = [opts.get("theme"), loaded.journey.theme, *(p.photo for p in loaded.journey.personas)]
    files = [str(base / ref) for ref in refs if ref and (base / ref).is_file()]
    return (spec, *dict.fromkeys(files))


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
        options = loaded.options(**self.opts)
        return {fmt: get_format(fmt).renderer()(loaded.journey, options) for fmt in formats}

    def rebuild(self, index: int, *, page: bool) -> bool:
        """Render one spec and write its outputs; on failure print why and keep the old files."""
        spec, started = self.specs[index], time.perf_counter()
        wanted = [*self.formats, *(["svg"] if page and "svg" not in self.formats else [])]
        try:
            outputs = self.render(index, wanted)
        except JourneygenError as exc:
            problems = tuple(str(p) for p in exc.problems) if isinstance(exc, SpecError) else (
                printable(f"{spec}: {exc}"),)
            click.echo("\n".join(problems), err=True)
            click.echo(f"{spec}: not rendered; the last good output is kept", err=True)
            self.board.publish(index, None, problems)
            return False
        written = [output_path(spec, fmt, self.outdir, blank=bool(self.opts.get("blank"))) for fmt in self.formats]
        for fmt, path in zip(self.formats, written, strict=True):
            write_atomic(path, outputs[fmt])
        self.board.publish(index, outputs.get("svg"), ())
        elapsed = (time.perf_counter() - started) * 1000
        click.echo(f"rendered {', '.join(map(str, written)) or spec} in {elapsed:.0f} ms", err=True)
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


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _chosen(value: tuple[str, ...]) -> list[str]:
    names = [name.strip() for item in value for name in item.split(",") if name.strip()] or ["svg"]
    try:
        return [get_format(name).name for name in dict.fromkeys(names)]
    except UnknownFormatError as exc:
        raise click.BadParameter(str(exc), param_hint="-f") from None


def _serve(port: int, board: Board) -> PreviewServer:
    try:
        server = PreviewServer(port, board)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}; try --port 0") from None
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    click.echo(f"serving {server.url}  (Ctrl-C to stop)", err=True)
    return server


@click.command(short_help="Re-render specs on every save; --serve shows a live page.")
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-f", "--format", "formats", multiple=True, metavar="FMT[,FMT...]",
              help="Output formats, comma-separated (default svg).")
@click.option("-o", "--output", metavar="DIR", help="Output folder (default: each spec's folder).")
@click.option("--serve", is_flag=True, help="Show the maps on a local page that reloads itself on every save.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port of the --serve page on 127.0.0.1 (0: any free port).")
@click.option("--interval", type=click.FloatRange(0.01, 10), default=0.025, show_default=True, metavar="SECONDS",
              help="How often to look for saved changes.")
@render_options
def watch(specs: tuple[str, ...], formats: tuple[str, ...], output: str | None, serve: bool, port: int,
          interval: float, **opts: Any) -> None:
    """Render each SPEC now and again on every save, until Ctrl-C.

    A save that does not validate is reported (and shown on the --serve page) while the last good
    output stays in place. Outputs go where `journeygen render` puts them.

    \b
    Examples:
      journeygen watch map.journey.yaml --serve        # then open http://127.0.0.1:8765/
      journeygen watch maps/*.yaml -f svg,pdf -o build/
    """
    chosen = _chosen(formats)
    if opts.get("theme") and Path(opts["theme"]).is_file():
        opts["theme"] = str(Path(opts["theme"]).resolve())  # a --theme file is relative to here, as in render
    board = Board(list(specs))
    watcher = Watcher(specs, chosen, output, opts, board)
    server = _serve(port, board) if serve else None
    # A shell starts background jobs with SIGINT ignored; Ctrl-C and kill should stop watch all the same.
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        watcher.run(interval, page=serve)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
