"""Characters the bundled fonts cannot draw (emoji) are drawn as a visible U+FFFD and named on stderr."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from journeygen.cli.main import main
from journeygen.layout.glyphs import drawable

SPEC = """title: Mortgage application
personas:
  - {id: dev, name: Dev 👩‍💻}
stages:
  - name: Apply
    actions: [Says 👍 and ❤, Flag 🇷🇴 here]
    pain_points: [Nothing to see 🙈]
"""


@pytest.mark.parametrize(("text", "shown"), [
    ("Run 🏃🏽‍♀️ fast", "Run \ufffd fast"),       # a ZWJ sequence with a skin tone and a selector: one mark
    ("Flag 🇷🇴🇵🇱", "Flag \ufffd\ufffd"),          # each flag (a pair of regional indicators): one mark
    ("Ștefan · אבג · ❤ · “q”", "Ștefan · אבג · ❤ · “q”"),  # what DejaVu Sans draws stays as written
    ("李娜 สวัสดี", "李娜 สวัสดี"),                   # letters it lacks are left to the machine's fonts
])
def test_what_the_fonts_lack_becomes_one_visible_mark_per_emoji(text: str, shown: str) -> None:
    assert drawable(text) == shown


def test_render_draws_a_mark_and_names_field_and_character_once(tmp_path: Path) -> None:
    spec = tmp_path / "emoji.journey.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(spec), "-f", "svg,pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "cannot draw" in line]
    assert len(notes) == 1, result.stderr
    for named in ("personas[0].name: 👩\\u200d💻 (U+1F469 U+200D U+1F4BB)", "stages[0].actions[0].text: 👍 (U+1F44D)",
                  "stages[0].actions[1].text: 🇷🇴 (U+1F1F7 U+1F1F4)", "stages[0].pain_points[0].text: 🙈 (U+1F648)"):
        assert named in notes[0]
    drawn = re.findall(r"<text[^>]*>(.*?)</text>", (tmp_path / "emoji.svg").read_text(encoding="utf-8"), re.S)
    assert "Says \ufffd and ❤" in " ".join(drawn) and "👍" not in " ".join(drawn)
    pdf = PdfReader(io.BytesIO((tmp_path / "emoji.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Says \ufffd and" in text and "Nothing to see \ufffd" in text


def test_a_spec_the_fonts_draw_gets_no_note(tmp_path: Path) -> None:
    spec = tmp_path / "plain.journey.yaml"
    spec.write_text(SPEC.replace("👍", "up").replace("🇷🇴", "RO").replace("🙈", ":)").replace("👩‍💻", "D"))
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path)])
    assert result.exit_code == 0 and "cannot draw" not in result.stderr
