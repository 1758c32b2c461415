"""Commands given no SPEC -> the maps of the project around the current folder (as `git` finds its repository)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from journeygen.projectfile import PROJECT_FILE, Project, find_project, mirrored_folders


def current_project(command: str) -> Project:
    """The project holding the current folder, or a usage error saying how to make one."""
    project = find_project(Path.cwd())
    if project is None:
        raise click.UsageError(f"give at least one SPEC, or run `journeygen {command}` inside a project "
                               f"(a folder with {PROJECT_FILE}; `journeygen init --project` writes one)")
    return project


def project_maps(command: str) -> tuple[Project, tuple[str, ...]]:
    """The project and its maps, as paths relative to the current folder (how messages name them)."""
    project = current_project(command)
    specs = project.specs()
    if not specs:
        raise click.UsageError(f"{project.file}: its maps globs {list(project.maps)} match no file")
    return project, tuple(os.path.relpath(spec) for spec in specs)


def output_folders(specs: tuple[str, ...], project: Project, output: str | None) -> dict[str, str] | None:
    """Where each project map's files go: under -o or the project's ``output``, keeping the maps' folders
    (so links between maps still resolve); beside each spec when neither is given."""
    outdir = output or (str(project.output) if project.output else None)
    if outdir is None or outdir == "-":
        return None
    folders = mirrored_folders([Path(s) for s in specs], Path(outdir))
    return {spec: os.path.relpath(folders[Path(spec)]) for spec in specs}
