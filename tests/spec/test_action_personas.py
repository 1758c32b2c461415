"""An action's `personas:` list: several personas together, or `[]` for no one named (issue 21)."""

from __future__ import annotations

import pytest

from journeygen.api import loads
from journeygen.errors import SpecError

HEAD = "title: T\npersonas: [{id: ana, name: Ana}, {id: bo, name: Bo}]\nstages:\n  - name: S\n    actions:\n"


def test_a_list_names_personas_in_order_and_an_empty_one_names_no_one() -> None:
    journey = loads(HEAD + "      - {text: Together, personas: [bo, ana]}\n      - {text: Nobody, personas: []}\n")
    together, nobody = journey.stages[0].actions
    assert together.named == ("bo", "ana") and nobody.named == ()
    assert nobody.concerns("ana") and nobody.concerns("bo")  # drawn like an action without `persona`


@pytest.mark.parametrize(("action", "message"), [
    ("{text: X, persona: ana, personas: [bo]}", "6:9: stages[0].actions[0]: give `persona` or `personas`, not both"),
    ("{text: X, personas: [ana, ana]}", "6:9: stages[0].actions[0]: `personas` names 'ana' more than once"),
    ("{text: X, personas: [ana, cy]}", "6:35: stages[0].actions[0].personas[1]: unknown persona 'cy'"),
])
def test_a_wrong_list_is_reported_where_it_is(action: str, message: str) -> None:
    with pytest.raises(SpecError) as caught:
        loads(HEAD + f"      - {action}\n", "m.yaml")
    assert str(caught.value).startswith(f"m.yaml:{message}")
