"""PDF bytes and a standard -> what keeps them from meeting it, read back with pypdf.

These are structural checks, not a full validator (veraPDF is not in the package registries we
install from): the tagged structure, language, title, alternative text, embedded fonts, the XMP
identification of the standard, output intents, the attached source and the print boxes.
docs/pdf.md lists them and which claims rest on them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from journeygen.errors import RenderError
from journeygen.render.pdf.paper import BLEED_MM, PT_MM

if TYPE_CHECKING:
    from pypdf import PdfReader

    from journeygen.render.pdf.standards import Standard

Check = Callable[["PdfReader"], list[str]]


def verify(data: bytes, standard: Standard) -> None:
    """RenderError naming every check ``data`` fails for ``standard``."""
    found = problems(data, standard)
    if found:
        raise RenderError(f"the PDF does not meet {standard.label}: " + "; ".join(found))


def problems(data: bytes, standard: Standard | None = None) -> list[str]:
    """What a tagged PDF (and ``standard``, if given) needs and ``data`` lacks; empty when it meets them."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    found = tagged(reader)
    if standard is not None:
        found += CHECKS[standard.name](reader)
    return found


def tagged(reader: PdfReader) -> list[str]:
    """A tagged PDF in its language with its title shown, every figure described, every font embedded."""
    root = _root(reader)
    found = []
    if not root.get("/MarkInfo", {}).get("/Marked"):
        found.append("not marked as tagged (MarkInfo /Marked)")
    if "/StructTreeRoot" not in root:
        found.append("no structure tree (StructTreeRoot)")
    if not str(root.get("/Lang", "")):
        found.append("no document language (/Lang)")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        found.append("viewers are not told to show the title (DisplayDocTitle)")
    info: Any = reader.metadata or {}
    if not str(info.get("/Title", "")):
        found.append("no title in the document information")
    figures = [element for element in structure(reader) if element.get("/S") == "/Figure"]
    bare = sum(1 for figure in figures if not str(figure.get("/Alt", "")))
    if bare:
        found.append(f"{bare} figure(s) without alternative text (/Alt)")
    if any(page.get("/Tabs") != "/S" for page in reader.pages):
        found.append("pages whose tab order is not the structure's (/Tabs /S)")
    found += [f"font {name} is not embedded" for name in sorted(unembedded_fonts(reader))]
    return found


def _root(reader: PdfReader) -> Any:
    """The document catalog (pypdf types it loosely)."""
    return reader.trailer["/Root"].get_object()


def structure(reader: PdfReader) -> Iterator[Any]:
    """Every structure element, in document order (depth first)."""
    root = _root(reader).get("/StructTreeRoot")
    stack = [root.get_object()] if root is not None else []
    while stack:
        element = stack.pop()
        if element.get("/Type", "/StructElem") == "/StructElem" and "/S" in element:
            yield element
        kids = element.get("/K")
        kids = kids.get_object() if kids is not None else []
        kids = kids if isinstance(kids, list) else [kids]
        stack.extend(kid.get_object() for kid in reversed(kids) if hasattr(kid.get_object(), "get"))


