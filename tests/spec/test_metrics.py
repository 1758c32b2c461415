"""A metric's verdict: `better:` decides; without it only a conventional whole name does; the map's card,
`report`, the PDF and `lint` agree."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from journeygen import load, render
from journeygen.report.model import report
from journeygen.spec.metrics import verdict
from journeygen.spec.model import Metric


@pytest.mark.parametrize(("name", "value", "target"), [
    ("Applications complete first time", "38%", "70%"), ("First-time right", "38%", "70%"),
    ("Time saved", "2 h", "5 h"), ("Cost savings", "10k", "50k"), ("CES", "5.2", "6"),
    ("Timp mediu de așteptare", "14 min", "3 min"), ("Churn after complaint", "11%", "6%"), ("Ad CTR", "1%", "2%"),
])
def test_a_word_inside_a_name_decides_nothing(name: str, value: str, target: str) -> None:
    assert verdict(Metric(name=name, value=value, target=target)) is None
    assert verdict(Metric(name=name, value=value, target=target, better="higher")) is not None


@pytest.mark.parametrize(("name", "value", "target", "ahead"), [
    ("NPS", "+41", "+40", True), ("csat", "4,6", "4.5", True), ("Conversion rate", "3.1%", "3.5%", False),
    ("Click-through rate", "2%", "1.5%", True), ("Retention", "80%", "85%", False),
    ("Churn rate", "4%", "3%", False), ("Bounce  rate", "38%", "40%", True), ("CAC", "120 EUR", "100 EUR", False),
    ("Average handling time", "4 min", "5 min", True), ("Abandonment", "20%", "10%", False),
    ("Rata de conversie", "2%", "3%", False), ("Rata de retenţie", "90%", "80%", True),
    ("Współczynnik odrzuceń", "50%", "40%", False), ("Konwersja", "5%", "4%", True),
    ("שיעור נטישה", "7%", "5%", False), ("שיעור המרה", "7%", "5%", True),
])
def test_conventional_names_in_every_language_decide(name: str, value: str, target: str, ahead: bool) -> None:
    assert verdict(Metric(name=name, value=value, target=target)) is ahead


@pytest.mark.parametrize(("value", "target", "better", "ahead"), [
    ("38%", "70%", "higher", False), ("38%", "70%", "lower", True), ("70%", "70%", "lower", True),
    ("12 min", "15", "lower", None), ("n/a", "1", "higher", None), ("3", None, "higher", None),
])
def test_better_decides_when_the_numbers_compare(value: str, target: str | None, better: str,
                                                 ahead: bool | None) -> None:
    metric = Metric.model_validate({"name": "NPS", "value": value, "target": target, "better": better})
    assert verdict(metric) is ahead


MAP = """title: Mortgage application
persona: {name: Ana}
stages:
  - name: Apply
    metrics:
      - {name: Applications complete first time, value: 38%, target: 70%%s}
      - {name: Time saved, value: 2 h, target: 5 h}
"""


def test_the_card_report_and_pdf_agree() -> None:
    guessed = load(MAP.replace("%s", ""))
    svg = render(guessed, "svg").decode()
    assert "behind target" not in svg and "ahead of target" not in svg
    assert "t-ahead" not in re.sub(r"<style.*?</style>", "", svg, flags=re.S)
    assert report(guessed, "m", dt.date(2026, 1, 1)).metrics == ()

    declared = load(MAP.replace("%s", ", better: higher"))
    svg = render(declared, "svg").decode()
    assert svg.count("behind target") == 1 and "ahead of target" not in svg
    gaps = report(declared, "m", dt.date(2026, 1, 1)).metrics
    assert [(g.name, g.gap) for g in gaps] == [("Applications complete first time", "-32 pp")]
    pdf = PdfReader(io.BytesIO(render(declared, "pdf")))
    assert "behind target" in " ".join(page.extract_text() for page in pdf.pages)


def test_better_is_checked() -> None:
    from journeygen.errors import SpecError

    with pytest.raises(SpecError, match=r"stages\[0\].metrics\[0\].better: expected 'higher' or 'lower'"):
        load(MAP.replace("%s", ", better: up"))
