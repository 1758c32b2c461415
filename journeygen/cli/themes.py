"""`journeygen themes`: the built-in themes -> one line each, or one theme's resolved slots."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("theme", required=False, metavar="[NAME|PATH]")
def themes(theme: str | None) -> None:
    """List the built-in themes, or print every slot of one theme (built-in or file) as YAML.

    For one theme, each text colour below the WCAG AA contrast of 4.5:1 on its background (and
    each curve colour below 3:1) is reported as a warning.

    Use a theme with `--theme NAME|PATH` or `theme:` in the spec. A theme file sets a few
    slots and may start from a built-in with `extends: default`; see docs/themes.md.

    \b
    Examples:
      journeygen themes
      journeygen themes dark
      journeygen themes brand.theme.yaml     # check a theme file, show what it resolves to
      journeygen render map.yaml --theme print
    """
    from journeygen.theme import load_theme, theme_names
    from journeygen.theme.contrast import shortfalls

    if theme is not None:
        resolved = load_theme(theme)
        for slot, value in resolved.model_dump().items():
            click.echo(f"{slot}: {_yaml(value)}")
        for warning in shortfalls(resolved):
            click.echo(f"warning: {warning}", err=True)
        return
    names = theme_names()
    width = max(len(n) for n in names)
    for name in names:
        click.echo(f"{name:<{width}}  {load_theme(name).description}")


def _yaml(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
