"""Plain data -> the frozen, normalised Journey (the pydantic model of SPEC.md, format v1).

Unlike the rest of the package, this module does not postpone its annotations (``from __future__ import
annotations``): pydantic reads the fields' annotations when each model is built, at every start, and
would otherwise compile each one from its text (about 2 ms of the 5-stage example's render).
"""

import datetime as dt
import math
import os
import re
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue, SkipJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from journeygen.locale import catalogue
from journeygen.spec.checks import dangling, out_of_scale
from journeygen.spec.loader import format_path
from journeygen.spec.mermaid_options import MermaidOptions
from journeygen.spec.text import Id, Text, slug

MAX_STAGES = int(os.environ.get("JOURNEYGEN_MAX_STAGES", "") or 1000)
MAX_ITEMS = int(os.environ.get("JOURNEYGEN_MAX_ITEMS", "") or 500)

BUILTIN_LANES: tuple[str, ...] = (
    "evidence",
    "actions",
    "touchpoints",
    "motivations",
    "emotions",
    "pain_points",
    "frontstage",
    "backstage",
    "support",
    "ideas",
    "metrics",
)
"""In their default order, top to bottom (the customer's lanes, then the service blueprint's layers)."""
BLUEPRINT_LANES: tuple[str, ...] = ("evidence", "frontstage", "backstage", "support")
Layer = Literal["customer", "frontstage", "backstage", "support"]
LAYERS: tuple[Layer, ...] = ("customer", "frontstage", "backstage", "support")
"""A service blueprint's layers, top to bottom; a line separates each from the next."""
LANE_LAYERS: dict[str, Layer] = {
    **dict.fromkeys(("evidence", "actions", "touchpoints", "motivations"), "customer"),
    "frontstage": "frontstage", "backstage": "backstage", "support": "support",
}
"""The layer of each built-in lane that has one: emotions, pain points, ideas and metrics read the whole
column, so a blueprint may put them after its support layer without crossing back."""
LANE_TITLES: dict[str, str] = dict(catalogue("en")["map"]["lanes"])
"""Each built-in lane's English title (journeygen/locales/en.yaml)."""
DANGLING = "dangling_reference"
"""The pydantic error type of findings placed one by one in the file: ids that name no persona or stage, and
emotion scores off the map's scale (see spec.checks)."""
UNCHECKED_REFERENCES = {"references": "unchecked"}
"""The validation context that lets a Journey with dangling references through (spec.build, once it has them)."""
CUSTOM_KEY = "custom_lanes"
"""Where a stage's custom-lane items are gathered; users write them as ``<lane id>: [...]``."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _Shorthand(_Model):
    """A model that may also be written as a bare string, filling ``__short_field__``."""

    __short_field__: ClassVar[str] = "text"

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, value: Any) -> Any:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return {cls.__short_field__: value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        full = handler.resolve_ref_schema(handler(schema))
        return {
            "anyOf": [{"type": "string", "description": f"Short for {{{cls.__short_field__}: ...}}"}, full],
            "description": full.get("description", ""),
        }


def _whole(what: str) -> Callable[[Any], Any]:
    """A check that a value is a whole number (not a boolean, text or 3.5), naming ``what`` it is."""
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            shown = getattr(value, "source", repr(value) if isinstance(value, str) else value)
            raise ValueError(f"{what} is a whole number, not {shown}")
        return value
    return check


_score = _whole("an emotion score")


REACH_LIMIT = 10**12
"""The largest `reach`: a trillion customers is more than any period has; a longer number is a typo."""


def _reach(value: Any) -> Any:
    """A whole number of customers from 0 to REACH_LIMIT (``1e6`` and ``'1000'`` too), or an error that says so."""
    whole_float = isinstance(value, float) and value.is_integer() and abs(value) <= REACH_LIMIT
    digits = isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,13}\s*", value) is not None
    number = int(value) if whole_float or digits else value
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= REACH_LIMIT:
        shown = str(getattr(value, "source", repr(value) if isinstance(value, str) else value))
        shown = shown if len(shown) <= 40 else f"{shown[:30]}... ({len(shown)} characters)"
        raise ValueError(f"reach is a whole number of customers from 0 to {REACH_LIMIT} (a trillion), not {shown}")
    return number


Reach = Annotated[int, BeforeValidator(_reach), Field(ge=0, le=REACH_LIMIT)]


SCALE_LIMIT = 10
"""Scale ends lie in -10..10 and a scale spans at most 11 points (0..10): more is no longer a feeling."""

Score = Annotated[int, BeforeValidator(_score), Field(
    json_schema_extra={"minimum": -SCALE_LIMIT, "maximum": SCALE_LIMIT},
    description="On the map's `emotion_scale` (default 1 very negative .. 5 very positive).")]
"""Checked against the map's scale by the Journey (spec.checks.out_of_scale), which knows the scale."""
ScaleEnd = Annotated[int, BeforeValidator(_whole(f"an end of the emotion scale (from {-SCALE_LIMIT} to "
                                                 f"{SCALE_LIMIT})")), Field(ge=-SCALE_LIMIT, le=SCALE_LIMIT)]


