"""Every form's result keeps one protocol: its summary, its lines and its dict (evaluate/result.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import load_document
from generator.evaluate.result import Result
from generator.pipeline import classify

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ONE_OF_EACH = [
    "ban-tu-kiem-diem-02b.json",
    "bieu-diem-tccsd-2023.yaml",
    "bao-cao-kiem-diem-tap-the-2025.yaml",
    "to-trinh-khen-thuong-2025.yaml",
    "phieu-bieu-quyet-2025.json",
    "bien-ban-kiem-phieu-2025.json",
    "phieu-nhan-xet-noi-cu-tru.yaml",
    "chi-bo-khu-pho-5/xep-loai-chi-bo.json",
    "chi-bo-2016/xep-loai-chi-bo.json",
]


@pytest.mark.parametrize("name", ONE_OF_EACH)
def test_every_result_has_its_summary_lines_and_dict(name):
    path = EXAMPLES / name
    result = classify(load_document(path), base_dir=path.parent).evaluation
    assert isinstance(result, Result)
    assert isinstance(result.summary(), str) and result.summary()
    lines = result.lines()
    assert lines and all(isinstance(line, str) and line.strip() for line in lines)
    assert json.loads(json.dumps(result.as_dict(), ensure_ascii=False)) == result.as_dict()
    assert result.problems == []


def test_a_members_lines_name_the_member_the_form_the_level_and_every_reason():
    result = classify(load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")).evaluation
    lines = result.lines()
    assert lines[0] == f"{result.name} — {result.variant['form_code']}"
    assert f"Xếp loại: {result.level_label} ({result.level})" in lines
    assert lines[-len(result.reasons) :] == [f"  - {r.text} ({r.rule})" for r in result.reasons]
