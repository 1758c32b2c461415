"""The Mermaid swimlane and flowchart, and the journey's generated accDescr, speak the map's locale as the SVG does."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from helpers import EXAMPLES

from journeygen.api import load, loads, render
from journeygen.layout.summary import summary
from journeygen.layout.words import words_for
from journeygen.options import RenderOptions
from journeygen.render.mermaid.escape import flowchart_text, journey_text

STYLES = ("swimlane", "flowchart")
# The trial's repro (mermaid-swimlane-untranslated-ro), with a transition and a micro-journey besides.
SPEC: dict[str, Any] = {
    "title": "Mutare abonament", "persona": {"name": "Ioana"},
    "stages": [
        {"id": "cerere", "name": "Cerere", "actions": ["Completează formularul"], "emotion": 2,
         "micro_journeys": [{"name": "Scanare", "steps": ["Fotografiază actul"]}],
         "ideas": [{"text": "Validare adresă", "owner": "Echipa digitală", "due": "2027-02-28", "impact": "high",
                    "effort": "medium", "status": "in-progress"}],
         "metrics": [{"name": "CSAT", "value": "3,1", "target": "4,2"}]},
        {"id": "gata", "name": "Gata", "emotion": 4}],
    "transitions": [{"from": "gata", "to": "cerere"}],
}
# What journeygen adds in each language, as the SVG map says it (journeygen/locales/*.yaml).
WORDS = {
    "ro": ["<b>Acțiuni</b>", "<b>Emoții</b>", "<b>Idei</b>", "<b>Indicatori</b>", "<b>Micro-parcursuri</b>",
           "<b>Trasee</b>", "impact ridicat", "efort mediu", "în lucru", "țintă 4,2"],
    "pl": ["<b>Działania</b>", "<b>Emocje</b>", "<b>Pomysły</b>", "<b>Wskaźniki</b>", "<b>Mikropodróże</b>",
           "<b>Ścieżki</b>", "wpływ wysoki", "nakład średni", "w toku", "cel 4,2"],
    "he": ["<b>פעולות</b>", "<b>רגשות</b>", "<b>רעיונות</b>", "<b>מדדים</b>", "<b>מיקרו-מסעות</b>",
           "<b>מסלולים</b>", "השפעה גבוהה", "מאמץ בינוני", "בביצוע", "יעד 4,2"],
}
ENGLISH = re.compile(r"\b(Actions|Emotions|Ideas|Metrics|Micro-journeys|Paths|Other paths|impact (?:low|medium|high)|"
                     r"effort|target|in-progress|in progress|Customer journey)\b")


def spec(locale: str) -> str:
    return json.dumps({**SPEC, "locale": locale}, ensure_ascii=False)


def unwrapped(text: str) -> str:
    """The grid wraps cells at about 28 characters; read its words across the line breaks."""
    return text.replace("<br>", " ")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("locale", sorted(WORDS))
def test_lane_titles_and_idea_and_metric_words_are_in_the_map_s_language(locale: str, style: str) -> None:
    text = unwrapped(render(loads(spec(locale)), "mermaid", options=RenderOptions(mermaid_style=style)).decode())
    micro = WORDS[locale][4]  # the grid's row title: the flowchart draws each micro-journey under its own name
    for word in WORDS[locale]:
        assert (word in text) == (style == "swimlane" or word != micro), word
    assert ENGLISH.findall(text) == []


@pytest.mark.parametrize("locale", ["en", *sorted(WORDS)])
def test_the_generated_description_is_the_svg_s_summary_in_the_map_s_language(locale: str) -> None:
    journey = loads(spec(locale))
    said = summary(journey)
    assert said.startswith(words_for(locale).summary.format(people="Ioana"))
    assert f'-desc">{said}</desc>' in render(journey, "svg").decode()
    for style, escaped in (("journey", journey_text), ("flowchart", flowchart_text)):
        text = render(journey, "mermaid", options=RenderOptions(mermaid_style=style)).decode()
        assert f"    accDescr: {escaped(said)}\n" in text, style


def test_the_translated_examples_say_no_english_word_journeygen_adds() -> None:
    for path in EXAMPLES:
        journey = load(str(path))
        if journey.locale.startswith("en"):
            continue
        for style in STYLES:
            text = unwrapped(render(journey, "mermaid", options=RenderOptions(mermaid_style=style)).decode())
            assert ENGLISH.findall(text) == [], (path.name, style)
