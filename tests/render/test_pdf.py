"""The PDF document read back: pages, sizes, text, outline, metadata, languages, identical bytes."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT
from pypdf import PdfReader

from journeygen.api import load_spec
from journeygen.api import render as render_format

MM = 72 / 25.4
SHOP = ROOT / "examples" / "online-shop.journey.yaml"
MINIMAL = ROOT / "examples" / "service-minimal.journey.yaml"


def render_file(spec: Path, **options: Any) -> bytes:
    loaded = load_spec(spec)
    return render_format(loaded.journey, "pdf", options=replace(loaded.options(), **options))


def texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def sizes_mm(data: bytes) -> list[tuple[int, int]]:
    pages = PdfReader(io.BytesIO(data)).pages
    return [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in pages]


def outline(data: bytes) -> list[Any]:
    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]
    return titles(PdfReader(io.BytesIO(data)).outline)


@pytest.fixture(scope="module")
def shop_pdf() -> bytes:
    return render_file(SHOP)


def test_the_document_has_map_persona_micro_journey_and_action_pages(shop_pdf: bytes) -> None:
    pages = texts(shop_pdf)
    assert len(pages) >= 4
    assert "Persona" in pages[1] and "Maria Popescu" in pages[1] and "Run a half marathon in spring" in pages[1]
    assert "Checkout" in pages[2] and "Purchase" in pages[2] and "Opens cart" in pages[2]
    assert "Opens cart" not in pages[0]  # the micro-journey has its own page, not a second copy under the map
    actions = "\n".join(pages[3:])
    assert "Action list" in actions and "Pain points by stage" in actions


def test_default_page_is_a3_landscape(shop_pdf: bytes) -> None:
    assert set(sizes_mm(shop_pdf)) == {(420, 297)}


@pytest.mark.parametrize(("page", "portrait", "size"), [
    ("A4", False, (297, 210)), ("A3", True, (297, 420)), ("A2", False, (594, 420)), ("A1", False, (841, 594)),
    ("A0", False, (1189, 841)), ("letter", False, (279, 216)), ("tabloid", True, (279, 432)),
    ("A4", True, (210, 297)),
])
def test_every_page_size_and_orientation(page: str, portrait: bool, size: tuple[int, int]) -> None:
    data = render_file(MINIMAL, page=page, portrait=portrait)
    assert set(sizes_mm(data)) == {size}


def test_map_page_carries_the_stage_names_and_the_action_list_the_ideas(shop_pdf: bytes) -> None:
    pages = texts(shop_pdf)
    for stage in ("Awareness", "Consideration", "Decision", "Purchase", "Retention", "Advocacy"):
        assert stage in pages[0]
    actions = "\n".join(pages[3:])
    for idea, owner in (("Size-finder quiz", "E-commerce team"), ("Train the chatbot on fit data", "Support"),
                        ("QR-code exchange at parcel lockers", "Logistics"), ("Running-club referral codes",
                                                                               "Marketing")):
        assert idea in actions and owner in actions
    assert "2026-03-31" in actions and "in progress" in actions


def test_ideas_are_grouped_by_owner_alphabetically(shop_pdf: bytes) -> None:
    actions = "\n".join(texts(shop_pdf)[3:])
    heads = [actions.index(f"\n{owner}\n") for owner in ("E-commerce team", "Logistics", "Marketing", "Support")]
    assert heads == sorted(heads)


def test_every_page_has_the_footer(shop_pdf: bytes) -> None:
    pages = texts(shop_pdf)
    for number, page in enumerate(pages, 1):
        assert "Buying running shoes online" in page
        assert "online-shop.journey.yaml" in page
        assert f"Page {number} of {len(pages)}" in page


def test_footer_names_the_commit_in_a_git_work_tree(shop_pdf: bytes) -> None:
    assert re.search(r"commit [0-9a-f]{7,}", texts(shop_pdf)[0])


def test_outline_and_metadata(shop_pdf: bytes) -> None:
    assert outline(shop_pdf) == [
        "Journey map", "Persona", ["Maria Popescu"], "Checkout", "Action list",
        ["E-commerce team", "Logistics", "Marketing", "Support"], "Pain points by stage",
    ]
    meta = PdfReader(io.BytesIO(shop_pdf)).metadata
    assert meta is not None
    assert meta.title == "Buying running shoes online"
    assert meta.author == "CX research team"
    assert "/CreationDate" not in meta and "/ModDate" not in meta


def test_two_renders_are_byte_identical(shop_pdf: bytes) -> None:
    assert render_file(SHOP) == shop_pdf


def test_every_font_is_embedded(shop_pdf: bytes) -> None:
    for page in PdfReader(io.BytesIO(shop_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def font_names(data: bytes) -> set[str]:
    return {str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
            for page in PdfReader(io.BytesIO(data)).pages for font in page["/Resources"]["/Font"].values()}


@pytest.mark.parametrize("spec", sorted((ROOT / "examples").glob("*.journey.yaml")), ids=lambda p: p.name)
def test_text_is_set_only_in_the_bundled_fonts(spec: Path) -> None:
    # Upper-cased kickers (Romanian Ț), list bullets and every letter of the map must be in the subset
    # we embed: a missing one falls back to whatever font the machine has, and the PDF changes with it.
    assert font_names(render_file(spec)) == {"journeygen-DejaVu-Sans", "journeygen-DejaVu-Sans-Bold"}


@pytest.mark.parametrize(("name", "words"), [
    ("banca-ro.journey.yaml", ["Deschiderea unui cont curent din aplicația mobilă", "Ioana Mureșan"]),
    ("sklep-pl.journey.yaml", ["Zakupy spożywcze z dostawą do domu", "Małgorzata Wiśniewska"]),
])
def test_romanian_and_polish_text(name: str, words: list[str]) -> None:
    pages = texts(render_file(ROOT / "examples" / name))
    for word in words:
        assert word in pages[1], word


def test_hebrew_reads_in_logical_order_in_the_map_and_the_pages() -> None:
    # Only all-Hebrew strings: pypdf's own text extraction shuffles runs that mix in digits or Latin.
    spec = ROOT / "examples" / "clinic-he.journey.yaml"
    pages = texts(render_file(spec))
    journey = load_spec(spec).journey
    squeezed = pages[0].replace(" ", "")  # the map drawing places letters one by one, without spaces
    for stage in journey.stages:
        assert stage.name.replace(" ", "") in squeezed, stage.name
        assert stage.name[::-1].replace(" ", "") not in squeezed or len(stage.name) < 3
    assert journey.personas[0].name in pages[1]
    rest = "\n".join(pages[2:])
    for owner in ("צוות דיגיטל", "צוות אבטחת מידע", "הנהלת המרפאה"):
        assert owner in rest
    assert "ההפניה לא מציינת עד מתי צריך לקבוע תור" in rest


def test_several_personas_each_get_a_card() -> None:
    spec = ROOT / "examples" / "saas-onboarding.journey.yaml"
    journey = load_spec(spec).journey
    pages = texts(render_file(spec))
    assert "Personas" in pages[1]
    for persona in journey.personas:
        assert persona.name in pages[1]
