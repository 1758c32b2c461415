"""Service-blueprint layers: the three lines where the lane order crosses layers, `triggers:` arrows, and
the layers carried by the PDF, the CSV and Mermaid (issue 20)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from goldens import assert_golden
from helpers import ROOT, run_journeygen
from pypdf import PdfReader

from journeygen.api import lay_out, load, load_spec, loads, render
from journeygen.importers.spreadsheet import read_csv
from journeygen.layout.blueprint import crossings
from journeygen.layout.scene import Group, Scene, Text
from journeygen.layout.scene import Path as ScenePath
from journeygen.options import RenderOptions
from journeygen.render.mermaid.export import losses
from journeygen.spec.model import Lane

BLUEPRINTS = sorted((ROOT / "examples").glob("blueprint-*.journey.yaml"))
CLAIMS = ROOT / "examples" / "blueprint-claims.journey.yaml"
SPEC_LANES = ["evidence", "actions", "frontstage", "backstage", "support", "emotions", "pain_points", "ideas"]


def blueprint(locale: str = "en", lanes: list[str] | None = None) -> str:
    return f"""title: Returns
locale: {locale}
persona: {{name: Ana}}
lanes: [{', '.join(lanes or SPEC_LANES)}]
stages:
  - name: Return
    evidence: [Label]
    actions: [Fills in the form]
    frontstage: [{{id: mail, text: Label e-mailed, actor: Web shop, triggers: rma}}]
    backstage: [{{id: rma, text: Return authorised, actor: Care}}]
    support: [Courier API]
    emotion: 3
"""


def groups(scene: Scene, part: str) -> list[Group]:
    found: list[Group] = []

    def walk(items: tuple[object, ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                if part in item.id:
                    found.append(item)
                walk(item.items)
    walk(scene.items)
    return found


def lane_box(scene: Scene, lane: str) -> tuple[float, float]:
    """The top and bottom of a lane row's title cell."""
    (group,) = groups(scene, f"lane-{lane}")
    rect = next(i for i in group.items if getattr(i, "cls", "") == "lane-title")
    return rect.box.y, rect.box.bottom  # type: ignore[union-attr]


def rule_y(group: Group) -> float:
    rule = next(i for i in group.items if isinstance(i, ScenePath))
    return rule.ops[0][1][1]


def test_lines_are_drawn_only_where_the_lane_order_crosses_layers() -> None:
    assert crossings([Lane(id=lane) for lane in SPEC_LANES]) == [(), (), (0,), (1,), (2,), (), (), ()]
    assert crossings([Lane(id=lane) for lane in ("actions", "touchpoints", "emotions", "pain_points", "ideas",
                                                 "metrics")]) == [()] * 6
    custom = [Lane(id="actions"), Lane(id="it", title="IT", layer="support"), Lane(id="frontstage")]
    assert crossings(custom) == [(), (0, 1, 2), (1, 2)]


def test_the_three_lines_sit_between_the_layers_they_separate() -> None:
    scene = lay_out(loads(blueprint()))
    lines = groups(scene, "line-")
    assert [g.title for g in lines] == ["line of interaction", "line of visibility", "line of internal interaction"]
    for line, above, below in zip(lines, ("actions", "frontstage", "backstage"), ("frontstage", "backstage", "support"),
                                  strict=True):
        assert lane_box(scene, above)[1] < rule_y(line) < lane_box(scene, below)[0]


def test_a_map_without_layers_draws_no_line_and_no_blueprint_style() -> None:
    svg = render(load(ROOT / "examples" / "online-shop.journey.yaml"), "svg").decode()
    assert "layer-line" not in svg and "trigger" not in svg


def test_the_lines_speak_the_maps_language_and_are_mirrored_in_hebrew() -> None:
    scene = lay_out(loads(blueprint("he")))
    lines = groups(scene, "line-")
    assert [g.title for g in lines] == ["קו האינטראקציה", "קו הנראות", "קו האינטראקציה הפנימית"]
    for line in lines:
        label = next(i for i in line.items if isinstance(i, Text))
        rule = next(i for i in line.items if isinstance(i, ScenePath))
        xs = [pt for _, pts in rule.ops for pt in pts[::2]]
        assert label.box.x > max(xs), "the label sits in the lane-title column, on the right in Hebrew"
    assert [g.title for g in groups(lay_out(loads(blueprint("ro"))), "line-")][1] == "linia vizibilității"


