"""CSV text -> rows of cells that know their line and column, so every problem can be pinned to one."""

from __future__ import annotations

from dataclasses import dataclass

from journeygen.errors import Problem, SpecError
from journeygen.numbers import column_name
from journeygen.spec.loader import Limits
from journeygen.spreadsheet.cells import unguard

_QUOTE = '"'


@dataclass(frozen=True)
class Cell:
    """One cell: its text (formula guard removed), where it starts in the file, and its spreadsheet address."""

    text: str
    line: int
    col: int
    row: int
    column: int

    @property
    def address(self) -> str:
        """``D12``: column letters and row number as a spreadsheet shows them."""
        return f"{column_name(self.column)}{self.row}"


def sniff(text: str) -> str:
    """The delimiter of the first line: comma, or semicolon / tab as some spreadsheets save them."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


class _Reader:
    """RFC 4180 with positions: quoted cells may hold the delimiter, quotes (doubled) and new lines."""

    def __init__(self, text: str, name: str, delimiter: str, max_cells: int) -> None:
        self.text, self.name, self.delimiter, self.max_cells = text, name, delimiter, max_cells
        self.cells = 0
        self.pos, self.line, self.col = 0, 1, 1
        self.newline = -1
        """Where the line holding ``pos`` ends, found once per line, so a long line costs its length once."""
        self.rows: list[list[Cell]] = []

    def fail(self, line: int, col: int, message: str) -> SpecError:
        where = f"{column_name(len(self.current))}{len(self.rows) + 1}"
        return SpecError([Problem(self.name, line, col, where, message)])

    def advance(self) -> str:
        char = self.text[self.pos]
        self.pos += 1
        if char == "\n":
            self.line, self.col = self.line + 1, 1
        else:
            self.col += 1
        return char

    def read(self) -> list[list[Cell]]:
        self.current: list[Cell] = []
        while self.pos < len(self.text) or self.current:
            start = (self.line, self.col)
            self.cells += 1
            if self.cells > self.max_cells:
                raise self.fail(*start, f"more than {self.max_cells} cells; raise JOURNEYGEN_MAX_NODES if this "
                                        "is intended")
            value = self.quoted() if self.text.startswith(_QUOTE, self.pos) else self.plain()
            self.current.append(Cell(unguard(value), *start, len(self.rows) + 1, len(self.current)))
            if self.pos >= len(self.text) or self.advance() != self.delimiter:
                self.rows.append(self.current)
                self.current = []
        return self.rows

    def jump(self, end: int) -> str:
        """Move to ``end`` in one step (a cell can be long); return the text passed over."""
        chunk = self.text[self.pos:end]
        newlines = chunk.count("\n")
        self.line += newlines
        self.col = len(chunk) - chunk.rfind("\n") if newlines else self.col + len(chunk)
        self.pos = end
        return chunk

    def plain(self) -> str:
        if self.newline < self.pos:
            found = self.text.find("\n", self.pos)
            self.newline = found if found >= 0 else len(self.text)
        end = self.text.find(self.delimiter, self.pos, self.newline)
        return self.jump(end if end >= 0 else self.newline).removesuffix("\r")

    def quoted(self) -> str:
        opened = (self.line, self.col)
        self.advance()
        out: list[str] = []
        while True:
            end = self.text.find(_QUOTE, self.pos)
            if end < 0:
                raise self.fail(*opened, "this quoted cell is never closed: a '\"' is missing")
            out.append(self.jump(end))
            self.advance()
            if not self.text.startswith(_QUOTE, self.pos):
                break
            out.append(self.advance())
        if self.text.startswith("\r\n", self.pos):
            self.advance()
        if self.pos < len(self.text) and self.text[self.pos] not in (self.delimiter, "\n"):
            raise self.fail(self.line, self.col, f"unexpected {self.text[self.pos]!r} after a closing quote; "
                                                 "inside a quoted cell write a quote as two quotes (\"\")")
        return "".join(out).replace("\r\n", "\n")


def read_rows(text: str, name: str, limits: Limits | None = None) -> list[list[Cell]]:
    """All rows of a CSV text; raises SpecError with the line, column and cell of the first syntax error."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SpecError([Problem(name, line, 1, "(csv)", "contains a NUL byte: is this really a CSV file?")])
    return _Reader(text, name, sniff(text), (limits or Limits()).max_nodes).read()
