"""``python -m journeygen``: the same as the ``journeygen`` command."""

from journeygen.cli.main import run

run()
