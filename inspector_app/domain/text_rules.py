"""What text the application accepts: no control characters, valid Unicode, bounded length.

One rule for names typed on the command line or in a form and for cells of an imported
file: NUL and the other control characters (except tab and line breaks in long text) are
refused, never silently removed, so what is stored is exactly what the user sent; so are
the undecodable bytes of a non-UTF-8 argument (they reach Python as lone surrogates).
"""

from __future__ import annotations

import unicodedata

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t

#: Longest user display name (the column allows more; nobody is called anything longer).
MAX_NAME_CHARS = 100
#: Control characters allowed inside multi-line text.
ALLOWED_CONTROLS = frozenset("\t\n\r")


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why `text` cannot be stored, or None: a control character or undecodable bytes."""
    if text.isascii() and text.isprintable():
        return None
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return t("contains bytes that are not UTF-8 text")
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in ALLOWED_CONTROLS):
            return t("contains the control character U+{code}", code=f"{ord(ch):04X}")
    return None


def check_name(text: str, what: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """`text` stripped, if it is a usable one-line name; else ValidationError naming `what`."""
    name = text.strip()
    if len(name) > max_chars:
        raise ValidationError(t(
            "{what} is longer than {limit} characters", what=what, limit=max_chars
        ))
    problem = text_problem(name)
    if problem:
        raise ValidationError(f"{what} {problem}")  # both already translated
    return name
