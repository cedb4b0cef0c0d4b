"""The pseudo-locale: every English string accented and made about 40% longer.

Started with `INSPECTOR_LANGUAGE=pseudo` (or `inspector-app --lang pseudo`), the application
shows each message as e.g. "[Šéţţîñĝš ···]": a label too narrow for a longer translation
shows clipped, and a string that never went through tr()/t() stays plain English. Nothing
is stored: the text is made on the fly from the source string (docs/architecture.md,
"Translations").
"""

from __future__ import annotations

import logging
import math
import re

logger = logging.getLogger(__name__)

#: The language code of the pseudo-locale.
LANGUAGE = "pseudo"
#: How much longer than the source a pseudo text is, at least (German runs ~30% longer).
GROWTH = 0.4
#: What pads the text to its length; kept apart from the text so it reads as padding.
PAD = "·"

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
#: Parts of a message that must reach Qt unchanged: placeholders (%1, %n, %Ln, {name}),
#: rich-text tags and entities, a mnemonic with its letter (&O), file patterns (*.pdf).
_KEEP = re.compile(r"%L?n|%L?\d{1,2}|\{[^{}]*\}|<[^<>]*>|&[A-Za-z]+;|&&|&.|\*\.?\w*")
#: A Qt date format ("MMMM yyyy", "yyyy-MM-dd HH:mm"): passed through untouched. Only
#: Qt's field codes and separators, so that a word made of the same letters ("Pass") is not one.
_DATE_FORMAT = re.compile(r"(?:d{1,4}|M{1,4}|yyyy|yy|H{1,2}|h{1,2}|mm?|ss?|zzz|AP|ap|[\s.:/,\-])+")


def pseudo(text: str) -> str:
    """`text` accented and padded to at least 1.4 times its length; placeholders intact."""
    if not text or _DATE_FORMAT.fullmatch(text) or is_pseudo(text):
        return text
    parts: list[str] = []
    last = 0
    for kept in _KEEP.finditer(text):
        parts.append(text[last:kept.start()].translate(_ACCENTED))
        parts.append(kept.group())
        last = kept.end()
    parts.append(text[last:].translate(_ACCENTED))
    pad = max(1, math.ceil(GROWTH * len(text)) - 2)
    return "[" + "".join(parts) + " " + PAD * pad + "]"


def is_pseudo(text: str) -> bool:
    """Whether `text` is already a pseudo text (so that applying it twice changes nothing)."""
    return text.startswith("[") and text.endswith(PAD + "]")
