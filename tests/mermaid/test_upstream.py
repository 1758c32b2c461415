"""Mermaid's own journey diagrams (tests/mermaid/upstream): import, export, and the real parser sees no change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from helpers import ROOT

from journeygen.api import loads, render
from journeygen.authoring.fmt import format_text
from journeygen.errors import SpecError
from journeygen.importers.mermaid import import_text
from journeygen.importers.mermaid_parse import parse

RealParse = Callable[[list[str]], list[dict[str, Any]]]
Read = Callable[[dict[str, Any]], dict[str, Any]]
UPSTREAM = sorted((ROOT / "tests" / "mermaid" / "upstream").glob("*.mmd"))
NAMES = [path.name for path in UPSTREAM]
# Diagrams Mermaid accepts that import refuses, each with the problem docs/mermaid.md explains.
REFUSED = {
    "cypress-journey-10.mmd": "cypress-journey-10.mmd:21:15: score: a task's score is a whole number from 1 to 5: "
                              "Mermaid reads '2rem' as no number and draws the task off the chart",
}


def _import(path_name: str, text: str) -> str:
    return import_text(text, path_name, path_name.removesuffix(".mmd")).spec


@pytest.fixture(scope="module")
def readings(real_parse: RealParse) -> dict[str, tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each diagram's reading by the real parser, and that of export(import(diagram)), in one node run."""
    texts = [path.read_text(encoding="utf-8") for path in UPSTREAM]
    kept = [(name, text) for name, text in zip(NAMES, texts, strict=True) if name not in REFUSED]
    again = [render(loads(_import(name, text)), "mermaid").decode() for name, text in kept]
    results = real_parse(texts + again)
    after = dict(zip([name for name, _ in kept], results[len(texts):], strict=True))
    return {name: (result, after.get(name)) for name, result in zip(NAMES, results[:len(texts)], strict=True)}


def test_the_corpus_is_all_there() -> None:
    sources = (ROOT / "tests" / "mermaid" / "upstream" / "SOURCES.md").read_text(encoding="utf-8")
    assert len(UPSTREAM) >= 30
    assert all(f"`{name}`" in sources for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_mermaid_accepts_it_and_so_do_we(readings: dict[str, Any], name: str, read: Read) -> None:
    before, _ = readings[name]
    assert before["ok"] and before["type"] == "journey", before.get("error")
    if name in REFUSED:
        return
    ours, real = parse((UPSTREAM[NAMES.index(name)]).read_text(encoding="utf-8")), read(before)
    assert (ours.title or "", ours.acc_title or "", ours.acc_descr or "") == (
        real["title"], real["accTitle"], real["accDescr"])
    assert [s.name for s in ours.sections if s.name is not None] == real["sections"]
    assert [(s.name or "", t.name, t.score, list(t.actors)) for s in ours.sections for t in s.tasks] == real["tasks"]
    assert ours.config == real["config"]


@pytest.mark.parametrize("name", [name for name in NAMES if name not in REFUSED])
def test_round_trip_changes_nothing_mermaid_reads(readings: dict[str, Any], name: str, read: Read) -> None:
    before, after = readings[name]
    assert after is not None and after["ok"], after and after.get("error")
    for field, value in read(before).items():
        assert read(after)[field] == value, field


@pytest.mark.parametrize("name", [name for name in NAMES if name not in REFUSED])
def test_the_imported_spec_is_canonical(name: str) -> None:
    spec = _import(name, (UPSTREAM[NAMES.index(name)]).read_text(encoding="utf-8"))
    assert format_text(spec, "x.yaml") == spec


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_position_and_reason(name: str) -> None:
    with pytest.raises(SpecError) as caught:
        _import(name, (UPSTREAM[NAMES.index(name)]).read_text(encoding="utf-8"))
    assert str(caught.value) == REFUSED[name]
