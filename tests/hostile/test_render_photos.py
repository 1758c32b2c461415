"""Persona photos that point anywhere but a small image beside the spec -> refused, naming the file; nothing lost."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import run_journeygen

import journeygen
from journeygen.api import load_spec, render
from journeygen.render import FORMATS

PHOTOS = Path(__file__).parent / "photos"
NONET = Path(__file__).parent / "nonet"
OVERSIZE = 12 * 1024 * 1024  # above every renderer's photo limit
# Formats that embed persona photos (the Graphviz and Mermaid views draw none).
PHOTO_FORMATS = [fmt for fmt in ("svg", "pdf") if fmt in FORMATS]

ATTACKS = {
    "parent-traversal": "../../../../../../../../etc/passwd",
    "absolute": "/etc/passwd",
    "file-url": "file:///etc/passwd",
    "http-loopback": "http://127.0.0.1:9/x.png",
    "https": "https://example.com/x.png",
    "device": "/dev/urandom",
    "symlink-out": "escape.png",
    "symlink-out-relative": "escape-relative.png",
    "text-named-png": "fake.png",
    "oversize": "big.png",
    "directory": ".",
    "missing": "nobody.png",
}
SECRETS = ("/etc/passwd", "/etc/hostname", "/dev/urandom")


def _spec(photo: str) -> str:
    return f"title: Photo test\npersona: {{name: Ann, photo: {photo!r}}}\nstages:\n  - {{name: Look, emotion: 3}}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of photos/ (symlinks kept) plus an oversize PNG made now, so the repository stays small."""
    target = tmp_path / "maps"
    shutil.copytree(PHOTOS, target, symlinks=True)
    with (target / "big.png").open("wb") as big:
        big.write(b"\x89PNG\r\n\x1a\n")
        big.truncate(OVERSIZE)
    return target


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Paths Python opens while the test runs (an audit hook; it stays installed, so it records only when asked)."""
    log: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active and event == "open" and isinstance(args[0], str | Path):
            log.append(os.path.realpath(args[0]))

    sys.addaudithook(hook)
    yield log
    active.clear()


def test_fixture_symlinks_point_out_of_the_tree() -> None:
    for name in ("escape.png", "escape-relative.png"):
        link = PHOTOS / name
        assert link.is_symlink() and not link.resolve().is_relative_to(PHOTOS.resolve())


@pytest.mark.parametrize("fmt", PHOTO_FORMATS)
@pytest.mark.parametrize("name", ATTACKS)
def test_photo_refused_without_reading_it(folder: Path, name: str, fmt: str, opened: list[str]) -> None:
    photo = ATTACKS[name]
    (folder / "map.yaml").write_text(_spec(photo))
    with pytest.raises(journeygen.JourneygenError) as err:  # validation refuses it, else the renderer
        spec = load_spec(folder / "map.yaml")
        render(spec.journey, fmt, options=spec.options())
    assert repr(photo) in str(err.value) or photo in str(err.value), err.value
    assert not [path for path in opened if path.startswith(SECRETS)], opened
    if name == "oversize":
        assert not any(path.endswith("big.png") for path in opened), "read a file larger than the limit"


def test_refused_photos_keep_the_previous_output(folder: Path, tmp_path: Path) -> None:
    """Render every map with a good photo, then each with its attack: exit 1, each photo named, old files intact."""
    out, net_log = tmp_path / "out", tmp_path / "net.log"
    specs = [str(folder / f"{name}.yaml") for name in ATTACKS]
    for name in ATTACKS:
        (folder / f"{name}.yaml").write_text(_spec("tiny.png"))
    first = run_journeygen("render", *specs, "-o", str(out))
    assert first.returncode == 0, first.stderr.decode()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == len(ATTACKS) and all(b"data:image/png;base64," in data for data in before.values())
    for name, photo in ATTACKS.items():
        (folder / f"{name}.yaml").write_text(_spec(photo))
    env = {"PYTHONPATH": f"{NONET}{os.pathsep}{Path(journeygen.__file__).parent.parent}",
           "JOURNEYGEN_NET_LOG": str(net_log)}
    second = run_journeygen("render", *specs, "-o", str(out), env=env)
    assert second.returncode == 1
    lines = second.stderr.decode().splitlines()
    assert "Traceback" not in second.stderr.decode()
    for name, photo in ATTACKS.items():
        assert [line for line in lines if f"{name}.yaml" in line and photo in line], (name, lines)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "a failed render changed or left a file"
    assert not net_log.exists(), net_log.read_text()


def test_one_bad_photo_does_not_stop_the_other_specs(folder: Path, tmp_path: Path) -> None:
    (folder / "a.yaml").write_text(_spec("tiny.png"))
    (folder / "bad.yaml").write_text(_spec("/etc/passwd"))
    (folder / "c.yaml").write_text(_spec("tiny.png"))
    done = run_journeygen("render", *(str(folder / n) for n in ("a.yaml", "bad.yaml", "c.yaml")), "-o",
                          str(tmp_path / "out"))
    assert done.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.svg", "c.svg"]
    assert "bad.yaml" in done.stderr.decode()


@pytest.mark.skipif(len(PHOTO_FORMATS) < 2, reason="needs two formats that embed photos")
@pytest.mark.parametrize("photo", ["three-mb.png", "face.svg"])
def test_every_format_takes_the_same_photos(folder: Path, photo: str) -> None:
    """The PDF once had its own photo reader (10 MB, SVG allowed) beside journeygen/assets.py (2 MB, no SVG)."""
    with (folder / "three-mb.png").open("wb") as png:
        png.write((PHOTOS / "tiny.png").read_bytes())
        png.truncate(3 * 1024 * 1024)
    (folder / "face.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')
    (folder / "map.yaml").write_text(_spec(photo))
    outcomes = set()
    for fmt in PHOTO_FORMATS:
        try:
            spec = load_spec(folder / "map.yaml")
            render(spec.journey, fmt, options=spec.options())
            outcomes.add("rendered")
        except journeygen.JourneygenError:
            outcomes.add("refused")
    assert len(outcomes) == 1, f"{photo}: accepted by one format and refused by another"


THEME_ATTACKS = ["../../../../../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/t.yaml",
                 "escape.png"]


THEMED = [(theme, fmt) for fmt in ("svg", "dot", "flow", "pdf") if fmt in FORMATS for theme in THEME_ATTACKS]


@pytest.mark.parametrize(("theme", "fmt"), THEMED)
def test_theme_path_out_of_the_folder_is_refused(folder: Path, theme: str, fmt: str, opened: list[str]) -> None:
    (folder / "map.yaml").write_text(_spec("tiny.png").replace("title:", f"theme: {theme!r}\ntitle:"))
    with pytest.raises(journeygen.JourneygenError) as err:
        spec = load_spec(folder / "map.yaml")
        render(spec.journey, fmt, options=spec.options())
    assert theme in str(err.value)
    assert not [path for path in opened if path.startswith(SECRETS)], opened


@pytest.mark.parametrize("fmt", [fmt for fmt in ("svg", "dot", "flow", "pdf") if fmt in FORMATS])
@pytest.mark.parametrize("theme", ["/etc/passwd", "../../../../../../../../etc/passwd"])
def test_library_render_of_spec_text_reads_no_theme_file(theme: str, fmt: str, opened: list[str]) -> None:
    """journeygen.render() of a journey from load(text): no folder, so no theme file may be read at all."""
    journey = journeygen.load(f"theme: {theme!r}\ntitle: T\npersona: {{name: A}}\nstages: [{{name: S}}]\n")
    with pytest.raises(journeygen.JourneygenError) as err:
        render(journey, fmt)
    assert "root:" not in str(err.value)
    assert not [path for path in opened if path.startswith(SECRETS)], opened
