"""Text measuring and wrapping with the bundled font."""

from __future__ import annotations

import pytest

from journeygen.layout.text import Measurer


@pytest.fixture(scope="module")
def measure() -> Measurer:
    return Measurer()


def test_width_matches_what_a_browser_draws(measure: Measurer) -> None:
    # chromium's getBBox of this string in DejaVu Sans 13px is 139.20 (measured once, by hand)
    assert measure.width("Ads all look the same", 13) == pytest.approx(139.2, abs=0.05)


def test_bold_is_wider_and_size_scales(measure: Measurer) -> None:
    assert measure.width("Checkout", 13, bold=True) > measure.width("Checkout", 13)
    assert measure.width("Checkout", 26) == pytest.approx(2 * measure.width("Checkout", 13))


def test_empty_text_has_no_width_and_one_empty_line(measure: Measurer) -> None:
    assert measure.width("", 13) == 0
    assert measure.wrap("", 100, 13) == ("",)


def test_every_wrapped_line_fits(measure: Measurer) -> None:
    text = "Compares three models on the web shop and reads every review before deciding"
    lines = measure.wrap(text, 120, 13)
    assert len(lines) > 2
    assert all(measure.width(line, 13) <= 120 for line in lines)
    assert " ".join(lines) == text


def test_a_word_longer_than_the_line_is_broken_not_overflowing(measure: Measurer) -> None:
    word = "Donaudampfschifffahrtsgesellschaftskapitänswitwe"
    lines = measure.wrap(f"• {word}", 100, 13)
    assert len(lines) > 2
    assert lines[0].startswith("• D")  # the bullet stays with the start of the word
    assert "".join(lines) == f"• {word}"
    assert all(measure.width(line, 13) <= 100 for line in lines)


def test_combining_marks_stay_with_their_letter(measure: Measurer) -> None:
    word = "s\u0326" * 30  # s + combining comma below, as in Romanian ș written decomposed
    lines = measure.wrap(word, 40, 13)
    assert all(not line.startswith("\u0326") for line in lines)


def test_newlines_are_kept_and_spaces_collapsed(measure: Measurer) -> None:
    assert measure.wrap("one   two\nthree\n\nfour", 500, 13) == ("one two", "three", "", "four")


def test_hebrew_and_romanian_are_measured_with_real_glyphs(measure: Measurer) -> None:
    assert measure.width("קניית נעלי ריצה", 13) > 50
    assert measure.width("ș ț ă ą ł ż", 13) > 30
