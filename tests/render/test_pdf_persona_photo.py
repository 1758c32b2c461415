"""The persona page of the PDF: the photo keeps clear of the persona's name, LTR and RTL, whatever its size."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pagemeasure import MM, page
from PIL import Image

from journeygen.api import load_spec, render

DPI = 100
RED = (230, 0, 0)


def photo_box(data: bytes, folder: Path) -> tuple[float, float, float, float]:
    """Where the (pure red) photo prints on page 2, in points, found in the rasterised page."""
    (folder / "doc.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "2", "-l", "2", "-singlefile", str(folder / "doc.pdf"),
                    str(folder / "page")], check=True)
    with Image.open(folder / "page.png") as image:
        rgb = image.convert("RGB")
        red = rgb.point(lambda v: 255 if v > 200 else 0).split()[0]
        not_green = rgb.split()[1].point(lambda v: 255 if v < 60 else 0)
        box = Image.composite(red, Image.new("L", rgb.size), not_green).getbbox()
    assert box, "no photo on the persona page"
    return tuple(v * 72 / DPI for v in box)  # type: ignore[return-value]


@pytest.mark.parametrize("size", [(200, 200), (900, 200), (200, 900)], ids=["square", "wide", "tall"])
@pytest.mark.parametrize(("locale", "name", "rtl"), [("en", "Ioana Mureșan", False), ("he", "נועה כהן", True)])
def test_the_photo_keeps_clear_of_the_name(tmp_path: Path, size: tuple[int, int], locale: str, name: str,
                                           rtl: bool) -> None:
    (tmp_path / "journeygen.toml").write_text("")
    Image.new("RGB", size, RED).save(tmp_path / "face.png")
    spec = tmp_path / "map.journey.yaml"
    spec.write_text(f"title: T\nlocale: {locale}\npersona: {{name: {name}, description: '29', photo: face.png}}\n"
                    "stages: [{name: A, emotion: 3}]\n", encoding="utf-8")
    loaded = load_spec(spec)
    data = render(loaded.journey, "pdf", options=loaded.options())
    left, top, right, bottom = photo_box(data, tmp_path)
    beside = [w for w in page(data, 2).words if w.y1 > top and w.y0 < bottom]
    # pdftotext gives Hebrew words in visual order, so read them back both ways
    assert {w.text for w in beside} | {w.text[::-1] for w in beside} >= {*name.split(), "29"}
    gaps = [left - w.x1 if rtl else w.x0 - right for w in beside]
    assert min(gaps) >= 2 * MM, f"photo {left:.0f}-{right:.0f} pt, words {[(w.text, w.x0, w.x1) for w in beside]}"
