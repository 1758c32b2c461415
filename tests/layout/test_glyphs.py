"""Characters the bundled fonts cannot draw (emoji, Chinese, Thai ...) are drawn as a visible U+FFFD and named
on stderr."""

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
    ("李娜 สวัสดี", "\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd"),  # a letter it lacks: one mark with its vowel signs
    ("\u200fשלום\u200d ❤\ufe0f", "\u200fשלום\u200d ❤\ufe0f"),  # format characters and selectors need no glyph
])
def test_what_the_fonts_lack_becomes_one_visible_mark_per_emoji_or_letter(text: str, shown: str) -> None:
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


CJK = """title: Zakupy
locale: pl
personas: [{name: Ana, description: 中文测试}]
stages:
  - name: 李娜
    actions: [中文测试, Płaci 💳]
    emotion: 4
"""


def test_letters_the_fonts_lack_are_drawn_as_marks_and_named_in_every_drawn_format(tmp_path: Path) -> None:
    (tmp_path / "cjk.journey.yaml").write_text(CJK, encoding="utf-8")
    (tmp_path / "marks.journey.yaml").write_text(CJK.replace("李娜", "\ufffd\ufffd").replace("中文测试", "\ufffd" * 4),
                                                 encoding="utf-8")
    out = str(tmp_path)
    for fmt in ("svg", "png", "pdf"):
        result = CliRunner().invoke(main, ["render", str(tmp_path / "cjk.journey.yaml"), "-f", fmt, "-o", out])
        assert result.exit_code == 0, result.output
        notes = [line for line in result.stderr.splitlines() if "cannot draw" in line]
        assert len(notes) == 1 and "shown as \ufffd instead" in notes[0], (fmt, result.stderr)
        for named in ("stages[0].name: 李娜 (U+674E U+5A1C)", "stages[0].actions[1].text: 💳 (U+1F4B3)",
                      "personas[0].description: 中文测试 (U+4E2D U+6587 U+6D4B U+8BD5)",
                      "stages[0].actions[0].text: 中文测试 ("):
            assert named in notes[0], (fmt, named)
        assert "stages[0].id" not in notes[0]  # the id made of the name is never drawn
        marks = CliRunner().invoke(main, ["render", str(tmp_path / "marks.journey.yaml"), "-f", fmt, "-o", out])
        assert marks.exit_code == 0, marks.output
    # what is drawn is the marks, not empty boxes (PNG) or nothing (PDF)
    assert (tmp_path / "cjk.png").read_bytes() == (tmp_path / "marks.png").read_bytes()
    drawn = re.findall(r"<text[^>]*>(.*?)</text>", (tmp_path / "cjk.svg").read_text(encoding="utf-8"), re.S)
    assert "\ufffd" * 4 in " ".join(drawn) and "中" not in " ".join(drawn)
    pages = [page.extract_text() for page in PdfReader(tmp_path / "cjk.pdf").pages]
    assert "\ufffd" * 4 in pages[0] and "\ufffd" * 4 in pages[1] and "中" not in " ".join(pages)
