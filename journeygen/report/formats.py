"""Reports -> Markdown (for people), JSON (for programs) or CSV (for a spreadsheet); the backlog as issue CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from journeygen.errors import printable
from journeygen.report import backlog
from journeygen.report.model import IdeaDue, Report
from journeygen.spec.model import EmotionScale, Journey
from journeygen.spreadsheet.cells import guard
from journeygen.vcs.diff_format import md_escape

FORMAT_VERSION = 1
CSV_COLUMNS = ("map", "section", "persona", "stage", "item", "score", "label", "owner", "due", "status", "overdue",
               "value", "target", "gap")


def _plain(row: Any) -> dict[str, Any]:
    data = dataclasses.asdict(row)
    return {k: v.isoformat() if isinstance(v, dt.date) else str(v) if isinstance(v, EmotionScale) else v
            for k, v in data.items()}


def _sections(report: Report) -> dict[str, Any]:
    coverage = {"evidence_coverage": [_plain(e) for e in report.evidence]} if report.evidence else {}
    return {"emotions": [_plain(e) for e in report.emotions],
            "pain_points_without_ideas": [_plain(p) for p in report.pain_points],
            "ideas": [_plain(i) for i in report.ideas],
            "metrics_off_target": [_plain(m) for m in report.metrics], **coverage}


def to_json(maps: Sequence[tuple[str, str, Report]], total: Report, today: dt.date) -> str:
    """``{format, version, today, maps: [{file, title, <sections>}], total: {<sections>}}``."""
    data = {"format": "journeygen-report", "version": FORMAT_VERSION, "today": today.isoformat(),
            "maps": [{"file": file, "title": title, **_sections(r)} for file, title, r in maps],
            "total": _sections(total)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_csv(reports: Sequence[Report]) -> str:
    """One row per finding, map after map; the ``map`` column tells them apart. Cells are formula-guarded."""
    return _sheet(CSV_COLUMNS, (row for report in reports for row in _csv_rows(report)))


def to_backlog_csv(maps: Sequence[tuple[str, Journey]]) -> str:
    """The open ideas of each map, map after map, as issues to import (title, body, owner, due, labels)."""
    return _sheet(backlog.COLUMNS, (dataclasses.asdict(issue) for spec, journey in maps
                                    for issue in backlog.issues(journey, spec)))


def _sheet(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a BOM (so spreadsheets read UTF-8), CRLF line ends and every cell formula-guarded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([guard(str(row.get(c, "") if row.get(c) is not None else "")) for c in columns])
    return "\ufeff" + out.getvalue()


def _csv_rows(report: Report) -> Iterator[dict[str, Any]]:
    for e in report.emotions:
        yield {"map": e.map, "section": "emotion", "persona": e.persona_name, "stage": e.stage_name,
               "score": e.score, "label": e.label}
    for p in report.pain_points:
        yield {"map": p.map, "section": "pain point without idea", "stage": p.stage_name, "item": p.text}
    for i in report.ideas:
        yield {"map": i.map, "section": "idea", "stage": i.stage_name, "item": i.text, "owner": i.owner,
               "due": i.due.isoformat() if i.due else None, "status": i.status, "overdue": "yes" if i.overdue else ""}
    for m in report.metrics:
        yield {"map": m.map, "section": "metric off target", "stage": m.stage_name, "item": m.name,
               "value": m.value, "target": m.target, "gap": m.gap}
    for c in report.evidence:
        yield {"map": c.map, "section": "evidence coverage", "stage": c.stage_name,
               "item": f"{c.with_evidence} of {c.items} items with evidence, {c.assumed} assumed"}


def to_markdown(maps: Sequence[tuple[str, str, Report]], total: Report, today: dt.date) -> str:
    """A section per map and, for several maps, one for all of them together with a Map column."""
    out = [f"# Journey report ({today.isoformat()})", ""]
    for file, title, report in maps:
        out += [f"## {md_escape(title)} ({_code(file)})", "", *_md_report(report, with_map=False)]
    if len(maps) > 1:
        out += [f"## All {len(maps)} maps", "", *_md_report(total, with_map=True)]
    return "\n".join(out)


def _code(text: str) -> str:
    return "`" + printable(text).replace("`", "'") + "`"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], empty: str) -> list[str]:
    if not rows:
        return [f"_{empty}_", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _md_report(report: Report, *, with_map: bool) -> list[str]:
    def m(name: str) -> list[str]:
        return [md_escape(name)] if with_map else []

    head = ["Map"] if with_map else []
    emotions = [[*m(e.map), md_escape(e.persona_name or "everyone"), md_escape(e.stage_name), e.shown,
                 md_escape(e.label or "")] for e in report.emotions]
    pains = [[*m(p.map), md_escape(p.stage_name), md_escape(p.text)] for p in report.pain_points]
    ideas = [[*m(i.map), md_escape(i.owner or "(no owner)"), md_escape(i.text), md_escape(i.stage_name), _due(i),
              md_escape(i.status or "")] for i in report.ideas]
    metrics = [[*m(g.map), md_escape(g.stage_name), md_escape(g.name), md_escape(g.value), md_escape(g.target),
                g.gap] for g in report.metrics]
    coverage = [[*m(e.map), md_escape(e.stage_name), str(e.items), str(e.with_evidence), str(e.assumed)]
                for e in report.evidence]
    research = ["### Evidence coverage", "",
                *_table([*head, "Stage", "Items", "With evidence", "Assumed"], coverage, "none")] if coverage else []
    return ["### Stages by emotion (lowest first)", "",
            *_table([*head, "Persona", "Stage", "Score", "Label"], emotions, "no emotion scores"),
            "### Pain points without ideas", "", *_table([*head, "Stage", "Pain point"], pains, "none"),
            "### Ideas by owner", "", *_table([*head, "Owner", "Idea", "Stage", "Due", "Status"], ideas, "no ideas"),
            "### Metrics off target", "",
            *_table([*head, "Stage", "Metric", "Value", "Target", "Gap"], metrics, "none"), *research]


def _due(idea: IdeaDue) -> str:
    if idea.due is None:
        return ""
    return f"**{idea.due.isoformat()} overdue**" if idea.overdue else idea.due.isoformat()
