"""A Metric -> which way is better and whether it meets its target: the one verdict of map, report and PDF.

A verdict is drawn only when it cannot be a guess: the metric says ``better: higher | lower``, or its whole
name is a measure whose direction is a convention (NPS, churn, ...). Words inside a longer name decide
nothing ("First-time right" is not a time, "Cost savings" is not a cost).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Literal, NamedTuple

from journeygen.spec.model import Metric

Better = Literal["higher", "lower"]

# Whole names, as normalised by `_key`, in every language journeygen speaks (en, ro, pl, he). CES is
# left out on purpose: its scale runs one way in some surveys and the other way in others.
_HIGHER = frozenset({
    "nps", "net promoter score", "csat", "customer satisfaction", "customer satisfaction score",
    "conversion", "conversion rate", "ctr", "click through rate", "clickthrough rate", "retention",
    "retention rate", "customer retention", "customer retention rate",
    "scor nps", "satisfacția clienților", "satisfacția clientului", "conversie", "rata de conversie",
    "rată de conversie", "rata conversiei", "rata de clic", "retenție", "rata de retenție", "rată de retenție",
    "retenția clienților",
    "wskaźnik nps", "satysfakcja klientów", "satysfakcja klienta", "konwersja", "współczynnik konwersji",
    "wskaźnik konwersji", "współczynnik klikalności", "retencja", "wskaźnik retencji", "retencja klientów",
    "שביעות רצון", "שביעות רצון לקוחות", "המרה", "שיעור המרה", "שיעור הקלקה", "שיעור הקלקות", "שימור",
    "שיעור שימור", "שימור לקוחות",
})
_LOWER = frozenset({
    "churn", "churn rate", "customer churn", "bounce rate", "abandonment", "abandonment rate", "cart abandonment",
    "cart abandonment rate", "cac", "customer acquisition cost", "aht", "average handling time",
    "average handle time",
    "rata de churn", "rata de abandon", "rată de abandon", "abandonul coșului", "rata de respingere",
    "rată de respingere", "costul de achiziție a clientului", "cost de achiziție client",
    "timp mediu de gestionare", "timpul mediu de gestionare", "durata medie de gestionare",
    "wskaźnik odejść", "współczynnik odejść", "odpływ klientów", "współczynnik odrzuceń", "porzucenia",
    "porzucenie koszyka", "wskaźnik porzuceń", "koszt pozyskania klienta", "średni czas obsługi",
    "נטישה", "שיעור נטישה", "נטישת לקוחות", "שיעור יציאה", "נטישת עגלה", "עלות גיוס לקוח", "עלות רכישת לקוח",
    "זמן טיפול ממוצע",
})
CONVENTIONAL = "NPS, CSAT, conversion, CTR, retention (higher); churn, bounce rate, abandonment, CAC, " \
               "average handling time (lower)"
"""The conventional measures, as messages and docs name them."""

_NUMBER = re.compile(r"^\s*([+\-\u2212]?\d+(?:[.,]\d+)?)\s*(\S{0,8})\s*$")
_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț"})  # Romanian written with the old cedilla letters


class Reading(NamedTuple):
    """A value or target read as a number and its unit: ``1.2%`` -> 1.2 and ``%``."""

    number: Decimal
    unit: str


def reading(text: str | None) -> Reading | None:
    """``1.2%`` -> (1.2, "%"); ``+32`` -> (32, ""); ``4 min`` -> (4, "min"); ``4 of 5`` -> None."""
    match = _NUMBER.match(text or "")
    if match is None:
        return None
    return Reading(Decimal(match[1].replace("\u2212", "-").replace(",", ".")), match[2].lower())


def comparable(metric: Metric) -> tuple[Reading, Reading] | None:
    """The value and target when both are numbers in the same unit, else None."""
    value, target = reading(metric.value), reading(metric.target)
    if value is None or target is None or value.unit != target.unit:
        return None
    return value, target


def direction(metric: Metric) -> Better | None:
    """``better:`` when given, else the convention for the metric's whole name, else None (unknown)."""
    if metric.better is not None:
        return metric.better
    key = _key(metric.name)
    return "higher" if key in _HIGHER else "lower" if key in _LOWER else None


def verdict(metric: Metric) -> bool | None:
    """True when the value meets its target, False when it is behind, None when that cannot be known:
    no comparable numbers, or no known direction."""
    pair, better = comparable(metric), direction(metric)
    if pair is None or better is None:
        return None
    value, target = pair
    return value.number >= target.number if better == "higher" else value.number <= target.number


def _key(name: str) -> str:
    """The name as the conventional set spells it: case, dashes and spacing do not matter."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_CEDILLA)
    return " ".join(re.sub(r"[-_\u2010-\u2015]", " ", text).split())
