"""Very large PDF maps set in text layers: the pages look and read as the single document does."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pagemeasure
import pytest
import yaml
from helpers import ROOT, render_file, run_journeygen
from pypdf import PdfReader

from journeygen.api import load_all
from journeygen.render.pdf import layers
from journeygen.render.pdf.pack import render_pack

SHOP = ROOT / "examples" / "online-shop.journey.yaml"
HEBREW = ROOT / "examples" / "clinic-he.journey.yaml"
ROMANIAN = ROOT / "examples" / "banca-ro.journey.yaml"


def both(monkeypatch: pytest.MonkeyPatch, make: Any) -> tuple[bytes, bytes]:
    """``make()`` as one document, then with at most 40 text lines a layer."""
    whole = make()
    monkeypatch.setattr(layers, "LAYER_LINES", 40)
    return whole, make()


def grey_pages(data: bytes, tmp_path: Path) -> list[bytes]:
    """Every page as a 30 dpi grey bitmap (poppler's pdftoppm), the bytes of its pixels."""
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(data)
    pages = []
    for number in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1):
        done = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(number), "-l", str(number), str(pdf)],
                              capture_output=True, check=True)
        header_end = _nth(done.stdout, b"\n", 3)  # P5, width height, maxval
        pages.append(done.stdout[header_end:])
    return pages


def _nth(data: bytes, needle: bytes, count: int) -> int:
    at = -1
    for _ in range(count):
        at = data.index(needle, at + 1)
    return at + 1


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    pdf = tmp_path / "text.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout.split("\f")


def page_words(data: bytes) -> list[list[pagemeasure.Word]]:
    """Each page's words, as pdftotext -bbox finds them."""
    count = len(PdfReader(io.BytesIO(data)).pages)
    return [list(pagemeasure.page(data, number).words) for number in range(1, count + 1)]


def assert_same_words(whole: bytes, layered: bytes) -> None:
    """The same words at the same places, give or take the rounding of a form's placement (0.5 pt)."""
    for number, (one, two) in enumerate(zip(page_words(whole), page_words(layered), strict=True), 1):
        assert sorted(w.text for w in one) == sorted(w.text for w in two), f"page {number}"
        for word in one:
            assert any(other.text == word.text and abs(other.x0 - word.x0) <= 0.5 and abs(other.y0 - word.y0) <= 0.5
                       for other in two), (number, word)


def assert_same_pages(whole: bytes, layered: bytes, tmp_path: Path) -> None:
    """Same pages, sizes, outline, metadata and text; pictures alike but for anti-aliasing where text
    now lies over a line it used to lie under (a tile's glue line)."""
    one, two = PdfReader(io.BytesIO(whole)), PdfReader(io.BytesIO(layered))
    assert one.pdf_header == two.pdf_header
    assert [[round(float(v), 3) for v in p.mediabox] for p in one.pages] == \
        [[round(float(v), 3) for v in p.mediabox] for p in two.pages]
    assert [item.title for item in _flat(one.outline)] == [item.title for item in _flat(two.outline)]
    assert (one.metadata.title, one.metadata.author) == (two.metadata.title, two.metadata.author)
    # Words, not pdftotext -layout lines: which of two words a hair apart comes first on a line may differ.
    assert_same_words(whole, layered)
    for number, (a, b) in enumerate(zip(grey_pages(whole, tmp_path), grey_pages(layered, tmp_path), strict=True), 1):
        assert len(a) == len(b)
        differ = sum(abs(x - y) > 60 for x, y in zip(a, b, strict=True))
        assert differ <= len(a) // 500, f"page {number}: {differ} of {len(a)} pixels differ"


