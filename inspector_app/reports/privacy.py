"""Keeping the team anonymous in merchant-facing documents: finding and removing private terms.

Private terms (inspectors' names, buyer aliases, delivery addresses, phone numbers, order
numbers, other merchants) are matched after normalising both sides: Unicode NFKC (full-width
letters become ASCII), case folding, and dropping whitespace and zero-width characters, so
"Tom  Turner", "Tom\\u00a0Turner", "Ｔｏｍ Ｔｕｒｎｅｒ" and "郑 志强" all match their term.
A term that starts or ends with a Latin letter or digit only matches at a word boundary of
the original text ("Tan" is not found in "Tangerine"). See docs/privacy.md.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

#: What replaces a private term found in text.
REDACTED = "[removed]"
#: Shortest private term (normalised) that is matched (shorter ones would blank ordinary words).
MIN_REDACT_LEN = 2
#: Characters that are invisible and ignored when matching.
ZERO_WIDTH = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")
#: A separator the scanner puts between two cells: never matched across.
HARD_BREAK = "\ufffc"
#: Phone numbers found by their shape, whether or not they are in the database: mainland
#: mobile numbers and masked ones ("191****4543"), after normalisation (no spaces).
_PHONE = re.compile(r"1[3-9]\d{9}|\d{3}[*x×]{4}\d{4}")

#: The kinds of private term, as messages name them.
USER_NAME = "user name"
BUYER_ALIAS = "buyer alias"
ADDRESS = "delivery address"
PHONE = "phone number"
ORDER_NUMBER = "order number"
OTHER_MERCHANT = "other merchant's name"
OTHER_SHOP_ID = "other merchant's shop id"


def _latin(ch: str) -> bool:
    """A letter or digit that joins with its neighbours into a word (not CJK)."""
    return ch.isalnum() and ord(ch) < 0x2E80


def normalise(text: str) -> tuple[str, list[int]]:
    """The matching form of `text` and, for each of its characters, the original index."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        if ch.isspace():
            continue
        n = unicodedata.normalize("NFKC", ch).casefold() if ord(ch) > 0x7F or ch.isupper() else ch
        for c in n:
            if c.isspace() or c in ZERO_WIDTH:
                continue
            out.append(c)
            where.append(i)
    return "".join(out), where


_ASCII_SPACE = re.compile(r"\s+")


def normal_form(text: str) -> str:
    """The matching form of `text` alone (no index map); ASCII text takes a short cut."""
    if text.isascii():  # 100,000 order numbers: the per-character path costs a second
        return _ASCII_SPACE.sub("", text).lower()
    return normalise(text)[0]


@dataclass(frozen=True)
class Secret:
    text: str
    kind: str


@dataclass(frozen=True)
class Hit:
    start: int  # in the original text
    end: int
    kind: str


#: Finds terms this process does not know: normalised texts -> for each, (start, length,
#: kind) of every term in it (the team server's matcher: services.privacy_gate).
Matcher = Callable[[list[str]], list[list[tuple[int, int, str]]]]


