"""The one error hierarchy: every failure a user can cause, with its exit status."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """Escape control, bidi and invisible characters so a message is safe on a terminal or CI log."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def excerpt(value: object, limit: int = 40) -> object:
    """A text cut to ``limit`` characters (an ellipsis marks the cut); anything else as it is.

    Messages quote input through this, so a file that is not what it seems (a secret, a log) is never
    printed at length into a terminal or CI log.
    """
    return value[:limit] + "…" if isinstance(value, str) and len(value) > limit else value


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, pinned to a place in it."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}:{self.col}: {self.path}: {self.message}")


class JourneygenError(Exception):
    """Base of every error journeygen raises on purpose."""

    exit_code = 1


class SpecError(JourneygenError):
    """An input file (spec or theme) is invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(JourneygenError):
    """A valid journey could not be rendered (missing tool, unreadable image, ...)."""


class OutputError(JourneygenError):
    """An output file could not be written (a folder in the way, no permission, disk full)."""


class UnknownFormatError(JourneygenError):
    """A format name that no renderer is registered for."""

    exit_code = 2


def single(file: str, message: str, *, line: int = 1, col: int = 1, path: str = "(file)") -> SpecError:
    """A SpecError holding one problem: for file-level faults such as encoding or size."""
    return SpecError([Problem(file, line, col, path, message)])
