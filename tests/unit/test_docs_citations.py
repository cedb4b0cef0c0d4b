"""Comments and docstrings cite the repository's own docs/, and what they cite exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: References to documents that are not in the repository (the project's history).
OUTSIDE = re.compile(r"\b(?:DOMAIN|PERFORMANCE|CONVENTIONS)\.md\b|\bissue \d+\b|\bseed 0\d\d\b")
#: A citation: docs/name.md, optionally followed by a quoted section title.
CITATION = re.compile(r'(docs/[\w/.-]+\.md)(?:,?[\s#]*"([^"\n]+)")?')


def _sources() -> list[Path]:
    """The code to check (not this file: its patterns would match themselves)."""
    return sorted(
        p for folder in ("inspector_app", "tests") for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts and p.resolve() != Path(__file__).resolve()
    )


def _headings(doc: Path) -> set[str]:
    return {line.lstrip("#").strip() for line in doc.read_text("utf-8").splitlines()
            if line.startswith("#")}


def test_nothing_cites_documents_outside_the_repository():
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in _sources()
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert found == [], "cite docs/domain.md, docs/architecture.md or docs/performance.md instead"


def test_every_cited_document_and_section_exists():
    cited = 0
    missing = []
    for path in _sources():
        text = path.read_text("utf-8")
        for match in CITATION.finditer(text):
            doc, section = ROOT / match[1], match[2]
            cited += 1
            if not doc.is_file():
                missing.append(f"{path.relative_to(ROOT)}: {match[1]}")
            elif section and section not in _headings(doc):
                missing.append(f"{path.relative_to(ROOT)}: {match[1]} has no section {section!r}")
    assert cited >= 10
    assert missing == [], missing


def test_the_readme_links_the_docs():
    readme = (ROOT / "README.md").read_text("utf-8")
    for doc in ("docs/domain.md", "docs/architecture.md", "docs/performance.md"):
        assert f"]({doc})" in readme and (ROOT / doc).is_file()
