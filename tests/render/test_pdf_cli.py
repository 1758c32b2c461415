"""PDF options through the real command: --tile posters, --blank templates, --pack documents, usage errors."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

from helpers import ROOT, run_journeygen
from pypdf import PdfReader

MM = 72 / 25.4
SHOP = str(ROOT / "examples" / "online-shop.journey.yaml")
MINIMAL = str(ROOT / "examples" / "service-minimal.journey.yaml")
HEBREW = str(ROOT / "examples" / "clinic-he.journey.yaml")


def read(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def sizes_mm(pdf: PdfReader) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in pdf.pages]


def outline(pdf: PdfReader) -> list[Any]:
    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]
    return titles(pdf.outline)


def test_tile_cuts_an_a1_poster_into_a4_sheets(tmp_path: Path) -> None:
    done = run_journeygen("render", SHOP, "-f", "pdf", "--page", "A1", "--tile", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    pdf = read(tmp_path / "online-shop.pdf")
    tiles = [p.extract_text() for p in pdf.pages if "A1 poster" in p.extract_text()]
    grid = re.search(r"sheet A1 · row 1 of (\d+), column 1 of (\d+) · 1/(\d+)", tiles[0])
    assert grid, tiles[0]
    rows, cols, count = map(int, grid.groups())
    assert len(tiles) == rows * cols == count >= 4
    assert "Pain points" in tiles[0] and "Advocacy" not in tiles[0]  # the left edge of the map only
    assert set(sizes_mm(pdf)) <= {(297, 210), (210, 297)}
    assert outline(pdf)[0] == "Journey map (poster)"


def test_blank_template_has_stages_and_lanes_and_nothing_else(tmp_path: Path) -> None:
    done = run_journeygen("render", SHOP, "-f", "pdf", "--blank", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "online-shop.pdf").exists()
    pdf = read(tmp_path / "online-shop.blank.pdf")
    assert len(pdf.pages) == 1
    page = pdf.pages[0].extract_text()
    for word in ("WORKSHOP TEMPLATE", "Awareness", "Advocacy", "Touchpoints", "Pain points", "very positive"):
        assert word in page
    assert "Size-finder quiz" not in page and "Instagram ad" not in page


def test_blank_never_replaces_the_map_pdf(tmp_path: Path) -> None:
    spec = tmp_path / "mortgage.journey.yaml"
    spec.write_text(Path(MINIMAL).read_text(encoding="utf-8"), encoding="utf-8")
    assert run_journeygen("render", str(spec), "-f", "pdf").returncode == 0
    map_pdf = (tmp_path / "mortgage.pdf").read_bytes()
    done = run_journeygen("render", str(spec), "-f", "pdf,svg", "--blank")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "mortgage.pdf").read_bytes() == map_pdf
    assert len(read(tmp_path / "mortgage.blank.pdf").pages) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mortgage.blank.pdf", "mortgage.journey.yaml",
                                                          "mortgage.pdf", "mortgage.svg"]
    assert f"wrote {tmp_path / 'mortgage.blank.pdf'}" in done.stderr.decode()


def test_a_named_output_never_takes_a_map_file_or_a_spec(tmp_path: Path) -> None:
    spec = tmp_path / "mortgage.journey.yaml"
    spec.write_text(Path(MINIMAL).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mortgage.pdf").write_bytes(b"the map")
    for args, taken in ((["render", str(spec), "--pack", str(tmp_path / "mortgage.pdf")], "mortgage.pdf"),
                        (["render", str(spec), "--pack", str(tmp_path / "mortgage.blank.pdf")], "mortgage.blank.pdf"),
                        (["render", str(spec), "--pack", str(spec)], spec.name),
                        (["compare", MINIMAL, str(spec), "-o", str(tmp_path / "mortgage.svg")], "mortgage.svg")):
        done = run_journeygen(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert f"{tmp_path / taken}" in done.stderr.decode()
        assert "choose another file name" in done.stderr.decode()
    assert (tmp_path / "mortgage.pdf").read_bytes() == b"the map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mortgage.journey.yaml", "mortgage.pdf"]


def test_generic_template_from_stage_names(tmp_path: Path) -> None:
    done = run_journeygen("render", "--blank", "--stages", "Discover, Buy ,Use,Get help", "--page", "A1",
                          "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    pdf = read(tmp_path / "journey-template.pdf")
    assert sizes_mm(pdf) == [(841, 594)]
    page = pdf.pages[0].extract_text()
    for word in ("Discover", "Buy", "Use", "Get help", "Actions", "Emotions", "Ideas"):
        assert word in page


def test_pack_puts_several_specs_in_one_document_with_contents(tmp_path: Path) -> None:
    target = tmp_path / "workshop.pdf"
    done = run_journeygen("render", SHOP, MINIMAL, HEBREW, "--pack", str(target))
    assert done.returncode == 0, done.stderr
    pdf = read(target)
    contents = pdf.pages[0].extract_text()
    assert "Contents" in contents and "Buying running shoes online" in contents
    assert "Renewing a passport" in contents and "online-shop.journey.yaml" in contents
    tree = outline(pdf)
    assert [t for t in tree if isinstance(t, str)] == ["Contents", "Buying running shoes online",
                                                       "Renewing a passport", "קביעת תור למרפאה"]
    assert tree[2][:2] == ["Journey map", "Persona"]
    assert pdf.metadata is not None and "Workshop pack" in (pdf.metadata.title or "")
    last = pdf.pages[-1].extract_text()
    assert f"Page {len(pdf.pages)} of {len(pdf.pages)}" in last


def test_pack_with_an_invalid_spec_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 9}]\n")
    target = tmp_path / "workshop.pdf"
    done = run_journeygen("render", SHOP, str(bad), "--pack", str(target))
    assert done.returncode == 1
    assert b"bad.yaml:3:" in done.stdout + done.stderr
    assert not target.exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["render"], ["render", SHOP, "--blank", "--stages", "A,B"], ["render", "--stages", "A,B"],
                 ["render", SHOP, "--pack", str(tmp_path / "x.pdf"), "-f", "svg"],
                 ["render", "--blank", "--stages", " , "], ["render", SHOP, "-f", "pdf", "--portrait", "--landscape"],
                 ["render", SHOP, "-f", "pdf", "--only", "personas"]):
        done = run_journeygen(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert b"Traceback" not in done.stderr


def test_pdf_to_stdout(tmp_path: Path) -> None:
    done = run_journeygen("render", MINIMAL, "-f", "pdf", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-")


def test_same_spec_gives_the_same_file_in_two_processes(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        done = run_journeygen("render", SHOP, "-f", "pdf", "-o", str(tmp_path / run))
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / run / "online-shop.pdf").read_bytes())
    assert outputs[0] == outputs[1]


def _raster_top(pdf: Path, page: int) -> bytes:
    """The page above its footer as a small grey bitmap (poppler's pdftoppm)."""
    done = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-f", str(page), "-l", str(page), "-H", "200", str(pdf)],
                          capture_output=True, check=True)
    return done.stdout


