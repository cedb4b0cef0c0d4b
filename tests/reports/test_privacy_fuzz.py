"""Privacy fuzz: random private values, typed the ways people type them, never reach a merchant.

Seeded random secrets (inspector names, buyer aliases, addresses with masked phones, order
numbers, other merchants) are written, in variants (doubled or no-break spaces, full-width
letters, zero-width characters, spaces between Chinese characters, other case), into every
text that can reach a merchant: finding fields, photo captions and annotation text, case
summaries and reply fields. Every merchant-facing export is produced and its text extracted
independently (pypdf, the workbook's XML parts); none may hold a secret. The internal
workbook, written from the same data, must (positive control).
"""

from __future__ import annotations

import random
import re
import unicodedata
import zipfile
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, PhotoRole, PurchaseStatus, Role
from inspector_app.reports.progress import run_job
from inspector_app.services import (
    cases,
    catalog,
    findings,
    merchants,
    purchases,
    reporting,
    responses,
    workbooks,
)
from inspector_app.services import photos as photo_service
from inspector_app.services import users as user_service
from inspector_app.services.cases import ResponseInput
from inspector_app.services.context import SYSTEM
from inspector_app.services.findings import FindingInput
from inspector_app.services.purchases import PurchaseInput
from inspector_app.services.workbook_data import export_merchant_findings
from tests.reports.conftest import make_photo

#: Rounds of the fuzz; each adds FINDINGS_PER_ROUND generated cases (a finding, its photo,
#: its case) and exports the merchant's notice, findings workbook and responses workbook.
ROUNDS = 25
FINDINGS_PER_ROUND = 8
SYLLABLES = ["zor", "vak", "quil", "len", "brax", "tiv", "momo", "drel", "kesh", "yun", "vor", "pax", "lum", "trin", "gor"]
HAN = "郑志强鑫磊翠娥瑾瑜琨璋芃菁骁骞"


def _flat(text: str) -> str:
    """The test's own matching form: NFKC, case folded, no whitespace or invisible marks."""
    s = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+", "", s)


def _latin_name(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def _han_name(rng: random.Random) -> str:
    return "".join(rng.choice(HAN) for _ in range(3))


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}****{rng.randint(1000, 9999)}"


def _variant(rng: random.Random, secret: str) -> str:
    """The secret as someone might type it."""
    kind = rng.randrange(7)
    if kind == 0:
        return secret.replace(" ", "  ")
    if kind == 1:
        return secret.replace(" ", "\u00a0")
    if kind == 2:  # full-width letters and digits
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in secret)
    if kind == 3:  # a zero-width space inside
        i = rng.randrange(1, max(2, len(secret)))
        return secret[:i] + "\u200b" + secret[i:]
    if kind == 4:  # spaces between every character (郑 志 强)
        return " ".join(secret)
    if kind == 5:
        return secret.upper() if rng.random() < 0.5 else secret.lower()
    return secret


