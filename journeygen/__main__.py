"""``python -m journeygen``: the same as the ``journeygen`` command."""

from journeygen.cli import run

run()
