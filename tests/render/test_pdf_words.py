"""The PDF's own words read back in the journey's language: headings, table heads, counts, captions, page numbers."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, run_journeygen
from pypdf import PdfReader

from journeygen.api import load_spec
from journeygen.api import render as render_format
from journeygen.render.pdf.paper import Paper
from journeygen.render.pdf.style import page_rules
from journeygen.render.pdf.weasy import print_html
from journeygen.render.pdf.words import pdf_words_for
from journeygen.theme import load_theme

EXAMPLES = ROOT / "examples"
ROMANIAN, POLISH, HEBREW = (EXAMPLES / f"{name}.journey.yaml" for name in ("banca-ro", "sklep-pl", "clinic-he"))
ENGLISH_UI = ("Page", "Stage", "Idea", "Ideas", "Owner", "Due", "Effort", "Emotion", "Pain points", "Action list",
              "Micro-journey", "Journey map", "ideas", "owners", "No owner", "low", "medium", "high", "Workshop",
              "Team", "Date", "sheet", "trim", "poster", "Contents", "modified", "Personas")
"""Interface words that must not be left in English. ``Persona``, ``Impact`` (Romanian) and ``Status`` (Polish)
are the same word in those languages, and ``commit`` is what Romanian and Polish developers call one."""


def render_file(spec: Path, **options: Any) -> bytes:
    loaded = load_spec(spec)
    return render_format(loaded.journey, "pdf", options=replace(loaded.options(), **options))


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def outline(data: bytes) -> list[Any]:
    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]
    return titles(PdfReader(io.BytesIO(data)).outline)


def english_left(text: str) -> list[str]:
    return [word for word in ENGLISH_UI if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return {spec.name: render_file(spec) for spec in (ROMANIAN, POLISH, HEBREW)}


@pytest.mark.parametrize(("spec", "expected"), [
    (ROMANIAN, ["Persona", "Obiective", "Listă de acțiuni", "7 idei, 5 responsabili", "Etapă", "Idee", "Responsabil",
                "Termen", "Efort", "Stare", "ridicat", "scăzut", "Puncte de durere pe etape", "Emoție",
                "Micro-parcurs", "Pagina 1 din 5", "Pagina 5 din 5"]),
    (POLISH, ["Persona", "Lista działań", "8 pomysłów, 6 właścicieli", "Etap", "Pomysł", "Właściciel", "Termin",
              "Wpływ", "Nakład", "Status", "wysoki", "średni", "niski", "Problemy według etapów", "Emocje",
              "Mikropodróż", "Strona 1 z 5", "Strona 5 z 5"]),
])
def test_romanian_and_polish_documents_speak_their_language(documents: dict[str, bytes], spec: Path,
                                                           expected: list[str]) -> None:
    text = "\n".join(pages(documents[spec.name]))
    for words in expected:
        assert words in text, words
    assert english_left(text) == []


def test_hebrew_document_speaks_hebrew(documents: dict[str, bytes]) -> None:
    # Only all-Hebrew strings: pypdf shuffles the runs of a line that mixes Hebrew with digits or Latin.
    text = "\n".join(pages(documents[HEBREW.name]))
    for words in ("פרסונה", "מטרות", "רשימת פעולות", "רעיונות", "אחראים", "שלב", "רעיון", "אחראי", "תאריך יעד",
                  "השפעה", "מאמץ", "סטטוס", "גבוהה", "נקודות כאב לפי שלב", "רגש", "מיקרו-מסע", "עמוד", "מתוך"):
        assert words in text, words
    assert english_left(text) == []


@pytest.mark.parametrize(("spec", "entries"), [
    (ROMANIAN, ["Harta parcursului", "Persona", "Listă de acțiuni", "Puncte de durere pe etape"]),
    (POLISH, ["Mapa podróży", "Persona", "Lista działań", "Problemy według etapów"]),
    (HEBREW, ["מפת המסע", "פרסונה", "רשימת פעולות", "נקודות כאב לפי שלב"]),
])
def test_bookmarks_are_in_the_journey_language(documents: dict[str, bytes], spec: Path, entries: list[str]) -> None:
    titles = [t for t in outline(documents[spec.name]) if isinstance(t, str)]
    for entry in entries:
        assert entry in titles


@pytest.mark.parametrize(("spec", "expected"), [
    (ROMANIAN, ["Șablon de atelier".upper(), "Echipa", "Data", "Fiecare celulă", "bilețele adezive"]),
    (POLISH, ["Szablon warsztatu".upper(), "Zespół", "Data", "Każda komórka", "karteczki samoprzylepne"]),
    (HEBREW, ["תבנית לסדנה", "צוות", "תאריך", "פתקים דביקים"]),
])
def test_blank_template_fields_and_hint(spec: Path, expected: list[str]) -> None:
    text = pages(render_file(spec, blank=True))[0]
    for words in expected:
        assert words in text, words
    assert english_left(text) == []


@pytest.mark.parametrize(("locale", "expected"), [
    ("ro", ["Atelier despre parcursul clientului", "Șablon de atelier".upper(), "Acțiuni", "Echipa", "Pagina 1 din 1"]),
    ("pl", ["Warsztat ścieżki klienta", "Szablon warsztatu".upper(), "Działania", "Zespół", "Strona 1 z 1"]),
    ("he", ["סדנת מסע לקוח", "תבנית לסדנה", "פעולות", "צוות", "עמוד", "מתוך"]),
])
def test_generic_template_in_the_language_asked_for(tmp_path: Path, locale: str, expected: list[str]) -> None:
    done = run_journeygen("render", "--blank", "--stages", "Unu,Doi,Trei", "--locale", locale, "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    text = pages((tmp_path / "journey-template.pdf").read_bytes())[0]
    for words in [*expected, "Unu", "Doi", "Trei"]:
        assert words in text, words
    assert english_left(text) == []


@pytest.mark.parametrize("args", [["--locale", "ro", str(ROMANIAN), "-f", "pdf"],
                                  ["--blank", "--stages", "A,B", "--locale", "r o"]])
def test_locale_only_for_a_generic_template_and_only_a_language_tag(tmp_path: Path, args: list[str]) -> None:
    done = run_journeygen("render", *args, "-o", str(tmp_path))
    assert done.returncode == 2 and b"--locale" in done.stderr and b"Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_tile_captions_and_poster_bookmark(tmp_path: Path) -> None:
    done = run_journeygen("render", str(POLISH), "-f", "pdf", "--page", "A1", "--tile", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "sklep-pl.pdf").read_bytes()
    first = pages(data)[0]
    assert "Plakat A1 · arkusz A1 · rząd 1 z " in first and "przytnij wzdłuż linii przerywanej" in first
    assert "Mapa podróży (plakat)" in outline(data)
    assert english_left(first) == []


def test_a_pack_gives_each_journey_its_language_and_the_contents_the_first_ones(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    shop = EXAMPLES / "online-shop.journey.yaml"
    done = run_journeygen("render", str(ROMANIAN), str(shop), str(POLISH), "--pack", str(target))
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    text = pages(data)
    assert "Cuprins" in text[0] and "5 etape · 1 persona" in text[0]
    assert "Materiale de atelier · 3 parcursuri" in text[0]
    assert all(f"Pagina {n} din {len(text)}" in page for n, page in enumerate(text, 1))
    joined = "\n".join(text)
    for words in ("Listă de acțiuni", "Action list", "Lista działań", "Owner", "Właściciel", "Responsabil"):
        assert words in joined
    tree = outline(data)
    assert tree[2][0] == "Harta parcursului" and tree[4][0] == "Journey map" and tree[6][0] == "Mapa podróży"


@pytest.mark.parametrize(("language", "counts"), [
    ("en", {0: "0 ideas", 1: "1 idea", 2: "2 ideas", 21: "21 ideas"}),
    ("ro", {0: "0 idei", 1: "1 idee", 2: "2 idei", 19: "19 idei", 20: "20 de idei", 101: "101 idei",
            120: "120 de idei"}),
    ("pl", {0: "0 pomysłów", 1: "1 pomysł", 2: "2 pomysły", 4: "4 pomysły", 5: "5 pomysłów", 12: "12 pomysłów",
            22: "22 pomysły", 25: "25 pomysłów", 112: "112 pomysłów"}),
    ("he", {1: "רעיון אחד", 2: "2 רעיונות", 11: "11 רעיונות"}),
])
def test_counts_take_the_plural_form_of_their_language(language: str, counts: dict[int, str]) -> None:
    words = pdf_words_for(language)
    assert {n: words.count(words.ideas, n) for n in counts} == counts


def test_unknown_languages_and_regions_fall_back_sensibly() -> None:
    assert pdf_words_for("pl-PL").action_list == "Lista działań"
    assert pdf_words_for("iw").direction == "rtl"
    assert pdf_words_for("fr") == pdf_words_for("en")


def test_a_translation_with_quotes_and_backslashes_cannot_break_the_stylesheet() -> None:
    labels = replace(pdf_words_for("en"), page='S. "{page}" \\ {pages}; } @page { size: 10mm')
    css = page_rules(Paper.of("A4"), load_theme(None), labels=labels)
    data = print_html(f"<!DOCTYPE html><html><head><style>{css}</style></head><body><p>x</p></body></html>").data
    reader = PdfReader(io.BytesIO(data))
    assert round(float(reader.pages[0].mediabox.width) * 25.4 / 72) == 297  # the size was not overridden
    assert 'S. "1" \\ 1; } @page { size: 10mm' in reader.pages[0].extract_text()


def test_a_tiled_pack_numbers_every_page_in_the_first_journeys_language(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    done = run_journeygen("render", str(POLISH), str(ROMANIAN), "--pack", str(target), "--page", "A2", "--tile")
    assert done.returncode == 0, done.stderr
    text = pages(target.read_bytes())
    assert all(f"Strona {n} z {len(text)}" in page for n, page in enumerate(text, 1))
    assert any(page.startswith("Poster A2 · foaia") for page in text)


def _across(data: bytes, page: int, needle: str) -> float:
    """Where on the page (0 left edge, 1 right edge) the text run holding ``needle`` starts to be drawn."""
    reader = PdfReader(io.BytesIO(data))
    found: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if needle in text:
            found.append(float(cm[4]) + float(tm[4]) * float(cm[0]))
    reader.pages[page].extract_text(visitor_text=visit)
    assert found, needle
    return found[0] / float(reader.pages[page].mediabox.width)


def test_a_right_to_left_footer_starts_on_the_right_and_numbers_on_the_left() -> None:
    hebrew, english = render_file(HEBREW), render_file(EXAMPLES / "online-shop.journey.yaml")
    assert _across(hebrew, 1, "clinic-he.journey.yaml") > 0.5 > _across(hebrew, 1, "עמוד")
    assert _across(english, 1, "online-shop.journey.yaml") < 0.5 < _across(english, 1, "Page")
