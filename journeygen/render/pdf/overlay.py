"""A printed document and text layers printed for its figure sheets -> one PDF, each layer page drawn
over its sheet's page as a form XObject (pypdf).

A form keeps the layer page's content stream and resources apart from the page's own: no content is
parsed or rewritten, so merging costs little however many lines of text a layer holds.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject

    from journeygen.render.pdf.weasy import Printed

_SUBSET = re.compile(r"/([A-Z]{6})\+")


def overlay(base: Printed, layers: Sequence[Printed]) -> bytes:
    """``base`` with every page of every layer drawn over the page of ``base`` that holds the same sheet.

    The version, outline, metadata, links and file identifier of ``base`` are kept.
    """
    from pypdf import PdfReader, PdfWriter

    document = PdfReader(io.BytesIO(base.data))
    writer = PdfWriter(clone_from=document)
    writer.pdf_header = document.pdf_header  # pypdf would write its own, older version number
    stamped: dict[int, int] = {}
    for number, layer in enumerate(layers, 1):
        reader = PdfReader(io.BytesIO(layer.data))
        _retag(reader, number)
        for sheet, index in sorted(layer.sheets.items(), key=lambda item: item[1]):
            if sheet not in base.sheets:
                raise RuntimeError(f"text layer sheet {sheet} is not in the document")
            target = base.sheets[sheet]
            stamped[target] = stamped.get(target, 0) + 1
            _stamp(writer, writer.pages[target], reader.pages[index], f"/JgText{stamped[target]}")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp(writer: PdfWriter, page: PageObject, layer: PageObject, name: str) -> None:
    """Draw ``layer`` over ``page``: its content in a form XObject called ``name`` in the page's resources."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    content = layer.get_contents()
    if content is None:
        return
    form = DecodedStreamObject()
    form.set_data(content.get_data())
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(layer.mediabox)
    form[NameObject("/Resources")] = layer["/Resources"].clone(writer)
    # _add_object (pypdf's way to make an indirect object, there since PyPDF2) has no public twin.
    reference = writer._add_object(form.flate_encode())
    # The page gets resources of its own (WeasyPrint may share one dictionary between pages).
    resources = DictionaryObject(cast(DictionaryObject, page["/Resources"].get_object()))
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[NameObject(name)] = reference
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    # What the page drew before is wrapped in q/Q, so the form starts from the default coordinates. The form
    # is an artifact of the tagged page: its text belongs to the figure, which its alternative text describes.
    contents = page["/Contents"]
    before = list(contents) if isinstance(contents, ArrayObject) else [contents]
    draw = f"Q\n/Artifact BMC q {name} Do Q EMC\n".encode("ascii")
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(_stream(b"q\n")), *before,
                                                 writer._add_object(_stream(draw))])


def _retag(reader: PdfReader, number: int) -> None:
    """New subset tags (the ``ABCDEF+`` of ``ABCDEF+DejaVu-Sans``) for the fonts of text layer ``number``.

    WeasyPrint derives the tag from the font's name alone, so every layer's subset of a font would be
    called alike, and a viewer or printer may take same-named subsets for one font and miss glyphs.
    """
    from pypdf.generic import DictionaryObject, NameObject

    def renamed(name: str) -> NameObject:
        match = _SUBSET.match(name)
        if not match:
            return NameObject(name)
        digest = hashlib.md5(f"{match[1]}{number}".encode(), usedforsecurity=False).digest()
        return NameObject("/" + "".join(chr(65 + byte % 26) for byte in digest[:6]) + name[7:])

    done: set[int] = set()  # the reader hands out one object per PDF object, so identity tells them apart
    for page in reader.pages:
        fonts = cast(DictionaryObject, page["/Resources"].get_object()).get("/Font")
        for reference in fonts.get_object().values() if fonts else ():
            font = reference.get_object()
            named = [(font, "/BaseFont")]
            for descendant in font.get("/DescendantFonts", ()):
                child = descendant.get_object()
                named.append((child, "/BaseFont"))
                if "/FontDescriptor" in child:
                    named.append((child["/FontDescriptor"].get_object(), "/FontName"))
            for holder, key in named:
                if key in holder and id(holder) not in done:
                    holder[NameObject(key)] = renamed(holder[key])
                    done.add(id(holder))


def _stream(data: bytes) -> DecodedStreamObject:
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
