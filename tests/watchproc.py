"""A running `journeygen watch` child process, its stderr lines collected as they come (for watch tests)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers import ROOT


class Watch:
    """`journeygen watch ARGS` in ``cwd``; ``expect`` waits for a stderr line, ``interrupt``/``terminate`` end it."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "journeygen", "watch", *args], cwd=cwd,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line)

    def expect(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        """The first new stderr line matching ``pattern``; fails after ``timeout`` seconds, listing what came."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.05)
            except queue.Empty:
                continue
            self.seen.append(line)
            if found := re.search(pattern, line):
                return found
        raise AssertionError(f"no line matching {pattern!r} in {self.seen}")

    def _rest(self) -> str:
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return "".join(self.seen)

    def interrupt(self) -> tuple[int, str]:
        """Ctrl-C, as a person stops it: its exit status (within 5 s) and everything it printed."""
        started = time.monotonic()
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=5)
        assert time.monotonic() - started < 5
        return code, self._rest()

    def terminate(self) -> str:
        """Stop it however busy it is; everything it printed."""
        self.proc.terminate()
        self.proc.wait(timeout=20)
        return self._rest()
