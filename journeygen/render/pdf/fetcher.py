"""URLs in the HTML -> bytes, for data: URLs only: a PDF render never touches the network or the disk.

Photos and fonts are inlined as data: URLs before WeasyPrint sees the document, so anything else
(``file:``, ``http:``, a spec trying ``<img src=...>`` through some future bug) is refused.
"""

from __future__ import annotations

from typing import Any

from weasyprint import URLFetcher  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcherResponse  # type: ignore[import-untyped]


class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """A WeasyPrint fetcher that serves ``data:`` URLs and refuses every other scheme."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if not url.lower().startswith("data:"):
            raise ValueError(f"journeygen PDFs load nothing but data: URLs; refused {url[:80]!r}")
        response: URLFetcherResponse = super().fetch(url, headers)
        return response
