"""Spec bytes -> plain data plus the source position of every key and value.

Built directly from libyaml's event stream (never PyYAML's constructors), so that no tag can
construct an object, nesting depth and alias expansion are bounded before any recursion, duplicate
keys are errors, and scalars follow the YAML 1.2 core schema (``No`` and ``on`` stay text).
JSON is read by the same builder after ``json`` has checked its syntax.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from journeygen.errors import Problem, SpecError, excerpt, single
from journeygen.readfile import read_limited, too_large
from journeygen.spec.indent import indentation

PathKey = tuple[str | int, ...]
Pos = tuple[int, int]


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() else default


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input cheap to refuse; each can be raised by an environment variable."""

    max_bytes: int = field(default_factory=lambda: _env_int("JOURNEYGEN_MAX_BYTES", 5_000_000))
    max_depth: int = field(default_factory=lambda: _env_int("JOURNEYGEN_MAX_DEPTH", 50))
    max_nodes: int = field(default_factory=lambda: _env_int("JOURNEYGEN_MAX_NODES", 200_000))


class SourceInt(int):
    """An integer that remembers how it was written, so ``007`` in a text field stays ``007``."""

    source: str


class SourceFloat(float):
    """A float that remembers how it was written, so ``1.10`` in a text field stays ``1.10``."""

    source: str


@dataclass(frozen=True)
class Positions:
    """1-based (line, column) of each value and each mapping key, by data path."""

    values: Mapping[PathKey, Pos]
    keys: Mapping[PathKey, Pos]

    def value(self, path: PathKey) -> Pos:
        """Where the value at ``path`` starts, or its nearest existing ancestor."""
        for end in range(len(path), -1, -1):
            pos = self.values.get(path[:end])
            if pos is not None:
                return pos
        return (1, 1)

    def key(self, path: PathKey) -> Pos:
        """Where the key naming ``path`` stands; the value's position when there is no key."""
        return self.keys.get(path) or self.value(path)


