"""Golden files: compare output with tests/golden/, or accept it with JOURNEYGEN_ACCEPT=1.

Review the diff of an accepted golden before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: bytes | str) -> None:
    """Assert ``actual`` equals ``tests/golden/<name>``; rewrite it when JOURNEYGEN_ACCEPT=1."""
    data = actual.encode() if isinstance(actual, str) else actual
    path = GOLDEN / name
    if os.environ.get("JOURNEYGEN_ACCEPT") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no golden file {path}; run with JOURNEYGEN_ACCEPT=1 and review it"
    expected = path.read_bytes()
    assert data == expected, f"{name} differs from its golden file; if the change is intended, " \
                             "rerun with JOURNEYGEN_ACCEPT=1 and review the diff"
