"""``--pdf-standard`` and the spec -> how the PDF is written: always tagged; for PDF/UA-1, PDF/A-3b or
PDF/X-4 also WeasyPrint's variant, fixed dates, the spec attached as the source, print boxes and colour
profiles, or the reason the document cannot meet the standard."""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeygen.errors import RenderError
from journeygen.options import PdfStandard, RenderOptions
from journeygen.render.pdf.markup import Html, tag

SLUG_MM = 8.0
"""The paper around the trim, bleed included: WeasyPrint draws crop marks in its outer half, outside the bleed."""
CMYK_PROFILE_ENV = "JOURNEYGEN_CMYK_PROFILE"
"""Names the print shop's CMYK profile (.icc) for PDF/X-4; without it, Ghostscript's default is used."""
GHOSTSCRIPT_CMYK = ("/usr/share/color/icc/ghostscript/default_cmyk.icc",
                    "/usr/share/ghostscript/iccprofiles/default_cmyk.icc",
                    "/usr/local/share/ghostscript/iccprofiles/default_cmyk.icc",
                    "/opt/homebrew/share/ghostscript/iccprofiles/default_cmyk.icc")
"""Where Debian's libgs-common, Ghostscript builds and Homebrew put Ghostscript's CMYK printer profile."""


@dataclass(frozen=True)
class Standard:
    """A conformance level: the name on the command line, as people write it, and WeasyPrint's variant."""

    name: PdfStandard
    label: str
    variant: str


STANDARDS: dict[str, Standard] = {s.name: s for s in (
    Standard("ua-1", "PDF/UA-1", "pdf/ua-1"),
    Standard("a-3b", "PDF/A-3b", "pdf/a-3b"),
    Standard("x-4", "PDF/X-4", "pdf/x-4"),
)}


@dataclass(frozen=True)
class Attached:
    """A spec file attached to the PDF (PDF/A-3b), so an archived map can be rendered again."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Conformance:
    """How one PDF is written: tagged, in the direction of its language, and what ``standard`` adds."""

    standard: Standard | None = None
    rtl: bool = False
    date: str | None = None
    """Creation and modification date (W3C format): only a standard that needs one gets one."""
    sources: tuple[Attached, ...] = ()
    cmyk: bytes | None = None
    """PDF/X-4: the CMYK printer profile of the output intent."""

    def head(self) -> list[Html]:
        """``<meta>`` elements WeasyPrint turns into the document's dates."""
        if self.date is None:
            return []
        return [tag("meta", name=f"dcterms.{kind}", content=self.date) for kind in ("created", "modified")]

    def css(self) -> str:
        """PDF/X-4: paper for bleed and crop marks around every page, and the CMYK output profile."""
        if self.cmyk is None:
            return ""
        url = "data:application/vnd.iccprofile;base64," + base64.b64encode(self.cmyk).decode("ascii")
        return (f"@page {{ bleed: {SLUG_MM:g}mm; marks: crop; }}\n"
                f"@color-profile device-cmyk {{ src: url({url}); components: cyan, magenta, yellow, black; }}\n")

    def writer_options(self, html: str) -> dict[str, Any]:
        """Keyword arguments of WeasyPrint's ``write_pdf`` for the document ``html`` (WeasyPrint is loaded)."""
        from journeygen.render.pdf.actualtext import RTL
        from journeygen.render.pdf.finish import finisher

        options: dict[str, Any] = {"pdf_tags": True, "finisher": finisher(self, bidi=bool(RTL.search(html)))}
        if self.standard is not None:
            options["pdf_variant"] = self.standard.variant
        if self.sources:
            from weasyprint import Attachment  # type: ignore[import-untyped]

            when = dt.datetime.fromisoformat(self.date or "1970-01-01T00:00:00+00:00")
            options["attachments"] = [Attachment(string=source.data, name=source.name, created=when, modified=when,
                                                 relationship="Source") for source in self.sources]
        return options


def conformance(options: RenderOptions, *, rtl: bool, specs: Sequence[tuple[Path | None, str | None]] = (),
                tiled: bool = False) -> Conformance:
    """What ``options.pdf_standard`` asks of a document of ``specs`` (folder, file name); raises RenderError
    naming why when the document cannot meet it."""
    if options.pdf_standard is None:
        return Conformance(rtl=rtl)
    standard = STANDARDS[options.pdf_standard]
    files = [_spec_file(folder, name) for folder, name in specs] or [None]
    date = _date(files[0])
    if standard.name == "a-3b":
        return Conformance(standard, rtl, date, sources=tuple(_source(path) for path in files))
    if standard.name == "x-4":
        if tiled:
            raise RenderError("PDF/X-4 is for a print shop, which prints the poster whole on its own paper; "
                              "--tile cuts it into office sheets: leave out --tile (or --pdf-standard)")
        return Conformance(standard, rtl, date, cmyk=cmyk_profile())
    return Conformance(standard, rtl, date)


def _spec_file(folder: Path | None, name: str | None) -> Path | None:
    path = folder / name if folder is not None and name else None
    return path if path is not None and path.is_file() else None


def _source(path: Path | None) -> Attached:
    if path is None:
        raise RenderError("PDF/A-3b attaches the spec file to the PDF, so an archived map can be rendered "
                          "again; this document has no spec file (standard input, or a --stages template): "
                          "render it from a file")
    return Attached(path.name, path.read_bytes())


def _date(path: Path | None) -> str:
    """``SOURCE_DATE_EPOCH`` when set, else the spec's last commit, else 1970-01-01: never the clock,
    so the same spec makes the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat(timespec="seconds")
    from journeygen.render.pdf.gitinfo import committed

    return (committed(path.parent, path.name) if path else None) or "1970-01-01T00:00:00+00:00"


def cmyk_profile() -> bytes:
    """The CMYK printer profile PDF/X-4 names as its output intent; RenderError when there is none."""
    named = os.environ.get(CMYK_PROFILE_ENV)
    candidates = [Path(named)] if named else [Path(p) for p in GHOSTSCRIPT_CMYK]
    for path in candidates:
        if path.is_file():
            data = path.read_bytes()
            if data[12:16] != b"prtr" or data[16:20] != b"CMYK":
                raise RenderError(f"PDF/X-4: {path} is not a CMYK printer profile (ICC class prtr, colour "
                                  f"space CMYK); ask the print shop for theirs")
            return data
    if named:
        raise RenderError(f"PDF/X-4: {CMYK_PROFILE_ENV} names {named}, which is not a file")
    raise RenderError(f"PDF/X-4 needs the CMYK profile of the printing press: set {CMYK_PROFILE_ENV} to the "
                      "print shop's .icc file, or install Ghostscript's profiles (Debian: apt install libgs-common)")
