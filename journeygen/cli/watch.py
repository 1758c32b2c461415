"""`journeygen watch`: saved spec files -> fresh renders, and with --serve a live page, until Ctrl-C."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Any

import click

from journeygen.authoring.serve import Board, PreviewServer
from journeygen.authoring.watch import Watcher
from journeygen.cli.options import check_render_options, render_options
from journeygen.errors import UnknownFormatError
from journeygen.render import get_format


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
    check_render_options(specs, opts)
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
