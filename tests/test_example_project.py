"""examples/project/: a small real project (maps in two languages, shared personas, a lifecycle map
linking two detailed maps, a brand theme) that validates, lints, renders and whose links resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from helpers import ROOT, run_journeygen

from journeygen.api import load_spec
from journeygen.projectfile import find_project, project_specs
from journeygen.spec.loader import read

PROJECT = ROOT / "examples" / "project"
SCHEMA = json.loads((ROOT / "journeygen.schema.json").read_text(encoding="utf-8"))


def test_the_project_has_its_maps_in_two_languages_with_a_brand_theme() -> None:
    project = find_project(PROJECT / "maps" / "ro")
    assert project is not None and project.root == PROJECT.resolve()
    assert project.theme == "themes/brand.theme.yaml" and (project.root / project.theme).is_file()
    specs = project_specs(PROJECT)
    assert len(specs) >= 4
    journeys = [load_spec(spec).journey for spec in specs]
    assert {j.locale for j in journeys} == {"en", "ro"}
    assert all(j.theme is not None and j.theme.endswith("brand.theme.yaml") for j in journeys)


def test_personas_are_shared_and_the_lifecycle_map_links_two_detailed_maps() -> None:
    life = load_spec(PROJECT / "maps/lifecycle.journey.yaml").journey
    checkout = load_spec(PROJECT / "maps/checkout.journey.yaml").journey
    assert life.personas[0] == checkout.personas[0]  # Maria, from personas/maria.persona.yaml
    linked = {m.use for s in life.stages for m in s.micro_journeys} | {k.use for s in life.stages for k in s.links}
    assert {"checkout.journey.yaml", "returns.journey.yaml"} <= linked


def test_every_map_of_the_project_matches_the_editor_schema() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for spec in project_specs(PROJECT):
        errors = [e.message for e in validator.iter_errors(read(spec).data)]
        assert errors == [], (spec, errors)


def test_the_project_lints_and_renders_with_links_that_resolve(tmp_path: Path) -> None:
    lint = run_journeygen("lint", cwd=PROJECT / "maps")
    assert lint.returncode == 0, lint.stdout.decode() + lint.stderr.decode()
    result = run_journeygen("render", "-q", "-o", str(tmp_path), cwd=PROJECT)
    assert result.returncode == 0, result.stderr.decode()
    hrefs = []
    for svg in tmp_path.rglob("*.svg"):
        for href in re.findall(r'<a href="([^"]+)"', svg.read_text(encoding="utf-8")):
            hrefs.append(href)
            assert (svg.parent / href).is_file(), (svg, href)
    assert {"checkout.svg", "returns.svg", "ro/cont-client.svg"} <= set(hrefs)


def test_in_a_pack_the_lifecycle_map_links_to_the_pages_of_the_maps_it_opens(tmp_path: Path) -> None:
    from pypdf import PdfReader

    maps = ["maps/lifecycle.journey.yaml", "maps/checkout.journey.yaml", "maps/returns.journey.yaml"]
    result = run_journeygen("render", *maps, "--pack", str(tmp_path / "pack.pdf"), cwd=PROJECT)
    assert result.returncode == 0, result.stderr.decode()
    reader = PdfReader(tmp_path / "pack.pdf")
    named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    links: dict[int, set[str]] = {}
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            target = annot.get_object().get("/Dest")
            if target is not None:
                links.setdefault(number, set()).add(str(target))
    map_page = named["journey-1"]  # the lifecycle map's sheet, after the contents
    assert links[map_page] == {"journey-2", "journey-3"}  # the micro-journey and the link; ro/ is not in the pack
    assert named["journey-2"] > map_page and named["journey-3"] > named["journey-2"]


def test_a_standalone_pdf_links_the_pdfs_of_the_maps_it_opens_beside_it(tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = run_journeygen("render", "-q", "-f", "pdf", "-o", str(tmp_path), cwd=PROJECT, timeout=240)
    assert result.returncode == 0, result.stderr.decode()
    pdf = tmp_path / "lifecycle.pdf"
    uris: dict[int, set[str]] = {}
    for number, page in enumerate(PdfReader(pdf).pages):
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.setdefault(number, set()).add(str(action["/URI"]))
    assert uris[0] == {"checkout.pdf", "returns.pdf", "ro/cont-client.pdf"}  # the map: micro-journey and links
    assert "checkout.pdf" in uris[max(uris)]  # the micro-journey's own page links its map too
    assert all((pdf.parent / uri).is_file() for found in uris.values() for uri in found)
