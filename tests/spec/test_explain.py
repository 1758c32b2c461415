"""Text YAML reads as something else (a comment, a merged list item) is named on stderr, with both lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import EXAMPLES

from journeygen.api import load_spec
from journeygen.cli.main import main

MERGED = """title: Nested under text
persona: {name: Ana}
stages:
  - name: Apply
    pain_points:
      - Slow
        - very slow
      - Rude staff
"""

COMMENTED = """title: Comments where text was meant
personas:
  - name: Ana
    quote: #1 bank in town
stages:
  - name: Apply
    description: # the first step
"""


def test_a_list_item_merged_into_the_text_above_is_a_warning_naming_both_lines(tmp_path: Path) -> None:
    spec = tmp_path / "m.yaml"
    spec.write_text(MERGED)
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 0
    assert (f"warning: {spec}:6:9: stages[0].pain_points[0]: line 7 ('- very slow') is indented under line 6 "
            "and became part of its text, 'Slow - very slow'; to make it an item of its own, line it up with "
            "line 6") in result.stderr


def test_text_after_a_hash_is_named_as_a_comment_on_render(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(COMMENTED)
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert (f"warning: {spec}:4:11: personas[0].quote: empty: the text after '#' was read as a comment; to keep "
            'it, quote it: "#1 bank in town"') in result.stderr
    assert f"warning: {spec}:7:17: stages[0].description: empty: the text after '#' was read as a comment" \
        in result.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_give_no_warning(example: Path) -> None:
    assert load_spec(example).warnings == ()


def test_an_unresolved_use_entry_gets_no_hint_to_quote_it() -> None:
    """A `use:` entry left as it is (read where it could not be resolved) is meant as a mapping: the hint that
    the ': ' made YAML read a key and a value misled (the trial's `diff HEAD:map map`)."""
    from journeygen.errors import SpecError
    from journeygen.spec.build import build
    from journeygen.spec.loader import parse_text

    doc = parse_text("title: T\npersonas:\n  - use: ../personas/maria.persona.yaml\nstages: [{name: S}]\n", "m.yaml")
    with pytest.raises(SpecError) as caught:
        build(doc)
    messages = [str(p) for p in caught.value.problems]
    assert "m.yaml:3:5: personas[0]: missing required field 'name'" in messages[0]
    assert not any("quote it" in m for m in messages), messages
