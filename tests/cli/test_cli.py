"""The command line, in-process: exit codes, messages, help that teaches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from journeygen.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_examples_ok() -> None:
    examples = [str(p) for p in sorted((ROOT / "examples").glob("*.journey.yaml"))]
    code, out, err = run("validate", *examples)
    assert code == 0, out
    assert f"{len(examples)} of {len(examples)} spec(s) valid" in err


def test_validate_reports_every_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\npersona: {name: A}\nstages: [{name: S, emotion: 0}]\n")
    code, out, err = run("validate", str(good), str(bad), str(tmp_path / "missing.yaml"))
    assert code == 1
    assert f"{bad}:3:29: stages[0].emotion: an emotion score is a whole number from 1 to 5, not 0" in out
    assert f"{tmp_path / 'missing.yaml'}:1:1: (file): no such file" in out
    assert "1 of 3 spec(s) valid" in err


def test_validate_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["validate", "-"], input="title: T\npersona: {name: A}\nstages: []\n")
    assert result.exit_code == 1
    assert "<stdin>:3:9: stages: needs at least 1 item(s), got none" in result.stdout


def test_schema_is_json_with_descriptions() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    stage = schema["$defs"]["Stage"]
    missing = [name for name, prop in stage["properties"].items() if not prop.get("description")]
    assert missing == []
    assert {"title", "stages"} <= set(schema["required"])


@pytest.mark.parametrize("command", [[], ["validate"], ["render"], ["schema"]])
def test_help_teaches_with_an_example(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Example" in out and "journeygen" in out


def test_unknown_format_is_a_usage_error(shop: Path) -> None:
    code, _, err = run("render", str(shop), "-f", "gif")
    assert code == 2
    assert "unknown format 'gif'; known formats: svg, png" in err


def test_stdout_output_needs_one_format(shop: Path) -> None:
    code, _, err = run("render", str(shop), str(shop), "-o", "-")
    assert code == 2
    assert "one spec and one format" in err


def test_no_traceback_without_debug(tmp_path: Path) -> None:
    spec = tmp_path / "bin.yaml"
    spec.write_bytes(b"title: caf\xc3\x28\n")
    code, out, err = run("validate", str(spec))
    assert code == 1 and "Traceback" not in out + err
    assert "not valid UTF-8" in out


def test_version_is_light() -> None:
    """`--version` and `validate` never import a renderer library."""
    probe = ("import sys; from journeygen.cli.main import main\n"
             "try: main(['validate', sys.argv[1]])\nexcept SystemExit: pass\n"
             "heavy = [m for m in ('weasyprint', 'graphviz', 'uharfbuzz', 'journeygen.layout') if m in sys.modules]\n"
             "print(heavy)")
    shop = ROOT / "examples" / "online-shop.journey.yaml"
    out = subprocess.run([sys.executable, "-c", probe, str(shop)], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


def test_one_map_loads_only_what_it_draws(tmp_path: Path) -> None:
    """Rendering one map to SVG + Mermaid imports no other format's library and no progress bar (none is shown)."""
    probe = ("import sys; from journeygen.cli.main import main\n"
             "try: main(['render', sys.argv[1], '-f', 'svg,mermaid', '-o', sys.argv[2]])\nexcept SystemExit: pass\n"
             "print([m for m in ('weasyprint', 'graphviz', 'resvg', 'click._termui_impl') if m in sys.modules])")
    shop = ROOT / "examples" / "online-shop.journey.yaml"
    out = subprocess.run([sys.executable, "-c", probe, str(shop), str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr
    assert (tmp_path / "online-shop.svg").is_file() and (tmp_path / "online-shop.mmd").is_file()


def test_one_map_skips_start_up_work_it_does_not_need(tmp_path: Path) -> None:
    """Issue 15's start-up target: an SVG + Mermaid render of a YAML spec writes no JSON, finds its locales and
    themes without importlib's resource readers, and loads neither of the other two Mermaid forms."""
    unneeded = ("json", "importlib.readers", "importlib.resources.readers", "journeygen.render.mermaid.grid",
                "journeygen.render.mermaid.swimlane", "journeygen.render.wrap")
    probe = ("import sys; from journeygen.cli.main import main\n"
             "try: main(['render', sys.argv[1], '-f', 'svg,mermaid', '-o', sys.argv[2], '-q'])\n"
             "except SystemExit: pass\n"
             f"print([m for m in {unneeded!r} if m in sys.modules])")
    shop = ROOT / "examples" / "online-shop.journey.yaml"
    out = subprocess.run([sys.executable, "-c", probe, str(shop), str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr
    assert (tmp_path / "online-shop.svg").read_bytes().startswith(b"<?xml")


def test_committed_schema_is_current() -> None:
    """examples/ point editors at journeygen.schema.json: it must match `journeygen schema`."""
    code, out, _ = run("schema")
    assert code == 0
    assert (ROOT / "journeygen.schema.json").read_text(encoding="utf-8") == out


def test_library_facade(shop: Path) -> None:
    """load -> lay_out -> render, as the README shows."""
    import journeygen

    journey = journeygen.load(shop)
    scene = journeygen.lay_out(journey)
    assert scene.width > 1000 and scene.height > 800
    svg = journeygen.render(journey, "svg", theme="dark")
    assert svg.startswith(b"<?xml") and b"Buying running shoes online" in svg


def test_render_compare_draws_as_is_under_to_be(tmp_path: Path) -> None:
    """`render --compare OLD NEW` (the issue's spelling) writes one SVG that shows the emotion change."""
    spec = "title: T\npersona: {name: A}\nstages:\n  - {name: Decision, emotion: {score: %d, label: unsure}}\n"
    (tmp_path / "old.yaml").write_text(spec % 2)
    (tmp_path / "new.yaml").write_text(spec % 4)
    code, _, err = run("render", "--compare", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"),
                       "-o", str(tmp_path / "out"))
    assert code == 0, err
    svg = (tmp_path / "out" / "new-compare.svg").read_text()
    assert "(+2)" in svg
    code, _, err = run("render", "--compare", str(tmp_path / "old.yaml"))
    assert code == 2 and "OLD NEW" in err
    code, _, err = run("render", "--compare", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"),
                       "--pack", str(tmp_path / "both.pdf"), "--tile", "-o", str(tmp_path / "more"))
    assert code == 2 and "--pack, --tile would do nothing" in err, err
    assert not (tmp_path / "more").exists() and not (tmp_path / "both.pdf").exists()


def test_version_and_help_do_not_load_the_model() -> None:
    """`journeygen --version` and `--help` answer without importing pydantic or any renderer."""
    probe = ("import sys; from journeygen.cli.main import main\n"
             "for args in (['--version'], ['--help'], ['render', '--help']):\n"
             "    try: main(args)\n    except SystemExit: pass\n"
             "print([m for m in ('pydantic', 'yaml', 'weasyprint', 'graphviz') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr


def test_lazy_summaries_match_their_commands() -> None:
    """The summaries `--help` shows without importing a command are that command's own."""
    import click

    from journeygen.cli.main import LAZY_COMMANDS

    ctx = click.Context(main)
    for name, lazy in LAZY_COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None and command.hidden == (lazy.summary is None)
        if lazy.summary:
            assert command.get_short_help_str(300) == lazy.summary, name


def test_validate_checks_the_files_a_spec_names(tmp_path: Path) -> None:
    """What render would refuse (a photo outside the project, an unknown theme) validate reports, positioned."""
    spec = tmp_path / "m.yaml"
    spec.write_text("title: T\ntheme: drak\npersona: {name: A, photo: ../secret.png}\nstages: [{name: S}]\n")
    code, out, _ = run("validate", str(spec))
    assert code == 1
    assert f"{spec}:2:8: theme: unknown theme 'drak' (did you mean 'dark'?)" in out
    assert f"{spec}:3:27: persona.photo: photo '../secret.png': outside the spec's project" in out


def test_two_specs_may_not_write_one_file(tmp_path: Path) -> None:
    for folder, name in (("a", "shop.yaml"), ("b", "shop.journey.yaml")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    code, _, err = run("render", str(tmp_path / "a" / "shop.yaml"), str(tmp_path / "b" / "shop.journey.yaml"),
                       "-o", str(tmp_path / "out"))
    assert code == 2 and "would both write" in err
    assert not (tmp_path / "out").exists()


def test_library_load_of_a_missing_file_says_so() -> None:
    import journeygen

    with pytest.raises(journeygen.SpecError, match=r"nope\.journey\.yaml:1:1: \(file\): no such file"):
        journeygen.load("maps/nope.journey.yaml")
