"""Mermaid ``journey`` text -> MermaidJourney (what Mermaid reads from it), or every problem at FILE:LINE:COL.

The lexer and grammar are Mermaid's own (user-journey/parser/journey.jison), rule for rule and in
its order: names keep their spelling (inner tabs, a space before ':'), statements may follow a
block's closing ``}`` on the same line, and only what Mermaid itself refuses, plus the scores and
actor lists a journeygen spec cannot hold, is reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from journeygen.errors import Problem, SpecError
from journeygen.importers.mermaid_prepare import Preprocessed, decode, prepare
from journeygen.render.mermaid.escape import JS_SPACE

_I = re.I
# (pattern, token) in the lexer's order; the first rule that matches wins. None: skipped.
_INITIAL = (
    (re.compile(r"%%(?!\{)[^\n]*", _I), None),
    (re.compile(r"[^}]%%[^\n]*", _I), None),
    (re.compile(r"\n+"), "NEWLINE"),
    (re.compile(r"\s+"), None),
    (re.compile(r"#[^\n]*"), None),
    (re.compile(r"journey", _I), "journey"),
    (re.compile(r"title\s[^#\n;]+", _I), "title"),
    (re.compile(r"accTitle\s*:\s*", _I), "acc_title"),
    (re.compile(r"accDescr\s*:\s*", _I), "acc_descr"),
    (re.compile(r"accDescr\s*\{\s*", _I), "acc_block"),
    (re.compile(r"section\s[^#:\n;]+", _I), "section"),
    (re.compile(r"[^#:\n;]+"), "taskName"),
    (re.compile(r":[^#\n;]+"), "taskData"),
    (re.compile(r":"), ":"),
    (re.compile(r"."), "INVALID"),
)
_REST_OF_LINE = re.compile(r"[^\n]*")
_BLOCK = re.compile(r"[^}]*")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|0x[0-9a-f]+|0o[0-7]+|0b[01]+|[+-]?Infinity", _I)


@dataclass(frozen=True)
class MermaidTask:
    """``Name: score: Actor, Actor`` as Mermaid reads it (entity codes decoded, empty actors kept)."""

    name: str
    score: int
    actors: tuple[str, ...]
    line: int
    col: int = 1


@dataclass(frozen=True)
class MermaidSection:
    """A ``section`` and its tasks; ``name`` is None for tasks written before any section."""

    name: str | None
    line: int
    tasks: tuple[MermaidTask, ...] = ()


@dataclass(frozen=True)
class MermaidJourney:
    """What a journey diagram says, in order; None where it says nothing."""

    title: str | None
    acc_title: str | None
    acc_descr: str | None
    sections: tuple[MermaidSection, ...]
    config: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Problem, ...] = ()
    """Things Mermaid itself ignores, worth a word on stderr."""

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor, in order of first appearance."""
        return tuple(dict.fromkeys(a for s in self.sections for t in s.tasks for a in t.actors))


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(code: str) -> Iterator[_Token]:
    """journey.jison's lexer, its three states included."""
    at = 0
    while at < len(code):
        # '.' matches anything but a line break, and '\n+' those: some rule always matches.
        match, kind = next((m, k) for m, k in ((p.match(code, at), k) for p, k in _INITIAL) if m)
        at = match.end()
        if kind in ("acc_title", "acc_descr"):
            value = _REST_OF_LINE.match(code, at)
            assert value is not None
            yield _Token(kind, value.group(), at)
            at = value.end()
        elif kind == "acc_block":
            value = _BLOCK.match(code, at)
            assert value is not None
            closed = value.end() < len(code)
            yield _Token("acc_block" if closed else "unclosed", value.group(), match.start())
            at = value.end() + 1
        elif kind is not None:
            yield _Token(kind, match.group(), match.start())


