"""The PDF document frame: letterhead, "page x of y" footer, metadata, tables and photos."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.reports.pdf_fonts import LATIN, LATIN_BOLD, register_fonts
from inspector_app.reports.pdf_images import PreparedImage, fit, prepare_image
from inspector_app.reports.pdf_text import markup, para, styles
from inspector_app.version import producer

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

logger = logging.getLogger(__name__)

#: Page margins in points (18 mm sides, room for the letterhead and the footer).
MARGIN = 51.0
HEADER_H = 46.0
FOOTER_H = 28.0
#: Longest text put in one table cell; a taller cell could not fit on a page.
CELL_MAX_CHARS = 2500
#: Colours used by every report.
HEAD_BG = "#2F4B6E"
ZEBRA_BG = "#F1F4F8"
RULE = "#9AA7B8"
#: Name of the form XObject that holds the letterhead and the footer's fixed text.
FRAME_FORM = "inspector_page_frame"
#: Font size of the footer line (organisation, reference, "Page x of y").
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document: the organisation (never a person) and its logo."""

    organisation: str
    logo_path: Path | None = None
    address: str = ""


@dataclass(frozen=True)
class DocInfo:
    """PDF metadata and the running header/footer text; the author is the organisation."""

    title: str
    subject: str = ""
    reference: str = ""  # notice number or period, printed in the footer
    keywords: str = ""


def configure_reportlab() -> None:
    """Process-wide ReportLab settings: binary streams (ASCII85 made builds 40x slower)."""
    import reportlab.rl_config as rl_config

    rl_config.useA85 = 0
    register_fonts()


def _numbered_canvas_class(letterhead: Letterhead, info: DocInfo, logo: PreparedImage | None):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    page_w, page_h = A4

    class NumberedCanvas(Canvas):
        """Keeps each page until the end so the footer can say 'Page x of y'.

        Everything but the page label is the same on every page, so it is drawn once into a
        form XObject that each page references; only the label is drawn per page.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []
            self.setAuthor(letterhead.organisation)
            self.setTitle(info.title)
            self.setSubject(info.subject)
            self.setCreator("Inspector")
            self.setKeywords(info.keywords)

        def showPage(self) -> None:  # noqa: N802 - ReportLab's API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            self.beginForm(FRAME_FORM)
            self._draw_frame()
            self.endForm()
            for state in self._saved_pages:
                self.__dict__.update(state)
                self.saveState()
                self.doForm(FRAME_FORM)
                # ASCII only, so a plain string in the Latin font needs no Paragraph; 0.05 x
                # size below y is where _draw_text's one-line Paragraph puts its baseline.
                self.setFont(LATIN, FOOTER_SIZE)
                self.setFillColor(colors.black)
                self.drawRightString(
                    page_w - MARGIN,
                    MARGIN - 18 - 0.05 * FOOTER_SIZE,
                    f"Page {self._pageNumber} of {total}",
                )
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_frame(self) -> None:
            self.saveState()
            top = page_h - MARGIN + 8
            x = MARGIN
            if logo is not None:
                w, h = fit(logo.width, logo.height, 90, 30)
                self.drawImage(str(logo.path), x, top - 30 + (30 - h) / 2, w, h, mask="auto")
                x += w + 10
            self._draw_text(x, top - 13, letterhead.organisation, LATIN_BOLD, 12)
            if letterhead.address:
                self._draw_text(x, top - 26, letterhead.address, LATIN, 7.5, colors.grey)
            self._draw_text(page_w - MARGIN, top - 13, info.title, LATIN, 8.5, right=True)
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.6)
            self.line(MARGIN, top - 36, page_w - MARGIN, top - 36)
            self.line(MARGIN, MARGIN - 6, page_w - MARGIN, MARGIN - 6)
            foot = " · ".join(p for p in (letterhead.organisation, info.reference) if p)
            self._draw_text(MARGIN, MARGIN - 18, foot, LATIN, FOOTER_SIZE, colors.grey)
            self.restoreState()

        def _draw_text(
            self,
            x: float,
            y: float,
            text: str,
            font: str,
            size: float,
            color: Any = None,
            *,
            right: bool = False,
        ) -> None:
            # One-line header/footer text goes through a Paragraph so CJK gets its font.
            from reportlab.lib.styles import ParagraphStyle
            from reportlab.platypus import Paragraph

            style = ParagraphStyle(
                "hf",
                fontName=font,
                fontSize=size,
                leading=size * 1.2,
                textColor=color or colors.black,
                alignment=2 if right else 0,
            )
            p = Paragraph(markup(text, newlines=False), style)
            width = page_w / 2 - MARGIN
            p.wrapOn(self, width, size * 1.3)
            p.drawOn(self, x - width if right else x, y - size * 0.25)

    return NumberedCanvas


def build_pdf(
    out: Path | str,
    story: list[Flowable],
    letterhead: Letterhead,
    info: DocInfo,
    workdir: Path,
    *,
    force: bool = False,
) -> Path:
    """Lay out `story` on A4 pages with letterhead and footer and write it to `out`.

    Written through a temporary file renamed into place (see output_file); an existing
    `out` is refused unless `force`.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from inspector_app.reports.output_file import claim_output, output_file

    configure_reportlab()
    out = claim_output(out, force=force)
    logo = None
    if letterhead.logo_path and Path(letterhead.logo_path).is_file():
        logo = prepare_image(letterhead.logo_path, workdir, max_edge=400)
    with output_file(out, force=force) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            keywords=info.keywords,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_H - 10,
            bottomMargin=MARGIN + FOOTER_H - 10,
            title=info.title,
            author=letterhead.organisation,
            subject=info.subject,
            creator=producer(),
            producer=producer(),
        )
        doc.build(story, canvasmaker=_numbered_canvas_class(letterhead, info, logo))
    logger.info("Wrote %s (%d bytes)", out, out.stat().st_size)
    return out


