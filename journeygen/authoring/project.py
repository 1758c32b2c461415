"""A folder -> the text of a starter ``journeygen.toml`` that makes it a project of maps."""

from __future__ import annotations

from journeygen.projectfile import PROJECT_FILE

STARTER = f"""\
# {PROJECT_FILE}: this folder is a journeygen project. `journeygen render`, `lint` and `report` given
# no SPEC work on the maps below, from this folder or any folder under it. Paths are relative to this file.
# Every setting is explained in docs/projects.md.

maps = ["maps/**/*.journey.yaml"]      # globs of the project's maps
# theme = "themes/brand.theme.yaml"    # the default theme of maps that name none
locale = "{{locale}}"                          # the default language of maps that name none
output = "build/maps"                  # where `journeygen render` writes (the maps' folders are kept)

[lint]
disable = []                           # rule codes to turn off, e.g. ["JG104"]; see `journeygen lint --rules`
"""


def starter_project(locale: str = "en") -> str:
    """The text of a starter project file in the language ``locale``."""
    return STARTER.replace("{locale}", locale)