def _one_arrow_down_the_column(scene: Scene) -> str:
    """The title of the scene's one trigger arrow, which must run from the frontstage lane to the backstage."""
    (arrow,) = groups(scene, "trigger-")
    shaft = next(i for i in arrow.items if isinstance(i, ScenePath) and i.cls == "trigger")
    ys = [pts[1] for _, pts in shaft.ops]
    front, back = lane_box(scene, "frontstage"), lane_box(scene, "backstage")
    assert front[0] < ys[0] < front[1] and back[0] < ys[-1] < back[1]
    return arrow.title or ""


def test_triggers_draw_an_arrow_from_card_to_card_down_the_column() -> None:
    assert _one_arrow_down_the_column(lay_out(loads(blueprint()))) == "Label e-mailed triggers Return authorised"
    svg = render(loads(blueprint()), "svg").decode()
    assert "<title>Label e-mailed triggers Return authorised</title>" in svg and ".trigger{" in svg


def test_a_trigger_naming_no_item_of_the_stage_is_an_error_at_its_place(tmp_path: Path) -> None:
    spec = tmp_path / "bad.journey.yaml"
    spec.write_text(blueprint().replace("triggers: rma", "triggers: rmx"), encoding="utf-8")
    result = run_journeygen("validate", str(spec))
    assert result.returncode == 1
    assert f"{spec}:9:78: stages[0].frontstage[0].triggers[0]: unknown blueprint item 'rmx'" \
           in result.stdout.decode()


@pytest.mark.parametrize("path", BLUEPRINTS, ids=[p.name for p in BLUEPRINTS])
def test_the_csv_carries_the_layers_and_reads_back(path: Path) -> None:
    spec = load_spec(path)
    csv = render(spec.journey, "csv", options=spec.options())
    assert_golden(f"csv/{path.name.removesuffix('.journey.yaml')}.csv", csv)
    again, _ = read_csv(csv, path.name)
    assert again.model_dump(exclude={"author", "description"}) == \
        spec.journey.model_dump(exclude={"author", "description"})


def test_the_pdf_carries_the_layers_and_lines() -> None:
    spec = load_spec(CLAIMS)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render(spec.journey, "pdf",
                                                                    options=spec.options()))).pages]
    for words in ("Frontstage", "Backstage", "line of interaction", "line of visibility", "Garage paid directly"):
        assert words in pages[0], words


def test_mermaid_swimlane_keeps_the_layers_and_the_journey_says_it_leaves_them_out() -> None:
    journey = load(CLAIMS)
    grid = render(journey, "mermaid", options=RenderOptions(mermaid_style="swimlane")).decode()
    assert '["<b>Backstage</b>"]' in grid  # a row of the grid, with its items and their actors in its cells
    assert "• Claim opened and checked<br>against the policy (Claims<br>handler)" in grid
    flowchart = render(journey, "mermaid", options=RenderOptions(mermaid_style="flowchart")).decode()
    assert "<b>Backstage</b><br>• Claim opened and checked against the policy (Claims handler)" in flowchart
    (note,) = [n for n in losses(journey, RenderOptions()) if "leaves out lanes" in n]
    assert "Physical evidence" in note and "Frontstage" in note and "Support processes" in note


def test_the_pdf_lists_each_source_with_the_items_it_supports_on_an_evidence_page() -> None:
    spec = load_spec(CLAIMS)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render(spec.journey, "pdf",
                                                                    options=spec.options()))).pages]
    evidence = pages[-1]
    assert evidence.splitlines()[1] == "Evidence"
    for words in ("Interview 3", "research/interviews.md", "I was standing on the hard shoulder",
                  "Has to read the policy number from a paper card", "Telephony report, March 2026"):
        assert words in evidence, words
    plain = load_spec(ROOT / "examples" / "online-shop.journey.yaml")
    shop = [p.extract_text() for p in PdfReader(io.BytesIO(render(plain.journey, "pdf",
                                                                  options=plain.options()))).pages]
    assert not any(p.splitlines()[1:2] == ["Evidence"] for p in shop)


