"""YAML text -> data the way editors' YAML language servers read it: the YAML 1.2 core schema.

journeygen's own loader reads YAML 1.2 too, but keeps ``True`` and ``0x1F`` as text; an editor reads
them as a boolean and a number (YAML 1.2.2, section 10.3.2). The schema must accept both readings.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class CoreLoader(yaml.CSafeLoader):
    """libyaml's safe loader with YAML 1.1's implicit types replaced by the 1.2 core schema's."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's class-level registry)


_RESOLVERS = {
    "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "null": (r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    "int": (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    "float": (r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
}
for _tag, (_pattern, _first) in _RESOLVERS.items():
    CoreLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _int(loader: CoreLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)


def _float(loader: CoreLoader, node: yaml.Node) -> float:
    text = str(loader.construct_scalar(node)).lower()  # type: ignore[arg-type]
    specials = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
    return float(specials.get(text, text))


CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", _float)


def load(text: str) -> Any:
    """The data of one YAML document, read with the YAML 1.2 core schema."""
    return yaml.load(text.removeprefix("\ufeff"), Loader=CoreLoader)
