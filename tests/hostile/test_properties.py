"""Arbitrary specs and label text (all of Unicode) -> only SpecError from validation; safe, faithful renders."""

from __future__ import annotations

import json
import re
import shutil
from typing import Any

import pytest
import yaml
from hostile.checks import check_dot_accepts, check_mermaid, check_svg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeygen.api import loads, render
from journeygen.errors import SpecError
from journeygen.render import FORMATS
from journeygen.spec.model import Journey

# Fragments each output format treats as syntax; mixed into arbitrary text so generated labels hit them often.
FRAGMENTS = ["<script>", "</text>", "]]>", "-->", "<!--", "&amp;", "&#x3c;", "javascript:", "<foreignObject>",
             'onload="x"', "</style>", "url(http://127.0.0.1/x)", "%%{init: {}}%%", "%%", "#", ";", ":", "#58;",
             "section ", "title ", "accTitle: ", "\n", '"', '\\"', "\\N", "\\G", "\\l", "\\n", "\\", "<<b>x</b>>",
             "{a|b}", "}", "&", "<", ">", "\u200d", "\u200c", "\u200b", "\u202e", "\ufeff", "שלום 12", "می‌خواهم",
             "👩‍💻", "No", "on", "12:30", "1.10", " ", "\t", "\r\n", "\x00", "\x1b[31m", "\x85", "\ud800"]
EVERYTHING = st.characters(codec=None)  # every code point, controls and lone surrogates included
# What journeygen accepts in a label: all of Unicode but C0/C1 controls (tab and newline aside), lone
# surrogates and bidi overrides, which validation refuses (tests/hostile/reject covers those).
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
ALLOWED = st.characters(codec=None, exclude_categories=("Cc", "Cs"), exclude_characters="\u202a\u202b\u202c"
                        "\u202d\u202e\u2066\u2067\u2068\u2069") | st.sampled_from("\n\t")
SAFE_FRAGMENTS = [f for f in FRAGMENTS if not _REFUSED.search(f)]


def label(alphabet: st.SearchStrategy[str], fragments: list[str]) -> st.SearchStrategy[str]:
    """Arbitrary text from ``alphabet``, or a few syntax fragments glued with short arbitrary text."""
    return st.one_of(st.text(alphabet, min_size=1, max_size=24), st.lists(
        st.sampled_from(fragments) | st.text(alphabet, max_size=6), min_size=1, max_size=5).map("".join))


ANY_LABEL = label(EVERYTHING, FRAGMENTS) | st.just("")
_EDGE_SPACE = re.compile(r"^[^\S ]+|[^\S ]+$")


def _ascii_edges(text: str) -> str:
    """Unicode spaces at the ends become ASCII ones: the Mermaid exporter loses the others (xfail below)."""
    return _EDGE_SPACE.sub(lambda m: " " * len(m.group()), text)


LABEL = (label(ALLOWED, SAFE_FRAGMENTS) | st.sampled_from(["", " ", "\n", "a\n"])).map(_ascii_edges)
"""Labels journeygen accepts: the render properties need specs that validate."""
_SURROGATE = re.compile("[\ud800-\udfff]")
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    derandomize=True)


