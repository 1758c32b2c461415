"""`journeygen embed`: fresh blocks in Markdown, idempotent, --check for CI, everything else byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from journeygen.api import load, render
from journeygen.cli.main import main

SHOP = ROOT / "examples" / "online-shop.journey.yaml"
BEFORE = "# Our journeys\r\n\r\nSome text with <!-- a comment --> and trailing spaces.   \r\n"
BETWEEN = "\r\nMiddle *text*.\r\n\r\n```markdown\r\n<!-- journeygen: not-a-spec.yaml -->\r\nexample\r\n```\r\n"
AFTER = "\r\nThe end, no newline"
OPEN = "<!-- journeygen: ../maps/shop.journey.yaml -->\r\n"
CLOSE = "<!-- /journeygen -->\r\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["embed", *args])
    return result.exit_code, result.stderr


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    (tmp_path / "journeygen.toml").write_text("")
    (tmp_path / "maps").mkdir()
    shutil.copy(SHOP, tmp_path / "maps" / "shop.journey.yaml")
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "journeys.md"
    path.write_bytes((BEFORE + OPEN + "stale\r\n" + CLOSE + BETWEEN + OPEN + CLOSE + AFTER).encode())
    return path


def fence() -> str:
    return "```mermaid\r\n" + render(load(str(SHOP)), "mermaid").decode().replace("\n", "\r\n") + "```\r\n"


def test_embed_fills_blocks_and_keeps_the_rest_byte_for_byte(doc: Path) -> None:
    code, err = run(str(doc))
    assert code == 0, err
    want = BEFORE + OPEN + fence() + CLOSE + BETWEEN + OPEN + fence() + CLOSE + AFTER
    assert doc.read_bytes() == want.encode()
    assert f"updated {doc} (2 block(s))" in err


def test_embed_is_idempotent_and_check_passes_after_it(doc: Path) -> None:
    run(str(doc))
    first = doc.read_bytes()
    mtime = doc.stat().st_mtime_ns
    assert run(str(doc)) == (0, "")
    assert doc.read_bytes() == first and doc.stat().st_mtime_ns == mtime
    assert run("--check", str(doc)) == (0, "")


def test_check_lists_stale_blocks_and_changes_nothing(doc: Path) -> None:
    run(str(doc))
    spec = doc.parent.parent / "maps" / "shop.journey.yaml"
    spec.write_text(spec.read_text().replace("Buying running shoes online", "Buying trail shoes"))
    before = doc.read_bytes()
    code, err = run("--check", str(doc))
    assert code == 1
    assert err.splitlines() == [
        f"{doc}:4: stale journeygen block for ../maps/shop.journey.yaml",
        f"{doc}:{before.decode().splitlines().index(OPEN.strip(), 4) + 1}: stale journeygen block for "
        "../maps/shop.journey.yaml",
        "2 stale block(s); run `journeygen embed` on the files above"]
    assert doc.read_bytes() == before


def test_swimlane_style_embeds_the_grid_and_flowchart_the_flowchart(doc: Path) -> None:
    assert run("--mermaid-style", "swimlane", str(doc))[0] == 0
    assert "```mermaid\r\nblock-beta\r\n" in doc.read_bytes().decode()
    assert run("--mermaid-style", "flowchart", str(doc))[0] == 0
    assert "```mermaid\r\nflowchart LR\r\n" in doc.read_bytes().decode()


def test_unclosed_block_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("intro\n<!-- journeygen: x.yaml -->\nno end\n")
    code, err = run(str(path))
    assert code == 1
    assert f"{path}:2:1: embed: this journeygen block is never closed; add <!-- /journeygen -->" in err
    assert path.read_text() == "intro\n<!-- journeygen: x.yaml -->\nno end\n"


def test_a_broken_spec_is_reported_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 9}]\n")
    path = tmp_path / "a.md"
    text = "<!-- journeygen: bad.yaml -->\n<!-- /journeygen -->\n"
    path.write_text(text)
    code, err = run(str(path))
    assert code == 1 and "bad.yaml:3:" in err
    assert path.read_text() == text


def test_as_svg_writes_the_image_next_to_the_markdown(doc: Path) -> None:
    assert run("--as", "svg", str(doc))[0] == 0
    svg = doc.parent / "shop.svg"
    assert svg.read_bytes() == render(load(str(SHOP)), "svg")
    assert "![Buying running shoes online](shop.svg)\r\n" in doc.read_bytes().decode()
    assert run("--as", "svg", "--check", str(doc)) == (0, "")
    svg.write_text("<svg/>")
    assert run("--as", "svg", "--check", str(doc))[0] == 1


def test_one_broken_file_does_not_stop_the_others(doc: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("<!-- journeygen: missing.yaml -->\n<!-- /journeygen -->\n")
    code, err = run(str(broken), str(doc))
    assert code == 1
    assert "missing.yaml:1:1: (file): no such file" in err
    assert fence() in doc.read_bytes().decode()


def test_two_maps_may_not_share_one_svg(tmp_path: Path) -> None:
    for folder, example in (("a", SHOP), ("b", ROOT / "examples" / "service-minimal.journey.yaml")):
        (tmp_path / folder).mkdir()
        shutil.copy(example, tmp_path / folder / "map.yaml")
    path = tmp_path / "doc.md"
    text = "".join(f"<!-- journeygen: {f}/map.yaml -->\n<!-- /journeygen -->\n" for f in "ab")
    path.write_text(text)
    code, err = run("--as", "svg", str(path))
    assert code == 1 and f"{path}:3:1: embed: another block already renders a different map to map.svg" in err
    assert path.read_text() == text and not (tmp_path / "map.svg").exists()


def test_the_marker_remembers_the_options_so_check_agrees(doc: Path) -> None:
    assert run("--as", "svg", "--mermaid-style", "swimlane", str(doc))[0] == 0
    text = doc.read_bytes().decode()
    assert text.count("<!-- journeygen: ../maps/shop.journey.yaml as=svg mermaid-style=swimlane -->\r\n") == 2
    assert run("--check", str(doc)) == (0, "")
    assert run(str(doc)) == (0, "") and doc.read_bytes().decode() == text
    code, err = run("--as", "mermaid", "--check", str(doc))
    assert code == 1 and "2 stale block(s)" in err
    assert run("--as", "mermaid", str(doc))[0] == 0
    text = doc.read_bytes().decode()
    assert text.count(OPEN.replace(" -->", " mermaid-style=swimlane -->") + "```mermaid\r\n") == 2
    assert "![" not in text and run("--check", str(doc)) == (0, "")


def test_an_unknown_marker_option_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    text = "intro\n<!-- journeygen: x.yaml as=png -->\n<!-- /journeygen -->\n"
    path.write_text(text)
    code, err = run(str(path))
    assert code == 1 and f"{path}:2:1: embed: unknown marker option 'as=png'; a marker takes " \
                          "as=mermaid|svg; mermaid-style=journey|swimlane" in err
    assert path.read_text() == text


def test_without_files_every_markdown_file_below_is_checked(doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = doc.parent.parent
    for skipped in (".git", "node_modules", "venv"):
        (root / skipped).mkdir()
        (root / skipped / "x.md").write_text("<!-- journeygen: nowhere.yaml -->\n<!-- /journeygen -->\n")
    (root / "venv" / "pyvenv.cfg").write_text("")
    monkeypatch.chdir(root)
    code, err = run("--check")
    assert code == 1 and err.count("stale journeygen block") == 2 and "nowhere" not in err
    assert run()[0] == 0
    assert run("--check") == (0, "")
