"""Team settings service: defaults, typed validation, who may change them, deadlines by severity."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import Role, Severity
from inspector_app.domain.errors import PermissionDenied, ValidationError
from inspector_app.services import team_settings as svc


def test_defaults(ctx):
    assert svc.get_all(ctx) == svc.DEFAULTS
    assert svc.get(ctx, "deadline_days.critical") == 3
    assert [svc.deadline_days(ctx, s) for s in Severity] == [3, 7, 15]
    assert svc.deadline_days(ctx, "minor") == 15


@pytest.mark.parametrize("role", [Role.QUALITY_MANAGER, Role.ADMIN])
def test_managers_change_settings(as_role, role):
    c = as_role(role)
    svc.put(c, "organisation_name", "质检部")
    svc.put(c, "deadline_days.major", "10")
    svc.put(c, "watch_threshold", 55)
    svc.put(c, "deadline_days.major", 12)  # overwrite an existing row
    assert svc.get(c, "organisation_name") == "质检部"
    assert svc.deadline_days(c, Severity.MAJOR) == 12
    assert svc.get(c, "watch_threshold") == 55.0
    assert isinstance(svc.get(c, "watch_threshold"), float)
    assert svc.get_all(c) == {**svc.DEFAULTS, "organisation_name": "质检部",
                              "deadline_days.major": 12, "watch_threshold": 55.0}


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_others_may_not(as_role, users, role):
    with pytest.raises(PermissionDenied) as info:
        svc.put(as_role(role), "deadline_days.major", 1)
    assert users[role].display_name in str(info.value)
    assert role.value in str(info.value)
    assert svc.deadline_days(as_role(role), Severity.MAJOR) == 7


def test_nobody_may_not(ctx):
    with pytest.raises(PermissionDenied):
        svc.put(ctx, "deadline_days.major", 1)


def test_unknown_keys(qm):
    with pytest.raises(ValidationError, match="colour"):
        svc.put(qm, "colour", "red")
    with pytest.raises(KeyError):
        svc.get(qm, "colour")


@pytest.mark.parametrize("value", ["soon", None, [1]])
def test_numbers_must_be_numbers(qm, value):
    with pytest.raises(ValidationError, match="number") as info:
        svc.put(qm, "deadline_days.minor", value)
    assert info.value.field == "deadline_days.minor"


@pytest.mark.parametrize(("key", "value"), [("deadline_days.minor", -1),
                                            ("eliminate_threshold", "-0.5")])
def test_numbers_cannot_be_negative(qm, key, value):
    with pytest.raises(ValidationError, match="negative") as info:
        svc.put(qm, key, value)
    assert info.value.field == key
    assert svc.get(qm, key) == svc.DEFAULTS[key]


@pytest.mark.parametrize("value", ["nan", "inf", float("-inf"), "NaN"])
def test_threshold_must_be_a_finite_number(qm, value):
    # Regression: NaN was stored, and every later comparison with it is False.
    with pytest.raises(ValidationError) as info:
        svc.put(qm, "watch_threshold", value)
    assert info.value.field == "watch_threshold"
    assert svc.get(qm, "watch_threshold") == svc.DEFAULTS["watch_threshold"]


@pytest.mark.parametrize("value", ["nan", "inf", float("nan")])
def test_day_counts_must_be_finite_numbers(qm, value):
    with pytest.raises(ValidationError) as info:
        svc.put(qm, "deadline_days.critical", value)
    assert info.value.field == "deadline_days.critical"


def test_infinite_float_for_a_day_count_is_a_validation_error(qm):
    with pytest.raises(ValidationError):
        svc.put(qm, "deadline_days.major", float("inf"))


@pytest.mark.parametrize(
    ("key", "value"),
    [("watch_threshold", 100.5), ("risk.window_days", 10), ("risk.finished_days", 0),
     ("sampling.weight_floor", 0), ("deadline_days.major", 366)],
)
def test_numbers_outside_their_range_are_refused_and_nothing_is_saved(qm, key, value):
    with pytest.raises(ValidationError) as err:
        svc.put_many(qm, {"organisation_name": "Changed", key: value})
    assert err.value.field == key and "must be between" in str(err.value)
    assert svc.get_all(qm) == svc.DEFAULTS


def test_the_elimination_threshold_cannot_be_below_the_watch_threshold(qm):
    with pytest.raises(ValidationError) as err:
        svc.put(qm, "eliminate_threshold", 50)  # below the stored watch threshold 60
    assert err.value.field == "eliminate_threshold"
    svc.put_many(qm, {"watch_threshold": 40, "eliminate_threshold": 50})  # both at once: fine
    assert (svc.get(qm, "watch_threshold"), svc.get(qm, "eliminate_threshold")) == (40, 50)
