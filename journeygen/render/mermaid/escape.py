"""Plain text -> Mermaid-safe text (entity codes such as ``#58;``), and entity codes -> plain text."""

from __future__ import annotations

import html
import re

# Mermaid has no escape for a line break: any of these would end the statement.
_LINE_BREAKS = re.compile("[\n\r\t\v\f\x85\u2028\u2029]")
# '#' starts a comment or an entity, ';' ends a statement, ':' splits task fields (and, after
# "style", makes Mermaid drop an entity's ';'), '%' starts comments and directives, '<' '>' '&'
# would be read as HTML, '"' closes a flowchart label, '`' a Markdown fence or string, and
# U+FB02 starts Mermaid's own entity placeholders, which a label must not forge.
_SYNTAX = frozenset('#;:%<>&"`\ufb02')
# The journey lexer reads these words as keywords at the start of a statement, case-insensitively.
_KEYWORD = re.compile(r"(?i)(journey|title|section|acctitle|accdescr)")
_ENTITY = re.compile(r"#(\w+);")


def _code(char: str) -> str:
    return f"#{ord(char)};"


_JS_TRIMMED = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c >= 0x20) + "\ufeff"


def _entities(text: str, special: frozenset[str]) -> str:
    one_line = _LINE_BREAKS.sub(" ", text)
    body = "".join(_code(c) if c in special else c for c in one_line)
    # Mermaid trims names as JavaScript's trim() does (every Unicode space, and U+FEFF); coded spaces
    # survive, so the text comes back exactly.
    stripped = body.strip(_JS_TRIMMED)
    lead = body[: len(body) - len(body.lstrip(_JS_TRIMMED))]
    trail = body[len(body.rstrip(_JS_TRIMMED)):] if stripped else ""
    return "".join(map(_code, lead)) + stripped + "".join(map(_code, trail))


def journey_text(text: str, *, actor: bool = False) -> str:
    """A title, section, task or actor name that reads back as ``text`` (line breaks as spaces)."""
    coded = _entities(text, _SYNTAX | {","} if actor else _SYNTAX)
    if _KEYWORD.match(coded):
        coded = _code(coded[0]) + coded[1:]
    return coded or _code(" ")  # Mermaid has no empty names: a lone space keeps the line well-formed


def journey_block(text: str) -> list[str]:
    """The lines of an ``accDescr { ... }`` block: each line escaped, and '}' (which ends it) coded too."""
    return [_entities(line, _SYNTAX | {"}"}) for line in text.split("\n") if line.strip()]


def flowchart_text(text: str) -> str:
    """Text for inside a quoted flowchart label ``["..."]`` (line breaks as spaces)."""
    return _entities(text, _SYNTAX)


def decode(text: str) -> str:
    """Mermaid entity codes (``#58;``, ``#quot;``) -> the characters they stand for."""
    return _ENTITY.sub(_decode_one, text)


def _decode_one(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.isdigit():
        point = int(name)
        valid = point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF and point > 0
        return chr(point) if valid else match.group()
    named = html.unescape(f"&{name};")
    return named if named != f"&{name};" else match.group()
