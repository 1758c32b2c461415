"""journeygen report --format backlog-csv: the open ideas as issues an issue tracker imports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from journeygen.cli.main import main

MAP = """
title: Online shop
persona: {name: Maria}
stages:
  - id: browse
    name: Browse
    pain_points:
      - id: sizes
        text: Does not know her size
        evidence: [{source: Interview 2, quote: "I always order two sizes", link: research/int-02.md}, Returns data]
        confidence: measured
    ideas:
      - {text: Size quiz, owner: Web, due: 2027-01-31, impact: medium, effort: medium, reach: 1000, addresses: sizes}
      - {text: '=HYPERLINK("http://evil")', owner: '+Ops', status: idea}
  - id: checkout
    name: Checkout
    pain_points:
      - {id: fees, text: Delivery cost appears only at the end, confidence: assumed}
    ideas:
      - {text: Show delivery cost early, owner: Web, impact: high, effort: low, reach: 1200, confidence: observed,
         addresses: [fees, sizes], status: planned}
      - {text: Old banner, status: done, reach: 99999, impact: high, effort: low}
      - {text: Dropped, status: dropped}
"""


def issues(tmp_path: Path, *texts: str) -> tuple[list[str], list[dict[str, str]]]:
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"shop{n}.journey.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(main, ["report", *files, "--format", "backlog-csv"])
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode()
    assert text.startswith("\ufeff") and "\r\n" in text
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    return list(reader.fieldnames or []), list(reader)


def test_each_open_idea_is_one_issue_in_rice_order(tmp_path: Path) -> None:
    header, rows = issues(tmp_path, MAP)
    assert header == ["title", "body", "owner", "due", "labels"]
    # RICE: 1200 x 3 x 0.8 / 1 = 2880; 1000 x 2 x 0.5 / 2 = 500; then the unscored idea; done and dropped left out
    assert [r["title"] for r in rows] == ["Show delivery cost early", "Size quiz", "'=HYPERLINK(\"http://evil\")"]
    assert [(r["owner"], r["due"]) for r in rows] == [("Web", ""), ("Web", "2027-01-31"), ("'+Ops", "")]


def test_the_body_carries_the_pains_with_their_evidence_and_the_stage(tmp_path: Path) -> None:
    _, rows = issues(tmp_path, MAP)
    body = rows[0]["body"].splitlines()
    assert body[0] == "Show delivery cost early"
    assert "Stage: Checkout" in body
    assert "- Delivery cost appears only at the end (stage: Checkout)" in body
    assert "- Does not know her size (stage: Browse)" in body
    assert "  Evidence: Interview 2 \u201cI always order two sizes\u201d <research/int-02.md>; Returns data" in body
    assert "  Confidence: assumed" in body
    assert "RICE: 2880 (reach 1200, impact high, confidence observed, effort low)" in body


def test_labels_are_single_words_a_tracker_can_split_on_commas(tmp_path: Path) -> None:
    _, rows = issues(tmp_path, MAP)
    assert rows[0]["labels"].split(",") == ["impact:high", "effort:low", "status:planned", "stage:checkout",
                                            "map:shop0", "rice:2880"]
    assert rows[2]["labels"].split(",") == ["status:idea", "stage:browse", "map:shop0"]
    assert not any(" " in label for r in rows for label in r["labels"].split(","))


def test_several_maps_follow_one_another(tmp_path: Path) -> None:
    other = "title: Returns\npersona: {name: Ion}\nstages: [{name: Send back, ideas: [{text: Free label}]}]\n"
    _, rows = issues(tmp_path, MAP, other)
    assert [r["title"] for r in rows][-1] == "Free label" and rows[-1]["labels"].endswith("map:shop1")
    assert "Map: Returns" in rows[-1]["body"]


def test_the_findings_csv_keeps_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "shop.journey.yaml"
    path.write_text(MAP, encoding="utf-8")
    out = CliRunner().invoke(main, ["report", str(path), "--format", "csv"]).output
    assert out.removeprefix("\ufeff").splitlines()[0] == \
        "map,section,persona,stage,item,score,label,owner,due,status,overdue,value,target,gap"
