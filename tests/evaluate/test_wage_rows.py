"""A committee's own wage rows (profile key ``luong_co_so``, or ``--luong-co-so FILE``): checked like
the shipped table, a row of the same ``from`` replacing the shipped one, the document citing the row used."""

from __future__ import annotations

import copy
import json

import pytest
import yaml

from generator import InputError, load_document, prepare
from generator.cli import main
from generator.evaluate.commendation import _wages, wage_row_problems
from tests.samples import EXAMPLES

TO_TRINH = load_document(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")
NEW = {"from": "2027-01-01", "amount": 2800000, "name": "mức lương cơ sở", "decree": "Nghị định số 999/2026/NĐ-CP"}


def member_award(decided: str) -> dict:
    doc = copy.deepcopy(TO_TRINH)
    doc["de_nghi"] = [doc["de_nghi"][2]]
    doc["de_nghi"][0].update(hinh_thuc="dang_vien_nam", ket_qua=[{"nam": 2025, "xep_loai": "HTXSNV"}])
    doc["ngay_quyet_dinh"] = decided
    return doc


def profile(tmp_path, rows, **more) -> str:
    path = tmp_path / "tinh-x.yaml"
    path.write_text(
        yaml.safe_dump(
            {"id": "tinh-x", "name": "Tỉnh ủy X", "regime": "qd366-2025", "luong_co_so": rows, **more},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    "decided, amount, decree, shipped_row_warned",
    [
        (
            "2026-12-31",
            "759.000 đồng",
            "Nghị định số 161/2026/NĐ-CP",
            True,
        ),  # the shipped row, decided after 02/12/2026
        ("2027-01-01", "840.000 đồng", "Nghị định số 999/2026/NĐ-CP", False),  # the committee's row
    ],
)
def test_a_profile_adds_a_newer_row(tmp_path, decided, amount, decree, shipped_row_warned):
    prepared = prepare(member_award(decided), profile(tmp_path, [NEW]))
    layout = prepared.context["trinh_bay"]
    assert layout["tong_tien"] == amount and decree in layout["luong_co_so"]
    assert ("luong-co-so.yaml" in (prepared.notice or "")) == shipped_row_warned


def test_a_profile_row_of_the_same_date_replaces_the_shipped_one(tmp_path):
    fixed = {
        "from": "2026-07-01",
        "amount": 2600000,
        "name": "mức lương cơ sở",
        "decree": "Nghị định số 161/2026/NĐ-CP (hồ sơ sửa)",
    }
    prepared = prepare(member_award("2026-07-01"), profile(tmp_path, [fixed]))
    assert prepared.context["trinh_bay"]["tong_tien"] == "780.000 đồng"
    assert "(hồ sơ sửa)" in prepared.context["trinh_bay"]["luong_co_so"]
    assert prepared.evaluation.as_dict()["wage"]["source"] == "hồ sơ Tỉnh ủy X"


def test_without_a_row_of_its_own_the_shipped_row_stands(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("regime: qd366-2025\nname: Chỉ tỷ lệ\nkhen_thuong: {quotas: {}}\n", encoding="utf-8")
    prepared = prepare(member_award("2026-07-01"), str(path))
    assert prepared.context["trinh_bay"]["tong_tien"] == "759.000 đồng"
    assert prepared.evaluation.as_dict()["wage"]["source"] == "generator/commendation/luong-co-so.yaml"


def test_a_committee_row_is_its_own_so_the_wage_table_does_not_warn(tmp_path):
    shipped = prepare(member_award("2027-01-02"))
    assert "luong-co-so.yaml" in shipped.notice
    assert prepare(member_award("2027-01-02"), profile(tmp_path, [NEW])).notice is None


@pytest.mark.parametrize(
    "rows, fragment",
    [
        ([{**NEW, "amount": 0}], "dòng 1: mức lương (đồng) (amount) phải là số nguyên dương"),
        ([{**NEW, "amount": 2800000.5}], "phải là số nguyên dương"),
        ([{**NEW, "amount": True}], "phải là số nguyên dương"),
        ([{k: v for k, v in NEW.items() if k != "decree"}], "dòng 1: thiếu văn bản quy định (decree)"),
        ([{**NEW, "decree": "  "}], "thiếu văn bản quy định (decree)"),
        ([{**NEW, "from": "01/01/2027"}], "sai ngày áp dụng (from, dạng YYYY-MM-DD)"),
        ([NEW, {**NEW, "from": "2027-01-01"}], "dòng 2: ngày áp dụng 01/01/2027 phải sau dòng trước (01/01/2027)"),
        ([NEW, {**NEW, "from": "2026-12-31"}], "dòng 2: ngày áp dụng 31/12/2026 phải sau dòng trước"),
        ([{**NEW, "tien": 1}], "khóa không dùng: tien"),
        ({"from": "2027-01-01"}, "phải là danh sách"),
    ],
)
def test_a_profile_row_is_checked_like_the_shipped_table(tmp_path, rows, fragment):
    with pytest.raises(InputError) as err:
        prepare(member_award("2027-01-02"), profile(tmp_path, rows))
    texts = [str(p) for p in err.value.problems]
    assert any(fragment in t and "tinh-x.yaml" in t for t in texts), texts
    assert all(p.path == "--profile" for p in err.value.problems)


def test_the_shipped_table_passes_its_own_check_and_an_unsorted_copy_does_not():
    rows = _wages()
    assert wage_row_problems(rows, "luong-co-so.yaml") == []
    assert "phải sau dòng trước" in wage_row_problems(list(reversed(rows)), "luong-co-so.yaml")[0]


def test_a_user_wage_file_on_the_command_line(tmp_path, capsys):
    source = tmp_path / "to-trinh.json"
    source.write_text(json.dumps(member_award("2027-01-02"), ensure_ascii=False, default=str), encoding="utf-8")
    wages = tmp_path / "luong.yaml"
    wages.write_text(yaml.safe_dump({"luong_co_so": [NEW]}, allow_unicode=True), encoding="utf-8")
    assert main(["classify", str(source), "--luong-co-so", str(wages)]) == 0
    out, err = capsys.readouterr()
    assert "0,3 × 2.800.000 = 840.000 đồng" in out and "Nghị định số 999/2026/NĐ-CP; dòng của tệp luong.yaml" in out
    assert "luong-co-so.yaml" not in err
    assert main(["awards", "2027-01-02", "--luong-co-so", str(wages)]) == 0
    assert "= 840.000 đồng" in capsys.readouterr().out
    wages.write_text(yaml.safe_dump([{**NEW, "amount": -1}]), encoding="utf-8")
    for command in (
        ["classify", str(source)],
        ["render", str(source), "-o", str(tmp_path / "o")],
        ["awards", "2027-01-02"],
    ):
        assert main(command + ["--luong-co-so", str(wages)]) == 2
        err = capsys.readouterr().err
        assert "Tệp mức lương cơ sở (--luong-co-so): luong.yaml, luong_co_so dòng 1" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_awards_reads_a_profiles_rows(tmp_path, capsys):
    assert main(["awards", "2027-01-02", "--profile", profile(tmp_path, [NEW])]) == 0
    assert (
        "2.800.000 đồng (Nghị định số 999/2026/NĐ-CP, từ 01/01/2027); dòng của hồ sơ Tỉnh ủy X."
        in capsys.readouterr().out
    )
