"""WeasyPrint's PDF objects, before they are written -> what a tagged PDF and a standard need that WeasyPrint
leaves out: the writing direction and reading-order text of right-to-left documents, each journey's language
in a pack, PDF/X-4's 3 mm BleedBox, its RGB colours tied to sRGB, its output intent named, and a document id
that does not change from run to run."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journeygen.render.pdf.paper import BLEED_MM, PT_MM

if TYPE_CHECKING:
    from journeygen.render.pdf.standards import Conformance

_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def finisher(conformance: Conformance, *, bidi: bool) -> Callable[[Any, Any], None]:
    """A ``write_pdf(finisher=...)`` hook completing the PDF for ``conformance``; ``bidi``: some of its text
    is written right to left."""

    def finish(document: Any, pdf: Any) -> None:
        objects = [obj for obj in pdf.objects if isinstance(obj, dict)]
        if conformance.rtl:
            _right_to_left(objects)
        _article_languages(document, pdf, objects, rtl=conformance.rtl)
        if bidi:
            from journeygen.render.pdf.actualtext import add_actual_text

            add_actual_text(document, pdf)
        if conformance.standard is not None and conformance.standard.name == "x-4":
            _print_boxes(objects)
            _default_rgb(pdf, objects)
            _name_output_intent(pdf)
        _fixed_document_id(pdf)

    return finish


def _right_to_left(objects: list[dict[str, Any]]) -> None:
    """The document's structure reads right to left, top to bottom (a Layout attribute all elements inherit)."""
    import pydyf  # type: ignore[import-untyped]

    for obj in objects:
        if obj.get("Type") == "/StructElem" and obj.get("S") == "/Document":
            obj["A"] = pydyf.Dictionary({"O": "/Layout", "WritingMode": "/RlTb"})


def _article_languages(document: Any, pdf: Any, objects: list[dict[str, Any]], *, rtl: bool) -> None:
    """In a pack, each journey's part (an ``Art`` element per page) in its own language and direction
    where they differ from the document's."""
    import pydyf

    pages = {reference: _article(page) for reference, page in zip(pdf.page_references, document.pages, strict=True)}
    for obj in objects:
        article = pages.get(obj.get("Pg")) if obj.get("Type") == "/StructElem" and obj.get("S") == "/Art" else None
        if article is None:
            continue
        lang, direction = article
        if lang and lang != document.metadata.lang:
            obj["Lang"] = pydyf.String(lang)
        if (direction == "rtl") != rtl:
            obj["A"] = pydyf.Dictionary({"O": "/Layout", "WritingMode": "/RlTb" if direction == "rtl" else "/LrTb"})


def _article(page: Any) -> tuple[str, str] | None:
    """The language and direction of the journey (``<article>``) a page shows, None for a page of none."""
    for box in page._page_box.descendants():
        if box.element_tag == "article":
            return box.element.get("lang", ""), box.element.get("dir", "")
    return None


def _print_boxes(objects: list[dict[str, Any]]) -> None:
    """A BleedBox exactly ``BLEED_MM`` around each TrimBox (WeasyPrint puts it at most 10 pt out, in the slug)."""
    import pydyf

    bleed = BLEED_MM / PT_MM
    for page in objects:
        if page.get("Type") == "/Page" and "TrimBox" in page:
            left, top, right, bottom = page["TrimBox"]
            page["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])


def _default_rgb(pdf: Any, objects: list[dict[str, Any]]) -> None:
    """WeasyPrint writes colours and photos as DeviceRGB; naming sRGB as the default RGB space makes them
    device-independent, which PDF/X-4 requires when the output intent is CMYK."""
    from importlib.resources import files

    import pydyf

    profile = pydyf.Stream([(files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()],
                           pydyf.Dictionary({"N": 3}), compress=True)
    pdf.add_object(profile)
    for spaces in objects:  # the colour space dictionary every resource dictionary shares
        if "lab-d50" in spaces and "lab-d65" in spaces:
            spaces["DefaultRGB"] = pydyf.Array(("/ICCBased", profile.reference))


def _name_output_intent(pdf: Any) -> None:
    """A custom printing condition, described by its profile (WeasyPrint gives only the profile's name)."""
    import pydyf

    for intent in pdf.catalog.get("OutputIntents", ()):
        intent["OutputConditionIdentifier"] = pydyf.String("Custom")
        intent["OutputCondition"] = intent["Info"]


def _fixed_document_id(pdf: Any) -> None:
    """PDF/X-4's XMP DocumentID, a random UUID in WeasyPrint, derived from the metadata instead."""
    for obj in pdf.objects:
        if isinstance(obj, bytes) or not hasattr(obj, "stream") or getattr(obj, "extra", {}).get("Type") != "/Metadata":
            continue
        xmp = b"".join(obj.stream)
        digest = hashlib.md5(_DOCUMENT_ID.sub(b"", xmp), usedforsecurity=False).digest()
        obj.stream = [_DOCUMENT_ID.sub(f"xmp.did:{uuid.UUID(bytes=digest)}".encode(), xmp)]