class Redactor:
    """Finds and removes private terms; counts the values it changed.

    `allowed`: texts the document may print whole (the merchant's own name and shop id, the
    organisation); a term found inside one of them is not a secret for this document.
    `matcher`: finds the terms that are not in `secrets` (the reader may not know them).
    """

    def __init__(
        self, secrets: Iterable[Secret], allowed: Iterable[str] = (), matcher: Matcher | None = None
    ) -> None:
        allowed_norm = [normal_form(a) for a in allowed if a]
        self._allowed_norm = allowed_norm
        self._matcher = matcher
        self._by_len: dict[int, dict[str, str]] = {}
        self._firsts: set[str] = set()
        dropped = 0
        for s in secrets:
            n = normal_form(s.text or "")
            if len(n) < MIN_REDACT_LEN:
                continue
            if any(n in a for a in allowed_norm):
                dropped += 1
                continue
            self._by_len.setdefault(len(n), {}).setdefault(n, s.kind)
            self._firsts.add(n[:2])
        self._lengths = sorted(self._by_len, reverse=True)
        self.count = 0  # values changed by __call__
        self.kinds: dict[str, int] = {}
        if dropped:
            logger.info("%d private terms are part of the document's own names", dropped)

    @property
    def size(self) -> int:
        return sum(len(v) for v in self._by_len.values())

    def find(self, text: str) -> list[Hit]:
        """Every private term in `text`, leftmost-longest, as spans of the original text."""
        if not text:
            return []
        norm, where = normalise(text)
        hits: list[Hit] = []
        for m in _PHONE.finditer(norm):
            a, b = where[m.start()], where[m.end() - 1] + 1
            if _bounded(text, a, b, True, True):
                hits.append(Hit(a, b, PHONE))
        i, n = 0, len(norm)
        firsts, by_len = self._firsts, self._by_len
        while i < n - 1:
            if norm[i : i + 2] not in firsts:
                i += 1
                continue
            for length in self._lengths:
                if i + length > n:
                    continue
                kind = by_len[length].get(norm[i : i + length])
                if kind is None:
                    continue
                a, b = where[i], where[i + length - 1] + 1
                if _bounded(text, a, b, _latin(norm[i]), _latin(norm[i + length - 1])):
                    hits.append(Hit(a, b, kind))
                    i += length - 1
                    break
            i += 1
        if self._matcher is not None and n >= MIN_REDACT_LEN:
            hits += self._matched(text, norm, where)
        return _merge(hits)

    def _matched(self, text: str, norm: str, where: list[int]) -> list[Hit]:
        """The matcher's terms in `text`, but those inside the document's own names."""
        out = []
        for start, length, kind in self._matcher([norm])[0] if self._matcher else ():
            found = norm[start : start + length]
            if length < MIN_REDACT_LEN or any(found in a for a in self._allowed_norm):
                continue
            a, b = where[start], where[start + length - 1] + 1
            if _bounded(text, a, b, _latin(found[0]), _latin(found[-1])):
                out.append(Hit(a, b, kind))
        return out

    def redact(self, text: str) -> tuple[str, list[Hit]]:
        hits = self.find(text)
        if not hits:
            return text, hits
        parts, last = [], 0
        for h in hits:
            parts.append(text[last : h.start])
            parts.append(REDACTED)
            last = h.end
        parts.append(text[last:])
        return "".join(parts), hits

    def __call__(self, value: Any) -> str:
        text = "" if value is None else str(value)
        out, hits = self.redact(text)
        if hits:
            self.count += 1
            for h in hits:
                self.kinds[h.kind] = self.kinds.get(h.kind, 0) + 1
        return out


def _bounded(text: str, a: int, b: int, check_start: bool, check_end: bool) -> bool:
    """True when the span [a, b) does not cut a Latin word or number of `text` in two."""
    if check_start:
        j = a - 1
        while j >= 0 and text[j] in ZERO_WIDTH:
            j -= 1
        if j >= 0 and _latin(unicodedata.normalize("NFKC", text[j])[:1] or " "):
            return False
    if check_end:
        j = b
        while j < len(text) and text[j] in ZERO_WIDTH:
            j += 1
        if j < len(text) and _latin(unicodedata.normalize("NFKC", text[j])[:1] or " "):
            return False
    return True


def _merge(hits: list[Hit]) -> list[Hit]:
    """Hits sorted by start, overlapping ones joined (a phone inside an address, say)."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.start < out[-1].end:
            last = out[-1]
            out[-1] = Hit(last.start, max(last.end, h.end), last.kind)
        else:
            out.append(h)
    return out


def redactor(terms: tuple[str, ...]) -> Callable[[Any], str]:
    """A function that removes every private term (of unknown kind) from a text."""
    return Redactor(Secret(t, "private term") for t in terms)
