"""Numbers -> the text journeygen writes: coordinates and lengths, and spreadsheet-style column letters."""

from __future__ import annotations


def num(value: float, digits: int = 2) -> str:
    """The one number formatter (SVG, CSS, DOT): two decimals (or ``digits``), trailing zeros stripped, no ``-0``."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def column_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the spreadsheet's column letters (also a poster's tile columns)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
