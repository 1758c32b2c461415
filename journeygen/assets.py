"""Files a spec names (persona photos, a theme) -> safe local paths and data URIs; nothing outside its project."""

from __future__ import annotations

import base64
import re
import stat
from pathlib import Path

from journeygen.errors import RenderError
from journeygen.project import ROOT_MARKERS, project_root
from journeygen.spec.model import Journey

MAX_PHOTO_BYTES = 2 * 1024 * 1024
_SNIFF_BYTES = 12  # enough for every signature `sniff` knows
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def persona_photos(journey: Journey, base_dir: Path | None) -> dict[str, str]:
    """Each persona with a photo -> its data URI; raises RenderError naming the file on any refusal."""
    return {p.id: photo_data_uri(p.photo, base_dir) for p in journey.personas if p.photo}


def photo_data_uri(ref: str, base_dir: Path | None) -> str:
    """A ``data:`` URI of the image ``ref`` (relative to ``base_dir``), its type sniffed from its bytes."""
    data = _photo_bytes(ref, base_dir, MAX_PHOTO_BYTES + 1)
    return f"data:{_image_type(ref, data)};base64,{base64.b64encode(data).decode('ascii')}"


def check_photo(ref: str, base_dir: Path | None) -> None:
    """Refuse what ``photo_data_uri`` would refuse, reading only the bytes that tell the image type."""
    _image_type(ref, _photo_bytes(ref, base_dir, _SNIFF_BYTES))


def _image_type(ref: str, data: bytes) -> str:
    mime = sniff(data)
    if mime is None:
        raise RenderError(f"photo {ref!r}: not a PNG, JPEG, GIF or WebP image")
    return mime


def local_file(ref: str, base_dir: Path | None, what: str) -> Path:
    """The file ``ref`` names, relative to the spec's folder ``base_dir`` and inside the spec's project (the
    nearest folder above it holding a root marker; symlinks resolved); URLs and escapes refused."""
    if _URL.match(ref) and not re.match(r"^[A-Za-z]:[\\/]", ref):
        raise RenderError(f"{what} {ref!r}: only local files are read, not URLs")
    if Path(ref).is_absolute() or ref.startswith(("/", "\\")):
        raise RenderError(f"{what} {ref!r}: give a path relative to the spec's folder, not an absolute path")
    if base_dir is None:
        raise RenderError(f"{what} {ref!r}: the spec was read from text, so there is no folder to find it in")
    root = project_root(base_dir)
    path = (base_dir.resolve() / ref).resolve()
    if not path.is_relative_to(root):
        markers = ", ".join(ROOT_MARKERS)
        raise RenderError(f"{what} {ref!r}: outside the spec's project ({root}, the nearest folder above the spec "
                          f"holding {markers}); move the file inside it")
    if path.exists() and not path.is_file():
        raise RenderError(f"{what} {ref!r}: not a regular file")
    return path


def _photo_bytes(ref: str, base_dir: Path | None, limit: int) -> bytes:
    """The first ``limit`` bytes of the photo, once its path, kind and size are found acceptable."""
    path = local_file(ref, base_dir, "photo")
    try:
        info = path.stat()
    except OSError as exc:
        raise RenderError(f"photo {ref!r}: cannot read it ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise RenderError(f"photo {ref!r}: not a regular file")
    if info.st_size > MAX_PHOTO_BYTES:
        raise RenderError(f"photo {ref!r}: {info.st_size} bytes is larger than the {MAX_PHOTO_BYTES} byte limit")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit)
    except OSError as exc:
        raise RenderError(f"photo {ref!r}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > MAX_PHOTO_BYTES:
        raise RenderError(f"photo {ref!r}: larger than the {MAX_PHOTO_BYTES} byte limit")
    return data


def sniff(data: bytes) -> str | None:
    """The image type from the file's first bytes (its name is not trusted); SVG photos are refused."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
