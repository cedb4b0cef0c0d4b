"""The command line in the user's language: --help texts, argparse's own words, table headers.

Help texts stay English literals where the commands declare them (`help="..."`); the help
formatter looks each up in the message catalog when it prints, and `tools/messages.py`
collects them from cli/ as it collects t() calls. argparse's own words ("usage:",
"options", its error messages) go through its gettext hook.
"""

from __future__ import annotations

import argparse
import copy
import logging

from inspector_app.domain.messages import current_language, t, tc

logger = logging.getLogger(__name__)


def _argparse_words() -> dict[str, str]:
    """argparse's gettext messages, translated (literal calls, so the collector finds them)."""
    return {
        "usage: ": t("usage: "),
        "options": t("options"),
        "positional arguments": t("positional arguments"),
        "show this help message and exit": t("show this help message and exit"),
        "show program's version number and exit": t("show program's version number and exit"),
        "the following arguments are required: %s":
            t("the following arguments are required: %s"),
        "unrecognized arguments: %s": t("unrecognized arguments: %s"),
        "invalid choice: %(value)r (choose from %(choices)s)":
            t("invalid choice: %(value)r (choose from %(choices)s)"),
        "expected one argument": t("expected one argument"),
        "expected at least one argument": t("expected at least one argument"),
        "argument %(argument_name)s: %(message)s": t("argument %(argument_name)s: %(message)s"),
        "invalid %(type)s value: %(value)r": t("invalid %(type)s value: %(value)r"),
        "not allowed with argument %s": t("not allowed with argument %s"),
        "one of the arguments %s is required": t("one of the arguments %s is required"),
        "ambiguous option: %(option)s could match %(matches)s":
            t("ambiguous option: %(option)s could match %(matches)s"),
    }


def _gettext(text: str) -> str:
    if current_language() == "en":
        return text
    return _argparse_words().get(text, text)


def install_argparse_words() -> None:
    """Route argparse's gettext calls through the message catalog (see the module doc)."""
    argparse._ = _gettext  # type: ignore[attr-defined]


def _headings() -> dict[str, str]:
    return {
        "global options": t("global options"),
        "commands": t("commands"),
        "actions": t("actions"),
        "what": t("what"),
    }


def help_text(text: str | None) -> str | None:
    """A help text, description or epilog in the current language (as declared if none)."""
    if not text or current_language() == "en":
        return text
    translated = t(text)
    if translated == text and text.endswith("."):
        # add_command's default description: the help text, capitalised, with a full stop.
        short = text[:1].lower() + text[1:-1]
        if t(short) != short:
            return t(short) + "。"
    return translated


class TranslatedHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """RawDescriptionHelpFormatter that prints the catalog's translation of every text."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(_headings().get(heading or "", heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(help_text(text) if text is not argparse.SUPPRESS else text)

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help and action.help is not argparse.SUPPRESS:
            translated = help_text(action.help)
            if translated != action.help:
                action = copy.copy(action)  # the parser's own action keeps its English text
                action.help = translated
        return super()._expand_help(action)


def header_label(header: str) -> str:
    """A table column's header in the current language."""
    if current_language() == "en":
        return header
    return {
        "ID": tc("table header", "ID"),
        "NAME": tc("table header", "NAME"),
        "ROLE": tc("table header", "ROLE"),
        "SHOP ID": tc("table header", "SHOP ID"),
        "SHOP": tc("table header", "SHOP"),
        "CATEGORY": tc("table header", "CATEGORY"),
        "KEY": tc("table header", "KEY"),
        "STATUS": tc("table header", "STATUS"),
        "PURCHASES": tc("table header", "PURCHASES"),
        "FAILED": tc("table header", "FAILED"),
        "FINDINGS": tc("table header", "FINDINGS"),
        "OPEN CASES": tc("table header", "OPEN CASES"),
        "OVERDUE": tc("table header", "OVERDUE"),
        "ORDER NUMBER": tc("table header", "ORDER NUMBER"),
        "ORDERED": tc("table header", "ORDERED"),
        "MERCHANT": tc("table header", "MERCHANT"),
        "PRODUCT": tc("table header", "PRODUCT"),
        "INSPECTOR": tc("table header", "INSPECTOR"),
        "VERDICT": tc("table header", "VERDICT"),
        "RECORDED": tc("table header", "RECORDED"),
        "SEVERITY": tc("table header", "SEVERITY"),
        "TITLE": tc("table header", "TITLE"),
        "CASE": tc("table header", "CASE"),
        "DUE": tc("table header", "DUE"),
        "DUE SOON": tc("table header", "DUE SOON"),
        "ASSIGNEE": tc("table header", "ASSIGNEE"),
        "OPENED": tc("table header", "OPENED"),
        "RISK": tc("table header", "RISK"),
        "CANDIDATE": tc("table header", "CANDIDATE"),
        "COMPL/MO": tc("table header", "COMPL/MO"),
        "AS/MO": tc("table header", "AS/MO"),
        "MEDIAN H": tc("table header", "MEDIAN H"),
        "P90 H": tc("table header", "P90 H"),
        ">24H %": tc("table header", ">24H %"),
        "DEFECT %": tc("table header", "DEFECT %"),
        "WHY": tc("table header", "WHY"),
        "STRATUM": tc("table header", "STRATUM"),
        "PRICE": tc("table header", "PRICE"),
        "REASON": tc("table header", "REASON"),
        "PURCHASE": tc("table header", "PURCHASE"),
        "ORDER": tc("table header", "ORDER"),
        "TYPE": tc("table header", "TYPE"),
        "APPLIED": tc("table header", "APPLIED"),
        "FIRST HANDLED": tc("table header", "FIRST HANDLED"),
        "HOURS": tc("table header", "HOURS"),
        "OPEN": tc("table header", "OPEN"),
        "OUTCOME": tc("table header", "OUTCOME"),
        "SUGGEST": tc("table header", "SUGGEST"),
        "WORK ORDERS": tc("table header", "WORK ORDERS"),
        ">72H": tc("table header", ">72H"),
        "COMPLAINTS": tc("table header", "COMPLAINTS"),
        "BEFORE/MO": tc("table header", "BEFORE/MO"),
        "DECIDED": tc("table header", "DECIDED"),
        "STAGES LATE": tc("table header", "STAGES LATE"),
    }.get(header, header)
