"""A dangling id is refused by the model itself: the library's own `Journey.model_validate` raises a
validation error (not a KeyError when the map is drawn), and `validate` still places each one in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import journeygen
from journeygen import render
from journeygen.spec.model import Journey

DANGLING = {
    "title": "T",
    "personas": [{"id": "ana", "name": "Ana"}],
    "stages": [{"id": "s", "name": "S", "actions": [{"text": "Pays", "persona": "bob"}],
                "emotion": {"ana": 3, "dan": 2}}],
    "transitions": [{"from": "s", "to": "nowhere"}],
}


def test_model_validate_refuses_every_dangling_id() -> None:
    with pytest.raises(ValidationError) as info:
        Journey.model_validate(DANGLING)
    message = str(info.value)
    for part in ("stages[0].actions[0].persona: unknown persona 'bob'", "stages[0].emotion.dan: unknown persona "
                 "'dan'", "transitions[0].to: unknown stage 'nowhere'"):
        assert part in message


def test_a_valid_dict_still_renders() -> None:
    data = {**DANGLING, "stages": [{"id": "s", "name": "S", "actions": [{"text": "Pays", "persona": "ana"}]}],
            "transitions": []}
    assert b"Pays" in render(Journey.model_validate(data), "svg")


def test_validate_places_each_dangling_id(tmp_path: Path) -> None:
    spec = tmp_path / "m.yaml"
    spec.write_text("title: T\npersona: {id: ana, name: Ana}\nstages:\n"
                    "  - {id: s, name: S, actions: [{text: Pays, persona: bob}], emotion: {ana: 3, dan: 2}}\n"
                    "transitions: [{from: s, to: nowhere}]\n")
    with pytest.raises(journeygen.SpecError) as info:
        journeygen.load(spec)
    found = [(p.line, p.col, p.path, p.message.split(";")[0].split(" (")[0]) for p in info.value.problems]
    assert found == [(4, 54, "stages[0].actions[0].persona", "unknown persona 'bob'"),
                     (4, 79, "stages[0].emotion.dan", "unknown persona 'dan'"),
                     (5, 29, "transitions[0].to", "unknown stage 'nowhere'")]


def test_dir_lists_the_public_api_only() -> None:
    import journeygen.api  # submodules become attributes of the package once imported

    assert dir(journeygen) == sorted(journeygen.__all__)


@pytest.mark.parametrize(("personas", "emotion", "said"), [
    ("persona: {name: Maria}", "{scor: 3}", "5:15: stages[0].emotion.scor: unknown key 'scor' (did you mean 'score'?)"),
    ("persona: {name: Maria}", "{lable: 3}",
     "5:15: stages[0].emotion.lable: unknown key 'lable' (did you mean 'label'?)"),
    ("personas: [{name: Maria}, {name: Ion}]", "{maria: 3, ioan: 2}",
     "5:25: stages[0].emotion.ioan: unknown persona 'ioan' (did you mean 'ion'?); known: maria, ion"),
    ("personas: [{name: Maria}, {name: Scott}]", "{maria: 3, scot: 2}",
     "5:25: stages[0].emotion.scot: unknown persona 'scot' (did you mean 'scott'?)"),
])
def test_a_misspelt_emotion_key_is_not_taken_for_a_persona(tmp_path: Path, personas: str, emotion: str,
                                                          said: str) -> None:
    """`emotion: {scor: 3}` reads as one score per persona ("scor"); the hint names the key it looks like."""
    spec = tmp_path / "m.yaml"
    spec.write_text(f"title: T\n{personas}\nstages:\n  - name: A\n    emotion: {emotion}\n")
    with pytest.raises(journeygen.SpecError) as info:
        journeygen.load(spec)
    assert said in str(info.value)
