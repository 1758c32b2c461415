"""Reading a tagged PDF the way assistive technology does: the structure tree in order, each element's
text as poppler's ``pdfinfo -struct-text`` reads it from the page, or its /ActualText where it has one."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from journeygen.render.pdf.conformance import structure

_ELEMENT = re.compile(r"^\s*(\w+)(?: \((?:inline|block)\))?:?$")
_TEXT = re.compile(r'^\s*"(.*)"$')


def struct_text(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """``(tag, text)`` of every structure element that holds text itself, in reading order (poppler)."""
    pdf = tmp_path / "tagged.pdf"
    pdf.write_bytes(data)
    lines = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    found, current = [], ""
    for line in lines:
        if (text := _TEXT.match(line)) is not None:
            found.append((current, text[1]))
        elif (element := _ELEMENT.match(line)) is not None:
            current = element[1]
    return found


def actual_texts(data: bytes) -> list[str | None]:
    """The /ActualText (None without one) of each element that holds a line of text, in reading order."""
    lines = [element for element in structure(PdfReader(io.BytesIO(data)))
             if element.get("/S") == "/Span" and isinstance(element.get("/K"), list) and len(element["/K"]) == 1
             and isinstance(element["/K"][0], int)]
    return [str(line["/ActualText"]) if "/ActualText" in line else None for line in lines]


def reading(data: bytes, tmp_path: Path) -> list[str]:
    """Every text in reading order as a screen reader gets it: /ActualText in place of the drawn glyphs."""
    texts = [(tag, text) for tag, text in struct_text(data, tmp_path) if tag != "Figure"]
    actual = actual_texts(data)
    assert sum(1 for tag, _ in texts if tag == "Span") == len(actual), "poppler and pypdf see other lines"
    replaced = iter(actual)
    return [(next(replaced) or text) if tag == "Span" else text for tag, text in texts]
