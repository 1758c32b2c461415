"""The workshop spreadsheet: `-f csv` export, `import csv`, round trips, formula guard, positioned errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import EXAMPLES, ROOT, run_journeygen

from journeygen.api import load, loads, render
from journeygen.cli.main import main
from journeygen.errors import SpecError
from journeygen.importers.spreadsheet import read_csv, to_yaml


def cells(data: bytes) -> list[list[str]]:
    """What a spreadsheet program sees: the standard csv reader over the BOM-less text."""
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def round_trip(journey_text: str) -> None:
    journey = loads(journey_text)
    back, data = read_csv(render(journey, "csv"), "map.csv")
    assert back == journey
    assert loads(to_yaml(data, "map.csv")) == journey


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_survives_export_and_import(example: Path) -> None:
    journey = load(example)
    back, data = read_csv(render(journey, "csv"), "map.csv")
    assert back == journey
    assert loads(to_yaml(data, "map.csv")) == journey


def test_a_map_on_its_own_emotion_scale_with_researched_feelings_survives_export_and_import() -> None:
    journey = load(ROOT / "tests" / "layout" / "maps" / "emotion-research.yaml")
    sheet = render(journey, "csv")
    assert "Emotion scale,\\-2..2 | min: furious | max: delighted\r\n" in sheet.decode()
    back, data = read_csv(sheet, "map.csv")
    assert back == journey
    assert loads(to_yaml(data, "map.csv")) == journey


def test_an_emotion_scale_row_that_is_no_range_is_named_at_its_cell() -> None:
    sheet = "Title,T\nEmotion scale,low to high\nPersona,Ana\nStage,One\n"
    with pytest.raises(SpecError) as caught:
        read_csv(sheet.encode(), "map.csv")
    assert "map.csv:2:15: B2: an emotion scale is written MIN..MAX, e.g. -2..2 or 0..10, not 'low to high'" \
        in str(caught.value)


def test_layout_is_stages_as_columns_lanes_as_rows(shop: Path) -> None:
    rows = cells(render(load(shop), "csv"))
    table = rows[next(i for i, r in enumerate(rows) if r and r[0] == "Stage"):]
    assert table[0][:4] == ["Stage", "Awareness", "Consideration", "Decision"]
    by_label = {row[0]: row[1:] for row in table}
    assert by_label["Pain points"][1] == "Too many similar models\nNo way to compare fit"
    assert by_label["Emotions"][0] == "3 | label: curious"
    assert by_label["Ideas"][2] == ("Train the chatbot on fit data | owner: Support | due: 2026-02-28 | impact: high"
                                    " | effort: high | status: planned")
    assert by_label["Metrics"][0] == "Ad CTR | value: 1.2% | target: 2% | better: higher"
    assert by_label["Touchpoints"][0] == "Instagram ad | channel: social\nRunning club chat | channel: word of mouth"
    assert by_label["Moment of truth"][2] == "yes"


TRICKY = """
title: 'Commas, "quotes" and | bars'
locale: uk
personas:
  - {id: олена, name: Олена Коваль, goals: ['a, b', 'line one\nline two']}
  - {id: li, name: 李娜}
lanes: [actions, emotions, pain_points, ideas, {id: thoughts, title: Думки}]
stages:
  - id: пошук
    name: Пошук, "порівняння"
    actions: ['=HYPERLINK("http://evil")', '-5 kg', '+1 more', '@mention', "'quoted'", "''=x",
              {text: 'a | b \\\\ c', persona: li, emotion: 2}]
    emotion: {олена: {score: 2, label: 'втомлена, але', note: "two\nlines"}, li: 4}
    pain_points: ['Has "quotes", commas', "multi\nline\ncell", '  spaced  text']
    ideas: [{text: 'Do: this | that', owner: 'Team, A', due: 2026-01-02, status: in progress}]
    thoughts: [Чому так довго?]
    micro_journeys:
      - {name: '- dash first', description: 'x | y', steps: ['- a step', {name: b, emotion: 5}]}
  - {name: 'Друга', moment_of_truth: true, emotion: 3}
