"""A template name and locale -> a starter spec file that validates, renders and teaches the format."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path

import click

from journeygen.output import write_atomic

TEMPLATES = ("ecommerce", "saas-onboarding", "service", "blank")
DEFAULT_NAME = "map.journey.yaml"
SCHEMA_NAME = "journeygen.schema.json"
MODELINE = "# yaml-language-server: $schema="
_LOCALE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
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


def _target(path: str) -> Path:
    target = Path(path)
    return target / DEFAULT_NAME if target.is_dir() else target


def _write_schema(folder: Path) -> Path | None:
    from journeygen.spec.schema import json_schema

    schema = folder / SCHEMA_NAME
    if schema.exists():
        return None
    write_atomic(schema, (json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n").encode())
    return schema


@click.command(short_help="Write a starter map from a template (ecommerce, saas-onboarding, service, blank).")
@click.argument("path", default=DEFAULT_NAME, type=click.Path(file_okay=True, dir_okay=True))
@click.option("-t", "--template", type=click.Choice(TEMPLATES), default="ecommerce", show_default=True,
              help="What the starter map is about.")
@click.option("--locale", default="en", show_default=True, metavar="TAG",
              help="BCP 47 tag of the map's language; templates are written in en and ro, other "
                   "languages get English text with the locale set.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.option("--no-schema", is_flag=True, help=f"Do not write {SCHEMA_NAME} next to the spec for editor completion "
              "(nor the line pointing editors at it, unless one is there already).")
def init(path: str, template: str, locale: str, force: bool, no_schema: bool) -> None:
    """Write a starter spec to PATH (default map.journey.yaml; a folder gets map.journey.yaml inside).

    The spec validates and renders as it is, and its comments teach the format. Next to it goes
    journeygen.schema.json, which the `# yaml-language-server: $schema=...` line points editors at.

    \b
    Examples:
      journeygen init
      journeygen init maps/onboarding.journey.yaml --template saas-onboarding
      journeygen init maps/ --template service --locale ro
    """
    from journeygen.api import loads

    if not _LOCALE.match(locale):
        raise click.BadParameter(f"{locale!r} is not a BCP 47 tag such as en, ro or pt-BR", param_hint="--locale")
    target = _target(path)
    if target.exists() and not force:
        raise click.ClickException(f"{target} exists; pass --force to overwrite it")
    text = with_modeline(starter(template, locale), schema_link(target, no_schema))
    loads(text, str(target))  # a template that fails to validate is a bug: never write it
    write_atomic(target, text.encode("utf-8"))
    click.echo(f"wrote {target} ({template}, {locale})", err=True)
    schema = None if no_schema else _write_schema(target.parent)
    if schema is not None:
        click.echo(f"wrote {schema}", err=True)
    click.echo(f"next: journeygen watch {target} --serve", err=True)
