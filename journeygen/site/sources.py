"""The command line's SPEC arguments -> the specs a site is built from (the seam for project files)."""

from __future__ import annotations

from collections.abc import Sequence

from journeygen.errors import JourneygenError


class NoSpecsError(JourneygenError):
    """``site`` was given no spec and there is no project that names its maps."""

    exit_code = 2


def site_specs(specs: Sequence[str]) -> tuple[str, ...]:
    """The specs to publish: those given; with none, a project's maps once projects exist (journeygen.toml).

    Until then, no spec is a usage error.
    """
    if not specs:
        raise NoSpecsError("give the specs to publish, e.g. `journeygen site maps/*.journey.yaml -o build/site`")
    if "-" in specs:
        raise NoSpecsError("a site is built from spec files; standard input (-) cannot be published")
    return tuple(dict.fromkeys(specs))
