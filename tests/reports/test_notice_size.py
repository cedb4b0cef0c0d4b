"""A notice with 100 detailed photos stays under 20 MB and keeps no photo metadata."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from inspector_app.domain.enums import CaseStatus
from inspector_app.reports.notice import write_notice
from inspector_app.reports.notice_data import NoticeCase, NoticeData, NoticeFinding, NoticePhoto
from inspector_app.reports.privacy_gate import PrivacyGate
from inspector_app.reports.progress import run_job
from tests.reports.conftest import assert_no_image_metadata, pdf_text


def _detailed_photos(folder, n: int) -> list:
    """n different 1200 px JPEGs full of fine noise: far harder to compress than real photos.

    Like the store's clean copies they carry no metadata, except every tenth, which has EXIF
    and a comment to strip.
    """
    noise = Image.effect_noise((1200 + n, 900), 70).convert("RGB")
    grad = Image.linear_gradient("L").resize((1200 + n, 900)).convert("RGB")
    base = Image.blend(noise, grad, 0.5)
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    paths = []
    for i in range(n):
        path = folder / f"p{i}.jpg"
        extra = {"exif": exif, "comment": b"Ms Secret"} if i % 10 == 0 else {}
        base.crop((i, 0, i + 1200, 900)).save(path, "JPEG", quality=90, **extra)
        paths.append(path)
    return paths


@pytest.mark.slow
def test_hundred_photos_under_twenty_megabytes(tmp_path):
    photos = [
        NoticePhoto(i, p, f"photo {i}", "evidence")
        for i, p in enumerate(_detailed_photos(tmp_path, 100))
    ]
    findings = tuple(
        NoticeFinding(
            f"1.{k + 1}",
            f"Defect {k}",
            "product_quality",
            "major",
            "d",
            "e",
            "o",
            "rule",
            "Product",
            "2026-10",
            tuple(photos[k * 10 : k * 10 + 10]),
        )
        for k in range(10)
    )
    data = NoticeData(
        "RC-2026-0001-N1",
        date(2026, 10, 5),
        "Org",
        None,
        "Shop",
        "S1",
        (
            NoticeCase(
                "RC-2026-0001", CaseStatus.NOTIFIED, date(2026, 10, 1), date(2026, 10, 15), "", findings
            ),
        ),
    )
    out = run_job(write_notice(data, tmp_path / "big.pdf", PrivacyGate(())))
    size = out.stat().st_size
    assert size < 20_000_000, size
    assert assert_no_image_metadata(out) == 100
    assert "photo 99" in pdf_text(out)