@dataclass(frozen=True)
class Document:
    """A parsed spec: its data, where each part came from, and the folder it lives in."""

    name: str
    data: Any
    positions: Positions
    base_dir: Path | None
    text: str = ""
    uses: tuple[Path, ...] = ()
    """Every file its ``use:`` entries brought in, theirs in turn included (set by ``spec.uses.resolve``)."""

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines, split once (hints look up many of them)."""
        return self.text.splitlines()


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
# Only the lowercase spellings (JSON's) are booleans, so a label written `False` keeps its spelling.
_BOOL = {"true": True, "false": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_DIGITS = 4000
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_CORE_TAG = "tag:yaml.org,2002:"


def _resolve_plain(text: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text) and len(text) <= _INT_DIGITS:
        number: Any = SourceInt(int(text))
    elif _INT.match(text):  # longer than Python converts (sys.get_int_max_str_digits): no field takes it
        number = SourceFloat(float(text))
    elif _FLOAT.match(text) or text.lower() in _SPECIAL_FLOAT:
        number = SourceFloat(_SPECIAL_FLOAT.get(text.lower()) or float(text))
    else:
        return text
    number.source = text
    return number


class _Frame:
    """A mapping or sequence still open: its value so far, its nodes counted, a key waiting for its value.

    A plain class: a dataclass would compile three unused methods from source at every start."""

    __slots__ = ("anchor", "key", "path", "size", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: PathKey, anchor: str | None = None) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.size = 1
        self.key: str | None = None


class _Builder:
    """Turns libyaml events into data and positions, collecting problems as it goes."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.values: dict[PathKey, Pos] = {}
        self.keys: dict[PathKey, Pos] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.root: Any = None
        self.documents = 0

    def problem(self, mark: Any, path: PathKey, message: str) -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, format_path(path), message))

    def child_path(self) -> PathKey:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.key) if top.key is not None else top.path

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                line = event.start_mark.line + 1 if event.start_mark is not None else 1
                raise SpecError([Problem(self.name, line, 1, "(syntax)",
                                         "a spec holds one YAML document; remove the extra '---'")])
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.start(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = self.stack.pop()
            self.attach(frame.value, event, frame.size, frame.anchor, container=True)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)

    def count(self, size: int, mark: Any) -> None:
        self.nodes += size
        if self.nodes > self.limits.max_nodes:
            raise SpecError([Problem(self.name, mark.line + 1, mark.column + 1, "(file)",
                                     f"the spec expands to more than {self.limits.max_nodes} values "
                                     "(an alias bomb?); raise JOURNEYGEN_MAX_NODES if this is intended")])

    def check_tag(self, event: Any, allowed: tuple[str, ...]) -> str | None:
        tag: str | None = event.tag
        if tag in (None, "!") or tag in tuple(_CORE_TAG + a for a in allowed):
            return tag
        shown = tag.replace(_CORE_TAG, "!!", 1)
        self.problem(event.start_mark, self.child_path(),
                     f"YAML tag {excerpt(shown)!r} is not supported: journeygen reads plain data only")
        return None

    def scalar(self, event: Any) -> None:
        tag = self.check_tag(event, ("str", "int", "float", "bool", "null"))
        explicit = tag not in (None, "!", _CORE_TAG + "str")
        quoted = tag is not None or not event.implicit[0]
        value = _resolve_plain(event.value) if explicit or not quoted else event.value
        self.count(1, event.start_mark)
        self.attach(value, event, 1, event.anchor, container=False)

    def start(self, event: Any) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        self.check_tag(event, ("map",) if is_map else ("seq",))
        if len(self.stack) >= self.limits.max_depth:
            raise SpecError([Problem(self.name, event.start_mark.line + 1, event.start_mark.column + 1,
                                     format_path(self.child_path()[:4]) + "...",
                                     f"nested more than {self.limits.max_depth} levels deep")])
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            self.problem(event.start_mark, self.stack[-1].path, "a mapping key must be plain text")
        path = self.child_path()
        self.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        self.count(1, event.start_mark)
        self.stack.append(_Frame({} if is_map else [], path, anchor=event.anchor))

    def alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            self.problem(event.start_mark, self.child_path(), f"unknown alias *{event.anchor}")
            value, size = None, 1
        else:
            value, size = self.anchors[event.anchor]
        self.count(size, event.start_mark)
        self.attach(value, event, size, None, container=False)

    def attach(self, value: Any, event: Any, size: int, anchor: str | None, *, container: bool) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            self.values.setdefault((), (event.start_mark.line + 1, event.start_mark.column + 1))
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.value, list):
            if not container:
                self.values[(*top.path, len(top.value))] = (event.start_mark.line + 1, event.start_mark.column + 1)
            top.value.append(value)
        elif top.key is None:
            self.take_key(top, value, event)
        else:
            if not container:
                self.values[(*top.path, top.key)] = (event.start_mark.line + 1, event.start_mark.column + 1)
            top.value[top.key] = value
            top.key = None

    def take_key(self, top: _Frame, value: Any, event: Any) -> None:
        key = value.source if isinstance(value, (SourceInt, SourceFloat)) else value
        if not isinstance(key, str):
            key = "" if key is None else str(key).lower()
        pos = (event.start_mark.line + 1, event.start_mark.column + 1)
        assert isinstance(top.value, dict)
        if key == "<<":
            self.problem(event.start_mark, (*top.path, key), "YAML merge keys (<<) are not supported; write keys out")
        if key in top.value:
            first = self.keys[(*top.path, key)]
            self.problem(event.start_mark, (*top.path, key),
                         f"duplicate key {excerpt(key)!r} (first given at line {first[0]}); keep one")
            key = f"\0duplicate:{len(top.value)}"
        else:
            self.keys[(*top.path, key)] = pos
        top.key = key