def test_ideas_with_reach_get_a_priorities_page_sorted_by_rice() -> None:
    from decimal import Decimal

    from journeygen.spec.model import Idea
    from journeygen.spec.rice import rice

    assert rice(Idea(text="x", reach=1200, impact="high", effort="low", confidence="observed")) == Decimal(2880)
    assert rice(Idea(text="x", reach=1200, impact="high", effort="medium")) == Decimal(900), "no confidence: 50%"
    assert rice(Idea(text="x", impact="high", effort="low")) is None
    spec = load_spec(CLAIMS)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render(spec.journey, "pdf",
                                                                    options=spec.options()))).pages]
    (page,) = [p for p in pages if p.splitlines()[1:2] == ["Priorities"]]
    assert "(RICE 3900)" in page and "(RICE 1550)" in page
    assert page.index("Start a claim in the") < page.rindex("Estimate from"), "the backlog is sorted by RICE"


def test_the_action_list_puts_each_pain_with_the_ideas_that_address_it() -> None:
    spec = load_spec(ROOT / "examples" / "blueprint-ro.journey.yaml")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render(spec.journey, "pdf",
                                                                    options=spec.options()))).pages]
    (page,) = [p for p in pages if "Punctele de durere și ideile care le rezolvă" in p]
    section = page.split("Punctele de durere și ideile care le rezolvă")[1].split("Puncte de durere pe etape")[0]
    assert section.index("Cererea nu se poate depune online") < section.index("Depunerea cererii pe site") \
        < section.index("Nimeni nu spune") < section.index("SMS la fiecare pas")
    shop = load_spec(ROOT / "examples" / "online-shop.journey.yaml")
    shop_pages = PdfReader(io.BytesIO(render(shop.journey, "pdf", options=shop.options()))).pages
    assert any("Pain points by stage" in p.extract_text() for p in shop_pages)
    assert not any("the ideas that address them" in p.extract_text() for p in shop_pages)


def _format_md_blueprint() -> str:
    """The blueprint example of docs/format.md (SPEC.md section 3's): its trigger comes from an item with no id."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    start = text.index("```yaml\ntitle: Checkout\n") + len("```yaml\n")
    example = text[start:text.index("```", start)]
    assert "{text: Agent confirms the order, actor: Call centre, triggers: erp-update}" in example
    return example


def test_a_trigger_from_an_item_without_an_id_is_drawn_as_in_the_documented_example() -> None:
    title = _one_arrow_down_the_column(lay_out(loads(_format_md_blueprint())))
    assert title == "Agent confirms the order triggers Order written to ERP"
    svg = render(loads(_format_md_blueprint()), "svg").decode()
    assert svg.count('class="trigger"') == 1 and "<title>Agent confirms the order triggers Order written" in svg


def test_two_unnamed_items_triggering_one_target_get_an_arrow_each() -> None:
    spec = blueprint().replace("{id: mail, text: Label e-mailed, actor: Web shop, triggers: rma}",
                               "{text: Label e-mailed, triggers: rma}, {text: SMS sent, triggers: [rma]}")
    arrows = groups(lay_out(loads(spec)), "trigger-")
    assert [a.title for a in arrows] == ["Label e-mailed triggers Return authorised",
                                         "SMS sent triggers Return authorised"]
    assert len({a.id for a in arrows}) == 2
    starts = [next(i for i in a.items if isinstance(i, ScenePath)).ops[0][1][1] for a in arrows]
    assert starts[0] < starts[1], "each arrow leaves its own card"


def _drawn_lines(pdf: bytes) -> int:
    """Straight path segments (``x y l``) on the PDF's first page, the map's drawing included."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    data = page.get_contents().get_data()
    for xobject in page["/Resources"].get("/XObject", {}).values():
        data += xobject.get_object().get_data()
    return data.count(b" l\n")


def test_the_pdf_draws_the_arrow_of_an_item_without_an_id() -> None:
    spec = _format_md_blueprint()
    with_arrow = _drawn_lines(render(loads(spec), "pdf"))
    without = _drawn_lines(render(loads(spec.replace(", triggers: erp-update", "")), "pdf"))
    assert with_arrow >= without + 3, "the shaft's three segments (and the head) are drawn"