transitions: [{from: друга, to: пошук}]
"""


def test_commas_quotes_newlines_formulas_and_non_latin_text_round_trip() -> None:
    journey = loads(TRICKY)
    assert journey.stages[0].pain_points[2].text == "  spaced  text"
    journey = journey.model_copy(update={"stages": (
        journey.stages[0].model_copy(update={"pain_points": journey.stages[0].pain_points[:2]}),
        journey.stages[1])})
    back, _ = read_csv(render(journey, "csv"), "map.csv")
    assert back == journey


def test_formulas_are_neutralised_on_export() -> None:
    rows = cells(render(loads("title: '=1+1'\npersona: {name: '@me'}\nstages: [{name: '-x', pain_points: ['+1']}]\n"),
                        "csv"))
    every = [cell for row in rows for cell in row]
    assert "'=1+1" in every and "'@me" in every and "'-x" in every and "'+1" in every
    assert not [cell for cell in every if cell[:1] in ("=", "+", "-", "@")]


def test_import_writes_a_valid_spec_in_canonical_form(tmp_path: Path, shop: Path) -> None:
    sheet = tmp_path / "workshop.csv"
    sheet.write_bytes(render(load(shop), "csv"))
    out = tmp_path / "shop.journey.yaml"
    first = run_journeygen("import", "csv", str(sheet), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert load(out) == load(shop)
    check = run_journeygen("fmt", "--check", str(out))
    assert check.returncode == 0, check.stderr


COMMENTED = """# The mortgage map: owned by the CX team, reviewed every quarter.
journeygen: 1
title: Mortgage
personas:
  - {id: dana, name: Dana}  # returning customer
stages:
  - id: apply
    name: Apply
    actions:
      - Fills the form  # 14 fields, too many
      - Uploads payslips
    emotion: 2  # from interviews 3 and 7
    pain_points: ['Slow: 3 weeks']
