"""docs/format.md stays true: every example marked as a spec validates, every one marked invalid fails as shown.

A block is marked by an HTML comment on the line before its fence: ``<!-- spec -->`` (must validate)
or ``<!-- invalid -->`` (must fail; when the next block is a bare ````` fence, it is the exact output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from journeygen.cli.main import main

FORMAT_MD = ROOT / "docs" / "format.md"
_BLOCK = re.compile(r"(?:<!-- (?P<mark>spec|invalid) -->\n)?```(?P<lang>\w*)\n(?P<body>.*?)\n```\n", re.S)


@dataclass(frozen=True)
class Example:
    """A code block of the page: its marker, language, text, line, and the output block after it."""

    mark: str
    lang: str
    body: str
    line: int
    output: str | None


def _examples() -> list[Example]:
    text = FORMAT_MD.read_text(encoding="utf-8")
    blocks = list(_BLOCK.finditer(text))
    found = []
    for i, block in enumerate(blocks):
        if block["mark"]:
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            output = after["body"] if after and not after["mark"] and not after["lang"] else None
            line = text.count("\n", 0, block.start()) + 1
            found.append(Example(block["mark"], block["lang"], block["body"], line, output))
    return found


EXAMPLES = _examples()


def _validate(example: Example, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    name = "spec.json" if example.lang == "json" else "spec.yaml"
    (folder / name).write_text(example.body + "\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["validate", name])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.mark == "spec"],
                         ids=lambda e: f"line{e.line}")
def test_spec_example_validates(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _validate(example, tmp_path, monkeypatch)
    assert code == 0, f"docs/format.md line {example.line}:\n{out}"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.mark == "invalid"],
                         ids=lambda e: f"line{e.line}")
def test_invalid_example_fails_as_shown(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _validate(example, tmp_path, monkeypatch)
    assert code == 1, f"docs/format.md line {example.line} validated but is shown as invalid"
    if example.output is not None:
        assert out.splitlines() == example.output.splitlines()


def test_the_page_has_checked_examples() -> None:
    marks = [e.mark for e in EXAMPLES]
    assert marks.count("spec") >= 10 and marks.count("invalid") >= 2
    assert any(e.lang == "json" for e in EXAMPLES)
