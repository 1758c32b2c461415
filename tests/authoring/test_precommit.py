"""The pre-commit hooks this repository offers name real commands and match journey specs."""

from __future__ import annotations

import re
import shlex

import yaml
from helpers import EXAMPLES, ROOT, run_journeygen

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def test_hooks_are_offered() -> None:
    assert [h["id"] for h in HOOKS] == ["journeygen-validate", "journeygen-lint", "journeygen-fmt",
                                        "journeygen-fmt-check", "journeygen-embed-check"]
    assert all(h["language"] == "python" and h["entry"].startswith("journeygen ") for h in HOOKS)


def test_spec_hooks_match_examples_and_run_on_them() -> None:
    for hook in HOOKS:
        if "files" not in hook:
            continue
        assert all(re.search(hook["files"], path.name) for path in EXAMPLES)
        args = shlex.split(hook["entry"])[1:]
        result = run_journeygen(*args, str(EXAMPLES[0]), "--help")
        assert result.returncode == 0, (hook["id"], result.stderr)


def test_validate_and_lint_hooks_pass_on_the_examples() -> None:
    for hook_id in ("journeygen-validate", "journeygen-lint"):
        entry = next(h["entry"] for h in HOOKS if h["id"] == hook_id)
        result = run_journeygen(*shlex.split(entry)[1:], *map(str, EXAMPLES))
        assert result.returncode == 0, result.stdout


def test_embed_check_runs_when_a_markdown_file_or_a_map_changes() -> None:
    """A changed map makes its blocks stale wherever they are: the hook runs on either, over every file."""
    hook = next(h for h in HOOKS if h["id"] == "journeygen-embed-check")
    assert hook["pass_filenames"] is False
    for changed in ("README.md", "docs/journeys.markdown", *(str(p.relative_to(ROOT)) for p in EXAMPLES)):
        assert re.search(hook["files"], changed), changed
    assert not re.search(hook["files"], "journeygen/cli/main.py")


def test_the_documented_setup_names_one_release_tag_and_installs_from_the_repository() -> None:
    from journeygen import __version__

    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    revs = set(re.findall(r"rev: (\S+)", text))
    pins = set(re.findall(r"git\+https://\S+@([\w.]+)", text))
    assert revs == pins == {f"v{__version__}"}, (revs, pins)  # the lead tags v{__version__} at release
    installs = re.findall(r"pip install (.+)", text)
    assert installs and all("git+" in line or "./" in line for line in installs), installs  # no index release
