"""The privacy gate every merchant-facing file passes: redact its text, then scan what was written.

A merchant-facing writer receives a PrivacyGate (built by services.privacy_gate from the
database) and uses it twice: `gate.text` on every value it prints, and `gate.publish` /
`gate.publish_job` to write the file. publish writes to a hidden temporary file in the
destination folder, extracts the text of what was written (the PDF's text layer and
metadata with pypdf; every XML part of a workbook with zipfile), scans it for the same
private terms and only then gives the file its final name. A hit refuses the export with a
message naming the field, and the temporary file is removed. See docs/privacy.md.
"""

from __future__ import annotations

import html
import logging
import re
import zipfile
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t
from inspector_app.reports.privacy import HARD_BREAK, Matcher, Redactor, Secret

logger = logging.getLogger(__name__)

#: Characters dropped from metadata and file names: C0/C1 controls, DEL, lone surrogates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def kind_label(kind: str) -> str:
    """The translated name of a kind of private term."""
    from inspector_app.reports import privacy as p

    return {
        p.USER_NAME: t("user name"),
        p.BUYER_ALIAS: t("buyer alias"),
        p.ADDRESS: t("delivery address"),
        p.PHONE: t("phone number"),
        p.ORDER_NUMBER: t("order number"),
        p.OTHER_MERCHANT: t("other merchant's name"),
        p.OTHER_SHOP_ID: t("other merchant's shop id"),
    }.get(kind, kind)


class PrivacyLeak(InspectorError):
    """A written file still held a private term: the export was refused, nothing was kept."""


