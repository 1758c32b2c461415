"""Lane items of one stage (actions, touchpoints, pains, ideas, metrics, custom) -> stacked card blocks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from journeygen.layout import blueprint
from journeygen.layout.blocks import EMPTY, Block, Kit, framed, row, stack
from journeygen.layout.keys import Channel, channel_key
from journeygen.layout.scene import Box, Circle, Group, Path, Rect
from journeygen.spec.metrics import verdict, written_as_number
from journeygen.spec.model import BLUEPRINT_LANES, Action, Evidence, Idea, Metric, PainPoint, Touchpoint


class CardContext(NamedTuple):
    """Map-wide facts cards need: channel badges, persona names and the locale metric values are written in."""

    channels: Mapping[str, Channel]
    personas: Mapping[str, str]
    prefix: str = "jg-"
    locale: str = "en"


Maker = Callable[[Kit, Any, float, CardContext], Block]


def lane_cell(kit: Kit, lane: str, items: tuple[Any, ...], width: float, ctx: CardContext) -> Block:
    """The cards of one lane in one stage, stacked in a column ``width`` wide."""
    if not items:
        return EMPTY
    if lane == "touchpoints":
        return stack([researched(kit, tp, chip(kit, tp, width, ctx), ctx) for tp in items], kit.gap / 1.5, width)
    if lane in BLUEPRINT_LANES:
        return stack(blueprint_cards(kit, items, width, ctx), kit.gap, width)
    makers: dict[str, Maker] = {"actions": _action, "pain_points": _pain, "ideas": _idea, "metrics": _metric}
    maker = makers.get(lane)
    if maker is not None:
        return stack([researched(kit, item, maker(kit, item, width, ctx), ctx) for item in items], kit.gap, width)
    return stack([_note(kit, str(item), width, "card") for item in items], kit.gap, width)


def blueprint_cards(kit: Kit, items: tuple[Any, ...], width: float, ctx: CardContext) -> list[Block]:
    """The cards of one blueprint cell, as drawn (``triggers:`` arrows need where each one ends)."""
    return [researched(kit, item, card, ctx) for item, card in zip(items, blueprint.cards(kit, items, width),
                                                                        strict=True)]


def researched(kit: Kit, item: Any, card: Block, ctx: CardContext) -> Block:
    """A card as research sees it: a dashed outline when assumed, a count of its sources, and the sources
    (with their quotes and links) in its tooltip. A card without evidence or confidence is unchanged."""
    evidence = getattr(item, "evidence", ())
    assumed = getattr(item, "confidence", None) == "assumed"
    if not evidence and not assumed:
        return card
    frame = card.items[0]
    assert isinstance(frame, Rect), "cards start with their frame"
    parts = list(card.items)
    height = card.height
    if evidence:
        count = evidence_badge(kit, len(evidence))
        height += count.height + 2
        parts[0] = Rect(Box(0, 0, card.width, height), frame.cls, frame.radius)
        parts.extend(count.at(card.width - kit.gap - count.width, card.height - kit.gap * 0.75 + 2))
    if assumed:
        parts.append(Rect(Box(0, 0, card.width, height), "assumed", frame.radius))
    return Block(card.width, height, (Group(f"{ctx.prefix}evidence", tuple(parts),
                                            "\n".join(research_notes(kit, evidence, assumed))),))


def research_notes(kit: Kit, evidence: Sequence[Evidence], assumed: bool) -> list[str]:
    """The tooltip lines of a claim's sources (quotes, in the map's language's marks, and links in full) and
    of an assumption."""
    sources = [kit.words.evidence.format(sources="; ".join(e.cite(kit.words.quoted) for e in evidence))]
    return (sources if evidence else []) + ([kit.words.assumed] if assumed else [])


def evidence_badge(kit: Kit, count: int) -> Block:
    """A grey pill with the number of sources behind an item."""
    size = kit.size("small")
    height = kit.measure.line_height(size) + 2
    text = str(count)
    text_w = kit.measure.width(text, size, True) + 2
    width = max(height, text_w + 8)
    label = kit.text(text, text_w, font="small", bold=True, cls="t-badge", anchor="center")
    return Block(width, height, (Rect(Box(0, 0, width, height), "evidence-badge", height / 2),
                                 *label.at((width - text_w) / 2, 1)))


def _note(kit: Kit, text: str, width: float, cls: str, ink: str = "t-ink") -> Block:
    inner = kit.text(text, width - 2 * kit.gap, cls=ink)
    return framed(inner, cls, pad_x=kit.gap, pad_y=kit.gap * 0.75, radius=kit.theme.radius, width=width)


def _action(kit: Kit, action: Action, width: float, ctx: CardContext) -> Block:
    inner_w = width - 2 * kit.gap
    details = [", ".join(ctx.personas[p] for p in action.named)] if action.named and len(ctx.personas) > 1 else []
    if action.touchpoint:
        details.append(kit.words.via.format(touchpoint=action.touchpoint))
    parts = [kit.text(action.text, inner_w)]
    if details:
        parts.append(kit.text(" · ".join(details), inner_w, font="small", cls="t-muted"))
    return framed(stack(parts, 2, inner_w), "card", pad_x=kit.gap, pad_y=kit.gap * 0.75,
                  radius=kit.theme.radius, width=width)


def badge(kit: Kit, channel: Channel) -> Block:
    """A pill in the channel's colour with its letters."""
    size = kit.size("small")
    height = kit.measure.line_height(size) + 2
    text_w = kit.measure.width(channel.badge, size, True) + 2
    width = max(height, text_w + 8)
    label = kit.text(channel.badge, text_w, font="small", bold=True, cls="t-badge", anchor="center")
    return Block(width, height, (Rect(Box(0, 0, width, height), f"ch-{channel.index}", height / 2),
                                 *label.at((width - text_w) / 2, 1)))


