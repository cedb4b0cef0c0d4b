"""The shipped message catalog: complete, placeholders intact, and used by services and the CLI."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from datetime import timedelta

import pytest

from inspector_app.domain import messages
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from inspector_app.domain.messages import CONTEXT_SEPARATOR, catalog_path
from inspector_app.tools.messages import LANGUAGES, collect

#: Any CJK ideograph: a message "is Chinese" when it has some.
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    messages.set_language("en")


def _catalog(lang: str) -> dict[str, str]:
    return json.loads(catalog_path(lang).read_text("utf-8"))


def _placeholders(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name is not None})


def _source(key: str) -> str:
    """The English text of a catalog key ("case status::open" -> "open")."""
    context, sep, text = key.partition(CONTEXT_SEPARATOR)
    return text if sep and "{" not in context else key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_in_the_catalog_and_translated(lang):
    found = collect()
    catalog = _catalog(lang)
    missing = sorted(k for k in found if k not in catalog)
    assert not missing, f"run python -m inspector_app.tools.messages; not in {lang}: {missing}"
    untranslated = sorted(f"{k!r} ({found[k]})" for k in found if not catalog[k].strip())
    assert not untranslated, f"untranslated in {lang}: {untranslated}"
    obsolete = sorted(k for k in catalog if k not in found)
    assert not obsolete, f"run python -m inspector_app.tools.messages; obsolete: {obsolete}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(lang):
    wrong = {
        key: text
        for key, text in _catalog(lang).items()
        if text and _placeholders(text) != _placeholders(_source(key))
    }
    assert not wrong


def test_chinese_translations_are_not_english_copies():
    # Every entry reads as Chinese, or at least uses Chinese punctuation ("{column}：{problem}").
    copies = {
        k: v for k, v in _catalog("zh_CN").items()
        if v == _source(k) or not (CHINESE.search(v) or re.search(r"[\u3000-\u303f\uff00-\uffef]", v))
    }
    assert not copies


def test_a_service_error_speaks_the_chosen_language(ctx, users):
    from inspector_app.services import merchants, purchases
    from tests.services.builders import received_input

    inspector = ctx.as_actor(users[Role.INSPECTOR])
    shop = merchants.create_merchant(inspector, "shop-1", "Acme Store")
    form = received_input(shop.id)
    backwards = received_input(shop.id, received_at=form.ordered_at - timedelta(days=1))

    assert messages.set_language("zh_CN") == "zh_CN"
    with pytest.raises(ValidationError) as info:
        purchases.create_purchase(inspector, backwards)
    assert str(info.value) == "收货时间不能早于下单时间"
    assert info.value.field == "received_at"

    messages.set_language("en")
    with pytest.raises(ValidationError) as info:
        purchases.create_purchase(inspector, backwards)
    assert str(info.value) == "It cannot arrive before it was ordered"


def test_statuses_and_roles_in_messages_are_translated_too(ctx, users):
    from inspector_app.services import cases, merchants
    from tests.services.builders import make_finding, make_purchase

    admin = ctx.as_actor(users[Role.ADMIN])
    inspector = ctx.as_actor(users[Role.INSPECTOR])
    shop = merchants.create_merchant(admin, "shop-1", "Acme Store")
    finding = make_finding(admin, make_purchase(admin, shop.id).id)
    case = cases.open_case(admin, [finding.id])

    messages.set_language("zh_CN")
    with pytest.raises(IllegalTransition) as moved:
        cases.advance(admin, case.case_number, CaseStatus.CLOSED)
    text = str(moved.value)
    assert case.case_number in text and "待通知" in text and "已关闭" in text and "管理员" in text
    assert "open" not in text and "admin" not in text
    with pytest.raises(PermissionDenied) as denied:
        cases.open_case(inspector, [finding.id])
    assert "质检员" in str(denied.value) and "开立整改单" in str(denied.value)
    with pytest.raises(ValidationError) as untitled:
        from inspector_app.services.findings import FindingInput, add_finding

        add_finding(admin, finding.purchase_id, FindingInput("other", "minor", "  "))
    assert str(untitled.value) == "请填写标题"

    messages.set_language("en")
    with pytest.raises(IllegalTransition, match="open -> closed is not a step"):
        cases.advance(admin, case.case_number, CaseStatus.CLOSED)


def test_the_command_line_follows_lang(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "LC_"))}
    env.update(INSPECTOR_DATA_DIR=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")

    def run(lang: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "inspector_app.cli.main", *args],
            capture_output=True, text=True, encoding="utf-8", env={**env, "LANG": lang},
            timeout=120,
        )

    assert run("C.UTF-8", "init").returncode == 0
    chinese = run("zh_CN.UTF-8", "case", "show", "RC-1999-0001")
    assert chinese.returncode == 2
    assert chinese.stderr.strip() == "inspector: 错误: 找不到整改单 RC-1999-0001"
    bad_date = run("zh_CN.UTF-8", "cases", "--since", "yesterday")
    assert bad_date.returncode == 2 and "“yesterday”不是有效的日期" in bad_date.stderr

    english = run("C.UTF-8", "case", "show", "RC-1999-0001")
    assert english.stderr.strip() == "inspector: error: No case RC-1999-0001"
