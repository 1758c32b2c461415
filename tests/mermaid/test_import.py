"""`journeygen import mermaid`: Mermaid journeys -> specs; export(import(x)) keeps all of x (real parser)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from journeygen.api import loads, render
from journeygen.cli.main import main
from journeygen.errors import SpecError
from journeygen.importers.mermaid import import_text
from journeygen.importers.mermaid_parse import parse

RealParse = Callable[[list[str]], list[dict[str, Any]]]


def run(*args: str) -> tuple[int, str, str]:
    """The command line, in-process."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr

# Mermaid's documented example, as in its docs, then the same ideas in the other ways people write them.
DOCUMENTED = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""
CORPUS = (
    DOCUMENTED,
    DOCUMENTED.replace("    ", "\t").replace("\n", "\r\n"),
    "journey\n  title Brocks working day\n  section Go to work\n    Make tea: 5: Me, Brock, \n"
    "    Go upstairs: 3: Coco\n    Do work: 1: Me, Courtney\n  section Go home\n    Go downstairs: 5: Me\n",
    '%%{init: {"theme": "forest"}}%%\njourney\n  %% a comment line\n  Title Onboarding #58; week one\n'
    "  accTitle: Onboarding, accessible\n  accDescr: How a new hire feels; day by day\n"
    "  SECTION Day 1 # trailing comment\n    Gets a laptop: 4: Ana, Bo #35;2\n"
    "    Meets #35;team: 5: Ana  %% inline comment\n  section Day 2\n    Fills #59; forms: 1: Bo #35;2, Ana\n",
    "journey\n  title קנייה\n  accDescr {\n    Two lines\n    of description\n  }\n  section שלב 1 🏃\n"
    "    מחפש נעליים 👟: 3: מריה\n    Pays #60;card#62;: 2: מריה, Ion\n",
    "journey\n  title Three actors\n  section S\n    Together: 4: A, B, C\n    Two of them: 2: C, A\n"
    "    One: 1: B\n  section Empty\n  section Last\n    All: 5: A, B, C\n",
)


@pytest.fixture(scope="module")
def parsed(real_parse: RealParse) -> list[dict[str, Any]]:
    """The corpus, then export(import(x)) of each, read by the real parser in one node run."""
    again = [render(loads(import_text(text, "x.mmd", "x")), "mermaid").decode() for text in CORPUS]
    return real_parse(list(CORPUS) + again)


def _tasks(result: dict[str, Any]) -> list[tuple[str, str, int, list[str]]]:
    """Tasks as Mermaid read them, less the spaces before a comment or ':' and empty actors (both dropped)."""
    return [(t["section"].strip(), t["task"].strip(), t["score"], [p for p in t["people"] if p])
            for t in result["tasks"]]


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_our_parser_reads_what_mermaid_reads(parsed: list[dict[str, Any]], index: int) -> None:
    real, ours = parsed[index], parse(CORPUS[index])
    assert real["ok"], real.get("error")
    assert ours.title == real["title"]
    assert (ours.acc_title or "", ours.acc_descr or "") == (real["accTitle"], real["accDescr"])
    assert [s.name for s in ours.sections] == [name.strip() for name in real["sections"]]
    assert [(s.name, t.name, t.score, list(t.actors)) for s in ours.sections for t in s.tasks] == _tasks(real)


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_export_of_import_keeps_everything(parsed: list[dict[str, Any]], index: int) -> None:
    before, after = parsed[index], parsed[len(CORPUS) + index]
    assert after["ok"], after.get("error")
    assert after["title"] == before["title"]
    assert after["sections"] == [name.strip() for name in before["sections"]]
    assert _tasks(after) == _tasks(before)
    assert after["actors"] == sorted({a for a in before["actors"] if a})
    if before["accDescr"]:
        assert after["accDescr"] == before["accDescr"]


def test_import_maps_sections_tasks_and_actors() -> None:
    journey = loads(import_text(DOCUMENTED, "doc.mmd", "doc"))
    assert journey.title == "My working day"
    assert [p.name for p in journey.personas] == ["Me", "Cat"]
    assert [s.name for s in journey.stages] == ["Go to work", "Go home"]
    work = journey.stages[0].actions
    assert [(a.text, a.emotion, a.persona) for a in work] == [
        ("Make tea", 5, "me"), ("Go upstairs", 3, "me"), ("Do work", 1, None)]


def test_tasks_without_actors_or_sections_still_make_a_valid_spec() -> None:
    journey = loads(import_text("journey\n  Wake up: 2\n  Coffee: 5\n", "bare.mmd", "bare"))
    assert journey.title == "bare"
    assert [p.name for p in journey.personas] == ["Customer"]
    assert [(s.name, [a.text for a in s.actions]) for s in journey.stages] == [("Tasks", ["Wake up", "Coffee"])]
    again = parse(render(journey, "mermaid").decode())
    assert [(t.name, t.score) for t in again.sections[0].tasks] == [("Wake up", 2), ("Coffee", 5)]