"""


def test_a_sheet_imported_over_a_map_merges_into_it_keeping_comments(tmp_path: Path) -> None:
    out = tmp_path / "mortgage.journey.yaml"
    out.write_text(COMMENTED)
    edited = loads(COMMENTED.replace("emotion: 2", "emotion: 3").replace("      - Uploads payslips\n", "")
                   .replace("['Slow: 3 weeks']", "['Slow: 3 weeks', No status updates]"))
    sheet = tmp_path / "workshop.csv"
    sheet.write_bytes(render(edited, "csv"))
    result = run_journeygen("import", "csv", str(sheet), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert load(out) == edited
    for comment in ("# The mortgage map: owned by the CX team", "# returning customer", "# 14 fields, too many",
                    "# from interviews 3 and 7"):
        assert comment in text
    assert "Uploads payslips" not in text and "'Slow: 3 weeks'" in text
    assert run_journeygen("fmt", "--check", str(out)).returncode == 0
    forced = run_journeygen("import", "csv", str(sheet), "-o", str(out), "--force")
    assert forced.returncode == 0 and "# returning customer" not in out.read_text() and load(out) == edited


def test_a_hand_written_workshop_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "w.csv"
    sheet.write_text("Title;Onboarding\nPersona;Ana\n\nStage;Sign-up;First use\nActions;Fills the form;Clicks around\n"
                     "Emotion;4;2 | label: lost\nCustom: Thoughts;Easy;Where is the menu?\nPain point;;No tour\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "csv", str(sheet), "-o", "-"])
    assert result.exit_code == 0, result.output
    journey = loads(result.stdout)
    assert [s.id for s in journey.stages] == ["sign-up", "first-use"]
    assert journey.personas[0].id == "ana"
    assert [lane.id for lane in journey.lane_list()] == ["actions", "emotions", "thoughts", "pain_points"]
    assert journey.stages[1].custom_lanes["thoughts"] == ("Where is the menu?",)
    assert journey.stages[1].emotion is not None and journey.stages[1].emotion_for("ana").label == "lost"


@pytest.mark.parametrize(("text", "expected"), [
    ('Title,T\nPersona,A,a\nStage,One\nActions,"never closed\n', 'map.csv:4:9: B4: this quoted cell is never closed'),
    ('Title,T\nPersona,A,a\nStage,One\nActions,"x"y\n', "map.csv:4:12: B4: unexpected 'y' after a closing quote"),
    ("Title,T\nPersona,A,a\nStage,One\nIdeas,x | ower: me\n", "map.csv:4:7: B4: 'ower: me' is not an attribute"),
    ("Title,T\nPersona,A,a\nStage,One\nIdeas,x | due: soon\n",
     "map.csv:4:7: B4 (stages[0].ideas): expected a date like 2026-03-31, got 'soon'"),
    ("Title,T\nPersona,A,a\nStage,One\nEmotions,9\n", "map.csv:4:10: B4 (stages[0].emotion): an emotion score"),
    ("Title,T\nPersona,A,a\nStage,One\nEmotions,b: 3\n", "map.csv:4:10: B4 (stages[0].emotion.b): unknown persona"),
    ("Title,T\nPersona,A,a\nStage,One\n,x\n", "map.csv:4:1: A4: this row has no label"),
    ("Title,T\nPersona,A,a\nStage,One\nActions,x,y\n", "map.csv:4:11: C4: this cell is in a column without a stage"),
    ("Titel,T\nStage,One\n", "map.csv:1:1: A1: unknown row 'Titel' (did you mean 'Title'?)"),
    ("Title,T\n", "map.csv:1:1: A1: no row labelled 'Stage' in column A"),
    ("Title,T\nPersona,A\nStage,One\nActions,x\nAction,y\n",
     "map.csv:5:1: A5: a second 'Action' row (the first is row 4)"),
    ("Title,T\nTitle,U\nPersona,A\nStage,One\n", "map.csv:2:1: A2: a second 'Title' row (the first is row 1)"),
    ("Title,T\nPersona\nStage,One\n", "map.csv:2:1: A2 (personas[0]): missing required field 'name'"),
])
def test_malformed_csv_names_line_column_and_cell(text: str, expected: str) -> None:
    with pytest.raises(SpecError) as caught:
        read_csv(text.encode(), "map.csv")
    assert expected in str(caught.value)


@pytest.mark.parametrize(("label", "expected"), [
    ("Painpoints", "row 'Painpoints' is not a lane; did you mean 'Pain points'? To add a custom lane, label the "
                   "row 'Custom: Painpoints' (or declare it in the Lanes row)"),
    ("Touch points", "did you mean 'Touchpoints'?"),
    ("Puncte de durerre", "did you mean 'Puncte de durere'?"),
    ("Pomysly", "did you mean 'Pomysły'?"),
    ("Thoughts", "row 'Thoughts' is not a lane; to add a custom lane, label the row 'Custom: Thoughts'"),
    ("Descripton", "did you mean 'Description'?"),
])
def test_a_row_label_that_is_not_a_lane_is_an_error_not_a_new_lane(label: str, expected: str) -> None:
    sheet = f'Title,T\nPersona,A\nLanes,"actions\npain_points\nideas"\nStage,One\n{label},Too slow\n'
    with pytest.raises(SpecError) as caught:
        read_csv(sheet.encode(), "map.csv")
    assert f"map.csv:7:1: A5: row {label!r} is not a lane; " in str(caught.value)
    assert expected in str(caught.value)


@pytest.mark.parametrize(("label", "lane"), [("Idei", "ideas"), ("Puncte de durere", "pain_points"),
                                             ("Problemy", "pain_points"), ("נקודות כאב", "pain_points"),
                                             ("Pain point", "pain_points"), ("Custom: Pain-killers", "pain-killers")])
def test_lane_titles_in_every_language_and_the_custom_marker_are_lanes(label: str, lane: str) -> None:
    journey, _ = read_csv(f"Title,T\nPersona,A\nStage,One\n{label},x\n".encode(), "map.csv")
    assert [getattr(item, "text", item) for item in journey.stages[0].items(lane)] == ["x"]


def test_a_declared_title_names_its_lane_even_for_a_built_in_lane() -> None:
    sheet = 'Title,T\nPersona,A\nLanes,"actions\nideas | title: Opportunities"\nStage,One\nOpportunities,x\n'
    journey, _ = read_csv(sheet.encode(), "map.csv")
    assert journey.stages[0].ideas[0].text == "x"


def test_every_problem_of_the_sheet_comes_in_one_run() -> None:
    sheet = ("Title,T\nPersona,Ana\nStage,One,Two\nIdeas,Quiz | ownr: Web,\nEmotions,9,3\n"
             "Actions,Calls | persona: bob,Waits\nPainpoints,Slow,\n")
    with pytest.raises(SpecError) as caught:
        read_csv(sheet.encode(), "map.csv")
    lines = str(caught.value).splitlines()
    assert len(lines) == 4, lines
    assert "B4: 'ownr: Web' is not an attribute (did you mean 'owner'?)" in lines[0]
    assert "B5 (stages[0].emotion): an emotion score is a whole number from 1 to 5, not 9" in lines[1]
    assert "B6 (stages[0].actions[0].persona): unknown persona 'bob'" in lines[2]
    assert "A7: row 'Painpoints' is not a lane; did you mean 'Pain points'?" in lines[3]


def test_import_of_a_broken_sheet_writes_nothing(tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text('Stage,One\nActions,"x"y\n')
    done = run_journeygen("import", "csv", str(sheet))
    assert done.returncode == 1
    assert done.stderr.decode().startswith(f"{sheet}:2:12: B2: unexpected 'y'")
    assert "Traceback" not in done.stderr.decode()
    assert not (tmp_path / "bad.journey.yaml").exists()


def test_exported_yaml_is_plain_data(shop: Path) -> None:
    _, data = read_csv(render(load(shop), "csv"), "map.csv")
    text = to_yaml(data, "map.csv")
    assert text.startswith("# Imported from map.csv")
    assert yaml.safe_load(text)["stages"][2]["moment_of_truth"] is True


def test_a_huge_sheet_is_refused_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYGEN_MAX_NODES", "1000")
    with pytest.raises(SpecError) as caught:
        read_csv(b"Stage," + b"x," * 2000, "big.csv")
    assert "big.csv:1:2005: ALM1: more than 1000 cells" in str(caught.value)