def _flat(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield from _flat(item) if isinstance(item, list) else [item]


def layer_forms(data: bytes) -> list[list[str]]:
    """The names of the text layers drawn on each page."""
    pages = PdfReader(io.BytesIO(data)).pages
    return [sorted(str(n) for n in p["/Resources"].get("/XObject", {}) if str(n).startswith("/JgText")) for p in pages]


def test_a_layered_map_looks_and_reads_as_the_whole_document(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    whole, layered = both(monkeypatch, lambda: render_file(SHOP))
    assert layer_forms(whole) == [[]] * len(layer_forms(whole))
    forms = layer_forms(layered)
    assert forms[0] == ["/JgText1"]  # the map's text, written in one layer (every line is plain left to right)
    assert forms[1] == []  # the persona page has no figure
    assert_same_pages(whole, layered, tmp_path)


def test_lines_it_cannot_write_are_set_by_weasyprint_in_their_place(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    """A right-to-left phrase and a combining accent in a left-to-right map: those lines go to WeasyPrint's
    layers (bidi, mark placement), the rest is written directly, and the page reads as the whole document."""
    text = SHOP.read_text(encoding="utf-8").replace("Notices knee pain after long runs",
                                                    "Notices knee pain (כאב ברך) after long runs")
    text = text.replace("Reads blog reviews", "Reads blog reviews of cafe\u0301 runs")
    spec = tmp_path / "mixed.journey.yaml"
    spec.write_text(text, encoding="utf-8")
    whole, layered = both(monkeypatch, lambda: render_file(spec))
    assert layer_forms(layered)[0] == ["/JgText1", "/JgText2"]  # written, then WeasyPrint's
    assert_same_pages(whole, layered, tmp_path)


def test_a_line_of_numbers_in_a_right_to_left_map_keeps_its_order(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """"-5 (3)" in a Hebrew map is a right-to-left paragraph: the bidirectional algorithm shows it as "(3) 5-"
    (pdftotext reads the mirrored brackets as ")3("), and so must the layers."""
    spec = tmp_path / "numbers.journey.yaml"
    spec.write_text(HEBREW.read_text(encoding="utf-8").replace("- מחפשת באתר רופאי עור בחיפה", "- '-5 (3)'"),
                    encoding="utf-8")
    whole, layered = both(monkeypatch, lambda: render_file(spec))
    assert ")3( 5-" in page_texts(whole, tmp_path)[0]
    assert_same_pages(whole, layered, tmp_path)


def test_a_tiled_poster_in_layers_is_written_clipped_to_each_tile(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    whole, layered = both(monkeypatch, lambda: render_file(SHOP, page="A1", tile=True))
    forms = layer_forms(layered)
    assert sum(page == ["/JgText1"] for page in forms) >= 4  # every tile's lines, written, and nothing else
    assert_same_pages(whole, layered, tmp_path)


def test_a_tiled_right_to_left_poster_in_layers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    whole, layered = both(monkeypatch, lambda: render_file(HEBREW, page="A1", tile=True))
    assert sum(map(bool, layer_forms(layered))) >= 4  # every tile of the poster, and the micro-journey pages
    assert_same_pages(whole, layered, tmp_path)


def test_a_pack_in_layers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    whole, layered = both(monkeypatch, lambda: render_pack(load_all([str(SHOP), str(ROMANIAN)]), {}))
    forms = layer_forms(layered)
    assert forms[0] == []  # the contents page
    assert_same_pages(whole, layered, tmp_path)


def test_layered_bytes_repeat_and_each_layer_has_font_subsets_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layers, "LAYER_LINES", 40)
    # Hebrew: its right-to-left lines go to WeasyPrint's layers, 40 at a time; its numbers are written directly.
    first, second = render_file(HEBREW), render_file(HEBREW)
    assert first == second
    fonts = {}  # every font object of the document: its number -> its name
    for page in PdfReader(io.BytesIO(first)).pages:
        for resources in [page["/Resources"], *(form.get_object()["/Resources"]
                                                for form in page["/Resources"].get("/XObject", {}).values())]:
            for font in resources.get("/Font", {}).values():
                fonts[font.idnum] = str(font.get_object()["/BaseFont"])
    names = list(fonts.values())
    assert len(names) >= 10
    assert len(set(names)) == len(names), "two subsets of a font share a name"
    assert {name.split("+", 1)[1] for name in names} <= {"journeygen-DejaVu-Sans", "journeygen-DejaVu-Sans-Bold"}


@pytest.mark.slow
def test_a_map_of_many_stages_is_printed_in_layers(tmp_path: Path) -> None:
    """Through the real command: a map with more lines of text than one layer holds."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import make_spec  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    spec = tmp_path / "big.journey.yaml"
    spec.write_text(yaml.safe_dump(make_spec(80), allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = run_journeygen("render", str(spec), "-f", "pdf", "-o", str(tmp_path), timeout=300)
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "big.pdf").read_bytes()
    assert layer_forms(data)[0] == ["/JgText1"]
    first = page_texts(data, tmp_path)[0]
    spec_data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    for stage in spec_data["stages"]:
        assert stage["name"] in first
