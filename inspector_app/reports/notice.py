"""The rectification notice PDF sent to a merchant: findings, photos, demands, receipt slip."""

from __future__ import annotations

import logging
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.messages import t
from inspector_app.reports import labels
from inspector_app.reports.notice_compare import photo_comparison
from inspector_app.reports.notice_data import (
    NoticeCase,
    NoticeData,
    NoticeFinding,
    NoticePhoto,
    with_photo_paths,
)
from inspector_app.reports.pdf_base import (
    DocInfo,
    Letterhead,
    build_pdf,
    content_width,
    keep,
    key_value_table,
    photo_grid,
    section,
    spacer,
)
from inspector_app.reports.pdf_images import (
    PHOTO_MAX_EDGE,
    PreparedImage,
    fit_budget,
    prepare_image,
)
from inspector_app.reports.pdf_text import collect_undrawable, label_para, para
from inspector_app.reports.privacy_gate import ExportedFile, PrivacyGate
from inspector_app.reports.progress import Job, Progress

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

logger = logging.getLogger(__name__)

#: Total bytes the embedded photos of one notice may take (the PDF must stay under 20 MB).
PHOTO_BUDGET_BYTES = 17_000_000


#: Longest merchant name, finding title or caption printed where the layout has no room
#: for more (headings, signature boxes, the receipt slip); the full text stays in a table.
SHORT_NAME = 120
SHORT_TITLE = 160
SHORT_CAPTION = 200


def _fmt(d: date | None) -> str:
    return d.isoformat() if d else "—"


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def summary_lines(case: NoticeCase) -> str:
    """The case's findings in English and then in Chinese, each sentence whole."""
    n = len(case.findings)
    en = f"{n} finding" + ("" if n == 1 else "s")
    return f"{en}; {n} 项问题"