class ScaleLabels(_Model):
    """Words for the ends of an emotion scale, shown in the legend."""

    min: Text | None = Field(None, description="What the lowest score means, e.g. `furious`.")
    max: Text | None = Field(None, description="What the highest score means, e.g. `delighted`.")


class EmotionScale(_Model):
    """The range of the map's emotion scores: `min` (the worst feeling) to `max` (the best); default 1..5."""

    min: ScaleEnd = Field(
        1, description="The lowest score, the worst feeling (-10..10).")
    max: ScaleEnd = Field(
        5, description="The highest score, the best feeling (-10..10).")
    labels: ScaleLabels = Field(
        default_factory=ScaleLabels, description="Words for the ends: `{min: furious, max: delighted}`.")

    @model_validator(mode="after")
    def _span(self) -> Self:
        if self.min >= self.max:
            raise ValueError(f"`min` ({self.min}) must be below `max` ({self.max})")
        if self.max - self.min > SCALE_LIMIT:
            raise ValueError(f"a scale spans at most {SCALE_LIMIT + 1} points (e.g. 0..10), not {self}")
        return self

    def __str__(self) -> str:
        return f"{self.min}..{self.max}"

    @property
    def described(self) -> str:
        """The range and the end labels given: ``-2..2, min: furious, max: delighted`` (what diff compares)."""
        ends = [f"{end}: {label}" for end, label in (("min", self.labels.min), ("max", self.labels.max)) if label]
        return ", ".join([str(self), *ends])

    @property
    def default(self) -> bool:
        """True for journeygen's own 1..5."""
        return (self.min, self.max) == (1, 5)

    @property
    def landmarks(self) -> tuple[int, ...]:
        """The top, the middle (when it is a whole score) and the bottom: what a key to the scale shows."""
        middle = ((self.min + self.max) // 2,) if (self.min + self.max) % 2 == 0 else ()
        return (self.max, *middle, self.min)

    def label(self, score: int) -> str | None:
        """The scale's own word for an end score, if it gives one."""
        return self.labels.max if score == self.max else self.labels.min if score == self.min else None

    def contains(self, score: int) -> bool:
        return self.min <= score <= self.max

    def refusal(self, score: int) -> str:
        """Why ``score`` is refused on this scale."""
        if self.default:
            return f"an emotion score is a whole number from 1 to 5, not {score}"
        return f"score {score} is outside this map's emotion_scale {self}"

    def five(self, score: float) -> float:
        """The score's place on journeygen's 1..5 (1 the scale's min, 3 its middle, 5 its max)."""
        return 1 + 4 * (score - self.min) / (self.max - self.min)

    def spans_on_five(self, change: int, points: int) -> bool:
        """Whether a change of ``change`` on this scale is at least ``points`` on 1..5, in proportion; exact
        (whole numbers: 7 -> 2 on 0..10 is 2 on 1..5, which floats make 1.9999999999999998)."""
        return change * 4 >= points * (self.max - self.min)

    def same_range(self, other: Self) -> bool:
        """Whether scores mean the same on both scales (their end labels may differ)."""
        return (self.min, self.max) == (other.min, other.max)

    def nearest_five(self, score: float) -> int:
        """The whole number of 1..5 nearest the score's place, halves rounded up (Mermaid's scores, the words)."""
        return math.floor(self.five(score) + 0.5)

    def shown(self, score: float) -> str:
        """A score with its scale: ``3/5``, ``7/10``, ``-1 on -2..2``."""
        value = f"{score:g}"
        return f"{value}/{self.max}" if self.min in (0, 1) else f"{value} on {self}"


DEFAULT_SCALE = EmotionScale()


Confidence = Literal["assumed", "observed", "measured"]
_LINK_SCHEMES = ("http://", "https://")
_ENGLISH_QUOTES = "\u201c{}\u201d"


class Evidence(_Shorthand):
    """What a claim rests on: a source (interview, ticket export, dataset), a quote, a link (or a bare source)."""

    __short_field__ = "source"
    source: Text = Field(description="Where it comes from, e.g. `Interview 7` or `Ticket export Q3`.")
    quote: Text | None = Field(None, description="The words of the source, shown in full in the tooltip and the PDF.")
    link: Text | None = Field(
        None, description="An http(s) URL, or a path inside the project (e.g. `research/int-07.md`); written as a "
                          "link, never fetched."
    )

    @field_validator("link")
    @classmethod
    def _safe_link(cls, value: str | None) -> str | None:
        if value is None or value.lower().startswith(_LINK_SCHEMES):
            return value
        if ":" in value.split("/")[0] or value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/"):
            raise ValueError(f"a link is an http(s) URL or a relative path inside the project, not {value!r}")
        return value

    @property
    def cited(self) -> str:
        """The source as the spreadsheet cites it, ``Interview 7 \u201cI felt tricked\u201d <research/int-07.md>``:
        English marks in every language, which the spreadsheet's importer reads back."""
        return self.cite(_ENGLISH_QUOTES.format)

    def cite(self, quoted: Callable[[str], str]) -> str:
        """The source with its quote (``quoted`` puts it between a language's marks) and link."""
        quote = f" {quoted(self.quote)}" if self.quote else ""
        link = f" <{self.link}>" if self.link else ""
        return f"{self.source}{quote}{link}"


EvidenceField = Annotated[tuple[Evidence, ...], Field(
    max_length=MAX_ITEMS, description="What this rests on: sources as strings, or `{source, quote, link}`.")]
ConfidenceField = Annotated[Confidence | None, Field(
    description="How sure the team is: `assumed` (drawn with a dashed outline), `observed` or `measured`.")]


class Emotion(_Model):
    """How the persona feels: a score on the map's scale (default 1..5), a label and note (or a bare score)."""

    score: Score = Field(description="On the map's `emotion_scale`; by default 1 very negative, 2 negative, "
                                     "3 neutral, 4 positive, 5 very positive.")
    label: Text | None = Field(None, description="A word or two shown next to the point on the curve, e.g. `curious`.")
    note: Text | None = Field(None, description="Longer text: a quote from an interview, the reason for the score.")
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, value: Any) -> Any:
        return {"score": _score(value)} if not isinstance(value, dict) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        full = handler.resolve_ref_schema(handler(schema))
        score = {"type": "integer", "minimum": -SCALE_LIMIT, "maximum": SCALE_LIMIT}
        return {"anyOf": [score, full], "description": full.get("description", "")}


