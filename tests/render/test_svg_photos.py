"""Persona photos: embedded as data URIs when they are small local images; refused clearly otherwise."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from helpers import run_journeygen

from journeygen.assets import MAX_PHOTO_BYTES, photo_data_uri, sniff
from journeygen.errors import RenderError

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
                       "awAAAABJRU5ErkJggg==")


def spec(folder: Path, photo: str) -> Path:
    path = folder / "map.journey.yaml"
    path.write_text(f"title: T\npersona: {{name: Ana, photo: '{photo}'}}\nstages: [{{name: S}}]\n", encoding="utf-8")
    return path


def test_a_png_is_embedded_as_a_data_uri(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "ana.jpg").write_bytes(PNG)  # the name lies; the bytes decide
    result = run_journeygen("render", str(spec(tmp_path, "photos/ana.jpg")), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert b'href="data:image/png;base64,' in result.stdout
    assert b"clip-path" in result.stdout


@pytest.mark.parametrize(("data", "mime"), [
    (PNG, "image/png"), (b"\xff\xd8\xff\xe0rest", "image/jpeg"), (b"GIF89a....", "image/gif"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"), (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    (b"hello", None),
])
def test_the_type_is_sniffed_from_the_bytes(data: bytes, mime: str | None) -> None:
    assert sniff(data) == mime


@pytest.mark.parametrize(("ref", "message"), [
    ("/etc/passwd", "relative to the spec's folder"),
    ("../outside.png", "outside the spec's project"),
    ("https://example.com/a.png", "not URLs"),
    ("file:///etc/passwd", "not URLs"),
    ("missing.png", "cannot read"),
    ("notes.txt", "not a PNG, JPEG, GIF or WebP"),
    ("face.svg", "not a PNG, JPEG, GIF or WebP"),
    ("folder", "not a regular file"),
    ("escape.png", "outside the spec's project"),
    ("big.png", "byte limit"),
])
def test_refusals_name_the_file_and_the_reason(tmp_path: Path, ref: str, message: str) -> None:
    base = tmp_path / "spec"
    base.mkdir()
    (tmp_path / "outside.png").write_bytes(PNG)
    (base / "notes.txt").write_text("not an image")
    (base / "face.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    (base / "folder").mkdir()
    (base / "escape.png").symlink_to(tmp_path / "outside.png")
    (base / "big.png").write_bytes(PNG + b"\0" * MAX_PHOTO_BYTES)
    with pytest.raises(RenderError, match=message) as info:
        photo_data_uri(ref, base)
    assert repr(ref) in str(info.value)


def test_a_device_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(RenderError, match="not a regular file"):
        photo_data_uri("pipe.png", tmp_path)


def test_a_refused_photo_fails_the_render_with_exit_1_and_no_file(tmp_path: Path) -> None:
    result = run_journeygen("render", str(spec(tmp_path, "../x.png")), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert b"outside the spec's project" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "out" / "map.svg").exists()
