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
