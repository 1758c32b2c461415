"""The command line's SPEC arguments (or a project's maps) -> the specs a site is built from."""

from __future__ import annotations

from collections.abc import Sequence

from journeygen.errors import JourneygenError


class NoSpecsError(JourneygenError):
    """``site`` was asked to publish standard input, or nothing."""

    exit_code = 2


def site_specs(specs: Sequence[str]) -> tuple[str, ...]:
    """The specs to publish, each once (the command gives a project's maps when it was given none)."""
    if not specs:
        raise NoSpecsError("give the specs to publish, e.g. `journeygen site maps/*.journey.yaml -o build/site`")
    if "-" in specs:
        raise NoSpecsError("a site is built from spec files; standard input (-) cannot be published")
    return tuple(dict.fromkeys(specs))
