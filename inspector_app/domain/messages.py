"""Translatable messages for the Qt-free layers: `t("...{name}...", name=...)`.

The services' error messages reach users in the desktop application and the command line,
so they are translated too. Catalogs are JSON files `resources/i18n/messages_<lang>.json`
mapping the English text (with its `{placeholders}`) to the translation, or
"context::text" to it for `tc("context", "text")`; `python -m inspector_app.tools.messages`
collects every literal `t("...")` and `tc("...", "...")` into them.
The UI calls `set_language` when the user's language changes; the CLI follows LANG.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

from inspector_app.domain import pseudo

logger = logging.getLogger(__name__)

#: The language messages are written in.
SOURCE_LANGUAGE = "en"
#: The environment variable that chooses the language over the system's and the setting's.
LANGUAGE_VARIABLE = "INSPECTOR_LANGUAGE"
#: Joins a context and a text into a catalog key: tc("case status", "open") -> "case status::open".
CONTEXT_SEPARATOR = "::"

_lock = threading.Lock()
_catalog: dict[str, str] = {}
_language = SOURCE_LANGUAGE
_pseudo = False


def catalog_path(lang: str) -> Path:
    from inspector_app.resources import resources_dir

    return resources_dir() / "i18n" / f"messages_{lang}.json"


def set_language(lang: str | None) -> str:
    """Use `lang` (e.g. "zh_CN") from now on; unknown languages fall back to English."""
    global _catalog, _language, _pseudo
    lang = (lang or SOURCE_LANGUAGE).split(".")[0]
    catalog: dict[str, str] = {}
    if lang != SOURCE_LANGUAGE and lang != pseudo.LANGUAGE:
        path = catalog_path(lang)
        try:
            catalog = {k: v for k, v in json.loads(path.read_text("utf-8")).items() if v}
        except FileNotFoundError:
            lang = SOURCE_LANGUAGE
        except (OSError, ValueError) as exc:
            logger.warning("Cannot read message catalog %s: %s", path, exc)
            lang = SOURCE_LANGUAGE
    with _lock:
        _catalog, _language, _pseudo = catalog, lang, lang == pseudo.LANGUAGE
    return lang


def language_from_environment() -> str:
    """The language the command line should speak: INSPECTOR_LANGUAGE (e.g. "pseudo"), else
    LC_ALL / LC_MESSAGES / LANG (zh -> zh_CN)."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    if chosen:
        return "zh_CN" if chosen.lower().startswith("zh") else chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def current_language() -> str:
    return _language


def t(text: str, /, **params: object) -> str:
    """The translation of `text` in the current language, with `{placeholders}` filled."""
    template = _catalog.get(text, text)
    return _fill(text, pseudo.pseudo(template) if _pseudo else template, params)


def tc(context: str, text: str, /, **params: object) -> str:
    """Like t(), for a short text whose translation depends on `context`.

    The catalog key is "context::text" (the convention of the Qt .ts fill tool), so that
    e.g. the case status "cancelled" (已撤销) and the purchase status "cancelled" (已取消)
    translate apart; English shows `text`.
    """
    template = _catalog.get(f"{context}{CONTEXT_SEPARATOR}{text}", text)
    return _fill(text, pseudo.pseudo(template) if _pseudo else template, params)


def _fill(text: str, template: str, params: dict[str, object]) -> str:
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the message: fall back to the source text.
        logger.warning("Bad translation of %r: %r", text, template)
        return text.format(**params)