EMOTION_KEYS = frozenset({"score", "label", "note", "evidence", "confidence"})


def _emotion_shape(value: Any) -> str:
    """``{maria: 3, ion: 4}`` is one score per persona; a mapping using Emotion's own keys is one emotion."""
    per_persona = isinstance(value, dict) and value and not EMOTION_KEYS & value.keys()
    return "per_persona" if per_persona else "single"


EmotionField = Annotated[
    Annotated[Emotion, Tag("single")] | Annotated[dict[Id, Emotion], Tag("per_persona")],
    Discriminator(_emotion_shape),
]
EMOTION_TAGS = ("single", "per_persona")


class Persona(_Model):
    """Someone the journey follows."""

    id: Id = Field(description="Unique; defaults to a slug of the name.")
    name: Text = Field(description="Shown on the persona card and in legends.")
    description: Text | None = Field(None, description="Who they are: age, role, context.")
    photo: Text | None = Field(
        None, description="A local image file (PNG, JPEG, GIF or WebP), relative to the spec file and inside "
                          "its project."
    )
    quote: Text | None = Field(None, description="Their words, from research.")
    goals: tuple[Text, ...] = Field((), description="What they want to achieve.")
    frustrations: tuple[Text, ...] = Field((), description="What gets in their way.")
    channels: tuple[Text, ...] = Field((), description="Channels they use, e.g. Instagram, web shop, e-mail.")

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, value: Any) -> Any:
        return _with_slug_id(value)


