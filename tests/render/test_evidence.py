"""Evidence and confidence on the map: assumed items dashed (with a legend entry), a count of sources,
the sources with their quotes and links in the tooltip; links that could leave the project refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.api import loads, render

SPEC = """title: Checkout
persona: {name: Ana}
stages:
  - name: Pay
    actions: [{text: Pays by card, confidence: assumed}]
    pain_points:
      - id: hidden-fees
        text: Delivery cost appears only at the end
        evidence: [{source: Interview 7, quote: "I felt <tricked>", link: research/int-07.md}, Ticket export Q3]
        confidence: observed
    emotion: {score: 2, confidence: assumed, evidence: [Diary study]}
"""


def test_an_assumed_item_is_dashed_and_the_legend_says_what_dashes_mean() -> None:
    svg = render(loads(SPEC), "svg").decode()
    assert svg.count('class="assumed"') == 3, "the action's outline, the feeling's ring and the legend's sample"
    assert ".assumed{fill:none;" in svg and "stroke-dasharray:5 3" in svg
    assert ">assumption, not yet observed</text>" in svg


def test_an_item_with_evidence_counts_its_sources_and_shows_them_in_full_in_its_tooltip() -> None:
    svg = render(loads(SPEC), "svg").decode()
    assert "<title>Evidence: Interview 7 \u201cI felt &lt;tricked&gt;\u201d &lt;research/int-07.md&gt;; " \
           "Ticket export Q3</title>" in svg
    assert 'class="evidence-badge"' in svg and '>2</text>' in svg
    assert ">sources behind the item</text>" in svg


def test_research_marks_speak_the_maps_language() -> None:
    svg = render(loads(SPEC.replace("title: Checkout", "title: Plata\nlocale: ro")), "svg").decode()
    assert "<title>Dovezi: Interview 7 \u201eI felt &lt;tricked&gt;\u201d" in svg, "Romanian quotation marks"
    assert ">ipoteză, încă neobservată</text>" in svg


def test_the_pdf_evidence_page_quotes_in_the_maps_language() -> None:
    import io

    from pypdf import PdfReader

    for locale, quoted in (("en", "\u201cI felt <tricked>\u201d"), ("pl", "\u201eI felt <tricked>\u201d")):
        pdf = render(loads(SPEC.replace("title: Checkout", f"title: T\nlocale: {locale}")), "pdf")
        assert quoted in PdfReader(io.BytesIO(pdf)).pages[-1].extract_text(), locale


def test_a_map_without_evidence_or_confidence_has_no_research_marks() -> None:
    svg = render(loads("title: T\npersona: {name: Ana}\nstages: [{name: S, actions: [Pays]}]\n"), "svg").decode()
    assert "assumed" not in svg and "evidence-badge" not in svg


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd", "/etc/passwd", "../../secret.md",
                                  "research/../../x.md", "data:text/html,x"])
def test_a_link_is_an_http_url_or_a_path_that_stays_in_the_project(tmp_path: Path, link: str) -> None:
    spec = tmp_path / "m.journey.yaml"
    spec.write_text(SPEC.replace("research/int-07.md", f"'{link}'"), encoding="utf-8")
    result = run_journeygen("validate", str(spec))
    assert result.returncode == 1
    assert f"{spec}:9:" in result.stdout.decode() and "a link is an http(s) URL or a relative path" \
        in result.stdout.decode()


def test_http_links_and_project_paths_are_accepted() -> None:
    for link in ("https://example.org/study", "http://intranet/report", "research/int-07.md"):
        journey = loads(SPEC.replace("research/int-07.md", link))
        assert journey.stages[0].pain_points[0].evidence[0].link == link
    assert journey.stages[0].pain_points[0].id == "hidden-fees"


FEELINGS = """title: Renewal
personas: [{id: ana, name: Ana}, {id: dan, name: Dan}]
stages:
  - name: Letter
    emotion: {score: 3, evidence: [{source: Interview 2, quote: "Just <another> letter"}, Diary study]}
  - name: Price
    emotion: {ana: {score: 1, confidence: assumed}, dan: {score: 2, evidence: [Call recordings]}}
"""


def test_a_feeling_with_evidence_counts_its_sources_and_its_tooltip_quotes_them() -> None:
    svg = render(loads(FEELINGS), "svg").decode()
    titles = re.findall(r'<g id="[^"]*emotion-\d+"><title>(.*?)</title>', svg, re.S)
    assert titles[0] == "neutral (3/5)\nEvidence: Interview 2 \u201cJust &lt;another&gt; letter\u201d; Diary study"
    assert titles[2] == "neutral (3/5)", "a shared feeling's sources are listed once, at the first persona's face"
    assert titles[3] == "negative (2/5)\nEvidence: Call recordings"
    assert svg.count('class="evidence-badge"') == 3, "two feelings' counts and the legend's sample"
    assert ">sources behind the item</text>" in svg


def test_an_assumed_feeling_is_drawn_in_a_dashed_ring_and_the_legend_says_so() -> None:
    svg = render(loads(FEELINGS), "svg").decode()
    ana_price = re.search(r'<g id="[^"]*emotion-1"><title>([^<]*)</title>(.*?)<g id=', svg, re.S)
    assert ana_price is not None
    assert ana_price.group(1) == "very negative (1/5)\nassumption, not yet observed"
    assert '<circle class="assumed"' in ana_price.group(2)
    assert svg.count('<circle class="assumed"') == 1
    assert ">assumption, not yet observed</text>" in svg


def test_feelings_without_evidence_or_confidence_draw_as_before() -> None:
    plain = FEELINGS.replace(", evidence: [{source: Interview 2, quote: \"Just <another> letter\"}, Diary study]", "")
    plain = plain.replace(", confidence: assumed", "").replace(", evidence: [Call recordings]", "")
    svg = render(loads(plain), "svg").decode()
    assert "assumed" not in svg and "evidence-badge" not in svg
