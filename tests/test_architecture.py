"""The package's shape stays as docs/architecture.md describes it: no import cycles, click only in the
command line, and no stage importing a stage above it."""

from __future__ import annotations

from pathlib import Path

import pytest
from architecture.imports import cycles, import_graph, layer_violations, stray_imports, unplaced
from helpers import ROOT

PACKAGE = ROOT / "journeygen"
BAD = Path(__file__).parent / "architecture" / "badpkg"

# Lowest first: a module may import its own stage and the stages before it, never one after it.
LAYERS: list[set[str]] = [
    {"errors", "options", "project", "numbers", "locale", "git", "readfile", "projectfile", "pace"},
    {"spec"},
    {"assets", "theme"},
    {"layout"},
    {"render", "spreadsheet"},
    {"validate", "api", "output"},
    {"vcs", "report", "site"},
    {"authoring"},
    {"importers"},  # an import writes the canonical form authoring's fmt defines
    {"cli", "__main__"},
]


@pytest.fixture(scope="module")
def graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return import_graph(PACKAGE)


def test_no_import_cycles(graph: tuple[dict[str, set[str]], dict[str, set[str]]]) -> None:
    assert cycles(graph[0]) == []


def test_click_only_in_the_command_line(graph: tuple[dict[str, set[str]], dict[str, set[str]]]) -> None:
    assert stray_imports(graph[1], "click", "journeygen.cli") == []


def test_no_stage_imports_a_later_stage(graph: tuple[dict[str, set[str]], dict[str, set[str]]]) -> None:
    assert unplaced(graph[0], LAYERS) == set(), "a new folder or module needs its place in LAYERS"
    assert layer_violations(graph[0], LAYERS) == []


def test_every_stage_has_a_docstring_saying_what_it_holds() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        text = init.read_text(encoding="utf-8")
        assert text.startswith('"""') and len(text.split('"""')[1]) > 20, init


def test_the_guard_fails_on_a_package_that_breaks_the_rules() -> None:
    graph, external = import_graph(BAD)
    assert cycles(graph) == [["badpkg.render.draw", "badpkg.render.shape"]]
    assert stray_imports(external, "click", "badpkg.cli") == ["badpkg.spec.model"]
    layers = [{"spec"}, {"render"}, {"cli"}]
    assert layer_violations(graph, layers) == ["badpkg.spec.model -> badpkg.render",
                                               "badpkg.spec.model -> badpkg.render.draw"]
    assert unplaced(graph, [{"spec"}]) == {"render", "cli"}