class _NoticeLayout:
    """Builds the flowables of one notice; every user text passes the privacy gate."""

    def __init__(self, data: NoticeData, workdir: Path, gate: PrivacyGate) -> None:
        self.data = data
        self.workdir = workdir
        self.clean = gate.text
        self.merchant = shorten(gate.text(data.merchant_name), SHORT_NAME)

    def p(self, trusted: str, style: str = "body") -> Flowable:
        """A paragraph of our own wording with user values already passed through clean()."""
        return para(trusted, style)

    def kv(self, pairs: list[tuple[str, Any]]) -> Flowable:
        return key_value_table([(k, self.clean(v)) for k, v in pairs if v not in (None, "")])

    def story(self) -> list[Flowable]:
        d = self.data
        shop = self.clean(d.merchant_shop_id)
        head = [
            ("Notice number 通知编号", d.notice_number),
            ("Merchant 商家", f"{d.merchant_name} (shop {d.merchant_shop_id})"),
            ("Date of issue 发出日期", _fmt(d.issued_on)),
        ]
        if d.final:
            out: list[Flowable] = [
                section("Rectification outcome 整改结果通知书", "title"),
                self.p(
                    "This notice records the outcome of rectification "
                    + ("case " if len(d.cases) == 1 else "cases ")
                    + "; ".join(f"{c.case_number} ({labels.case_status(c.status)})" for c in d.cases)
                    + f" for {self.merchant} (shop {shop}). No further action is required; "
                    "keep this notice with your quality records. "
                    "本通知书记录上述整改案件的结果，无需再采取行动，请存档备查。"
                ),
                self.kv([*head, ("Cases 案件", ", ".join(c.case_number for c in d.cases))]),
                spacer(8),
            ]
        else:
            overdue = [c for c in d.cases if d.overdue(c)]
            out = [
                section("Rectification notice 整改通知书", "title"),
                self.kv(
                    [
                        *head,
                        ("Reply by 回复期限", _fmt(d.deadline)),
                        ("Cases 案件", ", ".join(c.case_number for c in d.cases)),
                    ]
                ),
                spacer(8),
                self.p(
                    "During the platform's routine quality inspection of goods offered for sale, "
                    f"the problems listed below were found in products sold by {self.merchant}. "
                    "Under the platform's merchant rules you are required to rectify them and to "
                    "reply to this notice by the date given for each case."
                ),
            ]
            if overdue:
                out.append(
                    label_para(
                        "Overdue 已逾期",
                        "The date to rectify and reply has passed for "
                        + ", ".join(f"{c.case_number} (due {_fmt(c.due_date)})" for c in overdue)
                        + f". Reply by {_fmt(d.deadline)} at the latest. "
                        f"上述案件已超过整改回复期限，请最迟于 {_fmt(d.deadline)} 前回复。"
                    )
                )
        for ci, case in enumerate(d.cases, 1):
            out.extend(self.case(ci, case))
        if not d.final:
            out.extend(self.demands())
            out.extend(self.signatures())
            out.extend(self.receipt_slip())
        else:
            out.extend(self.signatures())
        return out

    def case(self, ci: int, case: NoticeCase) -> list[Flowable]:
        d = self.data
        rows: list[tuple[str, Any]] = [
            ("Status 状态", labels.case_status(case.status)),
            ("Opened 立案日期", _fmt(case.opened_on)),
        ]
        if d.overdue(case):
            rows.append(("Rectify by 整改期限", f"{_fmt(case.due_date)} — overdue 已逾期"))
            rows.append(("New reply-by date 新回复期限", _fmt(d.reply_by(case))))
        elif not d.final or case.due_date:
            rows.append(("Rectify by 整改期限", _fmt(case.due_date)))
        rows.append(("Findings 问题数", summary_lines(case)))
        rows.append(("Summary 概述", case.summary))
        out: list[Flowable] = [section(f"Case {case.case_number}", "h1"), self.kv(rows)]
        for finding in case.findings:
            out.extend(self.finding(finding, show_photos=not case.compared))
        if case.response_text or case.verified or case.compared:
            out.extend(self.rectification(case))
        return out

    def finding(self, f: NoticeFinding, *, show_photos: bool = True) -> list[Flowable]:
        title = self.clean(f.title)
        heading = shorten(title, SHORT_TITLE)
        rows: list[tuple[str, Any]] = []
        if heading != " ".join(title.split()):
            rows.append(("Title 标题", title))
        head = [
            section(f"{f.number}  {heading}", "h2"),
            self.kv(
                [
                    *rows,
                    ("Category 类别", labels.category(f.category)),
                    ("Severity 严重程度", labels.severity(f.severity)),
                    ("Product 商品", f.product),
                    ("Purchased 购买月份", f.purchased),
                    ("Standard / rule broken 违反标准", f.rule_ref),
                    ("Description 问题描述", f.description),
                    ("Expected 应为", f.expected),
                    ("Observed 实际", f.observed),
                ]
            ),
            spacer(4),
        ]
        photos = [(p.source, self.caption(p)) for p in f.photos if p.path is not None]
        if not photos or not show_photos:
            return [keep(head)]
        # Keep the heading with the first row of photos; later rows may start a new page.
        first, rest = photos[:2], photos[2:]
        out = [keep([*head, photo_grid(first, self.workdir, max_h=210)])]
        if rest:
            out.append(photo_grid(rest, self.workdir, max_h=210))
        return out

    def caption(self, p: NoticePhoto) -> str:
        base = shorten(self.clean(p.caption), SHORT_CAPTION)
        note = "annotated 已标注" if p.annotated else ""
        return " · ".join(x for x in (base, note) if x) or " "

    def rectification(self, case: NoticeCase) -> list[Flowable]:
        out: list[Flowable] = [
            section("Response and re-check 商家回复与复检", "h2"),
            self.kv(
                [
                    (
                        "Response date 回复日期",
                        _fmt(case.response_date) if case.response_date else "",
                    ),
                    ("Response 回复", case.response_text),
                    ("Root cause 原因", case.root_cause),
                    ("Corrective action 纠正措施", case.corrective_action),
                    ("Preventive action 预防措施", case.preventive_action),
                    ("Re-check result 复检结果", _result(case.verification_result)),
                    ("Re-check note 复检说明", case.verification_note),
                ]
            ),
            spacer(4),
        ]
        if case.compared:
            out.append(self.side_by_side(case))
        return out

    def side_by_side(self, case: NoticeCase) -> Flowable:
        return photo_comparison(case, self.workdir, self.caption)

    def demands(self) -> list[Flowable]:
        d = self.data
        due = _fmt(d.deadline)
        items = [
            "Investigate the cause of every problem listed above and rectify it: withdraw "
            "non-conforming stock from sale, correct product listings and fix the process "
            "that let the problem through.",
            f"Reply in writing by {due} (or by the date of each case, where it is later): "
            "for each case, the root cause, the corrective action taken, the preventive action "
            "and the date completed.",
            "Send evidence with your reply: photos of the corrected product, packaging or "
            "listing; test reports or certificates from your supplier; screenshots of corrected "
            "listings. Mark every document with the case number.",
            "The platform may re-check any rectification, including by a further purchase.",
            "If you do not reply by the deadline, or the re-check shows the problem persists, the "
            "platform may put your shop on watch, restrict or suspend your listings, or remove "
            "your shop from the platform, as its merchant rules provide.",
        ]
        out: list[Flowable] = [section("What you must do 整改要求", "h1")]
        out.extend(para(f"{i}. {text}") for i, text in enumerate(items, 1))
        return out

    def signatures(self) -> list[Flowable]:
        from reportlab.platypus import Table, TableStyle

        d = self.data
        w = content_width() / 2
        line = "Signature 签字: ______________________<br/><br/>Date 日期: ______________"
        left = [
            para(shorten(d.organisation, SHORT_NAME), "cell_bold"),
            para("Quality inspection 质检部门 (seal 盖章)", "cell"),
            spacer(22),
            _raw(line),
        ]
        right = [
            para(self.merchant, "cell_bold"),
            para("Authorised signatory 授权签字人", "cell"),
            spacer(22),
            _raw(line),
        ]
        t = Table([[left, right]], colWidths=[w, w])
        t.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 10)])
        )
        return [spacer(10), keep([section("Signatures 签章", "h2"), t])]

    def receipt_slip(self) -> list[Flowable]:
        from reportlab.lib import colors
        from reportlab.platypus import HRFlowable, Table, TableStyle

        d = self.data
        body = [
            para("Acknowledgement of receipt 签收回执", "h2"),
            self.p(
                f"We, {self.merchant} (shop {shorten(d.merchant_shop_id, 64)}), acknowledge receipt of "
                f"rectification notice {d.notice_number} dated {_fmt(d.issued_on)}, covering "
                f"{'case' if len(d.cases) == 1 else 'cases'} "
                f"{', '.join(c.case_number for c in d.cases)}, and undertake to rectify "
                f"and reply by {_fmt(d.deadline)}."
            ),
            spacer(14),
            _raw(
                "Name 姓名: ____________________ &nbsp;&nbsp; Signature 签字: ____________________"
            ),
            spacer(8),
            _raw("Date 日期: ______________ &nbsp;&nbsp; Shop seal 商家盖章:"),
            spacer(26),
            para(f"Return this slip to {shorten(d.organisation, SHORT_NAME)}.", "small"),
        ]
        box = Table([[body]], colWidths=[content_width()])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        cut = HRFlowable(
            width="100%", thickness=0.6, dash=(3, 3), color=colors.grey, spaceBefore=4, spaceAfter=6
        )
        return [spacer(14), keep([para("Cut here and return 沿此线剪下寄回", "small"), cut, box])]