class Action(_Shorthand):
    """Something the customer does (or a bare string)."""

    text: Text = Field(description="What the customer does, e.g. `Compares prices`.")
    persona: Id | None = Field(None, description="The persona doing it, when the map has several.")
    personas: tuple[Id, ...] | None = Field(
        None, max_length=50, description="Several personas doing it together, in this order (instead of `persona`); "
        "`[]`: no one named, as a Mermaid task without actors."
    )
    touchpoint: Text | None = Field(None, description="Where it happens, e.g. `web shop`.")
    emotion: Score | None = Field(None, description="How this one action feels; the curve passes through it.")
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if self.persona is not None and self.personas is not None:
            raise ValueError("give `persona` or `personas`, not both")
        listed = self.personas or ()
        twice = sorted({p for p in listed if listed.count(p) > 1})
        if twice:
            raise ValueError(f"`personas` names {', '.join(map(repr, twice))} more than once")
        return self

    @property
    def named(self) -> tuple[str, ...]:
        """The ids of the personas the action names, in order (none: it concerns every persona)."""
        return self.personas if self.personas is not None else (self.persona,) if self.persona else ()

    def concerns(self, persona: str) -> bool:
        """True when the persona does this action; one that names no one concerns every persona."""
        return not self.named or persona in self.named


class Touchpoint(_Shorthand):
    """Where the customer meets the brand (or a bare string, the name)."""

    __short_field__ = "name"
    name: Text = Field(description="e.g. `Instagram ad`, `checkout page`, `call centre`.")
    channel: Text | None = Field(
        None, description="e.g. web, app, social, e-mail, phone, store; touchpoints of one channel share a colour."
    )
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None


_ONE_OR_MANY_IDS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


Level = Literal["low", "medium", "high"]
Status = Literal["idea", "planned", "in-progress", "blocked", "done", "dropped"]


