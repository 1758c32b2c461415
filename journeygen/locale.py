"""A BCP 47 locale -> the language journeygen speaks for it, and that language's words (journeygen/locales/*.yaml).

A new language is one file: every catalogue holds every key of ``en.yaml`` (checked by the tests).
"""

from __future__ import annotations

import dataclasses
import importlib.resources
from functools import cache
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

ALIASES = {"iw": "he"}
"""Old language codes some systems still send, -> the code of the catalogue."""


@cache
def languages() -> tuple[str, ...]:
    """The languages journeygen has a catalogue for, English first."""
    folder = importlib.resources.files("journeygen") / "locales"
    found = sorted(f.name.removesuffix(".yaml") for f in folder.iterdir() if f.name.endswith(".yaml"))
    return ("en", *(code for code in found if code != "en"))


def language_of(locale: str) -> str:
    """``ro-RO`` -> ``ro``; a language without a catalogue -> ``en``."""
    language = locale.split("-")[0].lower()
    language = ALIASES.get(language, language)
    return language if language in languages() else "en"


@cache
def catalogue(language: str) -> dict[str, Any]:
    """Every word of one language, by section (``map``, ``pdf``); loaded once per process."""
    text = (importlib.resources.files("journeygen") / "locales" / f"{language}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def words(kind: type[T], locale: str, section: str) -> T:
    """The dataclass ``kind`` filled from one section of the locale's catalogue (YAML lists -> tuples)."""
    data = catalogue(language_of(locale))[section]
    shapes = {f.name: str(f.type) for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    return kind(**{key: tuple(value) if shapes[key].startswith(("tuple", "Forms")) else value
                   for key, value in data.items()})
