"""PDF safety and provenance: only data: URLs load, spec text stays text, the footer names the commit."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from pypdf import PdfReader

from journeygen.api import load_spec
from journeygen.api import render as render_format
from journeygen.render.pdf.gitinfo import describe
from journeygen.render.pdf.weasy import print_html

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000001010100185dd8f70000000049454e44ae426082")


def test_fetcher_refuses_file_and_http_urls() -> None:
    from journeygen.render.pdf.fetcher import DataOnlyFetcher

    fetcher = DataOnlyFetcher()
    for url in ("file:///etc/passwd", "http://example.com/x.png", "https://example.com/x.png", "ftp://x/y"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def test_a_document_asking_for_local_or_remote_files_gets_none(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    html = (f'<img src="{secret.as_uri()}"><img src="http://127.0.0.1:9/x.png">'
            f'<link rel="stylesheet" href="{secret.as_uri()}"><p>body</p>')
    page = PdfReader(io.BytesIO(print_html(html).data)).pages[0]
    assert page.extract_text().strip() == "body"
    assert not page.images


def test_spec_text_is_never_markup(tmp_path: Path) -> None:
    spec = tmp_path / "evil.yaml"
    spec.write_text('title: "<b>bold</b> <img src=file:///etc/hostname>"\npersona: {name: "<i>A</i>"}\n'
                    'stages: [{name: "</td><script>x</script>", ideas: [{text: "<u>u</u>", owner: "O&amp;"}]}]\n')
    loaded = load_spec(spec)
    pdf = PdfReader(io.BytesIO(render_format(loaded.journey, "pdf", options=loaded.options())))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "<b>bold</b>" in text and "<i>A</i>" in text and "<u>u</u>" in text and "O&amp;" in text
    assert not pdf.pages[1].images


def test_persona_photo_is_embedded_from_the_spec_folder(tmp_path: Path) -> None:
    (tmp_path / "maria.png").write_bytes(PNG)
    spec = tmp_path / "photo.yaml"
    spec.write_text("title: T\npersona: {name: Maria, photo: maria.png}\nstages: [{name: S}]\n")
    loaded = load_spec(spec)
    pdf = PdfReader(io.BytesIO(render_format(loaded.journey, "pdf", options=loaded.options())))
    assert len(pdf.pages[1].images) == 1


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


def test_footer_commit_and_modified_marker(tmp_path: Path) -> None:
    spec = tmp_path / "map.yaml"
    spec.write_text("title: T\npersona: {name: A}\nstages: [{name: S}]\n")
    assert describe(tmp_path, "map.yaml") is None
    _git(tmp_path, "init", "-q")
    assert describe(tmp_path, "map.yaml") is None  # no commit yet
    _git(tmp_path, "add", "map.yaml")
    _git(tmp_path, "commit", "-qm", "map")
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    assert describe(tmp_path, "map.yaml") == f"commit {head}"
    spec.write_text(spec.read_text() + "description: changed\n")
    assert describe(tmp_path, "map.yaml") == f"commit {head} (modified)"
    loaded = load_spec(spec)
    first = render_format(loaded.journey, "pdf", options=loaded.options())
    assert f"commit {head} (modified)" in PdfReader(io.BytesIO(first)).pages[0].extract_text()
    assert render_format(loaded.journey, "pdf", options=loaded.options()) == first


def test_weasyprint_is_not_imported_at_start_up() -> None:
    code = "import sys, journeygen.cli.main, journeygen.api; sys.exit('weasyprint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
