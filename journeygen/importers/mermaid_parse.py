"""Mermaid ``journey`` text -> MermaidJourney (title, sections, tasks), or every problem at FILE:LINE:COL."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from journeygen.errors import Problem, SpecError
from journeygen.render.mermaid.escape import decode

# The statements of Mermaid's journey grammar (user-journey/parser/journey.jison), case-insensitive.
_HEADER = re.compile(r"(?i)journey\b")
_ACC_TITLE = re.compile(r"(?i)accTitle\s*:\s*(.*)")
_ACC_DESCR = re.compile(r"(?i)accDescr\s*:\s*(.*)")
_ACC_BLOCK = re.compile(r"(?i)accDescr\s*\{(.*)")
_TITLE = re.compile(r"(?i)title\s(.*)")
_SECTION = re.compile(r"(?i)section\s(.*)")
# An entity code is text; a bare '#' starts a comment; a bare ';' is a syntax error. ('%%' is a
# comment only at the start of a line: inside a statement Mermaid reads it as text.)
_SYNTAX = re.compile(r"#\w+;|#|;")
_SCORE = re.compile(r"\s*\+?(\d+)(?:\.0*)?\s*")


@dataclass(frozen=True)
class MermaidTask:
    """``Name: score: Actor, Actor`` as written, entity codes decoded."""

    name: str
    score: int
    actors: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class MermaidSection:
    """A ``section`` and its tasks; ``name`` is None for tasks written before any section."""

    name: str | None
    line: int
    tasks: tuple[MermaidTask, ...] = ()


@dataclass(frozen=True)
class MermaidJourney:
    """What a journey diagram says, in order."""

    title: str | None
    acc_title: str | None
    acc_descr: str | None
    sections: tuple[MermaidSection, ...]

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor, in order of first appearance."""
        return tuple(dict.fromkeys(a for s in self.sections for t in s.tasks for a in t.actors))


