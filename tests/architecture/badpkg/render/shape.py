"""Part of a cycle with draw.py; a type-only import of cli does not count."""

from typing import TYPE_CHECKING

from badpkg.render import draw

if TYPE_CHECKING:
    from badpkg.cli import main