def plain_line(text: Any, limit: int = 200) -> str:
    """One line of text for metadata: no control characters, shortened with an ellipsis."""
    s = " ".join(_CONTROL.sub(" ", "" if text is None else str(text)).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


class ExportedFile(type(Path())):  # type: ignore[misc]
    """The path of a file the gate published, with what the export summary reports."""

    redacted: int = 0
    undrawable: str = ""
    #: Cases this document moved to notified (a rectification notice: services.reporting).
    notified: tuple[str, ...] = ()


@dataclass
class PrivacyGate:
    """Redaction and the after-write scan for one merchant's documents."""

    secrets: tuple[Secret, ...]
    allowed: tuple[str, ...] = ()
    #: Characters that no bundled font can draw, noted by the PDF writer.
    undrawable: set[str] = field(default_factory=set)
    #: The team server's matcher of the terms the reader's login may not read (or None).
    matcher: Matcher | None = None

    def __post_init__(self) -> None:
        self._redactor = Redactor(self.secrets, self.allowed, self.matcher)

    @property
    def redacted(self) -> int:
        """How many values the gate changed so far."""
        return self._redactor.count

    def text(self, value: Any) -> str:
        """`value` as text with every private term replaced."""
        return self._redactor(value)

    def meta(self, value: Any, limit: int = 200) -> str:
        """A metadata value: redacted, one line, no control characters."""
        return plain_line(self.text(value), limit)

    def shapes(self, shapes: list[dict]) -> list[dict]:
        """Annotation shapes with the text of every text shape redacted."""
        return [{**s, "text": self.text(s["text"])} if s.get("type") == "text" else s for s in shapes]

    # -- the check after writing ------------------------------------------------------------

    def leaks(self, parts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """(where, kind) of each private term found in (where, text) pairs."""
        out = []
        for where, text in parts:
            for hit in self._redactor.find(text):
                out.append((where, hit.kind))
        return out

    def check_name(self, out: Path) -> None:
        found = self.leaks([(t("the file name"), out.name)])
        if found:
            raise PrivacyLeak(t(
                "Refused: the file name {name} contains a {kind}; choose another name",
                name=self.text(out.name), kind=kind_label(found[0][1]),
            ))

    def scan(self, path: Path, kind: str) -> None:
        parts = pdf_text_parts(path) if kind == "pdf" else xlsx_text_parts(path)
        found = self.leaks(parts)
        if found:
            where, what = found[0]
            logger.warning("Privacy check refused an export: %s in %s", what, where)
            raise PrivacyLeak(t(
                "Refused: the written file still contained a {kind} in {field}; "
                "nothing was saved",
                kind=kind_label(what), field=where,
            ))

    def publish(
        self, out: Path | str, kind: str, write: Callable[[Path], Any], *, force: bool = False
    ) -> ExportedFile:
        """Write with `write(temporary path)`, scan the result, then give it its final name."""
        job = self.publish_job(out, kind, lambda tmp: _plain(write, tmp), force=force)
        try:
            while True:
                next(job)
        except StopIteration as stop:
            return stop.value

    def publish_job(
        self,
        out: Path | str,
        kind: str,
        write: Callable[[Path], Generator[Any, None, Any]],
        *,
        force: bool = False,
    ) -> Generator[Any, None, ExportedFile]:
        """The generator form of publish (a writer that yields Progress).

        The temporary file and the rename are output_file's: an existing file is replaced
        only with `force`, and nothing is left behind on any failure. `write` writes to the
        temporary path, which already exists (writers pass force=True for it).
        """
        from inspector_app.reports.output_file import claim_output, output_file

        target = claim_output(out, force=force)
        self.check_name(target)
        with output_file(target, force=force) as tmp:
            yield from write(tmp)
            self.scan(tmp, kind)
        done = ExportedFile(target)
        done.redacted = self.redacted
        done.undrawable = "".join(sorted(self.undrawable))
        logger.info("Published %s (%d values redacted)", target, done.redacted)
        return done


def _plain(write: Callable[[Path], Any], tmp: Path) -> Generator[Any, None, Any]:
    return write(tmp)
    yield  # pragma: no cover - makes this a generator


def pdf_text_parts(path: Path) -> list[tuple[str, str]]:
    """(field, text) of a PDF: its metadata entries and each page's text layer."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    parts: list[tuple[str, str]] = []
    for key, value in (reader.metadata or {}).items():
        parts.append((t("the PDF metadata {key}", key=str(key).lstrip("/")), str(value)))
    for i, page in enumerate(reader.pages, 1):
        parts.append((t("the text of page {page}", page=i), page.extract_text() or ""))
    return parts


_TEXT_NODE = re.compile(r">([^<]+)<")
_ATTRIBUTE = re.compile(r'="([^"]*)"')
_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"[^>]*?(?<!/)>(.*?)</c>', re.S)
_SHARED_INDEX = re.compile(r'<c r="([A-Z]+[0-9]+)"[^>]*t="s"[^>]*><v>(\d+)</v>')


def xlsx_text_parts(path: Path) -> list[tuple[str, str]]:
    """(field, text) of a workbook: every XML part's text nodes and attribute values.

    Shared strings are reported by the first cell that uses them ("sheet Findings, cell F3").
    """
    parts: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as z:
        # Every part but the theme (colour and font tables Excel ships with every workbook).
        names = [
            n
            for n in z.namelist()
            if n.endswith((".xml", ".rels", ".vml")) and not n.startswith("xl/theme/")
        ]
        sheets = _sheet_names(z)
        shared_cells: dict[int, str] = {}
        for name in names:
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode("utf-8", "replace")
                for ref, idx in _SHARED_INDEX.findall(xml):
                    shared_cells.setdefault(int(idx), t(
                        "sheet {sheet}, cell {cell}", sheet=sheets.get(name, name), cell=ref
                    ))
        for name in names:
            xml = z.read(name).decode("utf-8", "replace")
            if name == "xl/sharedStrings.xml":
                for i, si in enumerate(re.findall(r"<si>(.*?)</si>", xml, re.S)):
                    text = "".join(html.unescape(x) for x in _TEXT_NODE.findall(si))
                    parts.append((shared_cells.get(i, t("shared string {n}", n=i)), text))
                continue
            where = sheets.get(name) or name
            if name in sheets:  # inline strings: report them by their cell
                for ref, body in _CELL.findall(xml):
                    if "<is>" in body:
                        text = "".join(html.unescape(x) for x in _TEXT_NODE.findall(body))
                        parts.append((t("sheet {sheet}, cell {cell}", sheet=where, cell=ref), text))
            nodes = [html.unescape(x) for x in _TEXT_NODE.findall(xml)]
            nodes += [html.unescape(x) for x in _ATTRIBUTE.findall(xml)]
            parts.append((t("{part} of the workbook", part=where), HARD_BREAK.join(nodes)))
    return parts


def _sheet_names(z: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name -> sheet title (by order, as openpyxl numbers them)."""
    try:
        wb = z.read("xl/workbook.xml").decode("utf-8", "replace")
    except KeyError:
        return {}
    titles = [html.unescape(n) for n in re.findall(r'<sheet [^>]*name="([^"]*)"', wb)]
    return {f"xl/worksheets/sheet{i}.xml": title for i, title in enumerate(titles, 1)}