class _Reader:
    """Walks the lines once, collecting statements and problems (no state outlives one parse)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.values: dict[str, str] = {}
        self.sections: list[tuple[str | None, int, list[MermaidTask]]] = []  # frozen when the parse ends
        self.header = False
        self.block: list[str] | None = None  # lines of an open `accDescr {` block
        self.directive = False  # inside a multi-line `%%{ ... }%%`
        self.foreign = False  # another kind of diagram: nothing after its first line is ours to judge

    def problem(self, line: int, col: int, path: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, col, path, message))

    def feed(self, number: int, line: str) -> None:
        if self.foreign:
            return
        if self.block is not None or self.directive:
            self._continue(line)
            return
        body = line.lstrip()
        col = len(line) - len(body) + 1
        if not body or body.startswith("%%"):
            self.directive = body.startswith("%%{") and "}%%" not in body
            return
        if not self.header:
            self._header(number, col, body)
            return
        self._statement(number, col, body.rstrip())

    def _continue(self, line: str) -> None:
        if self.directive:
            self.directive = "}%%" not in line
            return
        assert self.block is not None
        text, closed, _ = line.partition("}")
        self.block.append(text)
        if closed:
            self.values["acc_descr"] = decode("\n".join(part.strip() for part in self.block if part.strip()))
            self.block = None

    def _header(self, number: int, col: int, body: str) -> None:
        if _HEADER.match(body):
            self.header = True
            return
        word = body.split()[0]
        self.problem(number, col, "journey", f"not a Mermaid journey diagram: it starts with {word!r}, "
                                             "not 'journey'")
        self.header = self.foreign = True

    def _statement(self, number: int, col: int, body: str) -> None:
        for pattern, key in ((_ACC_TITLE, "acc_title"), (_ACC_DESCR, "acc_descr")):
            match = pattern.match(body)
            if match:
                self.values[key] = decode(match.group(1).strip())
                return
        block = _ACC_BLOCK.match(body)
        if block:
            self.block = []
            self._continue(block.group(1))
            return
        code = self._code(number, col, body)
        if code:
            self._plain(number, col, code)

    def _code(self, number: int, col: int, body: str) -> str:
        """The statement without its comment; a bare ';' is reported."""
        for match in _SYNTAX.finditer(body):
            if match.group() == ";":
                self.problem(number, col + match.start(), "syntax", "';' is not allowed here; write #59; "
                                                                    "for a semicolon")
                return ""
            if match.group() == "#":
                return body[: match.start()].rstrip()
        return body

    def _plain(self, number: int, col: int, code: str) -> None:
        title, section = _TITLE.match(code), _SECTION.match(code)
        if title:
            self.values["title"] = decode(title.group(1).strip())
        elif section:
            self._section(number, col, section.group(1))
        elif not _HEADER.fullmatch(code):
            self._task(number, col, code)

    def _section(self, number: int, col: int, rest: str) -> None:
        if ":" in rest:
            at = col + len("section ") + rest.index(":")
            self.problem(number, at, "section", "a section name cannot hold ':'; write #58; for a colon")
        self.sections.append((decode(rest.strip()), number, []))

    def _task(self, number: int, col: int, code: str) -> None:
        name, colon, data = code.partition(":")
        if not colon or not name.strip():
            what = "a task is written `Task name: score: Actor, Actor`"
            self.problem(number, col, "task", what if colon else f"{what}; this line has no ':'")
            return
        pieces = data.split(":")
        score = self._score(number, col + len(name) + 1, pieces[0])
        if len(pieces) > 2:
            at = col + len(name) + 2 + len(pieces[0]) + len(pieces[1])
            self.problem(number, at, "task", "a task has at most two ':' (name: score: actors); write #58; "
                                             "for a colon")
        actors = tuple(dict.fromkeys(decode(a.strip()) for a in (pieces[1].split(",") if len(pieces) > 1 else ())))
        if score is not None:
            if not self.sections:
                self.sections.append((None, number, []))
            self.sections[-1][2].append(MermaidTask(decode(name.strip()), score, tuple(a for a in actors if a),
                                                       number))

    def _score(self, number: int, col: int, text: str) -> int | None:
        match = _SCORE.fullmatch(text)
        if match and 1 <= int(match.group(1)) <= 5:
            return int(match.group(1))
        self.problem(number, col + 1, "score", f"a task's score is a whole number from 1 to 5, not {text.strip()!r}")
        return None


def parse(text: str, name: str = "<mermaid>") -> MermaidJourney:
    """Parse a Mermaid journey diagram (front matter, directives and comments allowed); raises SpecError."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    reader = _Reader(name)
    start, front_title = _front_matter(lines, reader)
    for number, line in enumerate(lines[start:], start + 1):
        reader.feed(number, line)
    if not reader.header:
        reader.problem(1, 1, "journey", "empty diagram: expected a first line 'journey'")
    if reader.block is not None:
        reader.problem(len(lines), 1, "accDescr", "an `accDescr {` block is never closed with '}'")
    if reader.problems:
        raise SpecError(reader.problems)
    values = reader.values
    sections = tuple(MermaidSection(name, line, tuple(tasks)) for name, line, tasks in reader.sections)
    return MermaidJourney(values.get("title", front_title), values.get("acc_title"), values.get("acc_descr"),
                          sections)


def _front_matter(lines: list[str], reader: _Reader) -> tuple[int, str | None]:
    """Skip a leading ``---`` YAML block; its ``title`` is the diagram's title unless a statement sets one."""
    if not lines or lines[0].strip() != "---":
        return 0, None
    end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), None)
    if end is None:
        reader.problem(1, 1, "front matter", "front matter opened with '---' is never closed")
        return len(lines), None
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        reader.problem(line, 1, "front matter", f"invalid YAML: {getattr(exc, 'problem', exc)}")
        return end + 1, None
    title = data.get("title") if isinstance(data, dict) else None
    return end + 1, str(title) if title is not None else None
