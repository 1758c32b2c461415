"""Allowed to import click and everything below."""

import click

from badpkg.render import draw
