"""A Metric -> which way is better and whether it meets its target: the one verdict of map, report and PDF.

Numbers are read the way the map's locale writes them (CLDR's symbols, in the ``numbers`` section of
journeygen/locales/*.yaml): ``1,200`` is 1200 in English and 1.2 in Romanian. Text that only the locale could
decide, in a map whose locale journeygen does not know, is no number: a wrong verdict is worse than none.

A verdict is drawn only when it cannot be a guess: the metric says ``better: higher | lower``, or its whole
name is a measure whose direction is a convention (NPS, churn, ...). Words inside a longer name decide
nothing ("First-time right" is not a time, "Cost savings" is not a cost).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Literal, NamedTuple

from journeygen.locale import catalogue, spoken
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

_NUMBER = re.compile(r"^\s*([+\-\u2212]?)(\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*)\s*(\S{0,8})\s*$")
_SEPARATOR = re.compile(r"[.,\u00a0\u202f\u2009 ]")
_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")  # direction marks around a number in right-to-left text
_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț"})  # Romanian written with the old cedilla letters


class Reading(NamedTuple):
    """A value or target read as a number and its unit: ``1.2%`` -> 1.2 and ``%``."""

    number: Decimal
    unit: str


class Symbols(NamedTuple):
    """How a locale writes numbers (CLDR): its decimal separator and its group separator."""

    decimal: str
    group: str


def symbols(locale: str | None) -> Symbols | None:
    """The locale's separators when journeygen knows them for certain: a language it ships, alone or with one
    of the regions its catalogue lists (``en-US``, ``ro-MD``); otherwise None."""
    tags = (locale or "").split("-")
    language = spoken(tags[0])
    if language is None:
        return None
    numbers = catalogue(language)["numbers"]
    if len(tags) > 2 or (len(tags) == 2 and tags[1].upper() not in numbers["regions"]):
        return None
    return Symbols(numbers["decimal"], numbers["group"])


def reading(text: str | None, locale: str | None) -> Reading | None:
    """``1.2%`` -> (1.2, "%"); ``+32`` -> (32, ""); ``4 min`` -> (4, "min"); ``4 of 5`` -> None; ``1,200`` ->
    1200 in ``en``, 1.2 in ``ro``, None where the locale is unknown."""
    match = _NUMBER.match((text or "").translate(_MARKS))
    if match is None:
        return None
    number = _number(match[2], symbols(locale))
    if number is None:
        return None
    return Reading(-number if match[1] in ("-", "\u2212") else number, match[3])


def written_as_number(text: str) -> bool:
    """True when the text is a number and perhaps a unit (``+32``, ``3.1%``, ``1,200 USD``), in any locale."""
    return _NUMBER.match(text.translate(_MARKS)) is not None


def _number(body: str, known: Symbols | None) -> Decimal | None:
    """The digits and separators of one number -> its value: the only reading of their shape, or the locale's
    reading when the shape has two (``1,200``: a decimal comma or a thousands comma)."""
    runs = _SEPARATOR.split(body)
    seps = ["." if s == "." else "," if s == "," else " " for s in _SEPARATOR.findall(body)]
    if not seps:
        return Decimal(body)
    as_decimal = as_integer = None
    if seps[-1] != " " and (len(seps) == 1 or (seps[-2] != seps[-1] and _grouped(runs[:-1], seps[:-1]))):
        as_decimal = Decimal(f"{''.join(runs[:-1])}.{runs[-1]}")
    if _grouped(runs, seps):
        as_integer = Decimal("".join(runs))
    if as_decimal is None or as_integer is None:
        return as_decimal if as_integer is None else as_integer
    if known is None or seps[0] not in known:
        return None
    return as_decimal if seps[0] == known.decimal else as_integer


def _grouped(runs: list[str], seps: list[str]) -> bool:
    """True when the runs are whole-number groups of three digits (``12,345,678``) set off by one separator."""
    return (len(set(seps)) == 1 and re.fullmatch(r"[1-9]\d{0,2}", runs[0]) is not None
            and all(len(run) == 3 for run in runs[1:]))


def comparable(metric: Metric, locale: str | None) -> tuple[Reading, Reading] | None:
    """The value and target when both are numbers in the same unit (``USD`` is ``usd``), else None."""
    value, target = reading(metric.value, locale), reading(metric.target, locale)
    if value is None or target is None or value.unit.casefold() != target.unit.casefold():
        return None
    return value, target


def direction(metric: Metric) -> Better | None:
    """``better:`` when given, else the convention for the metric's whole name, else None (unknown)."""
    if metric.better is not None:
        return metric.better
    key = _key(metric.name)
    return "higher" if key in _HIGHER else "lower" if key in _LOWER else None


def verdict(metric: Metric, locale: str | None) -> bool | None:
    """True when the value meets its target, False when it is behind, None when that cannot be known:
    no comparable numbers (in the map's ``locale``), or no known direction."""
    pair, better = comparable(metric, locale), direction(metric)
    if pair is None or better is None:
        return None
    value, target = pair
    return value.number >= target.number if better == "higher" else value.number <= target.number


def _key(name: str) -> str:
    """The name as the conventional set spells it: case, dashes and spacing do not matter."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_CEDILLA)
    return " ".join(re.sub(r"[-_\u2010-\u2015]", " ", text).split())
