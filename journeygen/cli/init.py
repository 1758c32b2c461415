"""`journeygen init`: a template name and locale -> a starter spec file on disk, and the schema beside it."""

from __future__ import annotations

from pathlib import Path

import click

from journeygen.authoring.init import (
    DEFAULT_NAME,
    LOCALE_TAG,
    SCHEMA_NAME,
    TEMPLATES,
    schema_link,
    starter,
    target_path,
    with_modeline,
    write_schema,
)
from journeygen.output import write_atomic
from journeygen.projectfile import PROJECT_FILE, find_project


def _init_project(folder: Path, locale: str, force: bool) -> None:
    from journeygen.authoring.project import starter_project

    if folder.exists() and not folder.is_dir():
        raise click.BadParameter(f"{folder} is a file; --project takes a folder", param_hint="PATH")
    target = folder / PROJECT_FILE
    if target.exists() and not force:
        raise click.ClickException(f"{target} exists; pass --force to overwrite it")
    write_atomic(target, starter_project(locale).encode("utf-8"))
    find_project(folder)  # the starter must read back: a file journeygen refuses is a bug, never left unnoticed
    click.echo(f"wrote {target}", err=True)
    click.echo(f"next: journeygen init {folder / 'maps' / DEFAULT_NAME} && journeygen render", err=True)


@click.command(short_help="Write a starter map or service blueprint from a template, or a project file.")
@click.argument("path", required=False, type=click.Path(file_okay=True, dir_okay=True))
@click.option("-t", "--template", type=click.Choice(TEMPLATES), default="ecommerce", show_default=True,
              help="What the starter map is about.")
@click.option("--locale", default="en", show_default=True, metavar="TAG",
              help="BCP 47 tag of the map's language; templates are written in en and ro, other "
                   "languages get English text with the locale set.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.option("--project", is_flag=True, help="Write a project file, PATH/journeygen.toml (PATH a folder, default .), "
              "instead of a map.")
@click.option("--no-schema", is_flag=True, help=f"Do not write {SCHEMA_NAME} next to the spec for editor completion "
              "(nor the line pointing editors at it, unless one is there already).")
def init(path: str | None, template: str, locale: str, force: bool, project: bool, no_schema: bool) -> None:
    """Write a starter spec to PATH (default map.journey.yaml; a folder gets map.journey.yaml inside).

    With --project, write PATH/journeygen.toml instead: the folder becomes a project whose maps
    `journeygen render`, `lint` and `report` find on their own.

    The spec validates and renders as it is, and its comments teach the format. Next to it goes
    journeygen.schema.json, which the `# yaml-language-server: $schema=...` line points editors at.

    \b
    Examples:
      journeygen init
      journeygen init maps/onboarding.journey.yaml --template saas-onboarding
      journeygen init maps/ --template service --locale ro
      journeygen init --project                # ./journeygen.toml
      journeygen init returns.journey.yaml --template blueprint
    """
    from journeygen.api import loads

    if not LOCALE_TAG.match(locale):
        raise click.BadParameter(f"{locale!r} is not a BCP 47 tag such as en, ro or pt-BR", param_hint="--locale")
    if project:
        _init_project(Path(path or "."), locale, force)
        return
    target = target_path(path or DEFAULT_NAME)
    if target.exists() and not force:
        raise click.ClickException(f"{target} exists; pass --force to overwrite it")
    text = with_modeline(starter(template, locale), schema_link(target, no_schema))
    loads(text, str(target))  # a template that fails to validate is a bug: never write it
    write_atomic(target, text.encode("utf-8"))
    click.echo(f"wrote {target} ({template}, {locale})", err=True)
    schema = None if no_schema else write_schema(target.parent)
    if schema is not None:
        click.echo(f"wrote {schema}", err=True)
    click.echo(f"next: journeygen watch {target} --serve", err=True)
