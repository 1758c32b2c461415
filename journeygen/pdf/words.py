"""A locale -> the words the PDF sets around the drawings (headings, table heads, captions, footer) in its language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

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


@dataclass(frozen=True)
class PdfWords:
    """Every word the PDF sets around the drawings that does not come from the spec."""

    language: str = "en"
    direction: str = "ltr"
    persona: str = "Persona"
    personas: str = "Personas"
    action_list: str = "Action list"
    pains_by_stage: str = "Pain points by stage"
    columns: tuple[str, str, str, str, str, str, str] = ("Stage", "Idea", "Owner", "Due", "Impact", "Effort",
                                                         "Status")
    pain_columns: tuple[str, str, str] = ("Stage", "Emotion", "Pain points")
    impact_levels: tuple[str, str, str] = ("low", "medium", "high")
    effort_levels: tuple[str, str, str] = ("low", "medium", "high")
    ideas: Forms = ("{n} idea", "{n} ideas")
    owners: Forms = ("{n} owner", "{n} owners")
    no_ideas: str = "No ideas yet: add them to the stages' ideas lane."
    no_owner: str = "No owner yet"
    template: str = "Workshop template"
    workshop: str = "Customer journey workshop"
    fields: tuple[str, str, str] = ("Persona", "Team", "Date")
    size: str = "{width} × {height} mm"
    cell: str = "Each cell {size}"
    fits: str = "{cell}: fits {note} sticky notes. Place one note per action, touchpoint, pain point or idea."
    too_small: str = "{cell}: for sticky notes, print on a larger sheet (--page A1 or A0)."
    tile: str = ("{poster} poster · sheet {sheet} · row {row} of {rows}, column {col} of {cols} · {index}/{count} "
                 "· trim along the dashed line, glue over the neighbour")
    journey_map: str = "Journey map"
    poster_map: str = "Journey map (poster)"
    page: str = "Page {page} of {pages}"
    pack: str = "Workshop pack"
    contents: str = "Contents"
    stages: Forms = ("{n} stage", "{n} stages")
    persona_count: Forms = ("{n} persona", "{n} personas")
    journeys: Forms = ("{n} journey", "{n} journeys")
    commit: str = "commit {id}"
    modified: str = "commit {id} (modified)"
    untracked: str = "commit {id} (file not committed)"

    def count(self, forms: Forms, n: int) -> str:
        """``count(words.ideas, 3)`` -> ``3 ideas``: the form the language's plural rule picks for ``n``."""
        rule = PLURAL_RULES.get(self.language, _english)
        return forms[min(rule(n), len(forms) - 1)].format(n=n)

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]


