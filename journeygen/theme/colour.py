"""Hex colour text <-> RGB, and the mixing math that derives unset theme slots from a few seeds."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable

RGB = tuple[float, float, float]
"""Red, green, blue as floats 0..255."""

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise(text: str) -> str:
    """``#rgb`` or ``#RRGGBB`` -> ``#rrggbb`` (Graphviz and the SVG want six lowercase digits)."""
    if not isinstance(text, str) or not _HEX.match(text.strip()):
        raise ValueError(f'expected a colour written "#rrggbb" or "#rgb", got {text!r}')
    digits = text.strip()[1:].lower()
    return "#" + ("".join(d * 2 for d in digits) if len(digits) == 3 else digits)


def rgb(colour: str) -> RGB:
    """``#rrggbb`` -> its three channels."""
    value = normalise(colour)
    return (float(int(value[1:3], 16)), float(int(value[3:5], 16)), float(int(value[5:7], 16)))


def _three(values: Iterable[float]) -> RGB:
    r, g, b = values
    return (r, g, b)


def to_hex(channels: RGB) -> str:
    """Three channels (clamped, rounded) -> ``#rrggbb``."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def mix(a: str, b: str, amount: float) -> str:
    """The colour ``amount`` (0..1) of the way from ``a`` to ``b``."""
    return to_hex(_three(x + (y - x) * amount for x, y in zip(rgb(a), rgb(b), strict=True)))


def darken(colour: str, amount: float) -> str:
    """Scale every channel towards zero by ``amount`` (0..1)."""
    return to_hex(_three(c * (1 - amount) for c in rgb(colour)))


def lighten(colour: str, amount: float) -> str:
    """Move every channel towards full by ``amount`` (0..1)."""
    return to_hex(_three(c + (255 - c) * amount for c in rgb(colour)))


def rotate(colour: str, degrees: float) -> str:
    """The same lightness and saturation with the hue turned by ``degrees``."""
    r, g, b = (c / 255 for c in rgb(colour))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    turned = colorsys.hls_to_rgb((hue + degrees / 360) % 1.0, light, sat)
    return to_hex(_three(c * 255 for c in turned))
