"""Plain text and attributes -> escaped HTML fragments; spec text can never become markup."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import NewType

from journeygen.layout.glyphs import drawable

Html = NewType("Html", str)
"""A fragment that is already safe HTML: only ``text``, ``tag`` and ``join`` make one."""

_VOID = frozenset({"img", "meta", "br", "col"})


def text(value: str) -> Html:
    """Plain text, escaped, what the bundled fonts lack shown as U+FFFD; newlines stay newlines (CSS
    ``white-space`` decides how they show)."""
    return Html(html.escape(drawable(value), quote=True))


def ui(value: str, direction: str = "ltr") -> Html:
    """Interface wording isolated in its language's direction, so English or Hebrew reads right in any page."""
    return tag("span", text(value), dir=direction, class_="iso")


def isolated(value: str) -> Html:
    """Spec text set inside interface wording: its own direction, not mixed with the words around it."""
    return tag("bdi", text(value))


def join(parts: Iterable[Html], sep: Html = Html("")) -> Html:
    return Html(sep.join(parts))


def tag(element: str, /, *children: Html, **attrs: str | None) -> Html:
    """``tag("p", text("x"), class_="note")`` -> ``<p class="note">x</p>``; None attributes are left out."""
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"'
        for key, value in attrs.items() if value is not None
    )
    if element in _VOID:
        return Html(f"<{element}{rendered}>")
    return Html(f"<{element}{rendered}>{''.join(children)}</{element}>")


def bullet_list(items: Iterable[str], class_: str | None = None) -> Html:
    """A ``<ul>`` of plain-text items, or nothing when there are none."""
    entries = [tag("li", text(item)) for item in items]
    return tag("ul", *entries, class_=class_) if entries else Html("")
