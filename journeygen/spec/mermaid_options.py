"""The spec's optional ``mermaid:`` block -> MermaidOptions: what `-f mermaid` writes instead of its defaults.

`journeygen import mermaid` fills it so that exporting the map gives back what Mermaid read from the
diagram: a missing title or accessibility text, an accTitle other than the title, and the diagram's
configuration (front matter and ``%%{init}%%`` directives).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from journeygen.spec.text import Text

# Configuration a diagram should not carry: what Mermaid keeps for the site alone (its `secure`
# list), raw CSS and sanitiser settings. Keys Mermaid itself drops (`__proto__`, ...) go too.
UNSAFE_KEYS = frozenset({"secure", "securityLevel", "startOnLoad", "maxTextSize", "maxEdges",
                         "suppressErrorRendering", "dompurifyConfig", "themeCSS"})


def _unsafe(key: str) -> bool:
    return key in UNSAFE_KEYS or key.startswith("__") or "proto" in key or "constr" in key


def unsafe_keys(config: Any, prefix: str = "") -> list[str]:
    """Dotted paths of every key in ``config`` that a map may not pass on to Mermaid."""
    if not isinstance(config, dict):
        return []
    found: list[str] = []
    for key, value in config.items():
        path = f"{prefix}{key}"
        found.extend([path] if _unsafe(str(key)) else unsafe_keys(value, f"{path}."))
    return found


def without_unsafe(config: Any) -> Any:
    """``config`` less the keys :func:`unsafe_keys` names."""
    if not isinstance(config, dict):
        return config
    return {key: without_unsafe(value) for key, value in config.items() if not _unsafe(str(key))}


class MermaidOptions(BaseModel):
    """How the Mermaid journey diagram differs from what the rest of the spec gives it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text | None = Field(None, description="The diagram's `title`, when not the map's title; `\"\"` for none.")
    acc_title: Text | None = Field(
        None, description="The diagram's `accTitle` (default: its title); `\"\"` for none."
    )
    acc_descr: Text | None = Field(
        None, description="The diagram's `accDescr` (default: the description, else a generated sentence); "
        "`\"\"` for none."
    )
    config: dict[str, JsonValue] | None = Field(
        None, description="Mermaid configuration, written as the diagram's front matter `config:`, e.g. "
        "`{theme: forest, journey: {maxLabelWidth: 320}}`."
    )

    @field_validator("config")
    @classmethod
    def _safe(cls, value: dict[str, JsonValue] | None) -> dict[str, JsonValue] | None:
        bad = unsafe_keys(value)
        if bad:
            raise ValueError(f"a map cannot set Mermaid's {', '.join(bad)}: that is for the site's own configuration")
        return value
