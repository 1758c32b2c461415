"""A Journey and a Theme -> the positioned Scene of the whole map (header, bands, legend, micro-journeys)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from journeygen.layout import paths
from journeygen.layout.band import Plan, band
from journeygen.layout.blocks import Block, Kit, stack
from journeygen.layout.cards import CardContext
from journeygen.layout.grid import Metrics, grid_for
from journeygen.layout.header import CARD_WIDTH, PersonaPlace, headed, header, persona_cards
from journeygen.layout.keys import channels
from journeygen.layout.legend import Needs, legend
from journeygen.layout.scene import Box, Path, Rect, Scene, resolved, unique_ids
from journeygen.layout.summary import summary
from journeygen.layout.text import Measurer
from journeygen.layout.words import words_for
from journeygen.spec.model import (
    DEFAULT_SCALE,
    Emotion,
    EmotionScale,
    Journey,
    Lane,
    MicroJourney,
    Persona,
    Stage,
    Touchpoint,
)
from journeygen.spec.text import slug
from journeygen.theme import Theme


def lay_out(journey: Journey, theme: Theme, *, max_width: int | None = None, min_cell_height: float = 0,
            photos: Mapping[str, str] | None = None, micro_journeys: bool = True,
            personas: PersonaPlace = "above", measure: Measurer | None = None) -> Scene:
    """Place every part of the map; right-to-left locales are mirrored once, at the end.

    ``photos`` maps persona ids to data URIs (see ``journeygen.assets.persona_photos``). Without
    ``micro_journeys`` they are left out (the PDF gives each its own page). ``personas`` says where
    their cards go (the PDF chooses whatever prints the map largest); ``measure`` lets several layouts of one
    journey share the widths of its words.
    """
    kit = Kit(theme, measure or Measurer(), words_for(journey.locale), journey.rtl, journey.emotion_scale)
    grid = grid_for(len(journey.stages), Metrics.of(theme), max_width)
    m = Metrics.of(theme, grid.per_row)
    prefix = id_prefix(journey.title)
    plan = _plan(journey, m, prefix, min_cell_height, theme)
    inner = m.band_width(grid.per_row)
    bands = [band(kit, plan, indices) for indices in grid.rows]
    parts = [stack(bands, 3 * kit.pad, inner), legend(kit, _needs(journey, plan), inner)]
    if micro_journeys:
        parts.extend(_micros(kit, journey, m, prefix, inner))
    body = headed(kit, journey, stack(parts, 2 * kit.pad, inner), personas, photos or {}, prefix)
    scene = _scene(kit, body, m, journey.title, summary(journey), prefix,
                   journey.locale, tuple(ch.name for ch in plan.ctx.channels.values()))
    return scene.mirrored() if journey.rtl else scene


def lay_out_personas(journey: Journey, theme: Theme, *, photos: Mapping[str, str] | None = None,
                     measure: Measurer | None = None) -> Scene:
    """A persona file's page: its title and every persona card, up to three to a line."""
    kit = Kit(theme, measure or Measurer(), words_for(journey.locale), journey.rtl)
    m = Metrics.of(theme, 1)
    prefix = id_prefix(journey.title)
    inner = min(len(journey.personas), 3) * (CARD_WIDTH + kit.pad) - kit.pad
    parts = [header(kit, journey.title, journey.description, inner),
             persona_cards(kit, journey.personas, inner, photos or {}, prefix, curves=False)]
    scene = _scene(kit, stack(parts, 2 * kit.pad, inner), m, journey.title,
                   "; ".join(p.name for p in journey.personas), prefix, journey.locale, ())
    return scene.mirrored() if journey.rtl else scene


def lay_out_micro_journey(stage: Stage, micro: MicroJourney, theme: Theme, *, locale: str = "en",
                          rtl: bool = False, scale: EmotionScale = DEFAULT_SCALE,
                          measure: Measurer | None = None) -> Scene:
    """One micro-journey as its own small map: its steps as columns, with their emotion curve, in the
    journey's language, direction and emotion scale (``locale``, ``rtl``, ``scale``) as on the map."""
    kit = Kit(theme, measure or Measurer(), words_for(locale), rtl, scale)
    m = Metrics.of(theme, len(micro.steps))
    prefix = id_prefix(f"{stage.id} {micro.name}")
    block = micro_block(kit, stage, micro, m, prefix, m.band_width(len(micro.steps)))
    scene = _scene(kit, block, m, micro.name, micro.description or micro.name, prefix, locale, ())
    return scene.mirrored() if rtl else scene


def id_prefix(title: str) -> str:
    """Ids start with this, so two maps can share one HTML page."""
    name = slug(title)[:24].strip("-_")
    return f"jg-{name}-" if name else "jg-"


