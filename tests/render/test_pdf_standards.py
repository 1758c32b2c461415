"""Tagged PDFs and --pdf-standard ua-1|a-3b|x-4: every example checked and read back in order."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT, render_file, run_journeygen
from pypdf import PdfReader
from tagged import reading

from journeygen.api import load, load_all, load_spec
from journeygen.errors import RenderError
from journeygen.layout.summary import summary
from journeygen.render.pdf import layers
from journeygen.render.pdf.conformance import problems, structure
from journeygen.render.pdf.pack import render_pack
from journeygen.render.pdf.paper import BLEED_MM
from journeygen.render.pdf.standards import CMYK_PROFILE_ENV, SLUG_MM, STANDARDS
from journeygen.render.pdf.words import pdf_words_for

MM = 72 / 25.4
SHOP = ROOT / "examples" / "online-shop.journey.yaml"
HEBREW = ROOT / "examples" / "clinic-he.journey.yaml"
MINIMAL = ROOT / "examples" / "service-minimal.journey.yaml"


def catalog(data: bytes) -> Any:
    return PdfReader(io.BytesIO(data)).trailer["/Root"]


@pytest.mark.parametrize("standard", [None, "ua-1", "a-3b", "x-4"])
@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda path: path.name.split(".")[0])
def test_every_example_meets_each_standard_and_reads_in_order(spec: Path, standard: str | None,
                                                             tmp_path: Path) -> None:
    journey = load(spec)
    data = render_file(spec, pdf_standard=standard)
    assert problems(data, STANDARDS[standard] if standard else None) == []
    assert str(catalog(data)["/Lang"]) == journey.locale
    texts = reading(data, tmp_path)
    # The map comes first, and its title first of all (the fit may wrap it beside the persona cards).
    assert " ".join(texts[:3]).startswith(journey.title)
    words = pdf_words_for(journey.locale)
    personas = texts.index(words.persona if len(journey.personas) == 1 else words.personas)
    assert personas < texts.index(words.action_list)  # then the persona page, then the action list
    # On the map, the stage names drawn on one line come in the spec's order.
    drawn = [texts.index(stage.name) for stage in journey.stages if stage.name in texts[:personas]]
    assert len(drawn) >= 2 and drawn == sorted(drawn)


def test_the_map_is_a_figure_described_like_the_svg() -> None:
    data = render_file(SHOP)
    figures = [e for e in structure(PdfReader(io.BytesIO(data))) if e["/S"] == "/Figure"]
    assert str(figures[0]["/Alt"]) == summary(load(SHOP))
    assert "Maria Popescu" in str(figures[0]["/Alt"]) and "Awareness" in str(figures[0]["/Alt"])


def test_the_hebrew_document_reads_right_to_left_in_hebrew(tmp_path: Path) -> None:
    data = render_file(HEBREW)
    assert str(catalog(data)["/Lang"]) == "he"
    document = next(e for e in structure(PdfReader(io.BytesIO(data))) if e["/S"] == "/Document")
    assert document["/A"]["/WritingMode"] == "/RlTb"
    texts = reading(data, tmp_path)
    assert texts[0] == "קביעת תור למרפאה"  # logical order: read from the tags, not as the glyphs are drawn
    assert "נועה כהן" in texts


def test_a_left_to_right_document_has_no_writing_mode_and_no_actual_text(tmp_path: Path) -> None:
    data = render_file(SHOP)
    document = next(e for e in structure(PdfReader(io.BytesIO(data))) if e["/S"] == "/Document")
    assert "/A" not in document
    assert not any("/ActualText" in e for e in structure(PdfReader(io.BytesIO(data))))


def test_the_checks_fail_a_pdf_that_does_not_meet_them() -> None:
    ua = render_file(MINIMAL, pdf_standard="ua-1")
    assert "XMP pdfaid:part is None, not '3'" in problems(ua, STANDARDS["a-3b"])
    assert any("BleedBox" in p for p in problems(ua, STANDARDS["x-4"]))
    untagged = _untagged(MINIMAL)
    found = problems(untagged)
    assert "not marked as tagged (MarkInfo /Marked)" in found and "no structure tree (StructTreeRoot)" in found


def _untagged(spec: Path) -> bytes:
    from journeygen.layout.prepared import Prepared
    from journeygen.render.pdf.build import document_layout, draft
    from journeygen.render.pdf.document import html_document
    from journeygen.render.pdf.weasy import print_html

    loaded = load_spec(spec)
    options = loaded.options()
    layout = document_layout(options)
    prepared = Prepared(loaded.journey, options)
    theme = prepared.theme
    html = html_document([draft(prepared, layout).part()], layout, theme,
                         title=loaded.journey.title, author=None)
    return print_html(html).data


def test_pdf_a_carries_the_spec_as_its_source(tmp_path: Path) -> None:
    data = render_file(SHOP, pdf_standard="a-3b")
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {SHOP.name: [SHOP.read_bytes()]}
    # The archived map can be rendered again from the PDF alone.
    restored = tmp_path / SHOP.name
    restored.write_bytes(reader.attachments[SHOP.name][0])
    assert load(restored) == load(SHOP)


@pytest.mark.parametrize("standard", ["a-3b", "x-4"])
def test_a_standard_pdf_is_the_same_bytes_every_time(standard: str) -> None:
    assert render_file(MINIMAL, pdf_standard=standard) == render_file(MINIMAL, pdf_standard=standard)


def test_pdf_x_for_an_a0_poster_has_bleed_and_crop_marks_outside_it(tmp_path: Path) -> None:
    data = render_file(MINIMAL, pdf_standard="x-4", page="A0")
    page = PdfReader(io.BytesIO(data)).pages[0]
    trim, bleed, media = ([float(v) for v in page[key]] for key in ("/TrimBox", "/BleedBox", "/MediaBox"))
    assert [round((trim[2] - trim[0]) / MM), round((trim[3] - trim[1]) / MM)] == [1189, 841]
    assert [round(v / MM, 2) for v in bleed] == [-BLEED_MM, -BLEED_MM, 1189 + BLEED_MM, 841 + BLEED_MM]
    assert round(-media[0] / MM, 2) == SLUG_MM
    # The top left corner at 1 px = 1 pt: marks continue the trim's edges in the paper outside the bleed.
    corner = _pixels(data, tmp_path, round(SLUG_MM * MM) + 4)
    slug = round((SLUG_MM - BLEED_MM) * MM)  # how far from the paper's edge the bleed begins
    trim_at = int(SLUG_MM * MM)  # the pixel row (and column) the trim's edge falls in
    assert any(corner[trim_at][x] < 128 for x in range(slug))  # the mark along the top edge of the trim
    assert any(corner[y][trim_at] < 128 for y in range(slug))  # and along its left edge
    assert all(value > 128 for row in corner[slug:trim_at] for value in row[slug:trim_at])  # none in the bleed


def _pixels(data: bytes, tmp_path: Path, size: int) -> list[bytes]:
    """The ``size`` x ``size`` points at the top left of the paper, one grey byte each (poppler's pdftoppm)."""
    pdf = tmp_path / "x4.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", "-x", "0", "-y", "0",
                           "-W", str(size), "-H", str(size), str(pdf)], capture_output=True, check=True)
    pixels = done.stdout[-size * size:]
    return [pixels[row * size:(row + 1) * size] for row in range(size)]


