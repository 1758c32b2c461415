"""docs/themes.md documents every slot and every built-in theme."""

from __future__ import annotations

from helpers import ROOT

from journeygen.theme import Theme, theme_names


def test_every_slot_and_built_in_is_documented() -> None:
    text = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")
    missing = [f"`{name}`" for name in (*Theme.model_fields, *theme_names()) if f"`{name}`" not in text]
    assert missing == []
