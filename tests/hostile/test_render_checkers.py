"""The per-format checkers themselves: each one catches the injection it exists for (so a pass means something)."""

from __future__ import annotations

import pytest
from hostile.checks import check_dot, check_mermaid, check_svg

from journeygen.api import loads

JOURNEY = loads("title: T\npersona: {name: Ann}\nstages:\n  - {name: Look, actions: [{text: Browse, emotion: 4}]}\n")
GOOD_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg"><title>T</title><text>Look</text><text>Browse</text>'
            b"<text>Ann</text>%s</svg>")


def test_clean_svg_passes() -> None:
    check_svg(GOOD_SVG % b"", JOURNEY)


@pytest.mark.parametrize("markup", [
    b"<script>alert(1)</script>", b'<g onload="alert(1)"/>', b"<foreignObject/>",
    b'<a href="javascript:alert(1)"/>', b'<image href="http://127.0.0.1/x.png"/>',
    b'<rect style="fill:url(http://127.0.0.1/x)"/>', b"<style>@import url(http://127.0.0.1/a.css);</style>",
])
def test_svg_checker_catches(markup: bytes) -> None:
    with pytest.raises(AssertionError):
        check_svg(GOOD_SVG % markup, JOURNEY)


def test_svg_checker_refuses_doctype_and_missing_text() -> None:
    with pytest.raises(AssertionError):
        check_svg(b'<!DOCTYPE svg [<!ENTITY e "x">]>' + GOOD_SVG % b"", JOURNEY)
    with pytest.raises(AssertionError, match="not drawn literally"):
        check_svg(GOOD_SVG.replace(b"Browse", b"Brow") % b"", JOURNEY)


def test_mermaid_checker_catches_injected_lines() -> None:
    good = b"journey\n    title T\n    section Look\n        Browse: 4: Ann\n"
    check_mermaid(good, JOURNEY)
    for bad in (good + b"    section Evil\n", b"%%{init: {}}%%\n" + good, good.replace(b"Browse", b"Brow")):
        with pytest.raises(AssertionError):
            check_mermaid(bad, JOURNEY)


def test_dot_checker_catches_injected_nodes_and_bad_syntax() -> None:
    good = b'digraph j { label="T"; subgraph cluster_look { label="Look"; "look/act1" [label="Browse"] } }'
    check_dot(good, JOURNEY)
    with pytest.raises(AssertionError, match="injected"):
        check_dot(good.replace(b"} }", b'} evil [label="x"] }'), JOURNEY)
    with pytest.raises(AssertionError, match="dot refused"):
        check_dot(good + b" }", JOURNEY)


def test_network_is_blocked(no_network: list[str]) -> None:
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/x.png", timeout=1)
    assert no_network, "the attempt was not recorded"
    no_network.clear()  # this test made the attempt on purpose
