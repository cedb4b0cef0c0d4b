"""Keeping the team anonymous in merchant-facing documents: removing private terms from text."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

#: What replaces a private term (an inspector's name, an alias, an address) found in text.
REDACTED = "[removed]"
#: Shortest private term redacted (shorter ones would blank ordinary words).
MIN_REDACT_LEN = 2


def redactor(terms: tuple[str, ...]) -> Callable[[Any], str]:
    """A function that removes every private term from a text (case-insensitive)."""
    words = sorted(
        {t.strip() for t in terms if t and len(t.strip()) >= MIN_REDACT_LEN}, key=len, reverse=True
    )
    if not words:
        return lambda v: "" if v is None else str(v)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return lambda v: pattern.sub(REDACTED, "" if v is None else str(v))