class Idea(_Shorthand):
    """An optimisation idea: what the team will change (or a bare string)."""

    text: Text = Field(description="What to change, e.g. `Size-finder quiz`.")
    owner: Text | None = Field(None, description="Who will do it: a person or a team.")
    due: dt.date | None = Field(None, description="ISO date, e.g. 2026-03-31.")
    impact: Level | None = Field(None, description="Expected effect on the experience: low, medium or high.")
    effort: Level | None = Field(None, description="Cost to build: low, medium or high.")
    status: Status | None = Field(None, description="idea, planned, in-progress, blocked, done or dropped.")
    addresses: Annotated[tuple[Id, ...], WithJsonSchema(_ONE_OR_MANY_IDS)] = Field(
        (), description="The ids of the pain points (of any stage) this idea fixes."
    )
    reach: Reach | None = Field(
        None, description="How many customers it reaches in a period (for the RICE score), at most a trillion."
    )
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None

    @field_validator("addresses", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        return value.strip().lower().replace("_", "-").replace(" ", "-") if isinstance(value, str) else value


class Metric(_Shorthand):
    """A measure of the stage, e.g. conversion rate, CSAT, NPS (or a bare string)."""

    __short_field__ = "name"
    name: Text = Field(description="e.g. Conversion rate, CSAT, NPS, CES, retention.")
    value: Text | None = Field(None, description="As written: `1.2%`, `4.1`, `+32`.")
    target: Text | None = Field(None, description="The goal, written like the value: `2%`, `4.5`.")
    better: Literal["higher", "lower"] | None = Field(
        None, description="Which way is good: `higher` or `lower`. It decides the ahead/behind verdict; without "
                          "it only a metric whose whole name has a conventional direction (NPS, churn rate, ...) "
                          "gets one.")
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None


class PainPoint(_Shorthand):
    """What hurts (or a bare string)."""

    text: Text = Field(description="What hurts, e.g. `Delivery cost appears only at the end`.")
    id: Id | None = Field(None, description="Unique among pain points; lets ideas say which pains they address.")
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None


class BlueprintItem(_Shorthand):
    """A step of the service behind the customer's (or physical evidence), or a bare string."""

    text: Text = Field(description="What happens, e.g. `Order written to ERP`.")
    id: Id | None = Field(None, description="Unique among blueprint items; lets another item `triggers:` this one.")
    actor: Text | None = Field(None, description="Who or what does it: a team, a role or a system.")
    triggers: Annotated[tuple[Id, ...], WithJsonSchema(_ONE_OR_MANY_IDS)] = Field(
        (), description="The id (or ids) of items of this stage that this one sets off, usually in the next "
                        "layer; drawn as an arrow down the column."
    )
    evidence: EvidenceField = ()
    confidence: ConfidenceField = None

    @field_validator("triggers", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class MicroStep(_Shorthand):
    """One step of a micro-journey (or a bare string, its name)."""

    __short_field__ = "name"
    name: Text = Field(description="What happens in this step.")
    touchpoint: Text | None = Field(None, description="Where the step happens.")
    emotion: Score | None = Field(None, description="How the step feels, on the map's emotion_scale.")


class MicroJourney(_Model):
    """A short, task-focused journey inside a stage (a checkout, a chatbot exchange)."""

    name: Text = Field(description="e.g. `Checkout` or `Chatbot exchange`.")
    description: Text | None = Field(None, description="What the micro-journey covers.")
    steps: tuple[MicroStep, ...] = Field(min_length=1, max_length=MAX_ITEMS, description="The small moments, in order.")
    use: Text | None = Field(
        None, description="Another map of the project, relative to this file: its stages are the steps, its "
                          "title the name, and the map links to its rendering."
    )


class StageLink(_Model):
    """A link from a stage to another map of the project (`{use: returns.journey.yaml, label: Returns}`)."""

    use: Text = Field(description="The other map, relative to this file and inside the project.")
    label: Text | None = Field(None, description="The link's text; default: the other map's title.")


class Stage(_Model):
    """One column of the map: a phase of the relationship."""

    model_config = ConfigDict(
        json_schema_extra={
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Items of a custom lane declared in `lanes`",
            }
        }
    )

    id: Id = Field(description="Unique; defaults to a slug of the name.")
    name: Text = Field(description="Shown at the top of the column.")
    description: Text | None = Field(None, description="What this stage is about.")
    evidence: tuple[BlueprintItem, ...] = Field(
        (), max_length=MAX_ITEMS, description="Physical evidence: what the customer sees or keeps (an e-mail, "
                                              "a receipt, a sign)."
    )
    actions: tuple[Action, ...] = Field(
        (),
        max_length=MAX_ITEMS,
        description="What the customer does: strings, or `{text, persona, touchpoint, emotion}`.",
    )
    motivations: tuple[Text, ...] = Field((), max_length=MAX_ITEMS, description="Why they do it.")
    touchpoints: tuple[Touchpoint, ...] = Field(
        (), max_length=MAX_ITEMS, description="Where they meet the brand: strings, or `{name, channel}`."
    )
    frontstage: tuple[BlueprintItem, ...] = Field(
        (), max_length=MAX_ITEMS, description="What the customer sees staff or systems do: strings, or "
                                              "`{text, id, actor, triggers}`."
    )
    backstage: tuple[BlueprintItem, ...] = Field(
        (), max_length=MAX_ITEMS, description="What staff or systems do out of the customer's sight."
    )
    support: tuple[BlueprintItem, ...] = Field(
        (), max_length=MAX_ITEMS, description="Supporting processes, systems and partners."
    )
    emotion: EmotionField | None = Field(
        None, description="A score, `{score, label, note}`, or one per persona: `{maria: 3, ion: 4}`."
    )
    pain_points: tuple[PainPoint, ...] = Field(
        (), max_length=MAX_ITEMS, description="What hurts: strings, or `{text, id, evidence, confidence}`."
    )
    ideas: tuple[Idea, ...] = Field(
        (),
        max_length=MAX_ITEMS,
        description="What the team will change: strings, or `{text, owner, due, impact, effort, status}`.",
    )
    metrics: tuple[Metric, ...] = Field(
        (), max_length=MAX_ITEMS, description="Measures: strings, or `{name, value, target, better}`."
    )
    moment_of_truth: StrictBool = Field(
        False, description="Highlight this stage as a moment that decides the relationship."
    )
    micro_journeys: tuple[MicroJourney, ...] = Field(
        (), max_length=MAX_ITEMS, description="Short task-level journeys inside this stage."
    )
    links: tuple[StageLink, ...] = Field(
        (), max_length=MAX_ITEMS, description="Other maps of the project this stage opens into: `{use, label}`."
    )
    custom_lanes: SkipJsonSchema[dict[str, tuple[Text, ...]]] = Field(
        default_factory=dict,
        description="Items of custom lanes; written in the spec as `<lane id>: [...]` on the stage.",
    )

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, value: Any) -> Any:
        return _with_slug_id(value)

    def emotion_for(self, persona: str) -> Emotion | None:
        """This stage's emotion for one persona (the shared one when not given per persona)."""
        if isinstance(self.emotion, dict):
            return self.emotion.get(persona)
        return self.emotion

    def items(self, lane: str) -> tuple[Any, ...]:
        """The items of a lane in this stage (built-in or custom)."""
        if lane in BUILTIN_LANES and lane != "emotions":
            return tuple(getattr(self, lane))
        return self.custom_lanes.get(lane, ())