_WORDS: Mapping[str, PdfWords] = MappingProxyType({
    "en": PdfWords(),
    "ro": PdfWords(
        language="ro", persona="Persona", personas="Persone", action_list="Listă de acțiuni",
        pains_by_stage="Puncte de durere pe etape",
        columns=("Etapă", "Idee", "Responsabil", "Termen", "Impact", "Efort", "Stare"),
        pain_columns=("Etapă", "Emoție", "Puncte de durere"), impact_levels=("scăzut", "mediu", "ridicat"),
        effort_levels=("scăzut", "mediu", "ridicat"), ideas=("{n} idee", "{n} idei", "{n} de idei"),
        owners=("{n} responsabil", "{n} responsabili", "{n} de responsabili"),
        no_ideas="Nicio idee încă: adăugați-le pe culoarul „Idei” al etapelor.", no_owner="Fără responsabil",
        workshop="Atelier despre parcursul clientului",
        template="Șablon de atelier", fields=("Persona", "Echipa", "Data"), cell="Fiecare celulă: {size}",
        fits="{cell}; încap bilețele adezive de {note}. Puneți câte un bilețel pentru fiecare acțiune, punct de "
             "contact, punct de durere sau idee.",
        too_small="{cell}; pentru bilețele adezive, tipăriți pe o foaie mai mare (--page A1 sau A0).",
        tile="Poster {poster} · foaia {sheet} · rândul {row} din {rows}, coloana {col} din {cols} · {index}/{count} "
             "· tăiați pe linia întreruptă, lipiți peste foaia vecină",
        journey_map="Harta parcursului", poster_map="Harta parcursului (poster)", page="Pagina {page} din {pages}",
        pack="Materiale de atelier", contents="Cuprins", stages=("{n} etapă", "{n} etape", "{n} de etape"),
        persona_count=("{n} persona", "{n} persone", "{n} de persone"),
        journeys=("{n} parcurs", "{n} parcursuri", "{n} de parcursuri"),
        modified="commit {id} (modificat)", untracked="commit {id} (fișier necomis)"),
    "pl": PdfWords(
        language="pl", persona="Persona", personas="Persony", action_list="Lista działań",
        pains_by_stage="Problemy według etapów",
        columns=("Etap", "Pomysł", "Właściciel", "Termin", "Wpływ", "Nakład", "Status"),
        pain_columns=("Etap", "Emocje", "Problemy"), impact_levels=("niski", "średni", "wysoki"),
        effort_levels=("niski", "średni", "wysoki"), ideas=("{n} pomysł", "{n} pomysły", "{n} pomysłów"),
        owners=("{n} właściciel", "{n} właściciele", "{n} właścicieli"),
        no_ideas="Brak pomysłów: dodaj je do ścieżki „Pomysły” w etapach.", no_owner="Bez właściciela",
        workshop="Warsztat ścieżki klienta",
        template="Szablon warsztatu", fields=("Persona", "Zespół", "Data"), cell="Każda komórka: {size}",
        fits="{cell}; mieszczą się karteczki samoprzylepne {note}. Jedna karteczka na każde działanie, punkt "
             "styku, problem lub pomysł.",
        too_small="{cell}; na karteczki samoprzylepne wydrukuj na większym arkuszu (--page A1 lub A0).",
        tile="Plakat {poster} · arkusz {sheet} · rząd {row} z {rows}, kolumna {col} z {cols} · {index}/{count} "
             "· przytnij wzdłuż linii przerywanej, naklej na sąsiedni arkusz",
        journey_map="Mapa podróży", poster_map="Mapa podróży (plakat)", page="Strona {page} z {pages}",
        pack="Materiały warsztatowe", contents="Spis treści", stages=("{n} etap", "{n} etapy", "{n} etapów"),
        persona_count=("{n} persona", "{n} persony", "{n} person"),
        journeys=("{n} podróż", "{n} podróże", "{n} podróży"),
        modified="commit {id} (zmieniony)", untracked="commit {id} (plik poza repozytorium)"),
    "he": PdfWords(
        language="he", direction="rtl", persona="פרסונה", personas="פרסונות", action_list="רשימת פעולות",
        pains_by_stage="נקודות כאב לפי שלב",
        columns=("שלב", "רעיון", "אחראי", "תאריך יעד", "השפעה", "מאמץ", "סטטוס"),
        pain_columns=("שלב", "רגש", "נקודות כאב"), impact_levels=("נמוכה", "בינונית", "גבוהה"),
        effort_levels=("נמוך", "בינוני", "גבוה"), ideas=("רעיון אחד", "{n} רעיונות"),
        owners=("אחראי אחד", "{n} אחראים"),
        no_ideas="אין עדיין רעיונות: הוסיפו אותם לנתיב הרעיונות של השלבים.", no_owner="ללא אחראי",
        workshop="סדנת מסע לקוח",
        template="תבנית לסדנה", fields=("פרסונה", "צוות", "תאריך"), size="{width} × {height} מ״מ", cell="כל תא: {size}",
        fits="{cell}, מתאים לפתקים דביקים בגודל {note}. הדביקו פתק אחד לכל פעולה, נקודת מגע, נקודת כאב או רעיון.",
        too_small="{cell}; לפתקים דביקים, הדפיסו על גיליון גדול יותר (A1 או A0).",
        tile="פוסטר {poster} · גיליון {sheet} · שורה {row} מתוך {rows}, עמודה {col} מתוך {cols} · {index}/{count} "
             "· גזרו לאורך הקו המקווקו והדביקו על הגיליון השכן",
        journey_map="מפת המסע", poster_map="מפת המסע (פוסטר)", page="עמוד {page} מתוך {pages}",
        pack="חוברת סדנה", contents="תוכן העניינים", stages=("שלב אחד", "{n} שלבים"),
        persona_count=("פרסונה אחת", "{n} פרסונות"), journeys=("מסע אחד", "{n} מסעות"),
        commit="קומיט {id}", modified="קומיט {id} (שונה)", untracked="קומיט {id} (הקובץ לא נכלל בקומיט)"),
})


def pdf_words_for(locale: str) -> PdfWords:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    language = locale.split("-")[0].lower()
    return _WORDS.get({"iw": "he"}.get(language, language), _WORDS["en"])
