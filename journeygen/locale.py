"""A BCP 47 locale -> the language journeygen speaks for it, and that language's words (journeygen/locales/*.yaml).

A new language is one file: every catalogue holds every key of ``en.yaml`` (checked by the tests).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

LOCALES = Path(__file__).parent / "locales"
"""The catalogues, beside this module in the installed package (as the fonts are: see layout.fonts)."""
ALIASES = {"iw": "he"}
"""Old language codes some systems still send, -> the code of the catalogue."""


@cache
def languages() -> tuple[str, ...]:
    """The languages journeygen has a catalogue for, English first."""
    found = sorted(f.name.removesuffix(".yaml") for f in LOCALES.iterdir() if f.name.endswith(".yaml"))
    return ("en", *(code for code in found if code != "en"))


def language_of(locale: str) -> str:
    """``ro-RO`` -> ``ro``; a language without a catalogue -> ``en``."""
    return spoken(locale) or "en"


def spoken(locale: str) -> str | None:
    """``ro-RO`` -> ``ro``, ``iw`` -> ``he``: the language of the tag when journeygen has its catalogue, else None."""
    language = locale.split("-")[0].lower()
    language = ALIASES.get(language, language)
    return language if language in languages() else None


@cache
def catalogue(language: str) -> dict[str, Any]:
    """Every word of one language, by section (``map``, ``pdf``); loaded once per process."""
    text = (LOCALES / f"{language}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def words(kind: type[T], locale: str, section: str) -> T:
    """The record ``kind`` (a dataclass or NamedTuple) filled from one section of the locale's catalogue (YAML
    lists -> tuples)."""
    data = catalogue(language_of(locale))[section]
    return kind(**{key: tuple(value) if isinstance(value, list) else value for key, value in data.items()})


Forms = tuple[str, ...]
"""A count's wordings, one per plural category of the language, each with ``{n}`` where the number goes."""


def _english(n: int) -> int:
    return 0 if n == 1 else 1


def _romanian(n: int) -> int:
    # 1 idee, 2-19 idei, 20 de idei (and 101-119 again without "de").
    return 0 if n == 1 else 1 if n == 0 or 1 <= n % 100 <= 19 else 2


def _polish(n: int) -> int:
    # 1 pomysł, 2-4 / 22-24 pomysły (not 12-14), otherwise pomysłów.
    return 0 if n == 1 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


PLURAL_RULES: Mapping[str, Callable[[int], int]] = MappingProxyType(
    {"en": _english, "ro": _romanian, "pl": _polish, "he": _english})
"""Which of a language's forms a count takes (CLDR's rules for the cardinal numbers used here)."""


def counted(language: str, forms: Forms, n: int) -> str:
    """``counted("en", ("{n} idea", "{n} ideas"), 3)`` -> ``3 ideas``: the form the language's plural rule picks."""
    rule = PLURAL_RULES.get(language, _english)
    return forms[min(rule(n), len(forms) - 1)].format(n=n)