class Lane(_Shorthand):
    """A row of the map: a built-in lane id, or ``{id, title}`` for a custom one."""

    __short_field__ = "id"
    id: Id = Field(
        description="A built-in lane (evidence, actions, touchpoints, motivations, emotions, pain_points, frontstage, "
        "backstage, support, ideas, metrics) or a custom id."
    )
    title: Text | None = Field(
        None, description="Shown at the start of the row; defaults to the built-in lane's title."
    )
    layer: Layer | None = Field(
        None, description="The service-blueprint layer of a custom lane: customer, frontstage, backstage or support; "
                          "lines are drawn where the lane order crosses layers."
    )

    @model_validator(mode="before")
    @classmethod
    def _known_or_declared(cls, value: Any) -> Any:
        if isinstance(value, str) and value not in BUILTIN_LANES:
            import difflib  # only for the hint: a valid spec never loads it

            hint = difflib.get_close_matches(value, BUILTIN_LANES, n=1)
            guess = f"did you mean {hint[0]!r}? " if hint else ""
            raise ValueError(f"{value!r} is not a built-in lane ({guess}a custom lane is written "
                             f"{{id: {value}, title: ...}})")
        return value

    @model_validator(mode="after")
    def _not_a_stage_field(self) -> Self:
        if self.id not in BUILTIN_LANES and self.id in Stage.model_fields:
            raise ValueError(f"a custom lane cannot be called {self.id!r}: stages use that key already")
        return self

    @property
    def label(self) -> str:
        """The title drawn for this lane."""
        return self.title or LANE_TITLES.get(self.id) or self.id.replace("_", " ").capitalize()

    @property
    def builtin(self) -> bool:
        """True for the lanes every stage can fill without declaring them."""
        return self.id in BUILTIN_LANES

    @property
    def layer_of(self) -> Layer | None:
        """The blueprint layer this lane is drawn in: as declared, else the built-in lane's."""
        return self.layer or LANE_LAYERS.get(self.id)


class Transition(_Model):
    """A step off the default path: a return to an earlier stage, a skip ahead."""

    source: Id = Field(alias="from", description="The id of the stage the customer leaves.")
    target: Id = Field(alias="to", description="The id of the stage the customer goes to.")
    label: Text | None = Field(None, description="Why the customer takes this path, shown on the arrow.")


LOCALE_PATTERN = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
"""A BCP 47 language tag, loosely: ``ro``, ``pt-BR``, ``he``."""