def _scene(kit: Kit, body: Block, m: Metrics, title: str, desc: str, prefix: str, lang: str,
           chans: tuple[str, ...]) -> Scene:
    width = body.width + 2 * m.margin
    height = body.height + 2 * m.margin
    items = (Rect(Box(0, 0, width, height), "background"), *unique_ids(resolved(body.items, m.margin, m.margin)))
    return Scene(width, height, items, title, desc, lang=lang, id_prefix=prefix, channels=chans)


def _plan(journey: Journey, m: Metrics, prefix: str, min_cell_height: float, theme: Theme) -> Plan:
    names = [tp.channel for s in journey.stages for tp in s.touchpoints if tp.channel]
    ctx = CardContext(channels(names, len(theme.channel_palette)), {p.id: p.name for p in journey.personas},
                      prefix, journey.locale)
    return Plan(journey.stages, journey.lane_list(), journey.personas, _arrows(journey, prefix), ctx, prefix, m,
                min_cell_height, rtl=journey.rtl)


def _arrows(journey: Journey, prefix: str) -> tuple[paths.Arrow, ...]:
    index = {s.id: i for i, s in enumerate(journey.stages)}
    arrows = []
    for n, t in enumerate(journey.transitions):
        src, dst = index[t.source], index[t.target]
        label = t.label or f"to {journey.stages[dst].name}"
        arrows.append(paths.Arrow(src, dst, label, dst <= src, f"{prefix}transition-{n + 1}",
                                  journey.stages[src].name, journey.stages[dst].name))
    return tuple(arrows)


def _needs(journey: Journey, plan: Plan) -> Needs:
    lanes = {lane.id for lane in plan.lanes}
    return Needs(emotions="emotions" in lanes, personas=[p.name for p in journey.personas],
                 channels=plan.ctx.channels, moment_of_truth=any(s.moment_of_truth for s in journey.stages),
                 forward=any(not a.back for a in plan.arrows), backward=any(a.back for a in plan.arrows),
                 pains="pain_points" in lanes and any(s.pain_points for s in journey.stages),
                 assumed=any(getattr(i, "confidence", None) == "assumed" for i in _drawn(journey, lanes)),
                 evidence=any(getattr(i, "evidence", ()) for i in _drawn(journey, lanes)))


def _drawn(journey: Journey, lanes: set[str]) -> Iterator[object]:
    """Every item of the drawn card lanes and every drawn feeling (what can carry a dashed outline or a source
    count)."""
    yield from (item for s in journey.stages for lane in lanes if lane != "emotions" for item in s.items(lane))
    if "emotions" in lanes:
        yield from (e for s in journey.stages for e in (s.emotion.values() if isinstance(s.emotion, dict)
                                                         else [s.emotion]) if e is not None)


def _micros(kit: Kit, journey: Journey, m: Metrics, prefix: str, width: float) -> list[Block]:
    blocks = []
    for stage in journey.stages:
        for n, micro in enumerate(stage.micro_journeys):
            micro_prefix = f"{prefix}micro-{stage.id}-{n + 1}-"
            blocks.append(micro_block(kit, stage, micro, m, micro_prefix, width))
    return blocks


def micro_block(kit: Kit, stage: Stage, micro: MicroJourney, m: Metrics, prefix: str, width: float) -> Block:
    """A divider, the micro-journey's title, and its steps as a small band (wrapping at ``width``)."""
    steps = tuple(_step_stage(stage, n, step.name, step.touchpoint, step.emotion)
                  for n, step in enumerate(micro.steps))
    lanes = [Lane(id=lane) for lane, used in (("touchpoints", any(s.touchpoints for s in steps)),
                                              ("emotions", any(s.emotion for s in steps))) if used]
    lanes[:0] = [Lane(id="steps", title=kit.words.steps)] if not lanes else []
    plan = Plan(steps, tuple(lanes), (Persona(id="micro", name=micro.name),), (), CardContext({}, {}), prefix, m)
    per_row = max(1, min(len(steps), int((width - m.stages_left) // m.pitch)))
    rows = [tuple(range(i, min(i + per_row, len(steps)))) for i in range(0, len(steps), per_row)]
    rule = Block(width, 1, (Path((("M", (0, 0)), ("L", (width, 0))), "divider"),))
    title = kit.text(kit.words.micro_in.format(stage=stage.name, name=micro.name), width, font="heading", bold=True)
    if micro.use:
        title = title.grouped(f"{prefix}open", link=micro.use)
    parts = [rule, title]
    if micro.description:
        parts.append(kit.text(micro.description, width, cls="t-muted"))
    parts.append(stack([band(kit, plan, r) for r in rows], 2 * kit.pad))
    return stack(parts, kit.gap, width).grouped(prefix.rstrip("-"), micro.name, role="micro")


def _step_stage(stage: Stage, n: int, name: str, touchpoint: str | None, score: int | None) -> Stage:
    return Stage(id=f"{stage.id}-step-{n + 1}", name=name,
                 touchpoints=(Touchpoint(name=touchpoint),) if touchpoint else (),
                 emotion=Emotion(score=score) if score is not None else None)

