"""A persona without a photo shows its initials: a nickname beside the name is not one of them."""

from __future__ import annotations

import re

import pytest

from journeygen import load, render
from journeygen.spec.text import initials


@pytest.mark.parametrize(("name", "want"), [
    ("Anna (Ania) Nowak", "AN"), ("דנה (Dana) לוי", "דל"), ('John "Jack" Smith', "JS"), ("Ioana „Nana” Pop", "IP"),
    ("Maria [Mia] Lopez", "ML"), ("maria lopez", "ML"), ("Ana", "A"), ("(Ania)", "A"), ("…", "?"),
])
def test_initials_leave_out_a_nickname(name: str, want: str) -> None:
    assert initials(name) == want


def test_the_avatars_on_the_map_show_them() -> None:
    journey = load("title: Initials\npersonas:\n  - {id: c, name: \"Anna (Ania) Nowak\"}\n"
                   "  - {id: a, name: \"דנה (Dana) לוי\"}\nstages:\n  - name: A\n")
    svg = render(journey, "svg").decode()
    shown = re.findall(r'<text class="t-header [^>]*>([^<]*)<', svg)
    assert "AN" in shown and "דל" in shown and "AA" not in shown and "דD" not in shown