def test_duplicate_names_get_unique_ids() -> None:
    journey = loads(import_text("journey\n section A\n  x: 1: Me\n section A\n  y: 2: me\n", "d.mmd", "d"))
    assert [s.id for s in journey.stages] == ["a", "a-2"]
    assert [p.id for p in journey.personas] == ["me", "me-2"]


def test_spec_export_import_export_is_stable(hostile_labels: tuple[str, ...]) -> None:
    for label in hostile_labels:
        data = {"title": label, "description": label, "personas": [{"id": "p", "name": label}, {"name": "Ion"}],
                "stages": [{"name": label, "emotion": {"p": 2, "ion": 4}, "actions": [label, "b"]},
                           {"name": "Two", "actions": [{"text": label, "emotion": 5, "persona": "ion"}]}]}
        first = render(loads(json.dumps(data, ensure_ascii=False)), "mermaid").decode()
        second = render(loads(import_text(first, "x.mmd", "x")), "mermaid").decode()
        assert second == first, label


def test_cli_writes_refuses_to_overwrite_and_prints(tmp_path: Path) -> None:
    source = tmp_path / "day.mmd"
    source.write_text(DOCUMENTED)
    out = tmp_path / "day.journey.yaml"
    assert run("import", "mermaid", str(source), "-o", str(out))[0] == 0
    assert run("validate", str(out))[0] == 0
    code, _, err = run("import", "mermaid", str(source), "-o", str(out))
    assert code == 1 and "--force" in err
    assert run("import", "mermaid", str(source), "-o", str(out), "--force")[0] == 0
    code, printed, _ = run("import", "mermaid", str(source), "-o", "-")
    assert printed == out.read_text()
    assert run("import", "mermaid", str(source))[0] == 1  # the default name, day.journey.yaml, exists too


def test_cli_reports_problems_at_file_line_col(tmp_path: Path) -> None:
    source = tmp_path / "bad.mmd"
    source.write_text("journey\n  title T\n  section A: B\n    Ok: 3: Me\n    Bad score: 9: Me\n    no colon\n")
    code, _, err = run("import", "mermaid", str(source), "-o", str(tmp_path / "out.yaml"))
    assert code == 1
    assert err.splitlines() == [
        f"{source}:3:12: section: a section name cannot hold ':'; write #58; for a colon",
        f"{source}:5:16: score: a task's score is a whole number from 1 to 5, not '9'",
        f"{source}:6:5: task: a task is written `Task name: score: Actor, Actor`; this line has no ':'",
    ]
    assert not (tmp_path / "out.yaml").exists()


def test_cli_refuses_other_diagrams_and_bad_bytes(tmp_path: Path) -> None:
    flow = tmp_path / "flow.mmd"
    flow.write_text("flowchart LR\n  a --> b\n")
    code, _, err = run("import", "mermaid", str(flow), "-o", "-")
    assert code == 1
    assert f"{flow}:1:1: journey: not a Mermaid journey diagram" in err
    binary = tmp_path / "bin.mmd"
    binary.write_bytes(b"journey\n\xff\xfe")
    code, _, err = run("import", "mermaid", str(binary), "-o", "-")
    assert code == 1 and "not UTF-8" in err


def test_a_diagram_beyond_the_spec_limits_is_refused_clearly() -> None:
    tasks = "".join(f"  t{i}: 3: Me\n" for i in range(501))
    with pytest.raises(SpecError) as caught:
        import_text("journey\n section A\n" + tasks, "big.mmd", "big")
    assert str(caught.value).startswith("big.mmd:1:1: stages[0].actions: the spec made from this diagram is invalid: "
                                        "holds more than 500 items")


def test_front_matter_directives_and_comments_are_understood() -> None:
    text = ('---\ntitle: "Front: matter"\nconfig: {theme: forest}\n---\n%%{init: {\n  "theme": "dark"\n}}%%\n'
            "journey\n  %% comment\n  section A # comment\n    t: 3: Me\n")
    diagram = parse(text)
    assert diagram.title == "Front: matter"
    assert [(s.name, [(t.name, t.score, t.actors) for t in s.tasks]) for s in diagram.sections] == [
        ("A", [("t", 3, ("Me",))])]
    with pytest.raises(SpecError, match=r"x.mmd:1:1: front matter: front matter opened with '---' is never closed"):
        parse("---\ntitle: x\njourney\n", "x.mmd")
