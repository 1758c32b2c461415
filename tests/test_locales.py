"""Every language's catalogue of interface words is complete: a new language is one YAML file."""

from __future__ import annotations

import re
from typing import Any

import pytest

from journeygen.layout.words import words_for
from journeygen.locale import catalogue, language_of, languages
from journeygen.render.pdf.words import pdf_words_for

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, f"{path}.{key}").items()}
    return {path: value}


@pytest.mark.parametrize("language", languages()[1:])
def test_every_locale_has_every_key_of_english(language: str) -> None:
    english, other = _leaves(catalogue("en")), _leaves(catalogue(language))
    assert sorted(other) == sorted(english)
    for key, value in english.items():
        varies = ("ideas", "owners", "stages", "stage_count", "persona_count", "journeys", "regions")
        if isinstance(value, list) and not key.endswith(varies):
            assert len(other[key]) == len(value), key  # forms and regions vary; levels, scores do not


@pytest.mark.parametrize("language", sorted(languages()))
def test_placeholders_are_those_the_code_fills(language: str) -> None:
    english, other = _leaves(catalogue("en")), _leaves(catalogue(language))
    for key, value in english.items():
        want = set(PLACEHOLDER.findall(str(value)))
        got = set(PLACEHOLDER.findall(str(other[key])))
        assert got <= want | {"n"}, f"{language}: {key} uses {got - want}"


def test_languages_and_fallback() -> None:
    assert languages()[0] == "en" and {"ro", "pl", "he"} <= set(languages())
    assert language_of("ro-RO") == "ro" and language_of("iw") == "he" and language_of("fr-CA") == "en"
    assert words_for("pl").lanes["pain_points"] == "Problemy"
    romanian = pdf_words_for("ro")
    assert pdf_words_for("he").direction == "rtl" and romanian.count(romanian.ideas, 20) == "20 de idei"


def test_a_persona_quote_takes_the_quotation_marks_of_its_language() -> None:
    """CLDR's marks: a Romanian or Polish map quoting its persona with English marks looks like a translation."""
    quoted = {language: words_for(language).quoted("x") for language in ("en", "ro", "pl", "he")}
    assert quoted == {"en": "“x”", "ro": "„x”", "pl": "„x”", "he": "”x”"}
