"""journeygen lint: every rule fires on a map that lacks something and stays quiet on one that has it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import EXAMPLES

from journeygen.authoring.lint import lint_file
from journeygen.authoring.rules import RULES
from journeygen.cli.main import main

TODAY = dt.date(2026, 6, 1)
PERSONA = "persona: {name: Ana, goals: [Buy shoes]}\n"
GOOD_STAGE = ("{name: S, emotion: 3, touchpoints: [Web], pain_points: [Slow],"
              " ideas: [{text: Faster, owner: Team, due: 2026-12-01}]}")


def spec(stages: str, persona: str = PERSONA, head: str = "") -> str:
    return f"{head}title: T\n{persona}stages:\n{stages}"


def stage(extra: str = "", **fields: str) -> str:
    base = {"name": "S", "emotion": "3", "touchpoints": "[Web]", "pain_points": "[Slow]",
            "ideas": "[{text: Faster, owner: Team, due: 2026-12-01}]"}
    base.update(fields)
    body = ", ".join(f"{k}: {v}" for k, v in base.items() if v != "")
    return f"  - {{{body}{extra}}}\n"


CASES: dict[str, tuple[str, str]] = {
    "JG101": (spec(stage(emotion="")), spec(stage(emotion="", actions="[{text: Clicks, emotion: 4}]"))),
    "JG102": (spec(stage(ideas="")), spec(stage())),
    "JG103": (spec(stage(ideas="[{text: Faster, owner: Team}]")),
              spec(stage(ideas="[{text: Faster, status: done}]"))),
    "JG104": (spec(stage(ideas="[{text: Faster, owner: Team, due: 2026-01-01}]")),
              spec(stage(ideas="[{text: Faster, owner: Team, due: 2026-01-01, status: done}]"))),
    "JG105": (spec(stage(), persona="persona: {name: Ana}\n"), spec(stage())),
    "JG106": (spec(stage(touchpoints="")), spec(stage(touchpoints="", actions="[{text: Calls, touchpoint: Phone}]"))),
    "JG107": (spec(stage(emotion="4") + stage(name="T", emotion="2", pain_points="", ideas="")),
              spec(stage(emotion="4") + stage(name="T", emotion="2"))),
    "JG108": (spec(stage(actions="[a, b, c, d, e, f, g]")), spec(stage(actions="[a, b, c, d, e, f]"))),
    "JG109": (spec(stage(name="'Pay\u200bment'")), spec(stage(name="'Payment'", actions="['👩‍💻 codes']"))),
    "JG110": (spec(stage(actions="['Reads \u200f']")),
              spec(stage(actions="['Reads \u200f']"), head="locale: ar\n")),
    "JG111": (spec(stage(id="ch\u0435ckout")), spec(stage(id="pl\u0103t\u0103-\u0219i-\u021bar\u0103"))),
    "JG112": (spec(stage(metrics="[{name: First-time right, value: 38%, target: 70%}]")),
              spec(stage(metrics="[{name: First-time right, value: 38%, target: 70%, better: higher}, "
                                 "{name: NPS, value: '+20', target: '+30'}, {name: CES, value: '5'}]"))),
    "JG113": (spec(stage(pain_points="[{id: slow, text: Slow}]",
                         ideas="[{text: A, addresses: slow, owner: T, due: 2026-12-01}, "
                               "{text: B, owner: T, due: 2026-12-01}]")),
              spec(stage(pain_points="[{id: slow, text: Slow}]",
                         ideas="[{text: A, addresses: [slow], owner: T, due: 2026-12-01}]"))),
}


def codes(tmp_path: Path, text: str, name: str = "map.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f.code for f in lint_file(str(path), today=TODAY)]


def test_every_rule_has_a_case() -> None:
    assert sorted(CASES) == [rule.code for rule in RULES if rule.profile is None]  # profiles: tested below


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires(tmp_path: Path, code: str) -> None:
    assert code in codes(tmp_path, CASES[code][0])


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_stays_quiet(tmp_path: Path, code: str) -> None:
    assert code not in codes(tmp_path, CASES[code][1])


def test_output_points_at_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(spec("  - name: S\n    emotion: 3\n    touchpoints: [Web]\n    pain_points: [Slow]\n"))
    result = CliRunner().invoke(main, ["lint", str(path), "--today", "2026-06-01"])
    assert result.stdout == f"{path}:7:5: JG102 stage 'S' has pain points but no idea to address them\n"
    assert result.exit_code == 0
    assert "0 error(s), 1 warning(s)" in result.stderr


def test_error_level_exits_1_and_json_carries_the_level(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(CASES["JG109"][0], encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--format", "json", str(path)])
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert {k: found[0][k] for k in ("code", "level", "line")} == {"code": "JG109", "level": "error", "line": 4}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(CASES["JG105"][0])
    assert CliRunner().invoke(main, ["lint", str(path)]).exit_code == 0
    assert CliRunner().invoke(main, ["lint", "--strict", str(path)]).exit_code == 1


def test_invalid_spec_is_reported_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 9}]\n")
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 1
    expected = "3:29: JG001 stages[0].emotion: an emotion score is a whole number from 1 to 5, not 9"
    assert f"{path}:{expected}" in result.stdout


def test_per_file_and_per_line_directives(tmp_path: Path) -> None:
    text = spec(stage(ideas="[{text: Faster, owner: Team}]", touchpoints=""))
    assert {"JG103", "JG106"} <= set(codes(tmp_path, text))
    assert "JG103" not in codes(tmp_path, "# journeygen: disable=JG103\n" + text)
    lines = text.splitlines()
    lines[-1] += "  # journeygen: ignore=JG106"
    assert set(codes(tmp_path, "\n".join(lines) + "\n")) == {"JG103"}


def test_project_config_in_pyproject_is_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.journeygen.lint]\ndisable = ["JG105"]\nerror = ["JG108"]\n'
                                             "max-items = 2\n")
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "map.yaml"
    path.write_text(CASES["JG105"][0].replace("touchpoints: [Web]", "touchpoints: [Web, App, Mail]"))
    found = lint_file(str(path), today=TODAY)
    assert [(f.code, f.level) for f in found] == [("JG108", "error")]


def test_journeygen_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.journeygen.lint]\ndisable = ["JG105"]\n')
    (tmp_path / ".journeygen.toml").write_text('[lint]\ndisable = ["JG102"]\n')
    assert codes(tmp_path, CASES["JG105"][0]) == ["JG105"]
    assert "JG102" not in codes(tmp_path, CASES["JG102"][0])


def test_bad_config_is_reported_with_its_file(tmp_path: Path) -> None:
    (tmp_path / ".journeygen.toml").write_text("[lint]\ndisabel = []\n")
    (tmp_path / "map.yaml").write_text(CASES["JG105"][1])
    found = lint_file(str(tmp_path / "map.yaml"), today=TODAY)
    assert "unknown setting(s) disabel" in found[0].message


def test_examples_have_no_lint_errors() -> None:
    result = CliRunner().invoke(main, ["lint", *map(str, EXAMPLES), "--today", "2026-01-01"])
    assert result.exit_code == 0, result.stdout


def test_rules_are_listed_with_their_explanations() -> None:
    result = CliRunner().invoke(main, ["lint", "--rules"])
    assert result.exit_code == 0
    assert all(rule.code in result.stdout and rule.summary in result.stdout for rule in RULES)


def test_per_persona_emotion_must_cover_every_persona(tmp_path: Path) -> None:
    personas = "personas: [{name: Ana, goals: [a]}, {name: Ion, goals: [b]}]\n"
    assert "JG101" in codes(tmp_path, spec(stage(emotion="{ana: 3}"), persona=personas))
    assert "JG101" not in codes(tmp_path, spec(stage(emotion="{ana: 3, ion: 4}"), persona=personas))


def test_unknown_rule_codes_are_reported(tmp_path: Path) -> None:
    (tmp_path / ".journeygen.toml").write_text('[lint]\ndisable = ["JG999"]\n')
    (tmp_path / "map.yaml").write_text(CASES["JG105"][1])
    assert "unknown rule code(s) JG999" in lint_file(str(tmp_path / "map.yaml"), today=TODAY)[0].message
    result = CliRunner().invoke(main, ["lint", "--disable", "JG1O3", str(tmp_path / "map.yaml")])
    assert result.exit_code == 2 and "unknown rule code(s) JG1O3" in result.stderr


def test_metric_direction_names_the_metric_and_its_place(tmp_path: Path) -> None:
    text = spec(stage() + "  - name: T\n    metrics:\n      - {name: CES, value: '5.2', target: '6'}\n")
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    found = [f for f in lint_file(str(tmp_path / "map.yaml"), today=TODAY) if f.code == "JG112"]
    assert [str(f) for f in found] == [
        f"{tmp_path / 'map.yaml'}:7:9: JG112 metric 'CES' has a value and a target but no direction, so the map "
        "cannot say whether it is ahead; add `better: higher` or `better: lower`"]


def test_a_blueprint_frontstage_is_where_the_customer_meets_the_service(tmp_path: Path) -> None:
    text = spec(stage(touchpoints="", frontstage="[Agent answers the phone]"),
                head="lanes: [actions, frontstage]\n")
    assert "JG106" not in codes(tmp_path, text)


def test_once_ideas_address_pains_each_pain_point_is_checked_on_its_own(tmp_path: Path) -> None:
    text = spec(stage(pain_points="[{id: slow, text: Slow}, {id: rude, text: Rude staff}, Noisy]",
                      ideas="[{text: Faster, addresses: [slow], owner: T, due: 2026-12-01}]")
                + stage(name="T", pain_points="[{id: late, text: Late}]",
                        ideas="[{text: Earlier, addresses: [rude, late], owner: T, due: 2026-12-01, status: dropped}]"))
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    found = [f.message for f in lint_file(str(path), today=TODAY) if f.code == "JG102"]
    assert found == ["no idea addresses pain point 'rude'", "no idea addresses pain point 'Noisy' (it has no id)",
                     "no idea addresses pain point 'late'"]


def test_an_idea_addressing_an_unknown_pain_is_invalid(tmp_path: Path) -> None:
    text = spec(stage(pain_points="[{id: slow, text: Slow}]", ideas="[{text: Faster, addresses: [slwo]}]"))
    assert codes(tmp_path, text) == ["JG001"]


RESEARCH_GAPS = spec(stage(pain_points="[Slow]", emotion="2", metrics="[{name: CSAT, value: '3.9'}]"))
RESEARCHED = spec(stage(pain_points="[{text: Slow, evidence: [Interview 2]}]",
                        emotion="{score: 2, confidence: observed}",
                        metrics="[{name: CSAT, value: '3.9', evidence: [Survey Q2]}]"))


def test_research_rules_are_off_by_default_and_on_with_the_research_profile(tmp_path: Path) -> None:
    assert not {"JG114", "JG115", "JG116"} & set(codes(tmp_path, RESEARCH_GAPS))
    path = tmp_path / "gaps.yaml"
    path.write_text(RESEARCH_GAPS, encoding="utf-8")
    found = {f.code for f in lint_file(str(path), today=TODAY, profiles=["research"])}
    assert {"JG114", "JG115", "JG116"} <= found
    path.write_text(RESEARCHED, encoding="utf-8")
    assert not {"JG114", "JG115", "JG116"} & {f.code for f in lint_file(str(path), today=TODAY, profiles=["research"])}


def test_the_research_profile_is_turned_on_per_project_or_per_run(tmp_path: Path) -> None:
    (tmp_path / "gaps.yaml").write_text(RESEARCH_GAPS, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path / "gaps.yaml"), "--profile", "research"])
    assert "JG114 pain point 'Slow' has no evidence" in result.stdout
    (tmp_path / ".journeygen.toml").write_text('[lint]\nprofiles = ["research"]\n', encoding="utf-8")
    assert "JG116" in codes(tmp_path, RESEARCH_GAPS)