def test_a_journey_in_a_pack_looks_as_it_does_alone(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    assert run_journeygen("render", SHOP, "--pack", str(target)).returncode == 0
    assert run_journeygen("render", SHOP, "-f", "pdf", "-o", str(tmp_path)).returncode == 0
    assert _raster_top(target, 2) == _raster_top(tmp_path / "online-shop.pdf", 1)


def test_spec_from_standard_input_names_no_commit() -> None:
    done = run_journeygen("render", "-", "-f", "pdf", "-o", "-", input=Path(MINIMAL).read_bytes())
    assert done.returncode == 0, done.stderr
    footer = PdfReader(io.BytesIO(done.stdout)).pages[0].extract_text().splitlines()[-1]
    assert "Renewing a passport" in footer and "commit" not in footer


STRESS = str(ROOT / "examples" / "stress-30-stages.journey.yaml")


def test_a_map_too_small_to_read_gets_a_note_naming_a_page_that_fits(tmp_path: Path) -> None:
    done = run_journeygen("render", STRESS, "-f", "pdf", "-o", str(tmp_path))
    assert done.returncode == 0 and (tmp_path / "stress-30-stages.pdf").is_file()
    note = done.stderr.decode()
    assert re.search(r"note: .*stress-30-stages\.journey\.yaml: the map's body text prints at [2-6]\.\d pt on A3, "
                     r"under 7 pt; --page (A1|A0) prints it at (9|1\d)\.\d pt .* --page (A1|A0) --tile on A4 sheets",
                     note), note
    fits = re.search(r"--page (A\d) --tile", note)
    assert fits
    again = run_journeygen("render", STRESS, "-f", "pdf", "--page", fits.group(1), "--tile", "-o", str(tmp_path))
    assert again.returncode == 0 and "note:" not in again.stderr.decode()


def test_the_note_fires_under_the_size_asked_for(tmp_path: Path) -> None:
    # The shop map prints at about 7 pt on A3 and 5 pt on A4.
    strict = run_journeygen("render", SHOP, "-f", "pdf", "--page", "A4", "--min-text-pt", "4", "-o", str(tmp_path))
    assert strict.returncode == 0 and "note:" not in strict.stderr.decode(), strict.stderr
    loose = run_journeygen("render", SHOP, "-f", "pdf", "--page", "A4", "-o", str(tmp_path))
    assert re.search(r"prints at [4-6]\.\d pt on A4, under 7 pt; --page A(2|3) prints it at", loose.stderr.decode())


def test_a_readable_map_and_quiet_runs_get_no_note(tmp_path: Path) -> None:
    for args in ((MINIMAL,), (STRESS, "-q")):
        done = run_journeygen("render", *args, "-f", "pdf", "-o", str(tmp_path))
        assert done.returncode == 0 and "note:" not in done.stderr.decode(), done.stderr


def _stage_heights(pdf: PdfReader, names: list[str]) -> dict[str, float]:
    """The height on the map page at which each stage name is drawn."""
    found: dict[str, float] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip() in names:
            found.setdefault(text.strip(), round(float(cm[5]) + float(tm[5]) * float(cm[3]), 1))
    pdf.pages[0].extract_text(visitor_text=visit)
    return found


def test_max_width_lays_the_pdf_map_out_in_rows(tmp_path: Path) -> None:
    stages = [f"  - name: Step {chr(65 + i)}{chr(65 + i)}\n    actions: [Reads]\n" for i in range(8)]
    spec = tmp_path / "rows.journey.yaml"
    spec.write_text("title: Rows\npersona: {name: Ana}\nstages:\n" + "".join(stages), encoding="utf-8")
    names = [f"Step {chr(65 + i)}{chr(65 + i)}" for i in range(8)]
    one_row = run_journeygen("render", str(spec), "-f", "pdf", "--max-width", "4000", "-o", str(tmp_path / "a"))
    rows = run_journeygen("render", str(spec), "-f", "pdf", "--max-width", "1000", "-o", str(tmp_path / "b"))
    assert one_row.returncode == rows.returncode == 0, (one_row.stderr, rows.stderr)
    flat = _stage_heights(read(tmp_path / "a" / "rows.pdf"), names)
    wrapped = _stage_heights(read(tmp_path / "b" / "rows.pdf"), names)
    assert len(set(flat.values())) == 1 and len(flat) == 8
    assert len(set(wrapped.values())) >= 2 and wrapped[names[0]] > wrapped[names[-1]]


def _tile_sizes(pdf: PdfReader) -> list[tuple[int, int]]:
    return [size for size, page in zip(sizes_mm(pdf), pdf.pages, strict=True) if "poster · " in page.extract_text()]


def test_each_journey_of_a_tiled_pack_keeps_its_own_sheet_orientation(tmp_path: Path) -> None:
    # Tiling turns the sheets whichever way needs fewer of them: the wide 30-stage map in one row and the
    # shop map come out on differently turned A4 sheets, and must keep them inside one pack.
    alone = []
    one_row = ("--page", "A2", "--tile", "--max-width", "8000", "--portrait")
    for spec in (STRESS, SHOP):
        done = run_journeygen("render", spec, "-f", "pdf", *one_row, "-o", str(tmp_path))
        assert done.returncode == 0, done.stderr
        alone += _tile_sizes(read(tmp_path / Path(spec).name.replace(".journey.yaml", ".pdf")))
    assert len(set(alone)) == 2
    done = run_journeygen("render", STRESS, SHOP, "--pack", str(tmp_path / "pack.pdf"), *one_row)
    assert done.returncode == 0, done.stderr
    assert _tile_sizes(read(tmp_path / "pack.pdf")) == alone


def test_the_note_never_rounds_up_to_the_limit_it_names(tmp_path: Path) -> None:
    # The shop map's body text prints at 6.96 pt on A3: "7.0 pt, under 7 pt" would contradict itself.
    done = run_journeygen("render", SHOP, "-f", "pdf", "--page", "A3", "-o", str(tmp_path))
    said = re.search(r"prints at (\d+\.\d) pt on A3, under 7 pt", done.stderr.decode())
    assert said and float(said.group(1)) < 7, done.stderr


def test_contradicting_pdf_options_are_a_usage_error_before_anything_is_written(tmp_path: Path) -> None:
    """`--pdf-standard x-4 --tile` exited 1 once the PDF was laid out (the trial's item 10e); the README
    promises exit 2 for wrong usage. Nothing is written, not even the formats before the PDF."""
    spec = tmp_path / "map.journey.yaml"
    spec.write_text(Path(MINIMAL).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    for args, why in (
            ([str(spec), "-f", "svg,pdf", "--pdf-standard", "x-4", "--tile"], "--tile cuts it into office sheets"),
            ([str(spec), "-f", "pdf", "--page", "A1", "--tile", "--pdf-standard", "x-4"], "give one"),
            ([str(spec), "--pack", str(out / "p.pdf"), "--pdf-standard", "x-4", "--tile"], "give one"),
            (["-", "-f", "pdf", "--pdf-standard", "a-3b"], "standard input (-) or a --stages template has none"),
            ([str(spec), "-", "--pack", str(out / "p.pdf"), "--pdf-standard", "a-3b"], "render from a spec file"),
            (["--blank", "--stages", "A,B", "--pdf-standard", "a-3b"], "render from a spec file")):
        where = [] if "--pack" in args else ["-o", str(out)]
        done = run_journeygen("render", *args, *where, input=spec.read_bytes())
        err = done.stderr.decode()
        assert done.returncode == 2, (args, err)
        assert err.startswith("Usage: journeygen render [OPTIONS] [SPECS]...\nTry 'journeygen render --help' for "
                              "help.\n\nError: --"), err
        assert why in err, err
        assert not out.exists(), args
    done = run_journeygen("watch", str(spec), "-f", "pdf", "--pdf-standard", "x-4", "--tile")
    assert done.returncode == 2 and b"Error: --pdf-standard x-4" in done.stderr


def test_a_print_shop_pdf_too_small_to_read_is_not_advised_to_be_tiled(tmp_path: Path) -> None:
    """x-4 refuses --tile (a usage error), so its note names a larger page only."""
    done = run_journeygen("render", STRESS, "-f", "pdf", "--pdf-standard", "x-4", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    note = done.stderr.decode()
    assert re.search(r"under 7 pt; --page (A1|A0) prints it at (9|1\d)\.\d pt or more on a large-format printer\n",
                     note), note
    assert "--tile" not in note
