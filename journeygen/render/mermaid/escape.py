"""Plain text -> Mermaid-safe text (entity codes such as ``#58;``)."""

from __future__ import annotations

import re

# Mermaid has no escape for a line break: any of these would end the statement (a tab ends none in
# the journey grammar, but would in a flowchart label).
_LINE_BREAKS = re.compile("[\n\r\t\v\f\x85\u2028\u2029]")
_JOURNEY_BREAKS = re.compile("[\n\r\v\f\x85\u2028\u2029]")
# '#' starts a comment or an entity, ';' ends a statement, ':' splits task fields (and, after
# "style", makes Mermaid drop an entity's ';'), '%' starts comments and directives, '<' '>' '&'
# would be read as HTML, '"' closes a flowchart label, '`' a Markdown fence or string, and
# U+FB02 starts Mermaid's own entity placeholders, which a label must not forge.
_SYNTAX = frozenset('#;:%<>&"`\ufb02')
# The journey lexer reads these words as keywords at the start of a statement, case-insensitively.
_KEYWORD = re.compile(r"(?i)(journey|title|section|acctitle|accdescr)")


def _code(char: str) -> str:
    return f"#{ord(char)};"


JS_SPACE = ("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
            "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
"""What JavaScript's ``trim()`` strips (every Unicode space, and U+FEFF): the characters ``str.isspace()``
accepts, written out rather than searched for in the first 12,289 code points at every start."""


def _entities(text: str, special: frozenset[str], breaks: re.Pattern[str] = _LINE_BREAKS) -> str:
    one_line = breaks.sub(" ", text)
    body = "".join(_code(c) if c in special else c for c in one_line)
    # Mermaid trims names as JavaScript's trim() does; coded spaces survive, so the text comes back exactly.
    stripped = body.strip(JS_SPACE)
    lead = body[: len(body) - len(body.lstrip(JS_SPACE))]
    trail = body[len(body.rstrip(JS_SPACE)):] if stripped else ""
    return "".join(map(_code, lead)) + stripped + "".join(map(_code, trail))


def journey_text(text: str, *, actor: bool = False) -> str:
    """A title, section, task or actor name that reads back as ``text`` (line breaks as spaces, tabs kept)."""
    coded = _entities(text, _SYNTAX | {","} if actor else _SYNTAX, _JOURNEY_BREAKS)
    if _KEYWORD.match(coded):
        coded = _code(coded[0]) + coded[1:]
    return coded or _code(" ")  # Mermaid has no empty names: a lone space keeps the line well-formed


def journey_block(text: str) -> list[str]:
    """The lines of an ``accDescr { ... }`` block: each line escaped, and '}' (which ends it) coded too."""
    return [_entities(line, _SYNTAX | {"}"}, _JOURNEY_BREAKS) for line in text.split("\n") if line.strip()]


def flowchart_text(text: str) -> str:
    """Text for inside a quoted flowchart label ``["..."]`` (line breaks as spaces)."""
    return _entities(text, _SYNTAX)