class Journey(_Model):
    """A customer journey map: personas followed through ordered stages."""

    journeygen: Literal[1] = Field(1, description="Format version.")
    title: Text = Field(description="Shown at the top of the map.")
    description: Text | None = Field(
        None, description="One or two sentences: scope, source of the data, as-is or to-be."
    )
    author: Text | None = Field(None, description="Shown in PDF metadata.")
    locale: Annotated[str, Field(pattern=LOCALE_PATTERN)] = Field(
        "en", description="BCP 47 tag; right-to-left scripts (he, ar, fa, ur, ...) mirror the layout."
    )
    theme: Text | None = Field(
        None, description="A built-in theme name or a path to a theme file, relative to the spec and inside "
                          "its project."
    )
    personas: tuple[Persona, ...] = Field(
        min_length=1, max_length=50, description="The people the journey follows (or write one as `persona:`)."
    )
    lanes: tuple[Lane, ...] | None = Field(
        None,
        max_length=50,
        description="Which lanes are drawn, top to bottom; default: the built-in lanes that have content.",
    )
    emotion_scale: EmotionScale = Field(
        default_factory=EmotionScale,
        description="The range of every emotion score: `{min: -2, max: 2, labels: {min: furious, "
                    "max: delighted}}`; default 1..5."
    )
    stages: tuple[Stage, ...] = Field(
        min_length=1, max_length=MAX_STAGES, description="The phases of the journey, in their default order."
    )
    transitions: tuple[Transition, ...] = Field(
        (), max_length=MAX_ITEMS, description="Paths off the default order: returns to an earlier stage, skips ahead."
    )
    mermaid: MermaidOptions | None = Field(
        None, description="How `-f mermaid` writes the journey diagram: title, accessibility texts, configuration."
    )

    @model_validator(mode="before")
    @classmethod
    def _normalise(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        value = dict(value)
        if "persona" in value and "personas" not in value:
            value["personas"] = [value.pop("persona")]
        custom = _custom_lane_ids(value.get("lanes"))
        if custom and isinstance(value.get("stages"), list):
            value["stages"] = [_gather_custom(stage, custom) for stage in value["stages"]]
        return value

    @field_validator("stages")
    @classmethod
    def _on_the_scale(cls, stages: tuple[Stage, ...], info: ValidationInfo) -> tuple[Stage, ...]:
        """Scores are checked here, against the scale validated just before (none if it was refused), so that
        a score off the scale is reported together with any other problem of the map."""
        scale = info.data.get("emotion_scale")
        found = out_of_scale(stages, scale) if isinstance(scale, EmotionScale) else []
        if found:
            message = "; ".join(f"{format_path(f.path)}: {f.message}" for f in found)
            raise PydanticCustomError(DANGLING, "{message}", {"message": message, "findings": found})
        return stages

    @model_validator(mode="after")
    def _references_exist(self, info: ValidationInfo) -> Self:
        """A dangling id is a validation error here, not a KeyError when the map is drawn; the findings
        travel in the error's context so that `spec.build` can place each one in the file (which, having
        them, may validate again with the context UNCHECKED_REFERENCES to look for other problems)."""
        found = [] if info.context == UNCHECKED_REFERENCES else dangling(self)
        if found:
            message = "; ".join(f"{format_path(f.path)}: {f.message}" for f in found)
            raise PydanticCustomError(DANGLING, "{message}", {"message": message, "findings": found})
        return self

    @property
    def rtl(self) -> bool:
        """True when the locale's script is written right to left."""
        return self.locale.split("-")[0].lower() in RTL_LANGUAGES

    @property
    def linked_maps(self) -> tuple[str, ...]:
        """The other maps this one links, by their ``use:`` paths as written: micro-journeys, then stage links."""
        micro = (m.use for s in self.stages for m in s.micro_journeys if m.use)
        return tuple(dict.fromkeys([*micro, *(link.use for s in self.stages for link in s.links)]))

    def lane_list(self) -> tuple[Lane, ...]:
        """The lanes to draw: as declared, else the built-in lanes that have content."""
        if self.lanes is not None:
            return self.lanes
        used = [lane for lane in BUILTIN_LANES if self._lane_used(lane)]
        return tuple(Lane(id=lane) for lane in used)

    def _lane_used(self, lane: str) -> bool:
        if lane == "emotions":
            return any(s.emotion is not None or any(a.emotion is not None for a in s.actions) for s in self.stages)
        return any(s.items(lane) for s in self.stages)


RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})


def _with_slug_id(value: Any) -> Any:
    """Fill a missing id from the name (a missing name is reported on its own, not twice)."""
    if isinstance(value, dict) and value.get("id") is None:
        name = value.get("name")
        return {**value, "id": (slug(name) if isinstance(name, str) else "") or "unnamed"}
    return value


def _custom_lane_ids(lanes: Any) -> set[str]:
    """Declared custom lanes: ``{id: thoughts, title: ...}`` whose id is neither built in nor a stage key."""
    if not isinstance(lanes, list):
        return set()
    ids = (lane.get("id") for lane in lanes if isinstance(lane, dict))
    return {lane for lane in ids if isinstance(lane, str) and lane not in BUILTIN_LANES
            and lane not in Stage.model_fields}


def _gather_custom(stage: Any, custom: set[str]) -> Any:
    if not isinstance(stage, dict):
        return stage
    gathered = {key: stage[key] for key in stage if key in custom}
    rest = {key: val for key, val in stage.items() if key not in custom}
    return {**rest, CUSTOM_KEY: gathered} if gathered else rest
