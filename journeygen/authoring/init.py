"""A template name and locale -> a starter spec file that validates, renders and teaches the format."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from importlib import resources
from pathlib import Path

from journeygen.output import write_atomic

TEMPLATES = ("ecommerce", "saas-onboarding", "service", "blueprint", "blank")
DEFAULT_NAME = "map.journey.yaml"
SCHEMA_NAME = "journeygen.schema.json"
MODELINE = "# yaml-language-server: $schema="
LOCALE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
# Ideas in a template fall due a quarter after init, so a fresh map is not born overdue.
_DUE_IN = dt.timedelta(days=90)


def template_languages(template: str) -> list[str]:
    """The languages a template is written in (others fall back to English text)."""
    folder = resources.files("journeygen.authoring") / "templates"
    return sorted(p.name.split(".")[-2] for p in folder.iterdir() if p.name.startswith(f"{template}."))


def starter(template: str, locale: str = "en", today: dt.date | None = None) -> str:
    """The text of a starter spec: the template in the locale's language, or English with the locale set."""
    lang = locale.split("-")[0].lower()
    folder = resources.files("journeygen.authoring") / "templates"
    source = folder / f"{template}.{lang}.yaml"
    if not source.is_file():
        source = folder / f"{template}.en.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("__DUE__", ((today or dt.date.today()) + _DUE_IN).isoformat())
    return re.sub(r"^locale: .*$", f"locale: {locale}", text, count=1, flags=re.MULTILINE)


def with_modeline(text: str, schema: str | None) -> str:
    """The spec text with its first line pointing editors at ``schema`` (relative to the spec), or without one."""
    body = text.split("\n", 1)[1] if text.startswith(MODELINE) else text
    return f"{MODELINE}{schema}\n{body}" if schema else body


def schema_link(target: Path, no_schema: bool) -> str | None:
    """What the modeline of a new spec names: the schema init writes beside it, or one already there; else none."""
    schema = target.parent / SCHEMA_NAME
    return schema.name if not no_schema or schema.exists() else None


SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def target_path(path: str) -> Path:
    """The spec file to write: PATH itself, or DEFAULT_NAME inside it when PATH is a folder, ends with a
    slash, or names no spec file (``maps/``, ``maps``: a folder, made if need be, never a file called maps)."""
    target = Path(path)
    folder = target.is_dir() or path.endswith(("/", os.sep)) or target.suffix.lower() not in SPEC_SUFFIXES
    return target / DEFAULT_NAME if folder else target


def write_schema(folder: Path) -> Path | None:
    from journeygen.spec.schema import json_schema

    schema = folder / SCHEMA_NAME
    if schema.exists():
        return None
    write_atomic(schema, (json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n").encode())
    return schema
