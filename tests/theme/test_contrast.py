"""Every built-in theme is readable: WCAG AA for text, 3:1 for curves and markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from journeygen.cli.main import main
from journeygen.spec.loader import parse_text
from journeygen.theme import GRAPHIC_PAIRS, TEXT_PAIRS, load_theme, theme_names
from journeygen.theme.catalog import from_document
from journeygen.theme.contrast import luminance, ratio, shortfalls


def test_wcag_formula_matches_known_values() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic lightest AA grey
    assert luminance("#ff0000") == pytest.approx(0.2126)


@pytest.mark.parametrize("name", theme_names())
def test_text_meets_aa(name: str) -> None:
    theme = load_theme(name)
    low = [f"{fg_slot} on {bg_slot}: {ratio(fg, bg):.2f}"
           for fg_slot, bg_slot, fg, bg in theme.pairs(TEXT_PAIRS) if ratio(fg, bg) < 4.5]
    assert low == []


@pytest.mark.parametrize("name", theme_names())
def test_curves_and_markers_meet_non_text_contrast(name: str) -> None:
    theme = load_theme(name)
    low = [f"{fg_slot} on {bg_slot}: {ratio(fg, bg):.2f}"
           for fg_slot, bg_slot, fg, bg in theme.pairs(GRAPHIC_PAIRS) if ratio(fg, bg) < 3]
    assert low == []


def test_high_contrast_text_meets_aaa() -> None:
    theme = load_theme("high-contrast")
    assert min(ratio(fg, bg) for _, _, fg, bg in theme.pairs(TEXT_PAIRS)) >= 7


def test_pairs_cover_every_channel_colour() -> None:
    theme = load_theme("default")
    badge = [bg_slot for fg_slot, bg_slot, _, _ in theme.pairs(TEXT_PAIRS) if fg_slot == "badge_ink"]
    assert badge == [f"channel_palette[{i}]" for i in range(len(theme.channel_palette))]


def _colours(low: int, high: int) -> st.SearchStrategy[str]:
    channel = st.integers(low, high)
    return st.tuples(channel, channel, channel).map(lambda c: "#{:02x}{:02x}{:02x}".format(*c))


_page_and_ink = st.one_of(st.tuples(_colours(200, 255), _colours(0, 60)),  # light page, dark ink
                          st.tuples(_colours(0, 50), _colours(190, 255)))


@given(page_and_ink=_page_and_ink, accent=_colours(0, 255), negative=_colours(0, 255), positive=_colours(0, 255))
def test_any_legible_seeds_derive_a_readable_theme(page_and_ink: tuple[str, str], accent: str,
                                                   negative: str, positive: str) -> None:
    background, ink = page_and_ink
    assume(ratio(ink, background) >= 7)  # derivation never changes a colour the user set, so ink must be legible
    text = (f'background: "{background}"\nink: "{ink}"\naccent: "{accent}"\n'
            f'emotion_negative: "{negative}"\nemotion_positive: "{positive}"\n')
    theme = from_document(parse_text(text, "seeds.yaml"), "seeds")
    assert [w for w in shortfalls(theme) if "emotion_negative" not in w and "emotion_positive" not in w] == []


def test_a_background_set_over_a_built_in_gets_a_text_colour_readable_on_it() -> None:
    theme = from_document(parse_text('extends: default\nidea_background: "#1e3a8a"\n', "blue.theme.yaml"), "blue")
    assert ratio(theme.idea_ink, theme.idea_background) >= 4.5
    assert theme.pain_ink == load_theme("default").pain_ink  # what it did not touch is still the default's


def test_render_warns_about_text_below_aa_in_the_theme_it_draws_with(tmp_path: Path) -> None:
    spec = tmp_path / "map.journey.yaml"
    spec.write_text("title: T\npersona: {name: Ana}\nstages:\n  - {name: Apply, ideas: [Call back]}\n")
    (tmp_path / "bad.theme.yaml").write_text('extends: default\nidea_background: "#1e3a8a"\nidea_ink: "#334155"\n')
    bad = CliRunner().invoke(main, ["render", str(spec), "--theme", str(tmp_path / "bad.theme.yaml")])
    assert bad.exit_code == 0
    assert (f"warning: {spec}: theme 'bad' fails WCAG AA contrast in 1 place(s): idea_ink #334155 on "
            "idea_background #1e3a8a: contrast") in bad.stderr
    fine = CliRunner().invoke(main, ["render", str(spec), "--theme", "dark"])
    assert fine.exit_code == 0 and "WCAG" not in fine.stderr
