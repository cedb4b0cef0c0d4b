"""Dates between Python and Qt's date widgets, typed both ways.

PySide6 converts a `datetime.date` to a QDate by itself, but its type stubs list no such
constructor and type `QDate.toPython()` as `object`; these two keep the conversions checked.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate

logger = logging.getLogger(__name__)


def to_qdate(value: date) -> QDate:
    """The QDate of a Python date."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """The Python date of a (valid) QDate."""
    return date(value.year(), value.month(), value.day())
