"""A spec file -> the git commit it was rendered from, so a printout can be traced to its version."""

from __future__ import annotations

from pathlib import Path

from journeygen.git import GitError, GitMissing, blob_id, object_id, run
from journeygen.render.pdf.words import PdfWords, pdf_words_for


def describe(folder: Path | None, filename: str | None, words: PdfWords | None = None) -> str | None:
    """``commit 1a2b3c4``, with ``(modified)`` when the file differs from it, in the language of ``words``
    (English by default); None outside a work tree.

    Only read-only plumbing runs (``rev-parse``): ``git status`` would run the clean filter a repository's
    config names, so whether the file changed is decided here, by comparing its blob id with the committed one.
    """
    if folder is None or not filename or not (folder / filename).is_file():
        return None  # standard input, or text: no file whose version could be named
    try:
        head = run(folder, "rev-parse", "--verify", "--quiet", "--short", "HEAD")
    except GitMissing:
        return None  # no git on this machine: the footer just has no commit
    if not head.ok or not head.text:
        return None
    committed = object_id(folder, f"HEAD:./{filename}")
    words = words or pdf_words_for("en")
    if committed is None:
        return words.untracked.format(id=head.text)
    changed = blob_id((folder / filename).read_bytes(), len(committed)) != committed
    return (words.modified if changed else words.commit).format(id=head.text)


def committed(folder: Path, filename: str) -> str | None:
    """When ``filename``'s last commit was made (ISO 8601), or None outside a work tree or when never committed."""
    try:
        answer = run(folder, "log", "-1", "--format=%cI", "--", filename)
    except GitError:
        return None
    return (answer.text or None) if answer.ok else None
