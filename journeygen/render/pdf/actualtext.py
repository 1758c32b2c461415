"""Right-to-left lines of a tagged PDF -> their text in reading order, as the ``/ActualText`` of their tags.

WeasyPrint draws a line's glyphs in visual order, left to right, so a Hebrew or Arabic line read out
of the structure tree (by a screen reader, or any tool that follows the tags) would come out backwards.
Each line's structure element gets the line's logical text, which readers use in place of the glyphs.

The elements are matched to the lines by walking the pages' boxes again with WeasyPrint's own tagging
walk (``weasyprint.pdf.tags``, private): it makes the line elements in the same order as when the PDF
was tagged. If that walk changed or the counts differ (another WeasyPrint), the text is left as drawn.
"""

from __future__ import annotations

import re
from typing import Any

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...)."""


class _Recorder(dict[Any, Any]):
    """Stands in for a page's marked-content table: hands out numbers and remembers which box got each."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[Any] = []

    def pop(self, box: Any, *default: Any) -> dict[str, Any]:
        self.boxes.append(box)
        return {"tag": "Span", "mcid": len(self.boxes) - 1}


def add_actual_text(document: Any, pdf: Any) -> None:
    """Give each tagged line holding right-to-left letters its logical text."""
    import pydyf  # type: ignore[import-untyped]

    elements = [obj for obj in pdf.objects if _line_element(obj)]
    try:
        boxes = _line_boxes(document)
    except (ImportError, TypeError, AttributeError):  # a WeasyPrint whose private walk changed
        return
    if len(elements) != len(boxes):
        return
    for element, box in zip(elements, boxes, strict=True):
        if RTL.search(box.text):
            element["ActualText"] = pydyf.String(box.text)


def _line_element(obj: Any) -> bool:
    """A structure element made for one text box: a Span whose only kid is a marked-content number."""
    if not isinstance(obj, dict) or obj.get("Type") != "/StructElem" or obj.get("S") != "/Span":
        return False
    kids = obj.get("K")
    return kids is not None and len(kids) == 1 and isinstance(kids[0], int)


def _line_boxes(document: Any) -> list[Any]:
    """The text boxes of every page, in the order WeasyPrint's tagging made their elements."""
    import pydyf
    from weasyprint.pdf.tags import _build_box_tree  # type: ignore[import-untyped]

    shadow = pydyf.PDF()
    for _ in document.pages:
        shadow.add_page(pydyf.Dictionary({"Type": "/Page"}))
    parent = pydyf.Dictionary({"S": "/Document"})
    shadow.add_object(parent)
    boxes = []
    for number, page in enumerate(document.pages):
        recorder, start = _Recorder(), len(shadow.objects)
        tuple(_build_box_tree(page._page_box, parent, shadow, number, {}, [], recorder))
        boxes += [recorder.boxes[obj["K"][0]] for obj in shadow.objects[start:] if _line_element(obj)]
    return boxes