def _raw(trusted_markup: str) -> Flowable:
    """A paragraph of our own fixed markup (no user text) that still gets CJK fonts."""
    from reportlab.platypus import Paragraph

    from inspector_app.reports.pdf_fonts import CJK
    from inspector_app.reports.pdf_text import styles

    marked = re.sub(
        r"([\u3000-\u9fff\uff00-\uffef]+)", rf'<font name="{CJK}">\1</font>', trusted_markup
    )
    return Paragraph(marked, styles()["body"])


def _result(value: str | None) -> str:
    return {"passed": "Passed 通过", "failed": "Failed 未通过"}.get(value or "", "")


def write_notice(
    data: NoticeData,
    out: Path | str,
    gate: PrivacyGate,
    workdir: Path | None = None,
    *,
    force: bool = False,
) -> Job[ExportedFile]:
    """Lay out and write the notice through the privacy gate; yields Progress per photo,
    returns the published PDF's path (an ExportedFile with the redaction count)."""
    if not isinstance(gate, PrivacyGate):
        raise TypeError("a merchant-facing notice needs the merchant's PrivacyGate")
    photos = [p for p in data.photos if p.path is not None]
    total = len(photos) + 1
    own_tmp = None
    if workdir is None:
        own_tmp = tempfile.TemporaryDirectory(prefix="inspector-notice-")
        workdir = Path(own_tmp.name)
    try:
        share = PHOTO_BUDGET_BYTES // max(len(photos), 1)
        prepared: dict[int, PreparedImage] = {}
        for i, photo in enumerate(photos):
            yield Progress(
                i, total, t("Preparing photo {number} of {count}", number=i + 1, count=len(photos))
            )
            clean = prepare_image(photo.path, workdir, PHOTO_MAX_EDGE)
            prepared[photo.photo_id] = fit_budget(clean, workdir, share)
        # With their sizes, so the layout embeds them without opening each file again.
        data = with_photo_paths(data, prepared)
        yield Progress(len(photos), total, t("Writing the PDF"))

        def build(tmp: Path) -> Job[Path]:
            with collect_undrawable() as missing:
                story = _NoticeLayout(data, workdir, gate).story()
                kind = "Rectification outcome" if data.final else "Rectification notice"
                path = build_pdf(
                    tmp,
                    story,
                    Letterhead(data.organisation, data.logo_path),
                    DocInfo(
                        f"{kind} {data.notice_number}",
                        gate.meta(f"{kind} for {shorten(data.merchant_name, SHORT_NAME)}"),
                        data.notice_number,
                        "rectification notice",
                    ),
                    workdir,
                    force=True,  # the gate's temporary file, made by output_file
                )
            gate.undrawable.update(missing)
            return path
            yield  # pragma: no cover - a generator for publish_job

        path = yield from gate.publish_job(out, "pdf", build, force=force)
        yield Progress(total, total, t("Done"))
        return path
    finally:
        if own_tmp is not None:
            own_tmp.cleanup()
