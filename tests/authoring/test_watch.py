"""journeygen watch, for real: a child process re-renders on save, serves a live page, stops on Ctrl-C."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from watchproc import Watch

from journeygen.authoring.serve import Board, Entry, page

SPEC = """\
title: {title}
persona: {{name: Ana, goals: [Buy shoes]}}
stages:
  - {{name: Browse, emotion: 3, touchpoints: [Web]}}
  - {{name: Pay, emotion: {score}, touchpoints: [Checkout]}}
"""


@pytest.fixture
def watching() -> Iterator[Callable[..., Watch]]:
    started: list[Watch] = []

    def start(*args: str) -> Watch:
        started.append(Watch(*args))
        return started[-1]

    yield start
    for watch in started:
        if watch.proc.poll() is None:
            watch.proc.kill()
            watch.proc.wait()


def wait_for(check: Callable[[], bool], timeout: float = 20, step: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(step)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return str(reply.read().decode("utf-8"))


def test_page_escapes_problems_and_shows_the_last_good_map() -> None:
    entry = Entry("<map>.yaml", b"<svg/>", ("map.yaml:1:1: title: <script>alert(1)</script>",))
    html = page(7, [entry]).decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert '<img src="/map/0.svg?v=7"' in html and "last version that rendered" in html


def test_board_wakes_a_waiting_page_on_publish() -> None:
    board = Board(["a.yaml"])
    threading.Timer(0.1, board.publish, (0, b"<svg/>", ())).start()
    started = time.monotonic()
    assert board.wait(0, timeout=10) == 1
    assert time.monotonic() - started < 5
    board.publish(0, None, ("broken",))
    assert board.snapshot()[1] == [Entry("a.yaml", b"<svg/>", ("broken",))]


def test_watch_rerenders_on_save_and_keeps_the_last_good_output(tmp_path: Path, watching: Callable[..., Watch]) -> None:
    spec = tmp_path / "shop.journey.yaml"
    out = tmp_path / "shop.svg"
    spec.write_text(SPEC.format(title="First title", score=4))
    watch = watching(str(spec))
    watch.expect(r"rendered .*shop\.svg")
    assert "First title" in out.read_text()
    spec.write_text(SPEC.format(title="Second title", score=4))
    wait_for(lambda: "Second title" in out.read_text())
    spec.write_text(SPEC.format(title="Third title", score=9))
    watch.expect(r"not rendered; the last good output is kept")
    assert "Second title" in out.read_text()
    code, log = watch.interrupt()
    assert code == 0 and "Traceback" not in log
    assert "stages[1].emotion: an emotion score is a whole number from 1 to 5, not 9" in log


def test_serve_shows_the_map_reloads_on_change_and_shows_errors(tmp_path: Path,
                                                               watching: Callable[..., Watch]) -> None:
    spec = tmp_path / "shop.journey.yaml"
    spec.write_text(SPEC.format(title="Before the edit", score=4))
    watch = watching(str(spec), "--serve", "--port", "0", "-f", "svg")
    url = watch.expect(r"serving (http://127\.0\.0\.1:\d+/)").group(1)
    watch.expect(r"rendered")
    version = int(re.search(r'data-version="(\d+)"', get(url)).group(1))  # type: ignore[union-attr]
    assert "Before the edit" in get(f"{url}map/0.svg")
    spec.write_text(SPEC.format(title="After the edit", score=4))
    assert json.loads(get(f"{url}version?since={version}"))["version"] > version
    wait_for(lambda: "After the edit" in get(f"{url}map/0.svg"))
    spec.write_text(SPEC.format(title="Broken", score="<b>nine</b>"))
    wait_for(lambda: "Not redrawn" in get(url))
    html = get(url)
    assert "&lt;b&gt;nine&lt;/b&gt;" in html and '<img src="/map/0.svg' in html
    assert "After the edit" in get(f"{url}map/0.svg")
    code, log = watch.interrupt()
    assert code == 0 and "Traceback" not in log


def test_a_saved_theme_file_rerenders_too(tmp_path: Path, watching: Callable[..., Watch]) -> None:
    theme = tmp_path / "brand.theme.yaml"
    theme.write_text('extends: default\nbackground: "#fafafa"\n')
    spec = tmp_path / "shop.journey.yaml"
    spec.write_text("theme: brand.theme.yaml\n" + SPEC.format(title="Themed", score=4))
    out = tmp_path / "shop.svg"
    watch = watching(str(spec))
    watch.expect(r"rendered")
    assert "#fafafa" in out.read_text()
    theme.write_text('extends: default\nbackground: "#fbfbfb"\n')
    wait_for(lambda: "#fbfbfb" in out.read_text())
    assert watch.interrupt()[0] == 0


def test_a_saved_project_file_rerenders_its_maps(tmp_path: Path, watching: Callable[..., Watch]) -> None:
    """journeygen.toml gives the maps their default theme and locale: changing it re-renders them."""
    (tmp_path / "journeygen.toml").write_text('maps = ["*.journey.yaml"]\nlocale = "en"\n')
    spec = tmp_path / "shop.journey.yaml"
    spec.write_text(SPEC.format(title="Project", score=4))
    out = tmp_path / "shop.svg"
    watch = watching(str(spec))
    watch.expect(r"rendered")
    assert "Emotions" in out.read_text()
    (tmp_path / "journeygen.toml").write_text('maps = ["*.journey.yaml"]\nlocale = "ro"\n')
    wait_for(lambda: "Emoții" in out.read_text())
    assert watch.interrupt()[0] == 0


def test_saving_a_shared_persona_or_a_linked_map_rerenders_the_map_that_uses_it(
        tmp_path: Path, watching: Callable[..., Watch]) -> None:
    (tmp_path / "journeygen.toml").write_text('maps = ["maps/*.journey.yaml"]\n')
    (tmp_path / "personas").mkdir()
    (tmp_path / "maps").mkdir()
    persona = tmp_path / "personas" / "ana.persona.yaml"
    persona.write_text("id: ana\nname: Ana First\n")
    checkout = tmp_path / "maps" / "checkout.journey.yaml"
    checkout.write_text("title: Checkout v1\npersonas: [{use: ../personas/ana.persona.yaml}]\n"
                        "stages: [{name: Pay, emotion: 2}]\n")
    spec = tmp_path / "maps" / "life.journey.yaml"
    spec.write_text("title: Life\npersonas: [{use: ../personas/ana.persona.yaml}]\n"
                    "stages:\n  - {name: Buy, emotion: 3, micro_journeys: [{use: checkout.journey.yaml}]}\n")
    out = tmp_path / "maps" / "life.svg"
    watch = watching(str(spec))
    watch.expect(r"rendered .*life\.svg")
    assert "Ana First" in out.read_text() and "Checkout v1" in out.read_text()
    persona.write_text("id: ana\nname: Ana Second Name\n")
    watch.expect(r"rendered .*life\.svg")
    assert "Ana Second Name" in out.read_text()
    checkout.write_text(checkout.read_text().replace("Checkout v1", "Checkout, second version"))
    watch.expect(r"rendered .*life\.svg")
    assert "Checkout, second version" in out.read_text()
    persona.write_text("id: ana\nname: Ana\nmood: unknown key\n")  # broken: the last good map stays
    watch.expect(r"not rendered")
    assert "Ana Second Name" in out.read_text()
    persona.write_text("id: ana\nname: Ana Fixed\n")  # the fix alone re-renders
    watch.expect(r"rendered .*life\.svg")
    assert "Ana Fixed" in out.read_text()
    assert watch.interrupt()[0] == 0


def test_fixing_a_shared_file_that_was_broken_from_the_start_renders(
        tmp_path: Path, watching: Callable[..., Watch]) -> None:
    (tmp_path / "journeygen.toml").write_text('maps = ["*.journey.yaml"]\n')
    persona = tmp_path / "ana.persona.yaml"
    persona.write_text("id: ana\nname: Ana\nmood: unknown key\n")
    spec = tmp_path / "shop.journey.yaml"
    spec.write_text("title: Shop\npersonas: [{use: ana.persona.yaml}]\nstages: [{name: Pay, emotion: 2}]\n")
    watch = watching(str(spec))
    watch.expect(r"ana\.persona\.yaml:3:1: mood")
    watch.expect(r"not rendered")
    persona.write_text("id: ana\nname: Ana Fixed\n")
    watch.expect(r"rendered .*shop\.svg")
    assert "Ana Fixed" in (tmp_path / "shop.svg").read_text()
    assert watch.interrupt()[0] == 0
