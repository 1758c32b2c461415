"""What tagging and each --pdf-standard cost: one PDF's HTML printed untagged, tagged, and for each standard.

The HTML of the map is made once; then WeasyPrint prints it (layout and PDF writing, with the standard's
checks where one is named) in turns, so a shared host's changing speed falls on every variant alike.
The default map is examples/stress-30-stages.journey.yaml, the 30-stage PDF of benchmarks/RESULTS.md.

Run: python benchmarks/pdf_tagging.py [SPEC] [--runs N]   (median and best of N runs, default 5; wall
and CPU time of this process, which a busy shared host disturbs less)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "stress-30-stages.journey.yaml"


def variants(spec: Path) -> dict[str, Callable[[], bytes]]:
    """Each way of printing the map's document, by name."""
    sys.path.insert(0, str(ROOT))
    from dataclasses import replace

    from journeygen.api import load_spec
    from journeygen.layout.prepared import Prepared
    from journeygen.render.pdf.build import document_layout, draft
    from journeygen.render.pdf.conformance import verify
    from journeygen.render.pdf.document import html_document
    from journeygen.render.pdf.standards import STANDARDS, conformance
    from journeygen.render.pdf.weasy import print_html

    loaded = load_spec(spec)
    options = loaded.options()
    layout = document_layout(options)
    prepared = Prepared(loaded.journey, options)
    theme = prepared.theme
    part = draft(prepared, layout).part()
    files = [(options.base_dir, options.source_name)]

    def printed(name: str | None) -> Callable[[], bytes]:
        wanted = conformance(replace(options, pdf_standard=name), rtl=loaded.journey.rtl, specs=files)
        html = html_document([part], layout, theme, title=loaded.journey.title, author=loaded.journey.author,
                             lang=loaded.journey.locale, conformance=wanted)

        def run() -> bytes:
            data = print_html(html, wanted).data
            if name is not None:
                verify(data, STANDARDS[name])
            return data
        return run

    untagged = html_document([part], layout, theme, title=loaded.journey.title, author=loaded.journey.author,
                             lang=loaded.journey.locale)
    return {"untagged": lambda: print_html(untagged).data, "tagged (default)": printed(None),
            **{f"--pdf-standard {name}": printed(name) for name in STANDARDS}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ways = variants(args.spec)
    wall: dict[str, list[float]] = {name: [] for name in ways}
    cpu: dict[str, list[float]] = {name: [] for name in ways}
    for way in ways.values():
        way()  # warm-up: fonts, profiles and modules loaded
    for _ in range(args.runs):
        for name, way in ways.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            way()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    base = statistics.median(cpu["untagged"])
    print(f"{args.spec.name}, {args.runs} runs each; CPU time is what a busy shared host changes least\n")
    print("| printed | median s | best s | median CPU s | CPU vs untagged |\n|---|---|---|---|---|")
    for name in ways:
        median = statistics.median(cpu[name])
        print(f"| {name} | {statistics.median(wall[name]):.3f} | {min(wall[name]):.3f} | {median:.3f} "
              f"| {100 * (median / base - 1):+.0f}% |")


if __name__ == "__main__":
    main()
