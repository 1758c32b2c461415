"""Debian's headless Chromium for the tests that look: the DOM after a page's scripts ran, and screenshots."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags Chromium tries the network at start-up; this machine has none.
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def dump_dom(page: str) -> str:
    """The HTML ``page`` as Chromium leaves it once its scripts have run (``--dump-dom``)."""
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "page.html"
        html.write_text(page, encoding="utf-8")
        done = subprocess.run([str(CHROMIUM), *_FLAGS, f"--user-data-dir={tmp}/profile", "--dump-dom", html.as_uri()],
                              capture_output=True, timeout=300, check=True)
    return done.stdout.decode()


def screenshot(document: bytes, suffix: str, width: int, height: int) -> bytes:
    """A PNG of ``document`` (an ``.svg`` or ``.html``) in a window of ``width`` x ``height`` pixels."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"page{suffix}"
        page.write_bytes(document)
        shot = Path(tmp) / "shot.png"
        subprocess.run([str(CHROMIUM), *_FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size={width},{height}",
                        f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=300, check=True)
        return shot.read_bytes()
