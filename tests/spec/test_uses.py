"""`use:` in a map: shared personas with overrides, linked micro-journeys and stage links, and every way
one can go wrong, reported in the file where the problem is and at the `use:` that brought it in."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.api import load_spec, loads, render
from journeygen.errors import SpecError

MARIA = """\
id: maria
name: Maria Popescu
quote: I want shoes that do not hurt my knees
goals: [Run a half marathon]
"""

TEAM = """\
personas:
  - id: ion
    name: Ion Vasile
  - name: Ana Marin
"""

CHECKOUT = """\
title: Checkout
description: From basket to confirmation
persona: {name: Maria}
stages:
  - {name: Basket, emotion: 3}
  - {name: Delivery, emotion: 2}
  - {name: Payment, emotion: 4}
"""

MICRO = "    micro_journeys:\n      - use: checkout.journey.yaml\n"


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "journeygen.toml").write_text('maps = ["maps/**/*.journey.yaml"]\n', encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _map(personas: str, stage_extra: str = "") -> str:
    return f"title: Lifecycle\npersonas:\n{personas}stages:\n  - name: Buy\n    emotion: 3\n{stage_extra}"


def _validate(root: Path, spec: str) -> tuple[int, list[str]]:
    result = run_journeygen("validate", spec, cwd=root)
    return result.returncode, result.stdout.decode().splitlines()


def test_a_shared_persona_is_brought_in_and_fields_beside_use_override_it(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/maria.persona.yaml": MARIA,
        "maps/life.journey.yaml": _map("  - {use: ../personas/maria.persona.yaml, quote: Only here}\n"),
    })
    persona = load_spec(root / "maps/life.journey.yaml").journey.personas[0]
    assert (persona.id, persona.name, persona.quote, persona.goals) == (
        "maria", "Maria Popescu", "Only here", ("Run a half marathon",))
    svg = render(load_spec(root / "maps/life.journey.yaml").journey).decode()
    assert "Maria Popescu" in svg and "Only here" in svg and "do not hurt my knees" not in svg


def test_a_persona_is_picked_from_a_shared_file_by_id_or_by_the_slug_of_its_name(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/team.yaml": TEAM,
        "maps/life.journey.yaml": _map("  - use: ../personas/team.yaml#ion\n"
                                       "  - use: ../personas/team.yaml#ana-marin\n"),
    })
    names = [p.name for p in load_spec(root / "maps/life.journey.yaml").journey.personas]
    assert names == ["Ion Vasile", "Ana Marin"]


def test_a_shared_persona_photo_stays_relative_to_the_persona_file(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/maria.persona.yaml": MARIA + "photo: photos/maria.png\n",
        "maps/life.journey.yaml": _map("  - use: ../personas/maria.persona.yaml\n"),
    })
    (root / "personas/photos").mkdir()
    source = Path(__file__).resolve().parents[2] / "examples" / "online-shop.png"
    (root / "personas/photos/maria.png").write_bytes(source.read_bytes())
    spec = load_spec(root / "maps/life.journey.yaml")
    assert spec.journey.personas[0].photo == os.path.join("..", "personas", "photos", "maria.png")
    assert "data:image/png;base64," in render(spec.journey, options=spec.options()).decode()


def test_a_shared_persona_photo_problem_is_placed_in_the_persona_file_and_at_the_use(tmp_path: Path) -> None:
    """As every other problem of a persona file: where the photo is written, and at the `use:` that brought it
    in; the map's own problems are reported in the same run."""
    root = _project(tmp_path, {
        "personas/team.persona.yaml": TEAM.replace("Ion Vasile\n", "Ion Vasile\n    photo: photos/ion.png\n"),
        "maps/life.journey.yaml": _map("  - use: ../personas/team.persona.yaml#ion\n").replace("emotion: 3",
                                                                                              "emotion: 7"),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert lines == [
        "maps/life.journey.yaml:3:10: personas[0].use: personas/team.persona.yaml, brought in here, has 1 "
        "problem(s), listed with its name",
        "maps/life.journey.yaml:6:14: stages[0].emotion: an emotion score is a whole number from 1 to 5, not 7",
        "personas/team.persona.yaml:4:12: personas[0].photo: photo 'photos/ion.png': cannot read it (No such file "
        "or directory)"], lines


def test_a_problem_in_a_persona_file_points_at_its_line_and_at_the_use(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/maria.persona.yaml": "name: Maria\nqoute: typo here\n",
        "maps/life.journey.yaml": _map("  - use: ../personas/maria.persona.yaml\n"),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert any(line.startswith("personas/maria.persona.yaml:2:1: qoute: unknown key 'qoute'") and "quote" in line
               for line in lines), lines
    assert any(line.startswith("maps/life.journey.yaml:3:10: personas[0].use: personas/maria.persona.yaml, "
                               "brought in here, has 1 problem(s)") for line in lines), lines


def test_a_yaml_error_in_a_persona_file_points_at_both_ends(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/maria.persona.yaml": "name: [Maria\n",
        "maps/life.journey.yaml": _map("  - use: ../personas/maria.persona.yaml\n"),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert any(line.startswith("personas/maria.persona.yaml:2:1: (syntax): YAML syntax") for line in lines), lines
    assert any(line.startswith("maps/life.journey.yaml:3:10: personas[0].use:") for line in lines), lines


@pytest.mark.parametrize(("use", "message"), [
    ("../personas/team.yaml#nobody", "no persona with id 'nobody'; it holds: ion, ana-marin"),
    ("../personas/team.yaml", "holds several personas; pick one with #id"),
    ("../personas/missing.yaml", "no such file"),
    ("../../outside.persona.yaml", "leaves the project"),
    ("https://example.com/maria.yaml", "not a URL or absolute path"),
    ("/etc/passwd", "not a URL or absolute path"),
])
def test_a_use_that_names_no_persona_is_an_error_at_its_line(tmp_path: Path, use: str, message: str) -> None:
    root = _project(tmp_path / "project", {
        "personas/team.yaml": TEAM,
        "maps/life.journey.yaml": _map(f"  - name: First\n  - use: {use}\n"),
    })
    (tmp_path / "outside.persona.yaml").write_text(MARIA, encoding="utf-8")
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert any(line.startswith("maps/life.journey.yaml:4:10: personas[1].use:") and message in line
               for line in lines), lines


def test_a_symlink_that_leaves_the_project_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path / "project", {"maps/life.journey.yaml": _map("  - use: ../personas/maria.yaml\n")})
    (tmp_path / "secret.yaml").write_text(MARIA, encoding="utf-8")
    (root / "personas").mkdir()
    (root / "personas/maria.yaml").symlink_to(tmp_path / "secret.yaml")
    with pytest.raises(SpecError, match="leaves the project"):
        load_spec(root / "maps/life.journey.yaml")


def test_use_in_spec_text_without_a_file_is_an_error() -> None:
    with pytest.raises(SpecError, match="needs a spec read from a file"):
        loads(_map("  - use: maria.persona.yaml\n"))


def test_a_linked_micro_journey_takes_the_other_maps_stages_as_steps_and_links_to_it(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "maps/checkout.journey.yaml": CHECKOUT,
        "maps/life.journey.yaml": _map("  - name: Maria\n", MICRO),
    })
    journey = load_spec(root / "maps/life.journey.yaml").journey
    micro = journey.stages[0].micro_journeys[0]
    assert (micro.name, micro.description, micro.use) == ("Checkout", "From basket to confirmation",
                                                          "checkout.journey.yaml")
    assert [(s.name, s.emotion) for s in micro.steps] == [("Basket", 3), ("Delivery", 2), ("Payment", 4)]
    svg = render(journey).decode()
    assert svg.count('<a href="checkout.svg"') == 2  # the stage's header line and the micro-journey's title


def test_a_stage_link_is_labelled_with_the_other_maps_title_unless_given(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "maps/checkout.journey.yaml": CHECKOUT,
        "maps/sub/returns.journey.yaml": CHECKOUT.replace("Checkout", "Returns"),
        "maps/life.journey.yaml": _map("  - name: Maria\n", "    links:\n      - use: checkout.journey.yaml\n"
                                       "      - {use: sub/returns.journey.yaml, label: Send it back}\n"),
    })
    stage = load_spec(root / "maps/life.journey.yaml").journey.stages[0]
    assert [(link.use, link.label) for link in stage.links] == [
        ("checkout.journey.yaml", "Checkout"), ("sub/returns.journey.yaml", "Send it back")]
    svg = render(load_spec(root / "maps/life.journey.yaml").journey).decode()
    assert '<a href="checkout.svg"' in svg and "→ Checkout" in svg
    assert '<a href="sub/returns.svg"' in svg and "→ Send it back" in svg


def test_a_micro_journey_that_links_a_map_takes_no_steps_of_its_own(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "maps/checkout.journey.yaml": CHECKOUT,
        "maps/life.journey.yaml": _map("  - name: Maria\n", "    micro_journeys:\n"
                                       "      - {use: checkout.journey.yaml, steps: [A]}\n"),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert any(line.startswith("maps/life.journey.yaml:8:38: stages[0].micro_journeys[0].steps: 'steps' comes "
                               "from the linked map") for line in lines), lines


def test_a_cycle_of_use_is_an_error_naming_the_chain_at_both_ends(tmp_path: Path) -> None:
    link = "    links:\n      - use: {}\n"
    root = _project(tmp_path, {
        "maps/a.journey.yaml": _map("  - name: Maria\n", link.format("b.journey.yaml")),
        "maps/b.journey.yaml": _map("  - name: Maria\n", link.format("c.journey.yaml")),
        "maps/c.journey.yaml": _map("  - name: Maria\n", link.format("a.journey.yaml")),
    })
    code, lines = _validate(root, "maps/a.journey.yaml")
    assert code == 1
    chain = "a cycle of use: maps/a.journey.yaml -> maps/b.journey.yaml -> maps/c.journey.yaml -> maps/a.journey.yaml"
    assert f"maps/c.journey.yaml:8:14: stages[0].links[0].use: {chain}" in lines, lines
    assert any(line.startswith("maps/a.journey.yaml:8:14: stages[0].links[0].use: maps/b.journey.yaml, brought in")
               for line in lines), lines


def test_a_map_linking_itself_is_a_cycle(tmp_path: Path) -> None:
    root = _project(tmp_path, {"maps/a.journey.yaml": _map("  - name: M\n", "    links:\n      - use: a.journey.yaml\n")
                               })
    with pytest.raises(SpecError, match=r"a cycle of use: maps/a.journey.yaml -> maps/a.journey.yaml"):
        load_spec(root / "maps/a.journey.yaml")


def test_a_broken_linked_map_is_reported_in_its_file_and_at_the_link(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "maps/checkout.journey.yaml": CHECKOUT.replace("emotion: 2", "emotion: 9"),
        "maps/life.journey.yaml": _map("  - name: Maria\n", MICRO),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert any(line.startswith("maps/checkout.journey.yaml:6:") and "stages[1].emotion" in line for line in lines)
    assert any(line.startswith("maps/life.journey.yaml:8:14: stages[0].micro_journeys[0].use:") for line in lines)


def test_a_failed_micro_journey_or_link_hides_none_of_the_maps_other_problems(tmp_path: Path) -> None:
    """Another emotion scale in the linked map, a link to no file, a missing photo and a score off the scale:
    one run of validate names all four."""
    root = _project(tmp_path, {
        "maps/checkout.journey.yaml": CHECKOUT.replace("title: Checkout", "title: Checkout\nemotion_scale: {max: 7}"),
        "maps/life.journey.yaml": _map("  - {name: Maria, photo: missing.png}\n", MICRO.replace(
            "    micro", "    links: [{use: nowhere.journey.yaml}]\n    micro")).replace("emotion: 3", "emotion: 7"),
    })
    code, lines = _validate(root, "maps/life.journey.yaml")
    assert code == 1
    assert [line.split(": ")[1] for line in lines] == [
        "personas[0].photo", "stages[0].emotion", "stages[0].links[0].use", "stages[0].micro_journeys[0].use"], lines


def test_a_map_without_use_renders_as_before(tmp_path: Path) -> None:
    text = _map("  - name: Maria\n")
    root = _project(tmp_path, {"maps/plain.journey.yaml": text})
    assert render(load_spec(root / "maps/plain.journey.yaml").journey) == render(loads(text))


def test_a_persona_file_renders_alone_as_its_cards(tmp_path: Path) -> None:
    root = _project(tmp_path, {"personas/maria.persona.yaml": MARIA, "personas/team.persona.yaml": TEAM})
    result = run_journeygen("render", "personas/maria.persona.yaml", "personas/team.persona.yaml", "-f", "svg,pdf",
                            cwd=root)
    assert result.returncode == 0, result.stderr.decode()
    svg = (root / "personas/maria.svg").read_text(encoding="utf-8")
    assert "Maria Popescu" in svg and "do not hurt my knees" in svg and "Run a half marathon" in svg
    assert "class=\"stage-head\"" not in svg and "class=\"lane" not in svg  # the card is the page, no map
    team = (root / "personas/team.svg").read_text(encoding="utf-8")
    assert "Ion Vasile" in team and "Ana Marin" in team and "<path class=\"curve" not in team  # no curve, no sample
    text = subprocess.run(["pdftotext", str(root / "personas/maria.pdf"), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "Maria Popescu" in text and "Run a half marathon" in text
    info = subprocess.run(["pdfinfo", str(root / "personas/maria.pdf")], capture_output=True, check=True,
                          text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info  # the persona page only: no map, no action list


def test_a_persona_file_with_a_problem_points_at_its_line_and_renders_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path, {"personas/maria.persona.yaml": "name: Maria\ngoals: Run\nqoute: x\n"})
    result = run_journeygen("render", "personas/maria.persona.yaml", cwd=root)
    assert result.returncode == 1
    assert "personas/maria.persona.yaml:3:1: personas[0].qoute: unknown key 'qoute'" in result.stderr.decode()
    assert not (root / "personas/maria.svg").exists()


def test_a_persona_file_has_no_mermaid_or_flow(tmp_path: Path) -> None:
    root = _project(tmp_path, {"personas/maria.persona.yaml": MARIA})
    result = run_journeygen("render", "personas/maria.persona.yaml", "-f", "mermaid", cwd=root)
    assert result.returncode == 1
    assert "a persona file renders as svg, png, pdf, not mermaid" in result.stderr.decode()


def test_fmt_reads_the_files_use_names_and_puts_use_first(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "personas/maria.persona.yaml": MARIA,
        "maps/life.journey.yaml": _map("  - {quote: Only here, use: ../personas/maria.persona.yaml}\n"),
    })
    result = run_journeygen("fmt", "maps/life.journey.yaml", cwd=root)
    assert result.returncode == 0, result.stderr.decode()
    assert "  - {use: ../personas/maria.persona.yaml, quote: Only here}\n" in \
        (root / "maps/life.journey.yaml").read_text(encoding="utf-8")