def chip(kit: Kit, tp: Touchpoint, width: float, ctx: CardContext) -> Block:
    """A touchpoint: a rounded chip with its channel badge (same channel, same colour and letters)."""
    channel = ctx.channels.get(channel_key(tp.channel))
    lead = badge(kit, channel) if channel else _dot(kit)
    text_w = width - 2 * kit.gap - lead.width - kit.gap
    label = kit.text(tp.name, text_w)
    inner = row([lead, label], kit.gap)
    return framed(inner, "chip", pad_x=kit.gap, pad_y=kit.gap / 2, radius=(inner.height + kit.gap) / 2,
                  width=width)


def _dot(kit: Kit) -> Block:
    r = kit.size("small") / 3
    return Block(2 * r + 4, 2 * r, (Circle(r + 2, r, r, "chip-dot"),))


def _pain(kit: Kit, pain: PainPoint, width: float, ctx: CardContext) -> Block:
    glyph = warning(kit.size("body"))
    label = kit.text(pain.text, width - 3 * kit.gap - glyph.width, cls="t-pain")
    inner = row([glyph, label], kit.gap, align_middle=False)
    return framed(inner, "pain", pad_x=kit.gap, pad_y=kit.gap * 0.75, radius=kit.theme.radius, width=width)


def warning(size: float) -> Block:
    """A warning triangle with an exclamation mark: pain is marked by shape, not only colour."""
    w = size * 1.1
    top = size * 0.15
    tri = Path((("M", (w / 2, top)), ("L", (w, top + w * 0.9)), ("L", (0, top + w * 0.9)), ("Z", ())), "pain-glyph")
    bar = Rect(Box(w / 2 - size * 0.06, top + w * 0.3, size * 0.12, w * 0.33), "pain-mark")
    dot = Circle(w / 2, top + w * 0.75, size * 0.07, "pain-mark")
    return Block(w, top + w, (tri, bar, dot))


def _idea(kit: Kit, idea: Idea, width: float, ctx: CardContext) -> Block:
    inner_w = width - 2 * kit.gap
    parts = [kit.text(idea.text, inner_w, bold=True, cls="t-idea")]
    due = kit.words.due.format(date=idea.due.isoformat()) if idea.due else None
    who = " · ".join(x for x in (idea.owner, due) if x)
    if who:
        parts.append(kit.text(who, inner_w, font="small", cls="t-idea"))
    w = kit.words
    rating = " · ".join(w.level(kind, v) for kind, v in ((w.impact, idea.impact), (w.effort, idea.effort)) if v)
    if rating:
        parts.append(kit.text(rating[0].upper() + rating[1:], inner_w, font="small", cls="t-idea"))
    if idea.status:
        parts.append(_status(kit, w.idea_status(idea.status), inner_w))
    return framed(stack(parts, 3, inner_w), "idea", pad_x=kit.gap, pad_y=kit.gap * 0.75,
                  radius=kit.theme.radius, width=width)


def _status(kit: Kit, status: str, max_width: float) -> Block:
    label = kit.tight_text(status, max_width - 12, font="small", bold=True, cls="t-idea")
    return framed(label, "status", pad_x=6, pad_y=1, radius=(label.height + 2) / 2)


def _metric(kit: Kit, metric: Metric, width: float, ctx: CardContext) -> Block:
    inner_w = width - 2 * kit.gap
    parts = [kit.text(metric.name, inner_w, font="small", cls="t-muted")]
    if metric.value:
        parts.append(kit.text(_ltr(kit, metric.value), inner_w, font="heading", bold=True))
    if metric.target:
        target = kit.words.target.format(value=_ltr(kit, metric.target))
        parts.append(kit.text(target, inner_w, font="small", cls="t-muted"))
    ahead = verdict(metric, ctx.locale)
    if ahead is not None:
        text = kit.words.ahead if ahead else kit.words.behind
        parts.append(kit.text(text, inner_w, font="small", bold=True, cls="t-ahead" if ahead else "t-behind"))
    return framed(stack(parts, 2, inner_w), "card", pad_x=kit.gap, pad_y=kit.gap * 0.75,
                  radius=kit.theme.radius, width=width)


def _ltr(kit: Kit, value: str) -> str:
    """In a right-to-left map a number like ``+32`` or ``3.1%`` keeps its sign and unit where they belong."""
    return f"\u200e{value}\u200e" if kit.rtl and written_as_number(value) else value
