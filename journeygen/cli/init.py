"""`journeygen init`: a template name and locale -> a starter spec file on disk, and the schema beside it."""

from __future__ import annotations

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


@click.command(short_help="Write a starter map or service blueprint from a template.")
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
      journeygen init returns.journey.yaml --template blueprint
    """
    from journeygen.api import loads

    if not LOCALE_TAG.match(locale):
        raise click.BadParameter(f"{locale!r} is not a BCP 47 tag such as en, ro or pt-BR", param_hint="--locale")
    target = target_path(path)
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
