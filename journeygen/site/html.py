"""Page parts -> whole HTML pages: escaping, the shared shell, and a Content-Security-Policy of hashes."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
STATIC = files("journeygen.site") / "static"
SITE_CSS = (STATIC / "site.css").read_text(encoding="utf-8")
SITE_JS = (STATIC / "site.js").read_text(encoding="utf-8")


def esc(text: object) -> str:
    """Spec text as HTML text or a quoted attribute value: never markup."""
    return escape(str(text), quote=True)


def css_string(text: str) -> str:
    """Text as a CSS string literal that cannot close the string or the <style> element."""
    return '"' + "".join(c if c.isalnum() or c in "-_ ." else f"\\{ord(c):x} " for c in text) + '"'


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(body: str, styles: Sequence[str]) -> str:
    """Nothing but this folder's images and the page's own inline style and script, each allowed by its hash.

    Every ``<style>`` inside the body (an inline SVG's stylesheet) is hashed too.
    """
    hashes = " ".join(_sha256(s) for s in (*styles, *_STYLE.findall(body)))
    return (f"default-src 'none'; img-src 'self' data:; style-src {hashes}; script-src {_sha256(SITE_JS)}; "
            "base-uri 'none'; form-action 'none'")


@dataclass(frozen=True)
class Page:
    """One page of the site (its words in the site's language; spec text keeps its own): path, title, body."""

    path: str
    title: str
    body: str
    extra_css: str = ""

    @property
    def root(self) -> str:
        """The relative way back to the site root from this page (``""`` or ``../``)."""
        return "../" * self.path.count("/")

    def html(self, site_title: str, nav: Sequence[tuple[str, str]], lang: str = "en", direction: str = "ltr") -> str:
        """The whole page in the site's language ``lang`` and ``direction``: head with CSP, the top bar linking
        ``nav`` (path, label), the body, the script."""
        styles = [SITE_CSS, *([self.extra_css] if self.extra_css else [])]
        links = "".join(f'<a href="{esc(self.root + href)}"{" aria-current=page" if href == self.path else ""}>'
                        f"{esc(label)}</a>" for href, label in nav)
        head = "".join(f"<style>{s}</style>" for s in styles)
        return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}" dir="{esc(direction)}">\n<head>\n<meta charset="utf-8">\n'
                f'<meta http-equiv="Content-Security-Policy" content="{esc(csp(self.body, styles))}">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{esc(self.title)} · {esc(site_title)}</title>\n{head}\n</head>\n<body>\n"
                f'<nav class="top" aria-label="Site"><span class="brand">{esc(site_title)}</span>{links}</nav>\n'
                f"<main>\n{self.body}\n</main>\n<script>{SITE_JS}</script>\n</body>\n</html>\n")
