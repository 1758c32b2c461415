"""The PDF-only ways of ``journeygen render``: ``--pack FILE`` and ``--blank --stages`` without a spec -> files."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from journeygen.spec.model import LOCALE_PATTERN

TEMPLATE_NAME = "journey-template.pdf"


def check_usage(specs: Sequence[str], formats: Sequence[str], output: str | None, *, pack: str | None,
                stages: str | None, blank: bool, locale: str | None = None) -> None:
    """Refuse combinations that cannot mean anything, before any work is done."""
    if locale is not None and stages is None:
        raise click.UsageError("--locale is the language of a --blank --stages template; "
                               "a spec names its own language with locale:")
    if locale is not None and not re.match(LOCALE_PATTERN, locale):
        raise click.BadParameter(f"{locale!r} is not a language tag such as ro, pl, he or pt-BR",
                                 param_hint="--locale")
    if [f.strip() for item in formats for f in item.split(",") if f.strip()] not in ([], ["pdf"]):
        raise click.UsageError("--pack and --stages make a PDF: use -f pdf or leave -f out")
    if stages is not None and (specs or not blank):
        raise click.UsageError('--stages makes a generic template: use it with --blank and no SPEC, '
                               'e.g. journeygen render --blank --stages "Discover,Buy,Use"')
    if pack is not None and not specs:
        raise click.UsageError("--pack needs the SPECs to put in the document")
    if pack is not None and output is not None:
        raise click.UsageError("--pack FILE names the output; leave out -o")
    if pack is None and stages is None:
        raise click.UsageError('give at least one SPEC (or --blank --stages "A,B,C" for a generic template)')


def _write(data: bytes, target: str, quiet: bool) -> None:
    from journeygen.output import write_atomic

    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(Path(target), data)
    if not quiet:
        click.echo(f"wrote {target}", err=True)


def pdf_only(specs: Sequence[str], formats: Sequence[str], output: str | None, opts: dict[str, Any], *,
             pack: str | None, stages: str | None, locale: str | None = None, quiet: bool) -> None:
    """Make the pack or the generic template (in the language ``locale``) and write it (``-`` is standard output)."""
    check_usage(specs, formats, output, pack=pack, stages=stages, blank=bool(opts.get("blank")), locale=locale)
    if pack is not None:
        from journeygen.api import load_all
        from journeygen.cli.output import refuse_overwrite
        from journeygen.render.pdf.pack import render_pack

        refuse_overwrite(pack, specs, "--pack")
        _write(render_pack(load_all(specs), opts), pack, quiet)
        return
    from journeygen.api import render
    from journeygen.options import RenderOptions
    from journeygen.render.pdf.blank import template_journey

    try:
        journey = template_journey(stages or "", locale or "en")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--stages") from None
    data = render(journey, "pdf", options=RenderOptions(**opts))
    _write(data, output if output == "-" else str(Path(output or ".") / TEMPLATE_NAME), quiet)