def unembedded_fonts(reader: PdfReader) -> set[str]:
    """The names of fonts drawn on the pages or in their forms whose glyphs the file does not hold."""
    missing: set[str] = set()
    seen: set[int] = set()
    resources = [page.get("/Resources") for page in reader.pages]
    while resources:
        holder = resources.pop()
        holder = holder.get_object() if holder is not None else None
        if holder is None or id(holder) in seen:
            continue
        seen.add(id(holder))
        for font in (holder.get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":
                continue  # its glyphs are drawings in the file
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont", "?")))
        resources.extend(xobject.get_object().get("/Resources") for xobject in (holder.get("/XObject") or {}).values())
    return missing


def xmp(reader: PdfReader) -> str:
    """The XMP metadata packet as text ('' without one)."""
    metadata = _root(reader).get("/Metadata")
    return metadata.get_object().get_data().decode("utf-8", "replace") if metadata is not None else ""


def xmp_value(packet: str, prefix: str, name: str) -> str | None:
    """``prefix:name`` as an attribute (``pdfaid:part="3"``) or an element (``<pdfaid:part>3</...>``)."""
    match = re.search(rf'{prefix}:{name}="([^"]*)"|<{prefix}:{name}>([^<]*)</{prefix}:{name}>', packet)
    return (match[1] if match[1] is not None else match[2]) if match else None


def _identified(reader: PdfReader, prefix: str, expected: dict[str, str]) -> list[str]:
    packet = xmp(reader)
    return [f"XMP {prefix}:{name} is {xmp_value(packet, prefix, name)!r}, not {value!r}"
            for name, value in expected.items() if xmp_value(packet, prefix, name) != value]


def _output_intent(reader: PdfReader, subtype: str) -> tuple[list[str], bytes]:
    intents = [intent.get_object() for intent in _root(reader).get("/OutputIntents", [])]
    intent = next((i for i in intents if i.get("/S") == subtype), None)
    if intent is None or "/DestOutputProfile" not in intent:
        return [f"no {subtype[1:]} output intent with a colour profile"], b""
    return [], intent["/DestOutputProfile"].get_object().get_data()


def _identifier(reader: PdfReader) -> list[str]:
    return [] if "/ID" in reader.trailer else ["no file identifier (/ID)"]


def ua1(reader: PdfReader) -> list[str]:
    """PDF/UA-1: identified as such, with a title in the XMP metadata too."""
    found = _identified(reader, "pdfuaid", {"part": "1"})
    return found + ([] if "<dc:title>" in xmp(reader) else ["no dc:title in the XMP metadata"])


def a3b(reader: PdfReader) -> list[str]:
    """PDF/A-3b: identified, an sRGB output intent, an identifier, the spec attached as the source."""
    found = _identified(reader, "pdfaid", {"part": "3", "conformance": "B"})
    found += _output_intent(reader, "/GTS_PDFA1")[0] + _identifier(reader)
    if reader.is_encrypted:
        found.append("encrypted")
    root = _root(reader)
    attached = [spec.get_object() for spec in root.get("/AF", [])]
    sources = [spec for spec in attached if spec.get("/AFRelationship") == "/Source"]
    if not sources:
        found.append("no attached source file (AF, AFRelationship /Source)")
    for spec in sources:
        stream = spec["/EF"]["/F"].get_object()
        if "/Subtype" not in stream or "/ModDate" not in stream.get("/Params", {}):
            found.append(f"attachment {spec.get('/F')} has no MIME type or modification date")
    return found


def x4(reader: PdfReader) -> list[str]:
    """PDF/X-4: identified, a CMYK printer output intent, dates, trapping, RGB tied to sRGB, print boxes."""
    found = _identified(reader, "pdfxid", {"GTS_PDFXVersion": "PDF/X-4"})
    missing, profile = _output_intent(reader, "/GTS_PDFX")
    found += missing + _identifier(reader)
    if profile and (profile[12:16] != b"prtr" or profile[16:20] != b"CMYK"):
        found.append("the output intent's profile is not a CMYK printer profile")
    info: Any = reader.metadata or {}
    found += [f"no {key[1:]} in the document information" for key in ("/CreationDate", "/ModDate", "/Trapped")
              if key not in info]
    for number, page in enumerate(reader.pages, 1):
        found += [f"page {number}: {problem}" for problem in _boxes(page)]
    return found


def _boxes(page: Any) -> list[str]:
    if "/TrimBox" not in page or "/BleedBox" not in page:
        return ["no TrimBox or BleedBox"]
    trim, bleed, media = ([float(v) for v in page[key]] for key in ("/TrimBox", "/BleedBox", "/MediaBox"))
    found = []
    expected = [trim[0] - BLEED_MM / PT_MM, trim[1] - BLEED_MM / PT_MM, trim[2] + BLEED_MM / PT_MM,
                trim[3] + BLEED_MM / PT_MM]
    if any(abs(a - b) > 0.01 for a, b in zip(bleed, expected, strict=True)):
        found.append(f"BleedBox is not {BLEED_MM:g} mm around the TrimBox")
    if bleed[0] < media[0] or bleed[1] < media[1] or bleed[2] > media[2] or bleed[3] > media[3]:
        found.append("BleedBox reaches outside the MediaBox")
    spaces = page["/Resources"].get_object().get("/ColorSpace")
    if spaces is None or "/DefaultRGB" not in spaces.get_object():
        found.append("RGB colours are device-dependent (no DefaultRGB colour space)")
    return found


CHECKS: dict[str, Check] = {"ua-1": ua1, "a-3b": a3b, "x-4": x4}
