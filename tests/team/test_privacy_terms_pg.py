"""A merchant manager's documents on a team server: the private terms their login cannot read
(buyer aliases, delivery addresses) are still found in free text, by the server's matcher
(migration 0018), and the terms themselves stay unreadable to that login."""

from __future__ import annotations

import subprocess
import zipfile

import openpyxl
import psycopg
import pytest
from pypdf import PdfReader

from inspector_app.domain.enums import Role
from inspector_app.reports import privacy as p
from inspector_app.services import cases, findings, merchants, purchases, reporting, responses
from inspector_app.services.privacy_gate import address_parts, merchant_gate, server_matcher
from tests.services.builders import received_input

ALIAS = "Huang Xiaoming"
ADDRESS = "浙江省杭州市西湖区文三路88号阳光花园5栋1201室\n王女士 191****4543"
#: The free text an inspector wrote: the alias in another spelling, and part of the address.
ALIAS_TEXT = "买家 ＨＵＡＮＧ  xiaoming 收到的衬衫纽扣脱落"
ADDRESS_TEXT = "寄到 文三路 88号阳光花园5栋 的衬衫开线"


@pytest.fixture(scope="module")
def people(team_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("people")
    return {role: team_server.context(team_server.login_url(role), tmp) for role in Role}


@pytest.fixture(scope="module")
def case(people):
    ivy, qm = people[Role.INSPECTOR], people[Role.QUALITY_MANAGER]
    m = merchants.create_merchant(ivy, "GATE-1", "Gate Shop")
    pur = purchases.create_purchase(ivy, received_input(
        m.id, buyer_alias=ALIAS, delivery_address=ADDRESS, inspector_id=ivy.actor.id))
    f1 = findings.add_finding(ivy, pur.id, findings.FindingInput(
        "product_quality", "major", "纽扣脱落", description=ALIAS_TEXT))
    f2 = findings.add_finding(ivy, pur.id, findings.FindingInput(
        "product_quality", "minor", "开线", description=ADDRESS_TEXT))
    return cases.open_case(qm, [f1.id, f2.id]), m


def _run(job):
    try:
        while True:
            next(job)
    except StopIteration as done:
        return done.value


def _squeezed(text: str) -> str:
    return p.normal_form(text)


def _assert_clean(text: str) -> None:
    norm = _squeezed(text)
    assert "huangxiaoming" not in norm
    assert "文三路" not in norm and "阳光花园" not in norm
    assert "[removed]" in text


def test_the_merchant_managers_notice_and_workbooks_hold_no_alias_or_address(
        people, case, tmp_path):
    mia = people[Role.MERCHANT_MANAGER]
    k, m = case
    # What the login reads alone would not know the terms: the server's matcher is needed.
    with mia.db.read() as s:
        assert server_matcher(s) is not None
        local = p.Redactor(merchant_gate(s, m.id, "Org").secrets)
    assert not local.find(ALIAS_TEXT) and not local.find(ADDRESS_TEXT)

    pdf = tmp_path / "notice.pdf"
    _run(reporting.export_notice(mia, pdf, case_number=k.case_number))
    _assert_clean("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    shown = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                           text=True, check=False)
    if shown.returncode == 0:  # poppler is optional here: pypdf read it above
        _assert_clean(shown.stdout)
    assert "衬衫纽扣脱落" in _squeezed(PdfReader(pdf).pages[0].extract_text())

    book = tmp_path / "merchant.xlsx"
    # The team's workbook key was made with the grants: the merchant manager's login, who
    # may not add settings, exports the team's first workbook.
    responses.export_merchant_workbook(mia, m.shop_id, book)
    wb = openpyxl.load_workbook(book)
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    _assert_clean("\n".join(cells))
    with zipfile.ZipFile(book) as z:
        raw = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert "Xiaoming" not in raw and "阳光花园" not in raw


def test_the_server_matcher_finds_other_spellings_and_the_quality_manager_agrees(people, case):
    k, m = case
    spellings = ["huang xiaoming", "HUANG\u200bXIAOMING", "Ｈｕａｎｇ Ｘｉａｏｍｉｎｇ",
                 "191****4543", "阳光花园5栋1201室"]
    for role in (Role.MERCHANT_MANAGER, Role.QUALITY_MANAGER):
        with people[role].db.read() as s:
            gate = merchant_gate(s, m.id, "Org")
        for spelled in spellings:
            assert gate.text(f"见 {spelled} 处") == "见 [removed] 处", (role, spelled)
        # A word that only contains the alias's letters is no match (word boundaries).
        assert gate.text("Huang Xiaomingway") == "Huang Xiaomingway"


def test_the_terms_stay_unreadable_and_the_function_returns_spans_only(team_server, case):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_server.sql(Role.MERCHANT_MANAGER, "SELECT term FROM inspector_privacy.terms")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_server.sql(Role.MERCHANT_MANAGER,
                        "SELECT * FROM inspector_privacy.address_parts('x')")
    rows = team_server.sql(Role.MERCHANT_MANAGER,
                           "SELECT * FROM inspector_privacy.private_spans(%s)",
                           (["见huangxiaoming处", "nothing here"],))
    assert rows == [(1, 1, len("huangxiaoming"), p.BUYER_ALIAS)]
    # Other roles read the columns themselves: they are not given the function.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_server.sql(Role.INSPECTOR, "SELECT * FROM inspector_privacy.private_spans(%s)",
                        (["x"],))


def test_the_server_makes_the_same_address_parts_as_the_application(team_server):
    addresses = [ADDRESS, "12 Baker Street, London; phone 021-5555 1234",
                 "上海市浦东新区张江路100弄3号楼, 收件人: 李先生 13812345678"]
    with psycopg.connect(team_server.owner_url.replace("+psycopg", "")) as conn:
        for address in addresses:
            served = {t for (t,) in conn.execute(
                "SELECT term FROM inspector_privacy.terms_of(NULL, %s)", (address,))}
            ours = {n for n in (p.normal_form(x) for x in address_parts(address)) if len(n) >= 2}
            assert served == ours, address


def test_the_terms_follow_the_purchases(team_server, people):
    ivy, mia = people[Role.INSPECTOR], people[Role.MERCHANT_MANAGER]
    m = merchants.create_merchant(ivy, "GATE-2", "Follow Shop")
    pur = purchases.create_purchase(ivy, received_input(
        m.id, buyer_alias="Zhao Lingyun", inspector_id=ivy.actor.id))

    def spans(text: str):
        return team_server.sql(Role.MERCHANT_MANAGER,
                               "SELECT kind FROM inspector_privacy.private_spans(%s)",
                               ([p.normal_form(text)],))

    assert spans("zhao lingyun") == [(p.BUYER_ALIAS,)]
    team_server.sql(Role.INSPECTOR, "UPDATE purchases SET buyer_alias = 'Qian Mochou'"
                    " WHERE id = %s", (pur.id,))
    assert spans("zhao lingyun") == [] and spans("QIAN MOCHOU") == [(p.BUYER_ALIAS,)]
    # An update of other columns (one statement trigger per UPDATE) keeps the terms.
    team_server.sql(Role.INSPECTOR, "UPDATE purchases SET notes = 'rechecked' WHERE id = %s",
                    (pur.id,))
    assert spans("QIAN MOCHOU") == [(p.BUYER_ALIAS,)]
    with mia.db.read() as s:
        assert merchant_gate(s, m.id, "Org").text("Qian Mochou") == "[removed]"
    team_server.sql(Role.QUALITY_MANAGER, "DELETE FROM purchases WHERE id = %s", (pur.id,))
    assert spans("QIAN MOCHOU") == []