def format_path(path: PathKey) -> str:
    """``('stages', 2, 'emotion')`` -> ``stages[2].emotion``; the root is ``(root)``; long keys are cut."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{excerpt(part)}" if out else str(excerpt(part)))
    return out or "(root)"


def decode(name: str, raw: bytes, limits: Limits) -> str:
    """Bytes -> text: size-checked, UTF-8 (BOM allowed), bad bytes reported by line and column."""
    if len(raw) > limits.max_bytes:
        raise too_large(name, limits.max_bytes, len(raw))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise single(name, "the file is UTF-16; save it as UTF-8")
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset, raw = exc.start, body
        line_start = raw.rfind(b"\n", 0, offset) + 1
        col = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
        line = raw.count(b"\n", 0, offset) + 1
        raise single(name, f"not valid UTF-8 (byte 0x{raw[offset]:02x}); save the file as UTF-8",
                     line=line, col=col) from None
    if not text.strip():
        raise single(name, "the file is empty; a spec needs at least a title and one stage")
    return text


# JSON writes characters beyond U+FFFF as two escaped surrogates (`json.dumps` does by default);
# YAML wants one `\U` escape. An escaped backslash before the pair means it is not an escape.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


def _astral(match: re.Match[str]) -> str:
    high, low = int(match.group(2), 16), int(match.group(3), 16)
    return f"{match.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


def _json_gate(name: str, text: str) -> None:
    import json  # only JSON specs need it; a YAML render does not pay for it

    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(name, exc.lineno, exc.colno, "(syntax)", f"invalid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise single(name, "JSON nested too deeply") from None


# What libyaml says when a line is indented unlike the block it should belong to.
_INDENT_PROBLEMS = ("did not find expected '-' indicator", "did not find expected key",
                    "mapping values are not allowed", "expected <block end>")


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML syntax error, placed where the real fault is: an unclosed quote or bracket is reported
    where it was opened, not at the end of the file."""
    problem, context = exc.problem_mark, exc.context_mark
    if context is not None and exc.context and (problem is None or "end of stream" in (exc.problem or "")):
        return Problem(name, context.line + 1, context.column + 1, "(syntax)",
                       f"YAML syntax: {exc.context}: {exc.problem} (never closed?)")
    message = f"YAML syntax: {exc.problem}"
    if context is not None and exc.context:
        message += f", {exc.context} that starts at line {context.line + 1}, column {context.column + 1}"
    line, col = (problem.line + 1, problem.column + 1) if problem is not None else (1, 1)
    hint = indentation(text, line) if (exc.problem or "").startswith(_INDENT_PROBLEMS) else ""
    return Problem(name, line, col, "(syntax)", f"{hint} ({message})" if hint else message)


_LIBYAML_TOO_DEEP = "YAML syntax: exceeded maximum nesting depth"


def _feed(builder: _Builder, text: str, loader: Any) -> _Builder:
    """Every parse event of ``text`` into ``builder``; a syntax error becomes its last problem."""
    try:
        for event in yaml.parse(text, Loader=loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(builder.name, exc, text))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        builder.problems.append(Problem(builder.name, line, col, "(syntax)",
                                        f"the control character U+{code:04X} is not allowed in a spec"))
    return builder


def parse_text(text: str, name: str = "<text>", *, base_dir: Path | None = None,
               json_syntax: bool = False, limits: Limits | None = None) -> Document:
    """Parse spec text into a Document; raises SpecError listing every problem found."""
    limits = limits or Limits()
    if json_syntax:
        _json_gate(name, text)
        text = _SURROGATE_PAIR.sub(_astral, text)
    builder = _feed(_Builder(name, limits), text, yaml.CSafeLoader)
    if any(p.message.startswith(_LIBYAML_TOO_DEEP) for p in builder.problems):
        # The libyaml of newer PyYAML wheels (6.0.4) stops at 1,000 levels of brackets while it scans ahead,
        # before the builder could name the level past ``limits.max_depth``; the Python parser has no such stop.
        builder = _feed(_Builder(name, limits), text, yaml.SafeLoader)
    if builder.problems:
        raise SpecError(builder.problems)
    return Document(name, builder.root, Positions(builder.values, builder.keys), base_dir, text)


def read(source: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Read a spec file (``-`` is standard input) into a Document; a symlink out of the project is refused."""
    return read_source(source, limits)[1]


def read_source(source: str | os.PathLike[str], limits: Limits | None = None) -> tuple[str, Document]:
    """A spec file's text (or standard input's, for ``-``) and its Document, read once."""
    limits = limits or Limits()
    raw = read_limited(source, limits.max_bytes, confine=True)
    if str(source) == "-":
        text = decode("<stdin>", raw, limits)
        return text, parse_text(text, "<stdin>", base_dir=Path.cwd(), limits=limits)
    path, name = Path(source), str(source)
    text = decode(name, raw, limits)
    return text, parse_text(text, name, base_dir=path.resolve().parent,
                            json_syntax=path.suffix.lower() == ".json", limits=limits)
