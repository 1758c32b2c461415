"""`journeygen import mermaid`: Mermaid journeys -> specs; export(import(x)) keeps all of x (real parser)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from journeygen.api import loads, render
from journeygen.authoring.fmt import format_text
from journeygen.cli.main import main
from journeygen.errors import SpecError
from journeygen.importers.mermaid import import_text
from journeygen.importers.mermaid_parse import MermaidTask, parse

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


Read = Callable[[dict[str, Any]], dict[str, Any]]


def imported(text: str, name: str = "x.mmd") -> str:
    """The spec text `import mermaid` writes for a diagram."""
    return import_text(text, name, "x").spec


@pytest.fixture(scope="module")
def parsed(real_parse: RealParse) -> list[dict[str, Any]]:
    """The corpus, then export(import(x)) of each, read by the real parser in one node run."""
    again = [render(loads(imported(text)), "mermaid").decode() for text in CORPUS]
    return real_parse(list(CORPUS) + again)


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_our_parser_reads_what_mermaid_reads(parsed: list[dict[str, Any]], index: int, read: Read) -> None:
    real, ours = read(parsed[index]), parse(CORPUS[index])
    assert parsed[index]["ok"], parsed[index].get("error")
    assert (ours.title or "", ours.acc_title or "", ours.acc_descr or "") == (
        real["title"], real["accTitle"], real["accDescr"])
    assert [s.name for s in ours.sections if s.name is not None] == real["sections"]
    assert [(s.name or "", t.name, t.score, list(t.actors)) for s in ours.sections for t in s.tasks] == real["tasks"]
    assert ours.config == real["config"]


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_export_of_import_keeps_everything(parsed: list[dict[str, Any]], index: int, read: Read) -> None:
    before, after = parsed[index], parsed[len(CORPUS) + index]
    assert after["ok"], after.get("error")
    for field, value in read(before).items():
        assert read(after)[field] == value, field


def test_import_maps_sections_tasks_and_actors() -> None:
    journey = loads(imported(DOCUMENTED, "doc.mmd"))
    assert journey.title == "My working day"
    assert [p.name for p in journey.personas] == ["Me", "Cat"]
    assert [s.name for s in journey.stages] == ["Go to work", "Go home"]
    work = journey.stages[0].actions
    assert [(a.text, a.emotion, a.persona) for a in work] == [
        ("Make tea", 5, "me"), ("Go upstairs", 3, "me"), ("Do work", 1, None)]


def test_nobody_an_empty_actor_and_no_section_stay_so() -> None:
    """Mermaid's parser spec: `C task: 5` has people [], `E task: 5:` has [''], and neither is everyone."""
    text = ("journey\n  Wake up: 2\n  Coffee: 5:\n  Work: 3: Ana\n  Lunch: 4: Ana, \n  section Later\n"
            "    Sleep: 5: Ana\n")
    journey = loads(imported(text, "bare.mmd"))
    assert journey.title == "x" and [p.name for p in journey.personas] == ["", "Ana"]
    assert [s.name for s in journey.stages] == ["", "Later"]
    actions = [(a.text, a.persona, a.personas) for a in journey.stages[0].actions]
    assert actions == [("Wake up", None, ()), ("Coffee", "unnamed", None), ("Work", "ana", None),
                       ("Lunch", None, ("ana", "unnamed"))]
    again = render(journey, "mermaid").decode()
    assert again == ("journey\n    Wake up: 2\n    Coffee: 5:\n    Work: 3: Ana\n    Lunch: 4: Ana,\n"
                     "    section Later\n        Sleep: 5: Ana\n")


def test_titles_and_accessibility_texts_are_kept_as_such() -> None:
    """Only what the diagram has comes back: no title or accTitle invented, an accTitle not replaced."""
    cases = {
        "journey\n  accTitle: Acc only\n  section A\n": ("Acc only", ["    accTitle: Acc only"]),
        "journey\n  title T\n  accTitle: Other\n  section A\n": ("T", ["    title T", "    accTitle: Other"]),
        "journey\n  title T\n  accTitle: T\n  accDescr: D\n  section A\n":
            ("T", ["    title T", "    accTitle: T", "    accDescr: D"]),
        "journey\n  section A\n": ("x", []),
    }
    for text, (title, heading) in cases.items():
        journey = loads(imported(text))
        assert journey.title == title
        assert render(journey, "mermaid").decode().splitlines()[1:-1] == heading, text


def test_text_after_a_closing_brace_is_read() -> None:
    """Mermaid's parser spec: `}title ...` on the block's last line is the title."""
    diagram = parse("journey\naccDescr {\n  two\n  lines\n}title After the brace\nsection S\n")
    assert (diagram.title, diagram.acc_descr) == ("After the brace", "two\nlines")


def test_names_keep_their_spelling() -> None:
    diagram = parse("journey\n  title  Two spaces \n  section\tTab\there \n    Task name : 5 : A\tB \n")
    assert diagram.title == " Two spaces "
    assert diagram.sections[0].name == "Tab\there "
    assert diagram.sections[0].tasks[0] == MermaidTask("Task name ", 5, ("A\tB",), 4, 5)
    journey = loads(imported("journey\n  title  Two spaces \n  section\tTab\there \n    Task name : 5 : A\tB \n"))
    assert (journey.title, journey.stages[0].name, journey.stages[0].actions[0].text) == (
        " Two spaces ", "Tab\there ", "Task name ")


