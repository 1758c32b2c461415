"""Rendered bytes + the journey -> assertions that every label came out as literal text and nothing was injected."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import unicodedata
import xml.parsers.expat
import zlib
from collections.abc import Callable, Iterator
from typing import Any
from xml.etree import ElementTree

from pydantic import BaseModel

from journeygen.layout.glyphs import drawable
from journeygen.spec.model import Journey

SVG_NS = "{http://www.w3.org/2000/svg}"
# Fields that hold ids, closed choices or dates: not free text a user could use to inject anything.
_NOT_TEXT = frozenset({"id", "persona", "locale", "theme", "journeygen", "impact", "effort", "status", "source",
                       "target", "due", "photo", "better"})
_SPACE = re.compile(r"\s+")
# Bidi embedding marks that text extractors (pdftotext) add around right-to-left runs.
_EXTRACTOR_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_LINE_BREAKS = re.compile("[\n\r\t\v\f\x85\u2028\u2029]")


def labels(journey: Journey) -> dict[str, str]:
    """Every free-text field of the journey, keyed by its path (``stages[0].actions[1].text``)."""
    return dict(_walk(journey, ""))


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_TEXT:
                yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, tuple | list):
        for k, item in enumerate(value):
            yield from _walk(item, f"{path}[{k}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, str):
        yield path, value


def drawn_labels(journey: Journey) -> dict[str, str]:
    """The labels a full map draws: items of lanes the spec leaves out of ``lanes`` are not drawn."""
    lanes = {lane.id for lane in journey.lane_list()}
    builtin = ("actions", "touchpoints", "motivations", "pain_points", "ideas", "metrics")
    hidden = ({"emotion"} if "emotions" not in lanes else set()) | {lane for lane in builtin if lane not in lanes}

    def shown(path: str) -> bool:
        match = re.match(r"stages\[\d+\]\.(?:custom_lanes\.)?(\w+)", path)
        custom = ".custom_lanes." in path
        return not match or (match.group(1) in lanes if custom else match.group(1) not in hidden)

    return {path: text for path, text in labels(journey).items() if shown(path)}


def squeeze(text: str) -> str:
    """Text without whitespace: wrapped lines compare equal to the label they came from."""
    return _SPACE.sub("", text)


def assert_all_present(wanted: dict[str, str], haystacks: list[str], fmt: str) -> None:
    """Each wanted label, whitespace removed, is inside one of the haystacks (whitespace removed); as drawn, a
    symbol the bundled fonts lack is U+FFFD (a tooltip keeps it as written)."""
    squeezed = [squeeze(h) for h in haystacks]
    missing = {path: text for path, text in wanted.items()
               if not any(squeeze(text) in h or squeeze(drawable(text)) in h for h in squeezed)}
    assert not missing, f"{fmt}: {len(missing)} label(s) not drawn literally: {dict(list(missing.items())[:5])}"


# ---------------------------------------------------------------- SVG (the map, and Graphviz's flow)

_EVENT_ATTR = re.compile(r"^on", re.IGNORECASE)
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?(?!#|data:)", re.IGNORECASE)


def parse_svg(data: bytes) -> ElementTree.Element:
    """Parse with expat, refusing any DOCTYPE (so no entity, internal or external, can be declared)."""
    expat = xml.parsers.expat.ParserCreate()

    def no_doctype(*_: object) -> None:
        raise AssertionError("the SVG declares a DOCTYPE")

    expat.StartDoctypeDeclHandler = no_doctype
    expat.Parse(data, True)
    return ElementTree.fromstring(data)


def assert_svg_inert(root: ElementTree.Element) -> None:
    """No script, event handler, foreignObject, javascript: or external reference anywhere."""
    for el in root.iter():
        tag = el.tag.split("}")[-1].lower()
        assert tag not in ("script", "foreignobject", "iframe", "object", "embed"), f"SVG has a <{tag}> element"
        for name, value in el.attrib.items():
            local = name.split("}")[-1]
            assert not _EVENT_ATTR.match(local), f"SVG <{tag}> has an event attribute {local}={value!r}"
            assert "javascript:" not in value.lower(), f"SVG <{tag} {local}> holds a javascript: URL"
            if local == "href":
                assert value.startswith(("data:image/", "#")), f"SVG <{tag}> links outside: {value[:80]!r}"
            assert not _URL_IN_STYLE.search(value), f"SVG <{tag} {local}> loads a url(): {value[:80]!r}"
        if tag == "style":
            css = el.text or ""
            assert not _URL_IN_STYLE.search(css) and "@import" not in css, "the SVG stylesheet loads a URL"


def svg_texts(root: ElementTree.Element) -> list[str]:
    """The text content of the whole document, one string (titles and descriptions included)."""
    return ["".join(root.itertext())]


def check_svg(data: bytes, journey: Journey) -> None:
    root = parse_svg(data)
    assert root.tag == f"{SVG_NS}svg"
    assert_svg_inert(root)
    raw = data.lower()  # labels may say "javascript:" as text; markup may not
    assert b"<script" not in raw and b"<foreignobject" not in raw and b"<!entity" not in raw
    shown = {path: text for path, text in drawn_labels(journey).items() if path != "author"}  # author: PDF metadata
    assert_all_present(shown, svg_texts(root), "svg")


def flow_labels(journey: Journey) -> dict[str, str]:
    """The labels the flow view draws: title, stages, touchpoints (else actions), micro-journeys, transitions."""
    want = {"title": journey.title}
    for i, stage in enumerate(journey.stages):
        at = f"stages[{i}]"
        want[f"{at}.name"] = stage.name
        for k, tp in enumerate(stage.touchpoints):
            want[f"{at}.touchpoints[{k}].name"] = tp.name
            if tp.channel:
                want[f"{at}.touchpoints[{k}].channel"] = tp.channel
        if not stage.touchpoints:
            want.update({f"{at}.actions[{k}].text": a.text for k, a in enumerate(stage.actions)})
        for m, micro in enumerate(stage.micro_journeys):
            want[f"{at}.micro_journeys[{m}].name"] = micro.name
            for s, step in enumerate(micro.steps):
                want[f"{at}.micro_journeys[{m}].steps[{s}].name"] = step.name
                if step.touchpoint:
                    want[f"{at}.micro_journeys[{m}].steps[{s}].touchpoint"] = step.touchpoint
    want.update({f"transitions[{k}].label": t.label for k, t in enumerate(journey.transitions) if t.label})
    return want


def channel_labels(journey: Journey) -> dict[str, str]:
    """The labels the channel view (``flow_by="channel"``) draws: no actions or micro-journeys."""
    return {path: text for path, text in flow_labels(journey).items() if ".actions[" not in path
            and ".micro_journeys[" not in path}


def check_flow(data: bytes, journey: Journey, want: dict[str, str] | None = None) -> None:
    root = parse_svg(data)
    assert_svg_inert(root)
    # Graphviz draws each node, edge and cluster as a <g>; a label must be whole inside one of them.
    groups = [el for el in root.iter(f"{SVG_NS}g") if el.get("class") in ("node", "edge", "cluster", "graph")]
    texts = ["".join("".join(t.itertext()) for t in g.findall(f"{SVG_NS}text")) for g in groups]
    assert_all_present(flow_labels(journey) if want is None else want, texts, "flow")


# ---------------------------------------------------------------- DOT

def dot_json(source: bytes) -> dict[str, Any]:
    """The graph as laid out by the real ``dot`` (``-Tjson``): fails if ``dot`` refuses the source."""
    dot = shutil.which("dot")
    assert dot is not None, "Graphviz `dot` is needed to check DOT output"
    done = subprocess.run([dot, "-Tjson"], input=source, capture_output=True, timeout=60, check=False)
    assert done.returncode == 0 and not done.stderr.strip(), f"dot refused the source: {done.stderr.decode()[:500]}"
    graph: dict[str, Any] = json.loads(done.stdout)
    return graph


def drawn_texts(graph: dict[str, Any]) -> list[str]:
    """Per graph, cluster, node and edge: the text it draws (every ``T`` operation of its label draws)."""
    things = [graph, *graph.get("objects", ()), *graph.get("edges", ())]
    return ["".join(op["text"] for key in ("_ldraw_", "_tldraw_", "_hldraw_") for op in thing.get(key, ())
                    if op.get("op") == "T") for thing in things]


def check_dot(data: bytes, journey: Journey, want: dict[str, str] | None = None) -> None:
    graph = dot_json(data)
    texts = drawn_texts(graph)
    assert_all_present(flow_labels(journey) if want is None else want, texts, "dot")
    names = [obj["name"] for obj in graph.get("objects", ())]
    stage_ids = tuple(f"{s.id}/" for s in journey.stages) + tuple(f"cluster_{s.id}" for s in journey.stages)
    # move/ and channel/ are the flow's own nodes (transition labels, channel row titles): "/" is in no spec id
    strays = [n for n in names if not n.startswith((*stage_ids, "%", "cluster_", "move/", "channel/"))]
    assert not strays, f"dot: nodes that no stage declared (injected?): {strays[:5]}"


def check_dot_accepts(sources: list[bytes]) -> None:
    """Many DOT graphs through one ``dot`` process (fast): every one must be accepted."""
    dot = shutil.which("dot")
    assert dot is not None
    done = subprocess.run([dot, "-Tcanon"], input=b"\n".join(sources), capture_output=True, timeout=120, check=False)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr.decode()[:1000]
    assert done.stdout.count(b"digraph") >= len(sources)


# ---------------------------------------------------------------- Mermaid

def one_line(text: str) -> str:
    """Mermaid has no line break inside a statement, nor empty names: the exporter writes spaces."""
    return _LINE_BREAKS.sub(" ", text) or " "


def journey_line(text: str) -> str:
    """A name in the journey diagram: one line, tabs kept (the journey grammar allows them)."""
    return re.sub("[\n\r\v\f\x85\u2028\u2029]", " ", text)


def mermaid_expected(journey: Journey) -> tuple[str, list[tuple[str | None, list[str]]], set[str]]:
    """(title, [(section, unique task names)], actors) the journey diagram must say.

    An unnamed first stage holds the tasks before any section (its name is None); a persona with no
    name is an empty actor, and other empty names are written as one space. A persona no action of a
    stage names, with a feeling there, is the actor of a task named after the stage."""
    sections: list[tuple[str | None, list[str]]] = []
    actors: set[str] = set()
    for index, stage in enumerate(journey.stages):
        tasks = [journey_line(a.text) or " " for a in stage.actions]
        concerned: set[str] = set()
        for action in stage.actions:
            named = action.personas if action.personas is not None else None
            concerned |= {p.id for p in journey.personas
                          if (p.id in named if named is not None else action.persona in (None, p.id))}
        actors |= {journey_line(p.name) for p in journey.personas if p.id in concerned}
        feeling = [p for p in journey.personas if p.id not in concerned and stage.emotion_for(p.id) is not None]
        tasks += [journey_line(stage.name) or " "] if feeling else []
        actors |= {journey_line(p.name) for p in feeling}
        sections.append((journey_line(stage.name) or (" " if index else None), list(dict.fromkeys(tasks))))
    return journey_line(journey.title) or " ", sections, actors


_STATEMENT = re.compile(r"(?i)^\s*(title|section|acctitle|accdescr|journey)\b")


def statements(lines: list[str]) -> list[str]:
    """The lines Mermaid reads as statements: the free text of an ``accDescr {`` block is not one."""
    out, inside = [], False
    for line in lines:
        if inside:
            inside = "}" not in line
        elif re.match(r"(?i)^\s*accDescr\s*\{", line):
            inside = "}" not in line
            out.append(line)
        else:
            out.append(line)
    return out


def check_mermaid(data: bytes, journey: Journey) -> None:
    from journeygen.importers.mermaid_parse import parse

    text = data.decode("utf-8")
    lines = text.splitlines()
    assert not any(line.lstrip().startswith("%%{") for line in lines), "mermaid: a directive line"
    keywords = [m.group(1).lower() for m in map(_STATEMENT.match, statements(lines)) if m]
    unnamed = 1 if journey.stages[0].name == "" else 0  # its tasks come before any section
    assert keywords.count("section") == len(journey.stages) - unnamed, "mermaid: an injected or missing section line"
    assert keywords.count("title") == 1 and keywords.count("journey") == 1, "mermaid: an injected title line"
    assert keywords.count("acctitle") <= 1 and keywords.count("accdescr") <= 1, "mermaid: an injected acc line"
    parsed = parse(text, "out.mmd")
    title, sections, actors = mermaid_expected(journey)
    assert parsed.title == title
    got = [(s.name, list(dict.fromkeys(t.name for t in s.tasks))) for s in parsed.sections]
    assert got == [section for section in sections if section != (None, [])]
    assert set(parsed.actors) == actors


# ---------------------------------------------------------------- PDF

def pdf_texts(data: bytes) -> list[str]:
    """The document's text three ways: pypdf, pdftotext in reading order (which handles bidi) and in
    content order (``-raw``: columns side by side do not interleave); plus the title and author."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    meta = reader.metadata or {}
    texts = ["".join(_pypdf_text(page) for page in reader.pages), str(meta.get("/Title", "")),
             str(meta.get("/Author", ""))]
    for mode in ([], ["-raw"]):
        done = subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                              timeout=60, check=True)
        texts.append(_EXTRACTOR_MARKS.sub("", done.stdout.decode("utf-8")))
    return texts