def content_width() -> float:
    """Width of the text frame on an A4 page, in points."""
    from reportlab.lib.pagesizes import A4

    return A4[0] - 2 * MARGIN


def cell(value: Any, style: str = "cell") -> Flowable:
    """A wrapping table cell for a value; user text is escaped and capped to fit a page."""
    from reportlab.platypus import Flowable as _Flowable

    if isinstance(value, _Flowable):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return para(value, "cell_right" if style == "cell" else style)
    text = "" if value is None else str(value)
    if len(text) > CELL_MAX_CHARS:
        text = text[:CELL_MAX_CHARS] + " …[truncated]"
    return para(text, style)


def table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float] | None = None,
    *,
    header: Sequence[str] | None = None,
    zebra: bool = True,
    right: Sequence[int] = (),
) -> Flowable:
    """A table whose cells wrap, with a repeated header row and zebra stripes.

    Numbers are right-aligned; so is every cell of the columns listed in `right`.
    """
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    data: list[list[Any]] = []
    if header:
        data.append([cell(h, "cell_head") for h in header])
    data.extend(
        [cell(v, "cell_right" if i in right else "cell") for i, v in enumerate(row)] for row in rows
    )
    if not data:
        data = [[para("—", "cell")]]
    if col_widths is None:
        n = max(len(r) for r in data)
        col_widths = [content_width() / n] * n
    t = Table(data, colWidths=list(col_widths), repeatRows=1 if header else 0, splitInRow=1)
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)))
    if zebra:
        first = 1 if header else 0
        for i in range(first + 1, len(data), 2):
            cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(ZEBRA_BG)))
    t.setStyle(TableStyle(cmds))
    return t


def key_value_table(pairs: Sequence[tuple[str, Any]], label_width: float = 120) -> Flowable:
    """Two columns: bold labels on the left, wrapping values on the right."""
    rows = [[cell(k, "cell_bold"), cell(v)] for k, v in pairs]
    return table(rows, [label_width, content_width() - label_width], zebra=False)


#: An image for the PDF: a file to check and clean, or one prepare_image already made.
ImageSource = Path | str | PreparedImage


def image(source: ImageSource, max_w: float, max_h: float, workdir: Path) -> Flowable:
    """An image cleaned of metadata and scaled to fit max_w x max_h points.

    A PreparedImage is used as it is: prepare_image made it, so opening the file again to
    check it would only repeat that work.
    """
    from reportlab.platypus import Image

    prepared = source if isinstance(source, PreparedImage) else prepare_image(source, workdir)
    w, h = fit(prepared.width, prepared.height, max_w, max_h)
    return Image(str(prepared.path), width=w, height=h)


def photo_grid(
    photos: Sequence[tuple[ImageSource, str]],
    workdir: Path,
    *,
    columns: int = 2,
    width: float | None = None,
    max_h: float = 200,
) -> Flowable:
    """Photos with captions below, `columns` to a row; rows never split across pages."""
    from reportlab.platypus import Table, TableStyle

    width = width or content_width()
    col_w = width / columns
    cells = []
    for path, caption in photos:
        img = image(path, col_w - 10, max_h, workdir)
        cells.append([img, para(caption, "caption")])
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    if rows and len(rows[-1]) < columns:
        rows[-1] = rows[-1] + [""] * (columns - len(rows[-1]))
    t = Table(rows or [[""]], colWidths=[col_w] * columns)
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return t


def section(title: str, style: str = "h1") -> Flowable:
    """A heading (user text allowed: it is escaped)."""
    return para(title, style)


def spacer(height: float = 6) -> Flowable:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


def keep(flowables: list[Flowable]) -> Flowable:
    """Keep the flowables together on one page when they fit."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(flowables)


def text_styles() -> dict:
    """The shared paragraph styles (re-exported for report modules)."""
    return styles()
