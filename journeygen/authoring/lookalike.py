"""A valid Journey's ids -> findings for ids that mix scripts or differ from another only by look-alike letters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from types import MappingProxyType
from typing import Any

from journeygen.spec.build import source_path
from journeygen.spec.checks import Finding as Hit
from journeygen.spec.loader import PathKey
from journeygen.spec.model import Journey

# Scripts one writing system uses together, each also with Latin (UTS #39 "highly restrictive"):
# Japanese, Korean, and Chinese with Bopomofo. None of them has letters that pass for Latin ones.
_TOGETHER = (
    frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    frozenset({"Latin", "Han", "Hangul"}),
    frozenset({"Latin", "Han", "Bopomofo"}),
)
_ALIASES = MappingProxyType({"CJK": "Han", "IDEOGRAPHIC": "Han"})
_SHARED = frozenset({"MODIFIER", "KATAKANA-HIRAGANA"})  # letters used by several scripts
_NAMED = 3  # letters quoted in a message; more are summarised

# Cyrillic and Greek letters that look like a Latin one (a small part of Unicode's confusables.txt),
# by name so that this file shows no look-alike itself.
_CYRILLIC = (("A", "a"), ("IE", "e"), ("O", "o"), ("ER", "p"), ("ES", "c"), ("HA", "x"), ("U", "y"),
             ("BYELORUSSIAN-UKRAINIAN I", "i"), ("JE", "j"), ("DZE", "s"), ("SHHA", "h"), ("KOMI DE", "d"),
             ("QA", "q"), ("WE", "w"))
_CYRILLIC_CAPITAL = (("A", "A"), ("VE", "B"), ("IE", "E"), ("KA", "K"), ("EM", "M"), ("EN", "H"), ("O", "O"),
                     ("ER", "P"), ("ES", "C"), ("TE", "T"), ("HA", "X"), ("BYELORUSSIAN-UKRAINIAN I", "I"),
                     ("JE", "J"), ("DZE", "S"))
_GREEK = (("OMICRON", "o"), ("ALPHA", "a"), ("NU", "v"), ("RHO", "p"), ("TAU", "t"), ("IOTA", "i"),
          ("KAPPA", "k"), ("UPSILON", "u"), ("CHI", "x"))
_GREEK_CAPITAL = (("ALPHA", "A"), ("BETA", "B"), ("EPSILON", "E"), ("ZETA", "Z"), ("ETA", "H"), ("IOTA", "I"),
                  ("KAPPA", "K"), ("MU", "M"), ("NU", "N"), ("OMICRON", "O"), ("RHO", "P"), ("TAU", "T"),
                  ("UPSILON", "Y"), ("CHI", "X"))
_LOOKALIKES = MappingProxyType({
    ord(unicodedata.lookup(f"{script} {size} LETTER {name}")): latin
    for script, size, table in (("CYRILLIC", "SMALL", _CYRILLIC), ("CYRILLIC", "CAPITAL", _CYRILLIC_CAPITAL),
                                ("GREEK", "SMALL", _GREEK), ("GREEK", "CAPITAL", _GREEK_CAPITAL))
    for name, latin in table
})


def script(char: str) -> str | None:
    """The script of a letter from its Unicode name (``LATIN SMALL LETTER A`` -> ``Latin``); None for
    digits, ``-``, ``_``, ``.``, combining marks and letters several scripts share."""
    base = unicodedata.normalize("NFKC", char)[:1]  # a fullwidth or ligature letter counts as its base letter
    if not base or not unicodedata.category(base).startswith("L"):
        return None
    word = unicodedata.name(base, "").split(" ")[0]
    if not word or word in _SHARED:
        return None
    return _ALIASES.get(word, word.title())


def skeleton(ident: str) -> str:
    """What an id looks like: NFKC, with Cyrillic and Greek look-alikes read as the Latin letter."""
    return unicodedata.normalize("NFKC", ident).translate(_LOOKALIKES)


def describe(char: str) -> str:
    """``'е' U+0435 CYRILLIC SMALL LETTER IE``."""
    return f"{char!r} U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def mixed_scripts(ident: str) -> str | None:
    """``mixes Latin and Cyrillic ('е' U+0435 ...)`` when the id's letters come from scripts that are
    not written together; the id's main script first, then the letters from the others."""
    letters = [(char, found) for char in ident if (found := script(char)) is not None]
    counts: dict[str, int] = {}
    for _, found in letters:
        counts[found] = counts.get(found, 0) + 1
    if len(counts) < 2 or any(counts.keys() <= together for together in _TOGETHER):
        return None
    main = max(counts, key=lambda name: counts[name])  # first seen wins a tie: dicts keep order
    others = list(dict.fromkeys(char for char, found in letters if found != main))
    names = [main, *(name for name in counts if name != main)]
    quoted = ", ".join(map(describe, others[:_NAMED])) + (", ..." if len(others) > _NAMED else "")
    return f"mixes {', '.join(names[:-1])} and {names[-1]} ({quoted})"


def _differences(first: str, second: str) -> str:
    """The letters two look-alike ids differ in, side by side where they line up."""
    if len(first) == len(second):
        pairs = dict.fromkeys((a, b) for a, b in zip(first, second, strict=True) if a != b)
        return ", ".join(f"{describe(a)} vs {describe(b)}" for a, b in pairs)
    only = dict.fromkeys([*(c for c in first if c not in second), *(c for c in second if c not in first)])
    return ", ".join(map(describe, only))


def _ids(journey: Journey) -> tuple[tuple[str, str, Sequence[str]], ...]:
    """(kind shown in messages, key in the spec, ids in order) for every kind of id."""
    return (
        ("persona", "personas", [p.id for p in journey.personas]),
        ("stage", "stages", [s.id for s in journey.stages]),
        ("lane", "lanes", [lane.id for lane in journey.lanes or ()]),
    )


def _where(data: Any, key: str, index: int) -> tuple[PathKey, bool]:
    """Where an id stands in the file, and whether it was made from the name (no ``id:`` written)."""
    path = source_path((key, index), data)
    item: Any = data
    for part in path:
        item = item[part]
    if isinstance(item, dict) and item.get("id") is not None:
        return (*path, "id"), False
    if isinstance(item, dict):
        return (*path, "name"), True
    return path, False  # a built-in lane written as a bare string


def lookalike_ids(journey: Journey, data: Any) -> Iterator[Hit]:
    """Ids that mix scripts, then ids of one kind that look the same; each at the id in the file."""
    for kind, key, ids in _ids(journey):
        for index, ident in enumerate(ids):
            mixed = mixed_scripts(ident)
            if mixed is not None:
                path, derived = _where(data, key, index)
                made = " (made from its name)" if derived else ""
                yield Hit(path, f"{kind} id {ident!r}{made} {mixed}; write it in one script")
        yield from _collisions(kind, key, ids, data)


def _collisions(kind: str, key: str, ids: Sequence[str], data: Any) -> Iterator[Hit]:
    groups: dict[str, list[int]] = {}
    for index, ident in enumerate(ids):
        groups.setdefault(skeleton(ident), []).append(index)
    for members in groups.values():
        for index in members if len(members) > 1 else ():
            other = next(i for i in members if i != index)
            path, _ = _where(data, key, index)
            yield Hit(path, f"{kind} id {ids[index]!r} looks the same as {kind} id {ids[other]!r} ({key}[{other}]); "
                            f"they differ only in {_differences(ids[index], ids[other])}")