class Pool:
    """The secrets made so far, by kind."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.aliases: list[str] = []
        self.streets: list[str] = []
        self.phones: list[str] = []
        self.orders: list[str] = []
        self.merchants: list[str] = []

    def all(self) -> list[str]:
        return [
            *self.names, *self.aliases, *self.streets, *self.phones, *self.orders, *self.merchants
        ]

    def pick(self, rng: random.Random) -> str:
        return rng.choice(self.all())


def _text_with_secret(rng: random.Random, pool: Pool, label: str) -> str:
    secret = _variant(rng, pool.pick(rng))
    return rng.choice(
        [
            f"{label}: {secret}",
            f"{secret} 说{label}",
            f"{label} ({secret}) — ok",
            f"{label}\n{secret}\n",
        ]
    )


def _leaks(text: str, pool: Pool) -> list[str]:
    flat = _flat(text)
    return [s for s in pool.all() if _flat(s) in flat]


def _pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(p.extract_text() or "" for p in reader.pages)


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    texts = []
    for xml in parts:
        texts += re.findall(r">([^<]+)<", xml) + re.findall(r'="([^"]*)"', xml)
    import html

    return "\n".join(html.unescape(t) for t in texts)


def _round(r, rng, pool, ctx, users, tmp: Path) -> tuple[str, list[Path]]:
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    insp = ctx.as_actor(users[Role.INSPECTOR])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    name = _latin_name(rng) if r % 2 else _han_name(rng)
    user_service.create_user(ctx.as_actor(SYSTEM), f"{name} {r}" if r % 2 else name, Role.INSPECTOR)
    pool.names.append(name)
    rival = f"{_latin_name(rng)} Store {r}"
    rival_m = merchants.create_merchant(qm, f"RIVAL-{r:03d}-{rng.randint(100, 999)}", rival)
    pool.merchants += [rival, rival_m.shop_id]
    m = merchants.create_merchant(qm, f"SHOP-{r:03d}", f"Merchant {r} 商家{r}")
    prod = catalog.create_product(insp, f"Product {r}", brand=f"Brand{r}", listing_id=f"L-{r}")
    when = clock.now() - timedelta(days=30)
    ids = []
    for k in range(FINDINGS_PER_ROUND + 1):
        alias = f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}_{r}{k}"
        street = f"{rng.choice('建设和平解放')}{rng.choice('东西南北')}路{rng.randint(10, 999)}号"
        phone = _phone(rng)
        order = f"JD{r:03d}{k:02d}{rng.randint(10**8, 10**9 - 1)}"
        pool.aliases.append(alias)
        pool.streets.append(street)
        pool.phones.append(phone)
        pool.orders.append(order)
        merchant = rival_m if k == FINDINGS_PER_ROUND else m
        p = purchases.create_purchase(
            insp,
            PurchaseInput(
                merchant_id=merchant.id,
                product_id=prod.id,
                order_number=order,
                ordered_at=when,
                price_paid="99.00",
                buyer_alias=alias,
                delivery_address=f"上海市浦东新区{street}5栋（收件人：{_han_name(rng)} {phone}）",
                received_at=when + timedelta(days=1),
                inspector_id=users[Role.INSPECTOR].id,
                status=PurchaseStatus.RECEIVED,
            ),
        )
        if merchant is rival_m:
            continue
        f = findings.add_finding(
            insp,
            p.id,
            FindingInput(
                category="product_quality",
                severity="major",
                title=_text_with_secret(rng, pool, "Seam"),
                description=_text_with_secret(rng, pool, "描述"),
                expected=_text_with_secret(rng, pool, "expected"),
                observed=_text_with_secret(rng, pool, "observed"),
                rule_ref=_text_with_secret(rng, pool, "GB"),
            ),
        )
        ids.append(f.id)
    photo = make_photo(tmp / f"r{r}.jpg", size=(320, 240), orientation=1,
                       color=(rng.randrange(256), rng.randrange(256), r % 256))
    (added,) = photo_service.add_photos(
        insp, [photo], finding_id=ids[0], caption=_text_with_secret(rng, pool, "photo")
    )
    photo_service.set_annotations(
        insp, added.photo_id,
        [{"type": "text", "x": 0.05, "y": 0.05, "text": _variant(rng, pool.pick(rng))}],
    )
    half = FINDINGS_PER_ROUND // 2
    waiting = cases.open_case(qm, ids[:half], summary=_text_with_secret(rng, pool, "summary"))
    answered = cases.open_case(qm, ids[half:], summary=_text_with_secret(rng, pool, "概述"))
    for c in (waiting, answered):
        cases.advance(qm, c.case_number, CaseStatus.NOTIFIED)
    cases.record_response(
        mm,
        answered.case_number,
        ResponseInput(
            response_text=_text_with_secret(rng, pool, "reply"),
            root_cause=_text_with_secret(rng, pool, "cause"),
            corrective_action=_text_with_secret(rng, pool, "action"),
            preventive_action=_text_with_secret(rng, pool, "prevent"),
        ),
    )
    cases.advance(qm, answered.case_number, CaseStatus.RECTIFYING)
    rect = make_photo(tmp / f"r{r}-fix.jpg", size=(320, 240), orientation=1,
                      color=(r % 256, rng.randrange(256), 7))
    list(photo_service.add_photos(mm, [rect], case_id=answered.id, role=PhotoRole.RECTIFICATION,
                                  caption=_text_with_secret(rng, pool, "fixed")))
    out = [
        run_job(reporting.export_notice(qm, tmp / f"n{r}.pdf", shop_id=m.shop_id)),
        export_merchant_findings(qm, m.shop_id, tmp / f"f{r}.xlsx"),
        responses.export_merchant_workbook(mm, m.shop_id, tmp / f"resp{r}.xlsx"),
    ]
    return m.shop_id, out


def test_no_secret_reaches_a_merchant(ctx, users, tmp_path):
    rng = random.Random(20261206)
    pool = Pool()
    generated, leaks, redacted = 0, [], 0
    # The exports read the same rows on both backends; the many rounds run on SQLite.
    rounds = ROUNDS if ctx.db.is_sqlite else 4
    for r in range(rounds):
        _, files = _round(r, rng, pool, ctx, users, tmp_path)
        generated += FINDINGS_PER_ROUND
        for path in files:
            redacted += path.redacted
            text = _pdf_text(path) if path.suffix == ".pdf" else _xlsx_text(path)
            leaks += [(path.name, s) for s in _leaks(text, pool)]
    assert generated >= rounds * FINDINGS_PER_ROUND
    assert leaks == []
    assert redacted > generated  # every finding carried several secrets
    # Positive control: the internal workbook holds what the gate removed, and both the
    # test's scan and the gate's own scan find it there.
    internal = run_job(
        workbooks.export_findings(ctx.as_actor(users[Role.QUALITY_MANAGER]), tmp_path / "all.xlsx")
    )
    found = set(_leaks(_xlsx_text(internal), pool))
    assert len([o for o in pool.orders if o in found]) >= generated  # every finding's order
    assert len(found - set(pool.orders)) > generated  # and the secrets typed into the texts
    gate = reporting.notice_gate(ctx.as_actor(users[Role.QUALITY_MANAGER]), "SHOP-000")
    from inspector_app.reports.privacy_gate import xlsx_text_parts

    assert len(gate.leaks(xlsx_text_parts(internal))) > len(pool.orders)
