"""A locale -> the words of the site's own pages (navigation, headings, buttons, table heads) in its language."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from journeygen.locale import Forms, counted, language_of, words
from journeygen.spec.model import RTL_LANGUAGES


@dataclass(frozen=True)
class SiteWords:
    """Every word the site writes that does not come from a spec (locales/*.yaml, section ``site``)."""

    title: str
    nav: tuple[str, str, str, str]
    journeys: Forms
    stages: Forms
    index_lead: str
    actions_link: str
    facts: tuple[str, str, str, str, str]
    lowest: str
    not_committed: str
    zoom: str
    zoom_out: str
    zoom_in: str
    fit: str
    show_persona: str
    everyone: str
    downloads: str
    download_labels: tuple[str, str, str, str]
    viewport: str
    hint: str
    journeys_heading: str
    persona_columns: tuple[str, str, str]
    no_personas: str
    actions_lead: str
    idea_columns: tuple[str, str, str, str, str, str]
    no_owner: str
    overdue: str
    no_ideas: str
    report: str
    report_lead: str
    sections: tuple[str, str, str, str]
    emotion_columns: tuple[str, str, str, str, str]
    pain_columns: tuple[str, str, str]
    metric_columns: tuple[str, str, str, str, str, str]
    no_scores: str
    none: str
    language: str = "en"
    """The catalogue's language (``ro`` for ``ro-RO``), which picks plural forms and the direction."""

    @property
    def direction(self) -> str:
        """``rtl`` for a right-to-left language (Hebrew), else ``ltr``."""
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    def count(self, forms: Forms, n: int) -> str:
        """``count(words.journeys, 3)`` -> ``3 journey maps``, in the form the language's plural rule picks."""
        return counted(self.language, forms, n)


@cache
def site_words(locale: str) -> SiteWords:
    """The site's words for a BCP 47 locale's language; English when journeygen does not speak it."""
    return replace(words(SiteWords, locale, "site"), language=language_of(locale))