def _maybe(draw: st.DrawFn, key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
    return {key: draw(strategy)} if draw(st.booleans()) else {}


def _short(draw: st.DrawFn, long: dict[str, st.SearchStrategy[Any]]) -> Any:
    """An item written as a bare string or as a mapping (the spec's short and long forms)."""
    first = next(iter(long))
    if draw(st.booleans()):
        return draw(long[first])
    return {key: draw(strategy) for key, strategy in long.items() if key == first or draw(st.booleans())}


def _items(draw: st.DrawFn, out: dict[str, Any], key: str, long: dict[str, st.SearchStrategy[Any]]) -> None:
    """Maybe a list of 0-2 items under ``key``, each in its short or long form."""
    if draw(st.booleans()):
        out[key] = [_short(draw, long) for _ in range(draw(st.integers(0, 2)))]


@st.composite
def stage(draw: st.DrawFn, k: int, personas: list[str], text: st.SearchStrategy[str]) -> dict[str, Any]:
    """A stage with any of its lanes filled; labels from ``text``, references to real ids."""
    score = st.integers(1, 5)
    out: dict[str, Any] = {"id": f"s{k}", "name": draw(text)}
    out |= _maybe(draw, "description", text)
    _items(draw, out, "actions", {"text": text, "persona": st.sampled_from(personas), "emotion": score,
                                  "touchpoint": text})
    _items(draw, out, "touchpoints", {"name": text, "channel": text})
    _items(draw, out, "ideas", {"text": text, "owner": text})
    _items(draw, out, "metrics", {"name": text, "value": text, "target": text})
    for lane in ("pain_points", "motivations", "thoughts"):
        out |= _maybe(draw, lane, st.lists(text, max_size=2))
    out |= _maybe(draw, "emotion", st.one_of(score, st.fixed_dictionaries({"score": score}, optional={
        "label": text, "note": text})))
    out |= _maybe(draw, "micro_journeys", st.lists(st.fixed_dictionaries(
        {"name": text, "steps": st.lists(text, min_size=1, max_size=3)}), max_size=1))
    return out


@st.composite
def spec(draw: st.DrawFn, text: st.SearchStrategy[str]) -> dict[str, Any]:
    """A structurally plausible spec: 1-2 personas, 1-5 stages, optional fields, labels from ``text``."""
    personas = [{"id": f"p{k}", "name": draw(text), **_maybe(draw, "quote", text),
                 **_maybe(draw, "goals", st.lists(text, max_size=2))} for k in range(draw(st.integers(1, 2)))]
    ids = [p["id"] for p in personas]
    stages = [draw(stage(k, ids, text)) for k in range(draw(st.integers(1, 5)))]
    out: dict[str, Any] = {"title": draw(text), "personas": personas, "stages": stages}
    out |= _maybe(draw, "description", text) | _maybe(draw, "locale", st.sampled_from(["en", "he", "fa", "ro"]))
    if any("thoughts" in s for s in stages) or draw(st.booleans()):
        out["lanes"] = ["actions", "touchpoints", "emotions", "pain_points", {"id": "thoughts", "title": draw(text)}]
    sids = [s["id"] for s in stages]
    out |= _maybe(draw, "transitions", st.lists(st.fixed_dictionaries(
        {"from": st.sampled_from(sids), "to": st.sampled_from(sids)}, optional={"label": text}), max_size=2))
    return out


def text_of(document: Any, as_yaml: bool) -> str:
    """The document as YAML (any scalar quoted as PyYAML sees fit) or JSON (non-ASCII written raw)."""
    if as_yaml:
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    # A lone surrogate cannot be stored raw in a UTF-8 file; JSON writes it as an escape.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(document, ensure_ascii=False))


def validated(document: Any, as_yaml: bool) -> Journey | None:
    """The Journey, or None when journeygen refused it with its own error (anything else fails the test)."""
    try:
        return loads(text_of(document, as_yaml), "gen.yaml" if as_yaml else "gen.json")
    except SpecError as err:
        assert err.problems and all(p.message for p in err.problems)
        return None


def _doubled(document: dict[str, Any]) -> dict[str, Any]:
    """The same stages twice: duplicate ids, which validation must report, not crash on."""
    return {**document, "stages": document["stages"] * 2}


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | ANY_LABEL,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_LABEL, inner, max_size=4),
                    max_leaves=20)


@settings(SETTINGS, max_examples=100)
@given(document=st.one_of(spec(ANY_LABEL), spec(LABEL), JSON, spec(LABEL).map(_doubled)), as_yaml=st.booleans())
def test_validate_raises_only_spec_error(document: Any, as_yaml: bool) -> None:
    validated(document, as_yaml)


@settings(SETTINGS, max_examples=40)
@given(document=spec(LABEL), as_yaml=st.booleans())
def test_valid_specs_render_to_safe_literal_svg(document: Any, as_yaml: bool) -> None:
    journey = validated(document, as_yaml)
    if journey is not None:
        check_svg(render(journey, "svg"), journey)


@pytest.mark.skipif("mermaid" not in FORMATS, reason="the mermaid format is not registered yet")
@settings(SETTINGS, max_examples=60)
@given(document=spec(LABEL), as_yaml=st.booleans())
def test_valid_specs_round_trip_through_mermaid(document: Any, as_yaml: bool) -> None:
    journey = validated(document, as_yaml)
    if journey is not None:
        check_mermaid(render(journey, "mermaid"), journey)


@pytest.mark.skipif("dot" not in FORMATS or not shutil.which("dot"), reason="needs the dot format and Graphviz")
def test_valid_specs_give_dot_that_dot_accepts() -> None:
    """Generate many graphs, then hand them to one `dot` process (one process per graph would take minutes)."""
    sources: list[bytes] = []

    @settings(SETTINGS, max_examples=50)
    @given(document=spec(LABEL), as_yaml=st.booleans())
    def collect(document: Any, as_yaml: bool) -> None:
        journey = validated(document, as_yaml)
        if journey is not None:
            sources.append(render(journey, "dot"))

    collect()
    assert len(sources) > 20, "too few generated specs were valid to say anything"
    try:
        check_dot_accepts(sources)
    except AssertionError:
        for source in sources:  # name the graph `dot` refused
            check_dot_accepts([source])
        raise


@pytest.mark.parametrize(("title", "stage"), [("", "S"), (" ", "S"), ("\t", "S"), ("\n", "S"), ("T", "Look\n"),
                                              ("T", "a\n\nb")])
def test_blank_labels(title: str, stage: str) -> None:
    """Blank labels and blank lines (a YAML `|` block ends in a newline) once crashed the text measurer."""
    journey = loads(json.dumps({"title": title, "persona": {"name": "A"}, "stages": [{"name": stage}]}))
    check_svg(render(journey, "svg"), journey)


@pytest.mark.parametrize("title", ["\xa0", "T\xa0", "\u2003T"])
def test_mermaid_keeps_unicode_spaces_at_the_ends(title: str) -> None:
    journey = loads(json.dumps({"title": title, "persona": {"name": "A"}, "stages": [{"name": "S", "emotion": 3}]}))
    check_mermaid(render(journey, "mermaid"), journey)
