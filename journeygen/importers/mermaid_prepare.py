"""Mermaid diagram text -> Preprocessed: the code its journey lexer reads, as Mermaid's preprocessing leaves it.

The steps follow mermaid's ``preprocessDiagram`` and ``encodeEntities``: line endings, front matter
(its ``title`` and ``config``), ``%%{init}%%`` directives, comment lines, entity codes turned into
placeholders. Every character of the code remembers where it stood in the text, so problems are
reported at the diagram's own line and column.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from journeygen.errors import Problem

_TAG_ATTRIBUTES = re.compile(r"<(\w+)([^>]*)>")
_FRONT_MATTER = re.compile(r"^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+", re.S)
_DIRECTIVE = re.compile(r"%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?", re.I)
_COMMENT_LINE = re.compile(r"^\s*%%(?!{)[^\n]+\n?", re.M)
_STYLE_QUIRK = re.compile(r"(?:style|classDef).*:\S*#.*;")
_ENTITY = re.compile(r"#(\w+);", re.A)
_PLACEHOLDER = re.compile("\ufb02\u00b0(\u00b0?)(\\w+)\u00b6\u00df", re.A)


@dataclass(frozen=True)
class Preprocessed:
    """The code for the lexer, where each of its characters came from, and what preprocessing read."""

    starts: tuple[int, ...]
    """Where each line of the text starts."""
    code: str
    origin: tuple[int, ...]
    title: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()

    def at(self, index: int) -> tuple[int, int]:
        """Line and column (from 1) in the text of the code's character at ``index``."""
        if index < len(self.origin):
            return _position(self.starts, self.origin[index])
        return _position(self.starts, self.origin[-1] + 1) if self.origin else (1, 1)


def _position(starts: tuple[int, ...], where: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, where)
    return line, where - starts[line - 1] + 1


class _Code:
    """A string whose characters carry their index in the original text, edited by regex."""

    def __init__(self, text: str) -> None:
        self.chars = text
        self.origin = list(range(len(text)))

    def sub(self, pattern: re.Pattern[str], replace: Any, count: int = 0) -> None:
        """Like ``pattern.sub``; replacement characters take the origin of the match's start."""
        out, origin, last = [], [], 0
        for n, match in enumerate(pattern.finditer(self.chars)):
            if count and n >= count:
                break
            out.append(self.chars[last:match.start()])
            origin.extend(self.origin[last:match.start()])
            new = replace(match) if callable(replace) else replace
            out.append(new)
            origin.extend([self.origin[match.start()] if match.start() < len(self.origin) else 0] * len(new))
            last = match.end()
        out.append(self.chars[last:])
        origin.extend(self.origin[last:])
        self.chars, self.origin = "".join(out), origin

    def trim_start(self) -> None:
        kept = self.chars.lstrip()
        cut = len(self.chars) - len(kept)
        self.chars, self.origin = kept, self.origin[cut:]


def prepare(text: str, name: str) -> Preprocessed:
    """Run Mermaid's preprocessing on a diagram; YAML errors in its front matter are problems."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    code = _Code(_TAG_ATTRIBUTES.sub(lambda m: "<" + m.group(1) + re.sub(r'="([^"]*)"', r"='\1'", m.group(2)) + ">",
                                     text))
    starts = (0, *(m.end() for m in re.finditer("\n", text)))
    problems: list[Problem] = []
    title, config = _front_matter(code, name, problems)
    directive, notes = _directives(code, starts, name)
    code.sub(_DIRECTIVE, "")
    code.sub(_COMMENT_LINE, "")
    code.trim_start()
    code.sub(_STYLE_QUIRK, lambda m: m.group()[:-1])
    code.sub(_ENTITY, _placeholder)
    return Preprocessed(starts, code.chars, tuple(code.origin), title, _merge(config, directive), tuple(problems),
                    tuple(notes))


def _front_matter(code: _Code, name: str, problems: list[Problem]) -> tuple[str | None, dict[str, Any]]:
    match = _FRONT_MATTER.match(code.chars)
    if not match:
        return None, {}
    indent = match.group(1)
    body = "\n".join(line.removeprefix(indent) for line in match.group(2).split("\n"))
    code.sub(_FRONT_MATTER, "", count=1)
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(name, mark.line + 2 if mark else 2, 1, "front matter",
                                f"invalid YAML: {getattr(exc, 'problem', exc)}"))
        return None, {}
    data = data if isinstance(data, dict) else {}
    config = dict(data["config"]) if isinstance(data.get("config"), dict) else {}
    if data.get("displayMode"):
        config["gantt"] = {**config.get("gantt", {}), "displayMode": str(data["displayMode"])}
    return (str(data["title"]) if data.get("title") else None), config


def _directives(code: _Code, starts: tuple[int, ...], name: str) -> tuple[dict[str, Any], list[Problem]]:
    """The configuration of the ``%%{init: ...}%%`` and ``%%{wrap}%%`` directives, as Mermaid merges them."""
    config: dict[str, Any] = {}
    notes = []
    for match in _DIRECTIVE.finditer(code.chars):
        kind = (match.group(1) or match.group(2) or "").lower()
        if kind == "wrap":
            config["wrap"] = True
        if kind not in ("init", "initialize") or not match.group(4):
            continue
        try:
            args = json.loads(match.group(4).strip().replace("'", '"'))
        except json.JSONDecodeError:
            line, col = _position(starts, code.origin[match.start()])
            notes.append(Problem(name, line, col, "directive", "not valid JSON: Mermaid ignores this directive"))
            continue
        if isinstance(args, dict):
            if "config" in args:
                args["journey"] = args.pop("config")
            config = _merge(config, args)
    return config, notes


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base``, mapping by mapping."""
    merged = dict(base)
    for key, value in over.items():
        inner = merged.get(key)
        merged[key] = _merge(inner, value) if isinstance(inner, dict) and isinstance(value, dict) else value
    return merged


def _placeholder(match: re.Match[str]) -> str:
    inner = match.group(1)
    return f"\ufb02\u00b0\u00b0{inner}\u00b6\u00df" if inner.isdigit() else f"\ufb02\u00b0{inner}\u00b6\u00df"


def decode(text: str) -> str:
    """Entity placeholders -> the characters Mermaid draws for them (``&#58;``, ``&quot;``)."""
    return _PLACEHOLDER.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    number, name = match.groups()
    if not number:
        return html.unescape(f"&{name};")
    point = int(name)
    return chr(point) if 0 < point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF else "\ufffd"