def test_configuration_is_carried_and_unsafe_keys_are_named() -> None:
    text = ('---\nconfig:\n  theme: forest\n  securityLevel: loose\n  journey: {maxLabelWidth: 320}\n---\n'
            '%%{init: {"themeCSS": "svg {display: none}", "journey": {"taskMargin": 30}}}%%\njourney\n  section A\n')
    result = import_text(text, "c.mmd", "c")
    journey = loads(result.spec)
    assert journey.mermaid is not None
    assert journey.mermaid.config == {"theme": "forest", "journey": {"maxLabelWidth": 320, "taskMargin": 30}}
    assert result.notes == ("c.mmd: configuration securityLevel, themeCSS left out: a map does not pass it on to "
                            "Mermaid",)
    assert render(journey, "mermaid").decode().startswith(
        "---\nconfig:\n  theme: forest\n  journey:\n    maxLabelWidth: 320\n    taskMargin: 30\n---\njourney\n")


def test_a_map_cannot_set_unsafe_configuration() -> None:
    with pytest.raises(SpecError, match=r"m.yaml:5:11: mermaid.config: .*securityLevel"):
        loads("title: T\npersona: {name: A}\nstages: [{name: S}]\nmermaid:\n  config: {securityLevel: loose}\n",
              "m.yaml")


def test_imports_are_in_canonical_form() -> None:
    for text in CORPUS:
        spec = imported(text)
        assert format_text(spec, "x.yaml") == spec


def test_scores_mermaid_draws_oddly_are_refused_with_a_reason() -> None:
    with pytest.raises(SpecError) as caught:
        parse("journey\n  a: 3.5\n  b: 2rem\n  c: 0\n  d: 5.0: Me\n  e: +4\n", "s.mmd")
    assert str(caught.value).splitlines() == [
        "s.mmd:2:6: score: a task's score is a whole number from 1 to 5: Mermaid draws 3.5, but a journeygen "
        "emotion is a whole number from 1 to 5; rescale the scores",
        "s.mmd:3:6: score: a task's score is a whole number from 1 to 5: Mermaid reads '2rem' as no number and draws "
        "the task off the chart",
        "s.mmd:4:6: score: a task's score is a whole number from 1 to 5: Mermaid draws 0, but a journeygen emotion "
        "is a whole number from 1 to 5; rescale the scores",
    ]


def test_duplicate_names_get_unique_ids() -> None:
    journey = loads(imported("journey\n section A\n  x: 1: Me\n section A\n  y: 2: me\n", "d.mmd"))
    assert [s.id for s in journey.stages] == ["a", "a-2"]
    assert [p.id for p in journey.personas] == ["me", "me-2"]


def test_spec_export_import_export_is_stable(hostile_labels: tuple[str, ...]) -> None:
    for label in hostile_labels:
        data = {"title": label, "description": label, "personas": [{"id": "p", "name": label}, {"name": "Ion"}],
                "stages": [{"name": label, "emotion": {"p": 2, "ion": 4}, "actions": [label, "b"]},
                           {"name": "Two", "actions": [{"text": label, "emotion": 5, "persona": "ion"}]}]}
        first = render(loads(json.dumps(data, ensure_ascii=False)), "mermaid").decode()
        second = render(loads(imported(first)), "mermaid").decode()
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
        f"{source}:5:16: score: a task's score is a whole number from 1 to 5: Mermaid draws 9, but a journeygen "
        "emotion is a whole number from 1 to 5; rescale the scores",
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
        ("A ", [("t", 3, ("Me",))])]
    with pytest.raises(SpecError, match=r"x.mmd:1:1: front matter: front matter opened with '---' is never closed"):
        parse("---\ntitle: x\njourney\n", "x.mmd")


def test_an_actor_named_twice_is_refused_at_its_task() -> None:
    with pytest.raises(SpecError) as caught:
        import_text("journey\n  section S\n    Pays: 3: Me, Me\n", "twice.mmd", "twice")
    assert str(caught.value) == ("twice.mmd:3:5: actors: 'Me' named more than once in one task; name each actor "
                                 "once")


def test_cli_names_what_it_leaves_out(tmp_path: Path) -> None:
    source = tmp_path / "conf.mmd"
    source.write_text("%%{init: {'securityLevel': 'loose', 'theme': 'dark'}}%%\n%%{init: {oops}}%%\njourney\n"
                      "  section S\n    T: 3: Me\n")
    code, printed, err = run("import", "mermaid", str(source), "-o", "-")
    assert code == 0
    assert err.splitlines() == [
        f"note: {source}:2:1: directive: not valid JSON: Mermaid ignores this directive",
        f"note: {source}: configuration securityLevel left out: a map does not pass it on to Mermaid"]
    journey = loads(printed)
    assert journey.mermaid is not None and journey.mermaid.config == {"theme": "dark"}
