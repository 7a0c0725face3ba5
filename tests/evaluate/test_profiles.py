"""A local committee changes the regime's numbers with a YAML file, not with code."""

from __future__ import annotations

import pytest

from generator import InputError, evaluate, validate
from generator.cli import main
from generator.evaluate.profile import known_profiles
from generator.evaluate.regime import load_regime
from tests.samples import example


def profile(tmp_path, text: str):
    path = tmp_path / "ho-so.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


STRICTER = """
id: tinh-x
name: Tỉnh X yêu cầu 50% nhiệm vụ vượt mức
regime: qd366-2025
overrides:
  subjects:
    ca_nhan:
      conditions:
        HTXSNV:
          vuot_muc: {value: 50%}
"""


def test_a_profile_file_changes_a_threshold(tmp_path):
    doc = validate(example("02b"))  # 4/12 tasks exceeded = 33,33 %
    assert evaluate(doc).level == "HTXSNV"
    result = evaluate(doc, profile(tmp_path, STRICTER))
    assert result.level == "HTTNV"
    assert result.regime.profile == "Tỉnh X yêu cầu 50% nhiệm vụ vượt mức"
    assert any("33,33%" in r.text and "từ 50% trở lên" in r.text for r in result.reasons)
    assert result.as_dict()["profile"] == "Tỉnh X yêu cầu 50% nhiệm vụ vượt mức"


def test_a_profile_can_drop_a_rule(tmp_path):
    doc = validate(example("02c"))  # HTNV: 80 % of tasks on time keeps it from HTTNV
    text = STRICTER.replace("vuot_muc: {value: 50%}", "").replace("HTXSNV:", "HTTNV:\n          dung_tien_do: null")
    assert evaluate(doc, profile(tmp_path, text)).level == "HTTNV"


def test_the_cli_takes_a_profile_and_the_proposal_is_checked_against_it(tmp_path, capsys):
    assert main(["validate", "examples/ban-tu-kiem-diem-02b.json", "--profile", profile(tmp_path, STRICTER)]) == 2
    assert "Đề xuất HTXSNV cần tỷ lệ nhiệm vụ hoàn thành vượt mức từ 50% trở lên" in capsys.readouterr().err


def test_shipped_profile_by_id_in_the_document():
    assert "don-vi-tieu-bieu-2025" in known_profiles()
    doc = example("02b")
    doc["profile"] = "don-vi-tieu-bieu-2025"
    result = evaluate(validate(doc))
    assert result.regime.subject("ca_nhan")["quota"]["rate"] == "25%"
    assert load_regime("qd366-2025").subject("ca_nhan")["quota"]["rate"] == "20%"  # the regime itself is untouched


@pytest.mark.parametrize(
    "text, message",
    [
        ("id: x\nregime: hd07-2011\noverrides: {}\n", "dành cho 'hd07-2011'"),
        (
            "id: x\nregime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      conditions:\n        HTNV:\n          diem: {op: '=>'}\n",
            "unknown operator",
        ),
        (
            "id: x\nregime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      triggers:\n        moi: {fact: ty_le_bay, op: '>', value: 1, rule: x}\n",
            "unknown fact",
        ),
        ("- not a mapping\n", "phải là một đối tượng YAML"),
        ("a: [1, 2\n", "không phải YAML hợp lệ"),
    ],
)
def test_broken_profiles_are_input_errors(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        evaluate(validate(example("02b")), profile(tmp_path, text))
    problem = err.value.problems[0]
    assert problem.path == "--profile" and message in problem.reason


def test_unknown_profile_id_in_the_document():
    doc = example("02b")
    doc["profile"] = "khong-co"
    with pytest.raises(InputError) as err:
        evaluate(validate(doc))
    assert err.value.problems[0].path == "$.profile"
    assert "don-vi-tieu-bieu-2025" in err.value.problems[0].reason
