"""A row label in column A of the sheet -> the lane it names, in any language journeygen speaks, or why not."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from journeygen.layout.words import words_for
from journeygen.locale import languages
from journeygen.spec.model import BUILTIN_LANES, LANE_TITLES, Stage
from journeygen.spec.text import slug

CUSTOM_MARK = "custom:"


def norm(label: str) -> str:
    """A label as compared: case folded, ``_`` and ``-`` read as spaces, runs of spaces as one."""
    return " ".join(label.replace("_", " ").replace("-", " ").casefold().split())


class LaneRows:
    """The labels a lane row may carry: built-in ids and titles (singular or plural) in every language,
    the lanes the sheet's ``Lanes`` row declares, and ``Custom: Title`` for a new lane."""

    def __init__(self, other_rows: Iterable[str]) -> None:
        self.lanes: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        titles = list(LANE_TITLES.items())
        titles += [(lane, title) for code in languages() for lane, title in words_for(code).lanes.items()]
        for lane, title in [*titles, *((lane, lane) for lane in BUILTIN_LANES)]:
            self._know(title, lane)
            self._know(title.removesuffix("s"), lane, shown=False)
        self.others = {norm(label): label for label in other_rows}

    def _know(self, label: str, lane: str, *, shown: bool = True) -> None:
        self.lanes.setdefault(norm(label), lane)
        if shown:
            self.shown.setdefault(norm(label), label)

    def declare(self, lane: str, title: str | None) -> None:
        """A lane of the ``Lanes`` row: its id and title name it from now on, before any built-in meaning."""
        self.lanes[norm(lane)] = lane
        label = title or (None if lane in BUILTIN_LANES else lane)
        if label and label.strip():
            self.lanes[norm(label)] = lane
            self.shown[norm(label)] = label

    def resolve(self, label: str) -> str:
        """The lane id a row label names; ValueError says what is wrong and how to write it instead."""
        key = norm(label)
        if key in self.lanes:
            return self.lanes[key]
        if key.startswith(CUSTOM_MARK):
            return self._custom(label.strip()[len(CUSTOM_MARK):].strip())
        close = difflib.get_close_matches(key, [*self.shown, *self.others], n=1, cutoff=0.75)
        guess = f"did you mean {(self.shown | self.others)[close[0]]!r}? To" if close else "to"
        raise ValueError(f"row {label.strip()!r} is not a lane; {guess} add a custom lane, label the row "
                         f"'Custom: {label.strip()}' (or declare it in the Lanes row)")

    def _custom(self, title: str) -> str:
        lane = slug(title)
        if not title or not lane:
            raise ValueError("write the custom lane's title after 'Custom:', e.g. 'Custom: Thoughts'")
        if lane in Stage.model_fields and lane not in BUILTIN_LANES:
            raise ValueError(f"{title!r} names a stage field, not a lane; call the row something else")
        self.titles.setdefault(lane, title)
        self.lanes[norm(title)] = lane
        return lane
