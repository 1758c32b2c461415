"""Part of a cycle with shape.py."""

from badpkg.render import shape
