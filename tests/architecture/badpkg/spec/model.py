"""Imports a higher stage inside a function, and click."""

import click


def upward() -> object:
    from badpkg.render import draw

    return draw, click
