"""Translation: `tr()`, lazy markers, the shipped languages, enum labels and loading .qm files."""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inspector_app import resources
from inspector_app.domain import messages, pseudo
from inspector_app.domain.enums import (
    CaseStatus,
    FindingCategory,
    GoodsDisposition,
    MerchantStatus,
    PhotoRole,
    PurchaseStatus,
    ReviewDecision,
    ReviewReason,
    Role,
    Severity,
    Verdict,
    VerificationResult,
    WorkOrderKind,
    WorkOrderResult,
    WorkOrderStage,
)

logger = logging.getLogger(__name__)

#: Languages shipped with the application: code -> name shown in its own language.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
#: The language of the source strings; its .qm holds only plural forms ("%n finding(s)" ->
#: "1 finding" / "2 findings"), everything else shows as written.
SOURCE_LANGUAGE = "en"

# Every UI string lives in one translation context (""): pyside6-lupdate files plain
# `tr("...")` and `QT_TR_NOOP("...")` calls under it, wherever they appear.
_CONTEXT = ""

_installed: list[QTranslator] = []


class PseudoTranslator(QTranslator):
    """The pseudo-locale (domain/pseudo.py): every string, Qt's own too, accented and longer."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return pseudo.pseudo(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The translation of `text` in the current language (`n` selects a plural form, %n)."""
    return QCoreApplication.translate(_CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for translation without translating it yet; call `tr(value)` when shown."""
    return text


def current_language() -> str:
    """The language whose translator is installed ("en" when none is)."""
    app = QCoreApplication.instance()
    lang = app.property("inspector_language") if app is not None else None
    return str(lang) if lang else SOURCE_LANGUAGE


def system_language() -> str:
    """The shipped language closest to the system locale ("zh_CN" for any Chinese locale)."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translator(lang: str) -> bool:
    """Install the translators for `lang` on the running application; False if unavailable.

    Replaces any translators installed earlier, so it can also switch back to English;
    the Qt-free layers' messages (domain.messages) switch with it.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translator needs a QCoreApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _label_cache.clear()
    if lang == pseudo.LANGUAGE:
        fake = PseudoTranslator(app)
        app.installTranslator(fake)
        _installed.append(fake)
        QLocale.setDefault(QLocale("en_GB"))
        app.setProperty("inspector_language", lang)
        messages.set_language(lang)
        return True
    if lang not in LANGUAGES:
        logger.warning("Unknown language %r, using English", lang)
        lang = SOURCE_LANGUAGE
    ok = True
    if lang == SOURCE_LANGUAGE:
        plurals = QTranslator(app)
        if plurals.load(str(resources.qm_path(lang))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:  # still usable: counts read "2 finding(s)"
            logger.warning("English plural forms %s could not be loaded", resources.qm_path(lang))
    else:
        ours = QTranslator(app)
        path = resources.qm_path(lang)
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            logger.warning("Translation %s could not be loaded", path)
            ok = False
        # Qt's own strings (standard buttons, context menus); absent in some installs.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        if base.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(base)
            _installed.append(base)
    QLocale.setDefault(QLocale(lang if lang != SOURCE_LANGUAGE else "en_GB"))
    app.setProperty("inspector_language", lang if ok else SOURCE_LANGUAGE)
    # The services' messages (errors shown as they are) follow the same language.
    messages.set_language(lang)
    return ok


def _enum_labels() -> dict[tuple[type, Enum], str]:
    # Built on each language change; the disambiguation keeps e.g. the case status "Open"
    # apart from an "Open" button.
    labels = [
        (Role.INSPECTOR, tr("Inspector", "role")),
        (Role.QUALITY_MANAGER, tr("Quality manager", "role")),
        (Role.MERCHANT_MANAGER, tr("Merchant manager", "role")),
        (Role.ADMIN, tr("Administrator", "role")),
        (MerchantStatus.ACTIVE, tr("Active", "merchant status")),
        (MerchantStatus.WATCH, tr("On watch", "merchant status")),
        (MerchantStatus.SUSPENDED, tr("Suspended", "merchant status")),
        (MerchantStatus.ELIMINATED, tr("Eliminated", "merchant status")),
        (PurchaseStatus.PLANNED, tr("Planned", "purchase status")),
        (PurchaseStatus.ORDERED, tr("Ordered", "purchase status")),
        (PurchaseStatus.RECEIVED, tr("Received", "purchase status")),
        (PurchaseStatus.INSPECTED, tr("Inspected", "purchase status")),
        (PurchaseStatus.CANCELLED, tr("Cancelled", "purchase status")),
        (Verdict.PASS, tr("Pass", "verdict")),
        (Verdict.FAIL, tr("Fail", "verdict")),
        (FindingCategory.PRODUCT_QUALITY, tr("Product quality", "finding category")),
        (FindingCategory.COUNTERFEIT_IP, tr("Counterfeit / IP", "finding category")),
        (FindingCategory.FALSE_ADVERTISING, tr("False advertising", "finding category")),
        (FindingCategory.WRONG_ITEM, tr("Wrong item", "finding category")),
        (FindingCategory.MISSING_ITEM, tr("Missing item or parts", "finding category")),
        (FindingCategory.SIZE_MISMATCH, tr("Size / specification mismatch", "finding category")),
        (FindingCategory.PACKAGING_DAMAGE, tr("Packaging or logistics damage", "finding category")),
        (FindingCategory.SAFETY_HAZARD, tr("Safety hazard", "finding category")),
        (FindingCategory.EXPIRED_SPOILED, tr("Expired or spoiled", "finding category")),
        (FindingCategory.OTHER, tr("Other", "finding category")),
        (Severity.CRITICAL, tr("Critical", "severity")),
        (Severity.MAJOR, tr("Major", "severity")),
        (Severity.MINOR, tr("Minor", "severity")),
        (PhotoRole.EVIDENCE, tr("Evidence", "photo role")),
        (PhotoRole.RECTIFICATION, tr("Rectification evidence", "photo role")),
        (PhotoRole.VERIFICATION, tr("Verification", "photo role")),
        (CaseStatus.OPEN, tr("Open", "case status")),
        (CaseStatus.NOTIFIED, tr("Notified", "case status")),
        (CaseStatus.RESPONDED, tr("Responded", "case status")),
        (CaseStatus.RECTIFYING, tr("Rectifying", "case status")),
        (CaseStatus.AWAITING_VERIFICATION, tr("Awaiting verification", "case status")),
        (CaseStatus.ESCALATED, tr("Escalated", "case status")),
        (CaseStatus.CLOSED, tr("Closed", "case status")),
        (CaseStatus.CANCELLED, tr("Cancelled", "case status")),
        (CaseStatus.WAIVED, tr("Waived", "case status")),
        (VerificationResult.PASSED, tr("Passed", "verification result")),
        (VerificationResult.FAILED, tr("Failed", "verification result")),
        (WorkOrderKind.COMPLAINT, tr("Complaint", "work order kind")),
        (WorkOrderKind.AFTER_SALES, tr("After-sales work order", "work order kind")),
        (WorkOrderResult.COMPLETED, tr("Completed", "work order result")),
        (WorkOrderResult.CANCELLED, tr("Cancelled", "work order result")),
        (WorkOrderResult.REJECTED, tr("Rejected", "work order result")),
        (WorkOrderResult.LIGHTNING_REFUND, tr("Lightning refund", "work order result")),
        (WorkOrderStage.PICKUP, tr("Pickup or dispatch", "work order stage")),
        (WorkOrderStage.RETURN_INFO, tr("Reverse-logistics information", "work order stage")),
        (WorkOrderStage.ARRIVAL, tr("Arrival at the warehouse", "work order stage")),
        (WorkOrderStage.STOCK_IN_ALERT, tr("Stock-in alert", "work order stage")),
        (WorkOrderStage.STOCK_IN, tr("Stock-in", "work order stage")),
        (ReviewDecision.WATCH, tr("Watch", "review decision")),
        (ReviewDecision.SUSPEND, tr("Suspend", "review decision")),
        (ReviewDecision.ELIMINATE, tr("Eliminate", "review decision")),
        (ReviewDecision.NO_ACTION, tr("No action", "review decision")),
        (ReviewReason.LATE_WORK_ORDERS, tr("work orders over 72 h", "review reason")),
        (ReviewReason.COMPLAINT_SURGE, tr("complaints surging", "review reason")),
        (ReviewReason.RISK_SCORE, tr("risk score", "review reason")),
        (GoodsDisposition.RETURNED, tr("Returned", "goods disposition")),
        (GoodsDisposition.SAMPLE, tr("Kept as sample", "goods disposition")),
        (GoodsDisposition.DISPOSED, tr("Disposed of", "goods disposition")),
    ]
    return {(type(k), k): v for k, v in labels}


_label_cache: dict[str, dict] = {}


def enum_label(value: Enum | None) -> str:
    """The translated label of a stored enum value ("" for None)."""
    if value is None:
        return ""
    lang = current_language()
    if lang not in _label_cache:
        _label_cache[lang] = _enum_labels()
    label = _label_cache[lang].get((type(value), value))
    if label is None:
        return str(getattr(value, "value", value)).replace("_", " ").capitalize()
    return label
