"""Fixtures for the Mermaid tests: the REAL mermaid parser (node + jsdom, tests/js) and hostile labels."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from helpers import ROOT

JS = ROOT / "tests" / "js"

RealParse = Callable[[list[str]], list[dict[str, Any]]]

# Every character Mermaid treats as syntax, alone and in context, plus what breaks weaker exporters.
HOSTILE = (
    "Pays: card", "#", "# not a comment", "a;b", "Maria, Ion", "50% off", "%% a comment",
    "%%{init: {'theme': 'dark'}}%%", "x %%{init: {\"securityLevel\": \"loose\"}}%% y", "}%%",
    "line one\nsection Injected", "line one\ntitle Injected", "tab\there", "para\u2028graph",
    "section Fake", "title Fake", "journey", "accTitle: fake", "accDescr { fake }", "Section: upper",
    "<script>alert(1)</script>", "<br>break", "a<b>bold</b>", "&lt;not a tag&gt;", "#58; literal code",
    "#quot; named", "\ufb02\u00b0\u00b058\u00b6\u00df forged placeholder", "```fence", '"quoted"',
    "style:#1;", "click x call alert()", "a --> b", "end", "  spaced  ", "Läufer 🏃‍♀️👟 🇷🇴",
    "קניית נעליים לריצה", "شراء أحذية", "x" * 500, "ab " * 166 + ":#;",
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``hostile`` runs once per hostile label (its index into ``hostile_labels``)."""
    if "hostile" in metafunc.fixturenames:
        metafunc.parametrize("hostile", range(len(HOSTILE)), ids=[repr(label)[:30] for label in HOSTILE])


@pytest.fixture(scope="session")
def hostile_labels() -> tuple[str, ...]:
    """Labels that must come out of every Mermaid export exactly as written (line breaks as spaces)."""
    return HOSTILE


FIELDS = ("title", "accTitle", "accDescr", "sections", "tasks", "actors", "config")
"""Everything the real parser reports of a journey diagram, compared one by one."""


def reading(result: dict[str, Any]) -> dict[str, Any]:
    """The fields of one real-parser result, tasks as (section, task, score, people)."""
    tasks = [(t["section"], t["task"], t["score"], t["people"]) for t in result["tasks"]]
    return {**{field: result[field] for field in FIELDS}, "tasks": tasks}


@pytest.fixture(scope="session")
def read() -> Callable[[dict[str, Any]], dict[str, Any]]:
    """:func:`reading`, for test modules (conftest is not importable)."""
    return reading


@pytest.fixture(scope="session")
def real_parse() -> RealParse:
    """Parse a batch of Mermaid texts with mermaid.parse() under jsdom: one node process per batch."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "mermaid").is_dir():
        message = "the real Mermaid parser is not installed: run `npm ci --prefix tests/js`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def parse(texts: list[str]) -> list[dict[str, Any]]:
        done = subprocess.run([node, str(JS / "parse.mjs")], input=json.dumps(texts).encode(), cwd=JS,
                              capture_output=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr.decode()
        results: list[dict[str, Any]] = json.loads(done.stdout)
        return results

    return parse
