"""A locale -> the words the map itself adds (lane titles, legend, "target", statuses) in that language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from journeygen.spec.model import LANE_TITLES


@dataclass(frozen=True)
class Words:
    """Every word the layout draws that does not come from the spec."""

    moment_of_truth: str = "Moment of truth"
    micro: str = "Micro-journey"
    micro_in: str = "Micro-journey in {stage}: {name}"
    via: str = "via {touchpoint}"
    due: str = "due {date}"
    impact: tuple[str, str, str] = ("impact low", "impact medium", "impact high")
    effort: tuple[str, str, str] = ("effort low", "effort medium", "effort high")
    status: dict[str, str] = field(default_factory=lambda: {
        "idea": "idea", "planned": "planned", "in-progress": "in progress", "blocked": "blocked", "done": "done",
        "dropped": "dropped"})
    target: str = "target {value}"
    ahead: str = "▲ ahead of target"
    behind: str = "▼ behind target"
    goals: str = "Goals"
    frustrations: str = "Frustrations"
    channels: str = "Channels"
    paths: str = "Paths"
    steps: str = "Steps"
    scores: tuple[str, str, str, str, str] = ("very negative", "negative", "neutral", "positive", "very positive")
    pain_point: str = "pain point"
    skips: str = "skips ahead"
    back: str = "goes back"
    lanes: dict[str, str] = field(default_factory=lambda: dict(LANE_TITLES))
    summary: str = "Customer journey map for {people}"
    stage_count: str = "{n} stage(s)"
    feels: str = "feels {feeling}"
    of_five: str = "{score} of 5"
    path: str = "Path from {source} to {target}"

    def level(self, kind: tuple[str, str, str], level: str) -> str:
        return kind[("low", "medium", "high").index(level)]

    def score(self, score: int) -> str:
        return self.scores[score - 1]


_WORDS: Mapping[str, Words] = MappingProxyType({
    "en": Words(),
    "ro": Words(
        moment_of_truth="Momentul adevărului", micro="Micro-parcurs", micro_in="Micro-parcurs în {stage}: {name}",
        via="prin {touchpoint}", due="termen {date}", impact=("impact scăzut", "impact mediu", "impact ridicat"),
        effort=("efort scăzut", "efort mediu", "efort ridicat"),
        status={"idea": "idee", "planned": "planificat", "in-progress": "în lucru", "blocked": "blocat",
                "done": "finalizat", "dropped": "abandonat"},
        target="țintă {value}", ahead="▲ țintă atinsă", behind="▼ țintă neatinsă", goals="Obiective",
        frustrations="Frustrări", channels="Canale", paths="Trasee", steps="Pași",
        scores=("foarte negativ", "negativ", "neutru", "pozitiv", "foarte pozitiv"), pain_point="punct de durere",
        skips="sare înainte", back="se întoarce",
        lanes={"actions": "Acțiuni", "touchpoints": "Puncte de contact", "motivations": "Motivații",
               "emotions": "Emoții", "pain_points": "Puncte de durere", "ideas": "Idei", "metrics": "Indicatori"},
        summary="Harta parcursului clientului pentru {people}", stage_count="{n} etape", feels="se simte {feeling}",
        of_five="{score} din 5", path="Traseu de la {source} la {target}"),
    "pl": Words(
        moment_of_truth="Moment prawdy", micro="Mikropodróż", micro_in="Mikropodróż w etapie {stage}: {name}",
        via="przez {touchpoint}", due="termin {date}", impact=("wpływ niski", "wpływ średni", "wpływ wysoki"),
        effort=("nakład niski", "nakład średni", "nakład wysoki"),
        status={"idea": "pomysł", "planned": "zaplanowane", "in-progress": "w toku", "blocked": "zablokowane",
                "done": "zrobione", "dropped": "porzucone"},
        target="cel {value}", ahead="▲ cel osiągnięty", behind="▼ cel nieosiągnięty", goals="Cele",
        frustrations="Frustracje", channels="Kanały", paths="Ścieżki", steps="Kroki",
        scores=("bardzo negatywne", "negatywne", "neutralne", "pozytywne", "bardzo pozytywne"), pain_point="problem",
        skips="przeskok naprzód", back="powrót",
        lanes={"actions": "Działania", "touchpoints": "Punkty styku", "motivations": "Motywacje",
               "emotions": "Emocje", "pain_points": "Problemy", "ideas": "Pomysły", "metrics": "Wskaźniki"},
        summary="Mapa podróży klienta: {people}", stage_count="Etapy ({n})", feels="odczucie: {feeling}",
        of_five="{score} z 5", path="Ścieżka z etapu {source} do etapu {target}"),
    "he": Words(
        moment_of_truth="רגע האמת", micro="מיקרו-מסע", micro_in="מיקרו-מסע בשלב {stage}: {name}",
        via="דרך {touchpoint}", due="עד {date}", impact=("השפעה נמוכה", "השפעה בינונית", "השפעה גבוהה"),
        effort=("מאמץ נמוך", "מאמץ בינוני", "מאמץ גבוה"),
        status={"idea": "רעיון", "planned": "מתוכנן", "in-progress": "בביצוע", "blocked": "חסום", "done": "הושלם",
                "dropped": "בוטל"},
        target="יעד {value}", ahead="▲ עומד ביעד", behind="▼ לא עומד ביעד", goals="מטרות", frustrations="תסכולים",
        channels="ערוצים", paths="מסלולים", steps="צעדים",
        scores=("שלילי מאוד", "שלילי", "נייטרלי", "חיובי", "חיובי מאוד"), pain_point="נקודת כאב",
        skips="דילוג קדימה", back="חזרה אחורה",
        lanes={"actions": "פעולות", "touchpoints": "נקודות מגע", "motivations": "מניעים", "emotions": "רגשות",
               "pain_points": "נקודות כאב", "ideas": "רעיונות", "metrics": "מדדים"},
        summary="מפת מסע לקוח עבור {people}", stage_count="{n} שלבים", feels="תחושה: {feeling}",
        of_five="{score} מתוך 5", path="מסלול מהשלב {source} אל השלב {target}"),
})


def languages() -> tuple[str, ...]:
    """The language codes journeygen has words for (``en`` first)."""
    return tuple(_WORDS)


def words_for(locale: str) -> Words:
    """The words for a BCP 47 locale's language; English when journeygen does not speak it."""
    language = locale.split("-")[0].lower()
    return _WORDS.get({"iw": "he"}.get(language, language), _WORDS["en"])
