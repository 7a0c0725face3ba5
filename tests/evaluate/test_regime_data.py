"""The regime data is checked when loaded, so a typo cannot silently change a rating."""

from __future__ import annotations

import copy
import datetime as dt
from fractions import Fraction

import pytest
import yaml

from generator.evaluate.facts import KNOWN_FACTS, full_months
from generator.evaluate.regime import check_regime, exact, known_regimes, load_regime
from generator.resources import regimes_dir


def raw(regime_id: str = "qd366-2025") -> dict:
    return yaml.safe_load((regimes_dir() / f"{regime_id}.yaml").read_text(encoding="utf-8"))


KNOWN = KNOWN_FACTS


def test_shipped_regimes_load():
    assert "qd366-2025" in known_regimes()
    members = load_regime("qd366-2025").subject("ca_nhan")
    assert [code for code, _ in members.levels] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


@pytest.mark.parametrize(
    "text, value", [("30%", Fraction(3, 10)), ("1/2", Fraction(1, 2)), ("100%", 1), (90, 90), (87.5, Fraction(175, 2))]
)
def test_thresholds_are_exact(text, value):
    assert exact(text) == value


def test_every_label_is_whole_text():
    # A YAML flow mapping cuts an unquoted label at its first comma; labels must survive whole.
    for name, spec in raw()["subjects"]["ca_nhan"]["facts"].items():
        assert None not in spec.values(), name


@pytest.mark.parametrize(
    "breakage, message",
    [
        (
            lambda r: r["subjects"]["ca_nhan"]["conditions"]["HTXSNV"].update(
                bay={"fact": "ty_le_bay", "op": ">=", "value": 1, "rule": "x"}
            ),
            "unknown fact",
        ),
        (lambda r: r["subjects"]["ca_nhan"]["conditions"]["HTNV"]["diem"].update(op="=>"), "unknown operator"),
        (lambda r: r["subjects"]["ca_nhan"]["conditions"]["HTNV"]["diem"].update(value="chín mươi"), "is not a number"),
        (lambda r: r["subjects"]["ca_nhan"]["facts"]["tong_diem"].update(unit="diemm"), "needs a text label"),
        (lambda r: r["subjects"]["ca_nhan"]["conditions"].pop("KHTNV"), "every level"),
    ],
)
def test_broken_regime_data_is_refused(breakage, message):
    data = copy.deepcopy(raw())
    breakage(data)
    with pytest.raises(ValueError, match=message):
        check_regime(data, KNOWN)


@pytest.mark.parametrize(
    "start, end, months",
    [
        ("2025-06-05", "2025-12-05", 6),
        ("2025-06-06", "2025-12-05", 5),
        ("2025-08-31", "2026-02-28", 6),
        ("2025-08-31", "2026-02-27", 5),
        ("2024-02-29", "2025-02-28", 12),
        ("2025-12-05", "2025-12-05", 0),
    ],
)
def test_full_months(start, end, months):
    assert full_months(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == months
