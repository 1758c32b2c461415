"""A persona's photo path -> a data: URL, read only from inside the spec's own folder."""

from __future__ import annotations

import base64
from pathlib import Path

from journeygen.errors import RenderError

MAX_PHOTO_BYTES = 10 * 1024 * 1024

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def _mime(data: bytes) -> str | None:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    return "image/svg+xml" if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower() else None


def _locate(photo: str, base_dir: Path | None) -> Path:
    folder = (base_dir or Path.cwd()).resolve()
    path = (folder / photo).resolve()
    if not path.is_relative_to(folder):
        raise RenderError(f"photo {photo!r} is outside the spec's folder {folder}; copy it next to the spec")
    if not path.is_file():
        raise RenderError(f"photo {photo!r} not found (looked for {path})")
    return path


def photo_url(photo: str, base_dir: Path | None) -> str:
    """The image as a ``data:`` URL; RenderError when missing, outside the folder, too big or not an image."""
    path = _locate(photo, base_dir)
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise RenderError(f"photo {photo!r} is larger than {MAX_PHOTO_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    mime = _mime(data)
    if mime is None:
        raise RenderError(f"photo {photo!r} is not a PNG, JPEG, GIF, WebP or SVG image")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
