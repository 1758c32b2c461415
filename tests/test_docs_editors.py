"""The editor settings and the check-jsonschema hook that README.md and docs/editors.md show work as shown."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from fnmatch import fnmatch

import pytest
import yaml
from helpers import EXAMPLES, ROOT

PAGES = [ROOT / "README.md", ROOT / "docs" / "editors.md"]


def _blocks(lang: str) -> list[str]:
    return [body for page in PAGES for body in re.findall(rf"```{lang}\n(.*?)```", page.read_text("utf-8"), re.S)]


@pytest.mark.parametrize("settings", [b for b in _blocks("json") if "yaml.schemas" in b])
def test_vs_code_settings_map_the_schema_to_every_example(settings: str) -> None:
    parsed = json.loads(settings)
    for schema, globs in parsed["yaml.schemas"].items():
        assert (ROOT / schema).is_file()
        assert all(any(fnmatch(p.relative_to(ROOT).as_posix(), g) for g in globs) for p in EXAMPLES)
    assert all((ROOT / entry["url"]).is_file() for entry in parsed["json.schemas"])


def test_the_check_jsonschema_hook_passes_the_examples_and_fails_a_typo() -> None:
    config = yaml.safe_load(next(b for b in _blocks("yaml") if "check-jsonschema" in b))
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"].endswith("/check-jsonschema") and hook["id"] == "check-jsonschema"
    files = [str(p) for p in EXAMPLES if re.search(hook["files"], p.name)]
    assert len(files) == len(EXAMPLES)

    def run(*paths: str) -> int:
        command = [sys.executable, "-m", "check_jsonschema", *hook["args"], *paths]
        return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=False).returncode

    assert run(*files) == 0
    assert run(str(ROOT / "tests" / "invalid" / "unknown-key.yaml")) == 1
