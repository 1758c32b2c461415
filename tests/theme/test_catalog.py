"""Finding themes: built-in names, user files relative to the spec, extends, normalised colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT
from pydantic import ValidationError

from journeygen.errors import RenderError, SpecError
from journeygen.theme import Theme, catalog, load_theme, theme_names
from journeygen.theme.catalog import builtin_dir
from journeygen.theme.model import COLOUR_SLOTS

BUILT_INS = ("dark", "default", "high-contrast", "print")


def test_built_ins_are_listed_from_the_themes_folder() -> None:
    assert theme_names() == BUILT_INS
    assert Path(str(builtin_dir())) == ROOT / "themes"


def test_no_theme_means_default() -> None:
    assert load_theme(None) == load_theme("default")
    assert load_theme(None).name == "default"


@pytest.mark.parametrize("name", BUILT_INS)
def test_built_ins_are_complete_and_well_formed(name: str) -> None:
    theme = load_theme(name)
    assert theme.name == name and theme.description
    assert all(len(c) == 7 and c == c.lower() for c in theme.colour_slots().values())
    assert len(theme.channel_palette) >= 8 and len(theme.persona_palette) >= 4
    assert len(set(theme.channel_palette)) == len(theme.channel_palette)
    assert theme.font_family.startswith("'DejaVu Sans'")


def test_print_theme_is_grayscale_with_white_fills() -> None:
    theme = load_theme("print")
    colours = [*theme.colour_slots().values(), *theme.channel_palette, *theme.persona_palette]
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours)
    assert theme.background == theme.lane_fill == theme.surface == theme.header_background


def test_user_theme_overrides_one_slot_and_inherits_the_rest(tmp_path: Path) -> None:
    (tmp_path / "brand.yaml").write_text('extends: dark\naccent: "#0B5394"\n')
    brand, dark = load_theme("brand.yaml", tmp_path), load_theme("dark")
    assert brand.accent == "#0b5394"
    assert brand.name == "brand" and brand.description == ""
    assert brand.model_dump(exclude={"accent", "name", "description"}) == dark.model_dump(
        exclude={"accent", "name", "description"})


def test_short_and_uppercase_colours_become_six_lowercase_digits(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text('extends: default\nink: "#ABC"\nchannel_palette: [' + ", ".join(
        ['"#FFaa00"'] + ['"#123"'] * 7) + "]\n")
    theme = load_theme("t.yaml", tmp_path)
    assert theme.ink == "#aabbcc"
    assert theme.channel_palette[:2] == ("#ffaa00", "#112233")


def test_a_theme_from_seeds_alone_fills_every_slot(tmp_path: Path) -> None:
    (tmp_path / "seeds.theme.yaml").write_text(
        'background: "#fdf6e3"\nink: "#073642"\naccent: "#268bd2"\n'
        'emotion_negative: "#dc322f"\nemotion_positive: "#859900"\n')
    theme = load_theme("seeds.theme.yaml", tmp_path)
    assert theme.name == "seeds"
    assert set(theme.colour_slots()) == set(COLOUR_SLOTS)
    assert theme.lane_fill == "#fdf6e3" and theme.moment_of_truth == "#268bd2"


def test_paths_resolve_against_the_spec_folder(tmp_path: Path) -> None:
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "mine.yaml").write_text("extends: print\n")
    assert load_theme("themes/mine.yaml", tmp_path).ink == load_theme("print").ink
    assert load_theme(str(tmp_path / "themes" / "mine.yaml")).name == "mine"


def test_unknown_name_lists_the_built_ins() -> None:
    with pytest.raises(RenderError) as err:
        load_theme("drak")
    assert str(err.value) == ("unknown theme 'drak' (did you mean 'dark'?); built-in themes: "
                              "dark, default, high-contrast, print (or give the path of a .yaml theme file)")


def test_missing_theme_file_is_a_positioned_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as err:
        load_theme("nope.yaml", tmp_path)
    assert str(err.value) == f"{tmp_path / 'nope.yaml'}:1:1: (file): no such file"


def test_theme_is_frozen() -> None:
    theme = load_theme("default")
    with pytest.raises(ValidationError):
        theme.ink = theme.background  # type: ignore[misc]
    assert isinstance(theme, Theme)


def test_a_user_file_may_share_a_built_in_name(tmp_path: Path) -> None:
    (tmp_path / "default.yaml").write_text('extends: default\ndescription: Ours.\n')
    theme = load_theme("default.yaml", tmp_path)
    assert theme.name == "default" and theme.description == "Ours."
    assert theme.accent == load_theme("default").accent


def test_built_ins_extending_each_other_in_a_loop_are_reported(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text("extends: b\n")
    (tmp_path / "b.yaml").write_text("extends: a\n")
    monkeypatch.setattr(catalog, "builtin_dir", lambda: tmp_path)
    with pytest.raises(SpecError) as err:
        load_theme("a")
    assert str(err.value) == "themes/a.yaml:1:10: extends: built-in themes extend each other in a loop: b -> a -> b"