def _pypdf_text(page: Any) -> str:
    """The page's text, or nothing when pypdf's own safety limit trips (a glyph standing for a long
    cluster, such as a row of emoji without glyphs in the font); pdftotext still reads that page."""
    from pypdf.errors import LimitReachedError

    try:
        text: str = page.extract_text() or ""
    except LimitReachedError:
        return ""
    return text


def pdf_labels(journey: Journey) -> dict[str, str]:
    """Every label but emotion notes, which are tooltips on screen and have no place on paper; as drawn (a
    symbol the bundled fonts lack is U+FFFD), but the author, which is metadata only."""
    return {path: text if path == "author" else drawable(text) for path, text in drawn_labels(journey).items()
            if not path.endswith(".note")}


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A right-to-left word, or a word of letters and digits: extractors lay mixed runs and the
# punctuation between them out in visual order, so only each word (in its logical order) is compared.
_RUN = re.compile(f"[{_RTL}]+|[^\\W{_RTL}]+")
_LAM_ALEF = "\u0644\u0627"  # one ligature glyph, which extractors give back as alef-lam


def extractable(text: str) -> str:
    """Text as an extractor gives it back: compatibility forms folded, invisible format characters gone."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if unicodedata.category(c) != "Cf")


def pdf_pieces(labels: dict[str, str], rtl: bool) -> dict[str, str]:
    """Labels of a right-to-left map, or with right-to-left letters, split into words; others whole."""
    out = {}
    for path, text in labels.items():
        clean = extractable(text)
        if rtl or re.search(f"[{_RTL}]", clean):
            runs = [run for run in _RUN.findall(clean) if _LAM_ALEF not in run]
            out.update({f"{path}#{k}": run for k, run in enumerate(runs)})
        else:
            out[path] = clean
    return out


def check_pdf(data: bytes, journey: Journey) -> None:
    assert data.startswith(b"%PDF-")
    raw = data.lower()
    assert b"/javascript" not in raw and b"/launch" not in raw and b"/uri (http" not in raw
    assert_all_present(pdf_pieces(pdf_labels(journey), journey.rtl), [extractable(t) for t in pdf_texts(data)], "pdf")
    # pdftotext reads only what lies on the page: the map page must show every stage.
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "-", "-"], input=data,
                           capture_output=True, timeout=60, check=True).stdout.decode("utf-8")
    stages = {f"stages[{k}].name": drawable(s.name) for k, s in enumerate(journey.stages)}
    assert_all_present(pdf_pieces(stages, journey.rtl), [extractable(_EXTRACTOR_MARKS.sub("", first))], "pdf map page")


# ---------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_csv(data: bytes, journey: Journey) -> None:
    """No cell a spreadsheet would run as a formula; the import reads back exactly the same journey."""
    from journeygen.importers.spreadsheet import read_csv

    text = data.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [c for c in cells if c.startswith(_FORMULA_START)], "csv: a cell a spreadsheet would run"
    back = labels(read_csv(data, "map.csv")[0])
    assert back.keys() == labels(journey).keys(), "csv: fields gained or lost on the way back"
    # The sheet drops spaces around an item's text, as docs/version-control.md says; nothing else changes.
    lost = {path: (text, back[path]) for path, text in labels(journey).items() if back[path].strip() != text.strip()}
    assert not lost, f"csv: labels changed on the way back: {dict(list(lost.items())[:5])}"


def check_png(data: bytes, journey: Journey) -> None:
    """A well-formed PNG (every chunk's CRC right, ending in IEND) that carries no text of the spec: no
    tEXt, iTXt or zTXt chunk, nothing but the picture; and it decodes to a picture of the map's size."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, kinds = 8, []
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        assert zlib.crc32(kind + body) == int.from_bytes(data[at + 8 + length:at + 12 + length], "big")
        kinds.append(kind)
        at += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    assert not {b"tEXt", b"iTXt", b"zTXt"} & set(kinds)
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        picture.load()
        assert picture.size[0] > 0 and picture.size[1] > 0


CHECKERS: dict[str, Callable[[bytes, Journey], None]] = {
    "png": check_png,
    "svg": check_svg,
    "flow": check_flow,
    "dot": check_dot,
    "mermaid": check_mermaid,
    "pdf": check_pdf,
    "csv": check_csv,
}
"""One checker per format in journeygen.render.FORMATS; a format without one fails the tests."""
