"""Title, description and personas -> the header block: the map's title and one card per persona."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from journeygen.layout.blocks import EMPTY, Block, Kit, flow, framed, row, stack
from journeygen.layout.scene import Box, Circle, Image, Item, Path
from journeygen.spec.model import Journey, Persona
from journeygen.spec.text import initials

CARD_WIDTH = 340.0
AVATAR = 56.0
WIDE_CARD = 1.75 * CARD_WIDTH
"""The widest a card grows on the title's line, where its lines of goals and quote then wrap less."""
MIN_TITLE_WIDTH = 420.0
"""The narrowest the title may become to make room for the persona cards beside it."""

PersonaPlace = Literal["above", "header", "side"]
"""Where the persona cards go: on a line of their own under the title (the SVG's way), on the title's line
(beside it, when it keeps MIN_TITLE_WIDTH), or in a column beside the stages."""


def header(kit: Kit, title: str, description: str | None, width: float) -> Block:
    """The map's title and description, full width."""
    parts = [kit.text(title, width, font="title", bold=True)]
    if description:
        parts.append(kit.text(description, min(width, 900), cls="t-muted"))
    return stack(parts, kit.gap / 2, width)


def headed(kit: Kit, journey: Journey, body: Block, place: PersonaPlace, photos: Mapping[str, str],
           prefix: str) -> Block:
    """The title, description and persona cards (placed as ``place`` says) around the ``body`` of the map."""
    title, description, people = journey.title, journey.description, journey.personas
    gap = 2 * kit.pad
    if place == "side" and people:
        body = row([persona_cards(kit, people, CARD_WIDTH, photos, prefix), body], gap, align_middle=False)
        return stack([header(kit, title, description, body.width), body], gap, body.width)
    width = body.width
    room = width - MIN_TITLE_WIDTH - gap
    if place == "header" and people and room >= CARD_WIDTH:
        per_line = max(1, min(len(people), int((room + kit.pad) // (CARD_WIDTH + kit.pad))))
        card_w = min(WIDE_CARD, (room - (per_line - 1) * kit.pad) / per_line)
        cards = persona_cards(kit, people, per_line * card_w + (per_line - 1) * kit.pad, photos, prefix, card_w)
        line = row([header(kit, title, description, width - cards.width - gap), cards], gap, align_middle=False)
        return stack([Block(width, line.height, line.items), body], gap, width)
    return stack([header(kit, title, description, width), persona_cards(kit, people, width, photos, prefix), body],
                 gap, width)


def persona_cards(kit: Kit, people: Sequence[Persona], width: float, photos: Mapping[str, str],
                  prefix: str, card_width: float = CARD_WIDTH, *, curves: bool = True) -> Block:
    """One card per persona ``card_width`` wide, as many per line as fit, all of one height; with ``curves``
    and several personas, each card shows its persona's line style on the emotion curve."""
    if not people:
        return EMPTY
    card_w = min(card_width, width)
    many = curves and len(people) > 1
    inners = [_card_inner(kit, p, i, card_w - 2 * kit.pad, photos.get(p.id), many) for i, p in enumerate(people)]
    tallest = max(b.height for b in inners)
    cards = [framed(Block(b.width, tallest, b.items), "card persona-card", pad_x=kit.pad, pad_y=kit.pad,
                    radius=kit.theme.radius, width=card_w).grouped(f"{prefix}persona-{p.id}", p.name)
             for b, p in zip(inners, people, strict=True)]
    return flow(cards, width, kit.pad, kit.pad)


def _card_inner(kit: Kit, persona: Persona, index: int, width: float, photo: str | None, many: bool) -> Block:
    text_w = width - AVATAR - kit.pad
    who = [kit.text(persona.name, text_w, font="heading", bold=True)]
    if many:
        who.append(_curve_sample(kit.persona(index)))
    if persona.description:
        who.append(kit.text(persona.description, text_w, font="small", cls="t-muted"))
    top = row([_avatar(kit, persona.name, photo), stack(who, 3, text_w)], kit.pad, align_middle=False)
    parts = [top]
    if persona.quote:
        parts.append(kit.text(kit.words.quoted(persona.quote), width))
    w = kit.words
    for heading, entries in ((w.goals, persona.goals), (w.frustrations, persona.frustrations)):
        if entries:
            parts.append(_list(kit, heading, entries, width))
    if persona.channels:
        parts.append(_list(kit, w.channels, [" · ".join(persona.channels)], width, bullet=""))
    return stack(parts, kit.gap, width)


def _list(kit: Kit, heading: str, entries: Sequence[str], width: float, bullet: str = "• ") -> Block:
    lines = [kit.text(heading.upper(), width, font="small", bold=True, cls="t-muted")]
    lines.extend(kit.text(f"{bullet}{entry}", width, font="small") for entry in entries)
    return stack(lines, 1, width)


def _avatar(kit: Kit, name: str, photo: str | None) -> Block:
    r = AVATAR / 2
    if photo:
        return Block(AVATAR, AVATAR, (Image(Box(0, 0, AVATAR, AVATAR), photo),))
    text_w = AVATAR * 0.8
    label = kit.text(initials(name), text_w, font="heading", bold=True, cls="t-header", anchor="center")
    items: tuple[Item, ...] = (Circle(r, r, r, "avatar"), *label.at((AVATAR - text_w) / 2, r - label.height / 2))
    return Block(AVATAR, AVATAR, items)


def _curve_sample(classes: str) -> Block:
    """The persona's curve style (colour and dash), so the card doubles as the legend."""
    return Block(40, 8, (Path((("M", (0, 4)), ("L", (40, 4))), f"curve {classes}"),))