class _Reader:
    """The grammar's actions, collecting statements and problems (no state outlives one parse)."""

    def __init__(self, source: Preprocessed, name: str) -> None:
        self.source, self.name = source, name
        self.problems: list[Problem] = list(source.problems)
        self.values: dict[str, str] = {}
        self.sections: list[tuple[str | None, int, list[MermaidTask]]] = []
        self.skip_line = 0  # after a problem, the rest of its line is not judged again

    def problem(self, index: int, path: str, message: str) -> None:
        line, col = self.source.at(index)
        self.problems.append(Problem(self.name, line, col, path, message))
        self.skip_line = line

    def read(self) -> None:
        tokens = list(_tokens(self.source.code))
        if not tokens or tokens[0].kind != "journey":
            self._not_journey(tokens)
            return
        pending: _Token | None = None
        for token in tokens[1:]:
            if token.kind == "NEWLINE":
                self._name_without_data(pending)
                pending = None
            elif self.source.at(token.start)[0] != self.skip_line:
                pending = self._statement(pending, token)
        self._name_without_data(pending)

    def _not_journey(self, tokens: list[_Token]) -> None:
        if not tokens:
            self.problem(0, "journey", "empty diagram: expected a first line 'journey'")
            return
        word = tokens[0].text.split()[0] if tokens[0].text.split() else tokens[0].text
        if word.startswith("---"):
            self.problem(tokens[0].start, "front matter", "front matter opened with '---' is never closed")
            return
        self.problem(tokens[0].start, "journey", f"not a Mermaid journey diagram: it starts with {word!r}, "
                                                 "not 'journey'")

    def _statement(self, pending: _Token | None, token: _Token) -> _Token | None:
        if pending is not None:
            if token.kind == "taskData":
                self._task(pending, token)
            elif token.kind == ":":
                self.problem(token.start, "score", "a task needs a score after ':'")
            else:
                self._misplaced(token)
            return None
        if token.kind == "taskName":
            return token
        simple = {"title": lambda: self._set("title", token.text[6:]),
                  "acc_title": lambda: self._set("acc_title", _js_trim(token.text)),
                  "acc_descr": lambda: self._set("acc_descr", _js_trim(token.text)),
                  "acc_block": lambda: self._set("acc_descr", re.sub(r"\n\s+", "\n", _js_trim(token.text))),
                  "section": lambda: self.sections.append((decode(token.text[8:]), self.source.at(token.start)[0],
                                                           []))}
        if token.kind in simple:
            simple[token.kind]()
        else:
            self._misplaced(token)
        return None

    def _set(self, key: str, value: str) -> None:
        self.values[key] = decode(value)

    def _misplaced(self, token: _Token) -> None:
        if token.kind == "INVALID":
            self.problem(token.start, "syntax", f"{token.text!r} is not allowed here"
                         + ("; write #59; for a semicolon" if token.text == ";" else ""))
        elif token.kind == "unclosed":
            self.problem(token.start, "accDescr", "an `accDescr {` block is never closed with '}'")
        elif token.kind == "journey":
            self.problem(token.start, "syntax", "'journey' is a keyword here; write its first letter as an entity "
                                                "code (j is code 106)")
        elif self.sections and self.sections[-1][1] == self.source.at(token.start)[0]:
            self.problem(token.start, "section", "a section name cannot hold ':'; write #58; for a colon")
        else:
            self.problem(token.start, "task", "a task is written `Task name: score: Actor, Actor`")

    def _name_without_data(self, pending: _Token | None) -> None:
        if pending is not None:
            self.problem(pending.start, "task", "a task is written `Task name: score: Actor, Actor`; "
                                                "this line has no ':'")

    def _task(self, name: _Token, data: _Token) -> None:
        pieces = data.text[1:].split(":")
        score = self._score(data.start + 1 + len(pieces[0]) - len(pieces[0].lstrip()), pieces[0])
        if len(pieces) > 2:
            self.problem(data.start + 2 + len(pieces[0]) + len(pieces[1]), "task",
                         "a task has at most two ':' (name: score: actors); write #58; for a colon")
            return
        actors = tuple(decode(_js_trim(a)) for a in pieces[1].split(",")) if len(pieces) > 1 else ()
        if score is not None:
            line, col = self.source.at(name.start)
            if not self.sections:
                self.sections.append((None, line, []))
            self.sections[-1][2].append(MermaidTask(decode(name.text), score, actors, line, col))

    def _score(self, index: int, text: str) -> int | None:
        value = _js_number(text)
        if value in (1, 2, 3, 4, 5):
            return int(value)
        if value is None or not math.isfinite(value):
            why = f"Mermaid reads {_js_trim(text)!r} as no number and draws the task off the chart"
        else:
            why = f"Mermaid draws {value:g}, but a journeygen emotion is a whole number from 1 to 5; rescale the scores"
        self.problem(index, "score", f"a task's score is a whole number from 1 to 5: {why}")
        return None


def _js_trim(text: str) -> str:
    """JavaScript's ``String.prototype.trim``."""
    return text.strip(JS_SPACE)


def _js_number(text: str) -> float | None:
    """JavaScript's ``Number(text)``; None for NaN."""
    body = _js_trim(text)
    if not body:
        return 0.0
    if not _NUMBER.fullmatch(body):
        return None
    lowered = body.lower()
    if lowered[:2] in ("0x", "0o", "0b"):
        return float(int(lowered, 0))
    return float(lowered.replace("infinity", "inf"))


def parse(text: str, name: str = "<mermaid>") -> MermaidJourney:
    """Parse a Mermaid journey diagram (front matter, directives and comments allowed); raises SpecError."""
    source = prepare(text, name)
    reader = _Reader(source, name)
    reader.read()
    if reader.problems:
        raise SpecError(reader.problems)
    values = reader.values
    sections = tuple(MermaidSection(name, line, tuple(tasks)) for name, line, tasks in reader.sections)
    return MermaidJourney(values.get("title", source.title), values.get("acc_title") or None,
                          values.get("acc_descr") or None, sections, source.config, source.notes)
