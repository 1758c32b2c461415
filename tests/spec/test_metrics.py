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
from journeygen.spec.metrics import Reading, reading, verdict
from journeygen.spec.model import Metric


@pytest.mark.parametrize(("name", "value", "target"), [
    ("Applications complete first time", "38%", "70%"), ("First-time right", "38%", "70%"),
    ("Time saved", "2 h", "5 h"), ("Cost savings", "10k", "50k"), ("CES", "5.2", "6"),
    ("Timp mediu de așteptare", "14 min", "3 min"), ("Churn after complaint", "11%", "6%"), ("Ad CTR", "1%", "2%"),
])
def test_a_word_inside_a_name_decides_nothing(name: str, value: str, target: str) -> None:
    assert verdict(Metric(name=name, value=value, target=target), "en") is None
    assert verdict(Metric(name=name, value=value, target=target, better="higher"), "en") is not None


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
    assert verdict(Metric(name=name, value=value, target=target), "en") is ahead


@pytest.mark.parametrize(("value", "target", "better", "ahead"), [
    ("38%", "70%", "higher", False), ("38%", "70%", "lower", True), ("70%", "70%", "lower", True),
    ("12 min", "15", "lower", None), ("n/a", "1", "higher", None), ("3", None, "higher", None),
])
def test_better_decides_when_the_numbers_compare(value: str, target: str | None, better: str,
                                                 ahead: bool | None) -> None:
    metric = Metric.model_validate({"name": "NPS", "value": value, "target": target, "better": better})
    assert verdict(metric, "en") is ahead


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
    assert "behind target" not in svg and "target met" not in svg
    assert "t-ahead" not in re.sub(r"<style.*?</style>", "", svg, flags=re.S)
    assert report(guessed, "m", dt.date(2026, 1, 1)).metrics == ()

    declared = load(MAP.replace("%s", ", better: higher"))
    svg = render(declared, "svg").decode()
    assert svg.count("behind target") == 1 and "target met" not in svg
    gaps = report(declared, "m", dt.date(2026, 1, 1)).metrics
    assert [(g.name, g.gap) for g in gaps] == [("Applications complete first time", "-32 pp")]
    pdf = PdfReader(io.BytesIO(render(declared, "pdf")))
    assert "behind target" in " ".join(page.extract_text() for page in pdf.pages)


def test_better_is_checked() -> None:
    from journeygen.errors import SpecError

    with pytest.raises(SpecError, match=r"stages\[0\].metrics\[0\].better: expected 'higher' or 'lower'"):
        load(MAP.replace("%s", ", better: up"))


@pytest.mark.parametrize(("text", "locale", "read"), [
    ("1,200 USD", "en", ("1200", "USD")), ("1,500 s", "en-GB", ("1500", "s")), ("1.2%", "en", ("1.2", "%")),
    ("1.200", "en", ("1.2", "")), ("0.125", "ro", ("0.125", "")), ("0,125", "en", ("0.125", "")),
    ("4,2", "ro", ("4.2", "")), ("1.200 lei", "ro-MD", ("1200", "lei")), ("1,200", "ro", ("1.2", "")),
    ("1 200 zł", "pl", ("1200", "zł")), ("1\u00a0200,50 zł", "pl", ("1200.50", "zł")), ("1,5", "pl", ("1.5", "")),
    ("1,200", "he", ("1200", "")), ("\u200e-5%\u200e", "he", ("-5", "%")), ("\u22123", "en", ("-3", "")),
    ("1,200,000", "xx", ("1200000", "")), ("1.234,5", "de", ("1234.5", "")), ("12 000 s", None, ("12000", "s")),
    ("1200.500", "xx", ("1200.500", "")), ("4.2", None, ("4.2", "")),
    ("1.200 zł", "pl", None), ("1,200", "de", None), ("1,200", None, None), ("1,200", "en-ZA", None),
    ("1.200", "ro-Latn-RO", None), ("1,2,3", "en", None), ("1,20,000", "en", None), ("4 5", "en", None),
    ("1.200,000", "en", ("1200.000", "")), ("0,125,000", "en", None),
])
def test_a_number_is_read_the_way_the_locale_writes_it_or_not_at_all(text: str, locale: str | None,
                                                                       read: tuple[str, str] | None) -> None:
    """CLDR: en and he group with `,`, ro with `.`, pl with a space; `1,200` where the locale is unknown (or
    `1.200` in Polish, which writes neither way) has two readings, so it is no number."""
    from decimal import Decimal

    assert reading(text, locale) == (None if read is None else Reading(Decimal(read[0]), read[1]))


SEPARATORS = """title: Metrics
locale: %s
persona: {name: Ana}
stages:
  - name: A
    metrics:
      - {name: CAC, value: '%s', target: '900 %s'}
      - {name: Average handling time, value: '1,500 s', target: '900 s', better: lower}
"""


@pytest.mark.parametrize(("locale", "value", "unit", "behind", "gaps"), [
    ("en", "1,200 USD", "USD", "behind target", ["+300 USD", "+600 s"]),
    ("ro", "1.200 lei", "lei", "țintă neatinsă", ["+300 lei"]),  # 1,500 s is 1.5 s in Romanian: ahead
    ("pl", "1.200 zł", "zł", "cel nieosiągnięty", []),  # no verdict for 1.200; 1,500 s is 1.5 s
    ("de", "1.200 EUR", "EUR", "behind target", []),  # a locale journeygen cannot read: no verdict at all
])
def test_thousands_separators_give_the_verdict_the_locale_means(locale: str, value: str, unit: str, behind: str,
                                                                  gaps: list[str]) -> None:
    journey = load(SEPARATORS % (locale, value, unit))
    svg = render(journey, "svg").decode()
    assert svg.count(behind) == (len(gaps) if locale != "pl" else 0)
    assert [g.gap for g in report(journey, "m", dt.date(2026, 1, 1)).metrics] == gaps
    if locale == "en":
        pdf = PdfReader(io.BytesIO(render(journey, "pdf")))
        assert " ".join(page.extract_text() for page in pdf.pages).count("behind target") == 2


@pytest.mark.parametrize(("locale", "met"), [("en", "▲ target met"), ("ro", "▲ țintă atinsă"),
                                             ("pl", "▲ cel osiągnięty"), ("he", "▲ עומד ביעד")])
def test_a_value_equal_to_its_target_has_met_it_in_every_language(locale: str, met: str) -> None:
    journey = load(f"{{title: Eq, locale: {locale}, persona: {{name: Ana}}, "
                   "stages: [{name: A, metrics: [{name: CSAT, value: '4.2', target: '4.2'}]}]}")
    assert met in render(journey, "svg").decode()
