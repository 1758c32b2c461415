"""The loader: positions, duplicate keys, tags, limits, encodings."""

from __future__ import annotations

import pytest

from journeygen.errors import SpecError
from journeygen.spec.loader import Limits, parse_text


def test_positions_of_keys_and_values() -> None:
    doc = parse_text("title: T\nstages:\n  - name: A\n    emotion: 3\n")
    assert doc.positions.value(("stages", 0, "emotion")) == (4, 14)
    assert doc.positions.key(("stages", 0, "emotion")) == (4, 5)
    assert doc.positions.value(("stages", 0, "emotion", "score")) == (4, 14)


def test_nesting_depth_is_bounded_before_recursion() -> None:
    """A million levels: read recursively, this would end in RecursionError, not in a positioned message."""
    deep = "a: " + "[" * 1_000_000 + "]" * 1_000_000
    with pytest.raises(SpecError, match="nested more than 50 levels"):
        parse_text(deep)


def test_alias_fan_out_is_bounded() -> None:
    text = "a: &a [" + ",".join(["x"] * 1000) + "]\nb: [" + ",".join(["*a"] * 1000) + "]\n"
    with pytest.raises(SpecError, match="more than 1000 values"):
        parse_text(text, limits=Limits(max_nodes=1000))


def test_one_document_only() -> None:
    with pytest.raises(SpecError, match="one YAML document"):
        parse_text("title: a\n---\ntitle: b\n")


@pytest.mark.parametrize("tag", ["!include other.yaml", "!!set {a, b}", "!!binary aGk="])
def test_unknown_and_constructing_tags_are_refused(tag: str) -> None:
    with pytest.raises(SpecError, match="is not supported"):
        parse_text(f"title: {tag}\n")


def test_explicit_str_tag_keeps_text() -> None:
    assert parse_text("a: !!str 12\n").data == {"a": "12"}


def test_bom_is_accepted() -> None:
    from journeygen.spec.loader import decode

    assert decode("f", "\ufefftitle: x\n".encode(), Limits()) == "title: x\n"


def test_size_limit() -> None:
    from journeygen.spec.loader import decode

    with pytest.raises(SpecError, match="over the limit of 10"):
        decode("f", b"title: abcdefghijkl", Limits(max_bytes=10))