def test_pdf_x_refuses_a_tiled_poster() -> None:
    with pytest.raises(RenderError, match=r"PDF/X-4 is for a print shop.*leave out --tile"):
        render_file(MINIMAL, pdf_standard="x-4", page="A1", tile=True)


def test_pdf_x_needs_a_cmyk_printer_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from importlib.resources import files

    srgb = tmp_path / "srgb.icc"
    srgb.write_bytes((files("weasyprint.pdf") / "sRGB2014.icc").read_bytes())
    monkeypatch.setenv(CMYK_PROFILE_ENV, str(srgb))
    with pytest.raises(RenderError, match=r"srgb\.icc is not a CMYK printer profile"):
        render_file(MINIMAL, pdf_standard="x-4")
    monkeypatch.setenv(CMYK_PROFILE_ENV, str(tmp_path / "missing.icc"))
    with pytest.raises(RenderError, match=r"missing\.icc, which is not a file"):
        render_file(MINIMAL, pdf_standard="x-4")


def test_a_text_layered_map_stays_tagged_and_conformant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layers, "LAYER_LINES", 40)
    data = render_file(SHOP, pdf_standard="ua-1")
    assert problems(data, STANDARDS["ua-1"]) == []
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert b"/Artifact BMC q /JgText1 Do Q EMC" in b"".join(c.get_data() for c in page["/Contents"])


def test_a_pack_archives_every_spec(tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    data = render_pack(load_all([str(SHOP), str(MINIMAL)]), {"pdf_standard": "a-3b"})
    output.write_bytes(data)
    assert problems(data, STANDARDS["a-3b"]) == []
    assert set(PdfReader(io.BytesIO(data)).attachments) == {SHOP.name, MINIMAL.name}


def test_the_command_line_names_why_a_standard_cannot_be_met(tmp_path: Path) -> None:
    done = run_journeygen("render", "-", "-f", "pdf", "-o", str(tmp_path), "--pdf-standard", "a-3b",
                          input=MINIMAL.read_bytes())
    assert done.returncode == 2  # wrong usage: standard input has no spec file to attach
    assert b"--pdf-standard a-3b attaches the spec file" in done.stderr and b"standard input" in done.stderr
    assert list(tmp_path.iterdir()) == []
    done = run_journeygen("render", str(MINIMAL), "-f", "pdf", "--pdf-standard", "a-4")
    assert done.returncode == 2 and b"'a-4' is not one of 'ua-1', 'a-3b', 'x-4'" in done.stderr


def test_a_blank_template_meets_pdf_ua_and_reads_stage_by_stage(tmp_path: Path) -> None:
    data = render_file(SHOP, blank=True, pdf_standard="ua-1")
    assert problems(data, STANDARDS["ua-1"]) == []
    texts = reading(data, tmp_path)
    stages = [texts.index(stage.name) for stage in load(SHOP).stages]
    assert stages == sorted(stages)


def test_each_journey_of_a_pack_is_tagged_in_its_own_language() -> None:
    data = render_pack(load_all([str(SHOP), str(HEBREW)]), {})
    reader = PdfReader(io.BytesIO(data))
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    parts = [(pages[e.raw_get("/Pg").idnum], e) for e in structure(reader) if e["/S"] == "/Art"]
    english = [e for _, e in parts if "/Lang" not in e]
    hebrew = [e for _, e in parts if e.get("/Lang") == "he"]
    assert str(catalog(data)["/Lang"]) == "en" and english and hebrew
    assert all(e["/A"]["/WritingMode"] == "/RlTb" for e in hebrew) and not any("/A" in e for e in english)
    assert max(number for number, e in parts if e in english) < min(number for number, e in parts if e in hebrew)
