"""``kiemdiem awards propose``: the commendations a five-year record (2021–2025) supports, on SQLite and
PostgreSQL, each expectation worked by hand below.

The record, of “Đảng bộ phường Ba Đình” (a đảng bộ cơ sở “db” with chi bộ kp5 and kp6): 2021 of the members
typed and imported (``history import``), the rest recorded through the store. Each year's level code is of
that year's own rules (``review_regime``: 2021–2022 QĐ 132, 2023–2024 QĐ 124, 2025 QĐ 366; the top level is
HTXSNV for members and organisations alike from 2018).

On 20/12/2025 the rules are “Quy định 294-QĐ/TW (2025) và Hướng dẫn 06-HD/TW (2025)”, catalogue
dinh-ky-2016: dang_vien_nam (1 year HTXSNV), dang_vien_5_nam and dang_vien_5_nam_bang_khen (HTXSNV
2021–2025), chi_bo_nam (1 year HTXSNV tiêu biểu), chi_bo_5_nam and chi_bo_5_nam_bang_khen (HTXSNV tiêu biểu
2021–2025), tccsd_nam (1 year HTXSNV tiêu biểu), tccsd_5_nam_* (5 years HTXSNV tiêu biểu); no quotas.

- Nguyễn Văn An: HTXSNV every year → dang_vien_nam, dang_vien_5_nam, dang_vien_5_nam_bang_khen.
- Trần Thị Bình (kp6): HTXSNV 2021–2024, HTTNV 2025 → no dang_vien_nam (2025 is not HTXSNV; a one-year
  award has no "one year short"), one year short (2025) of both 5-year awards.
- Lê Văn Cường: 2023 not recorded, HTXSNV the other years → dang_vien_nam; one year short (2023, "chưa có
  trong hồ sơ") of both 5-year awards.
- Phạm Thị Hoa 2021–2023 and Phạm Thị Hòa 2024–2025, same birth date: two people in the record (another
  spelling is never merged) → Hòa dang_vien_nam only; neither is one year short of 5 (2 and 3 years lack).
- Vũ Văn Em: HTXSNV 2021–2024; 2025 recorded HTXSNV, then corrected to HTTNV (the first row replaced) →
  no dang_vien_nam, one year short (2025) of the 5-year awards: the replaced HTXSNV does not count.
- Chi bộ Khu phố 5 (kp5): HTXSNV tiêu biểu every year → chi_bo_nam, chi_bo_5_nam, chi_bo_5_nam_bang_khen.
- Chi bộ Khu phố 6 (kp6): HTXSNV every year, tiêu biểu every year but 2023 (not recorded) → chi_bo_nam; one
  year short (2023) of both 5-year awards.
- Chi bộ Khu phố 7 (kp7): HTXSNV 2024–2025, tiêu biểu not recorded (as ``kiemdiem bulk`` records it) → neither
  eligible for chi_bo_nam nor failing: "undecided", tiêu biểu to check; no 5-year line (three years lack).
- Đảng bộ phường Ba Đình (db, đảng bộ cơ sở): 2025 only, HTXSNV tiêu biểu → tccsd_nam; the 5-year awards
  lack four years (no line).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.cli import main
from generator.evaluate.commendation import era_on, review_regime
from generator.history.records import MemberRow, OrganisationRow, Place, Result
from generator.history.show import between
from generator.history.store import open_store
from generator.load import load_document
from generator.validate import validate
from tests.history.rows import DANG_BO, filled_draft, organisation, run

DAY = "2025-12-20"
HEADERS = "STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ đảng viên,Chi bộ,Tổ chức cơ sở đảng,Đảng bộ,Năm,Mức xếp loại,Tiêu biểu"
PEOPLE = {  # name → (born, chi bộ code, {year: level})
    "Nguyễn Văn An": ("1980-03-02", "kp5", dict.fromkeys(range(2021, 2026), "HTXSNV")),
    "Trần Thị Bình": ("1985-01-05", "kp6", {**dict.fromkeys(range(2021, 2025), "HTXSNV"), 2025: "HTTNV"}),
    "Lê Văn Cường": ("1975-07-07", "kp5", {y: "HTXSNV" for y in (2021, 2022, 2024, 2025)}),
    "Phạm Thị Hoa": ("1990-02-02", "kp5", dict.fromkeys(range(2021, 2024), "HTXSNV")),
    "Phạm Thị Hòa": ("1990-02-02", "kp5", dict.fromkeys(range(2024, 2026), "HTXSNV")),
    "Vũ Văn Em": ("1988-08-08", "kp5", dict.fromkeys(range(2021, 2026), "HTXSNV")),  # 2025 corrected below
}
CHI_BO = {"kp5": "Chi bộ Khu phố 5", "kp6": "Chi bộ Khu phố 6", "kp7": "Chi bộ Khu phố 7"}


def _member(name: str, nam: int, level: str) -> MemberRow:
    born, code, _ = PEOPLE[name]
    place = Place(f"trang “Đảng viên”, dòng {name}", DANG_BO, code, CHI_BO[code], "db", DANG_BO)
    return MemberRow(
        name, dt.date.fromisoformat(born), dt.date(2010, 5, 19), None, place, Result(nam, review_regime(nam), level)
    )


def _organisation(ma: str, ten: str, loai: str, nam: int, tieu_bieu: bool | None, score=None) -> OrganisationRow:
    chi_bo = (ma, ten) if loai == "chi_bo_truc_thuoc" else (None, None)
    place = Place(f"trang “Tổ chức”, mã {ma}", DANG_BO, *chi_bo, "db", DANG_BO)
    return OrganisationRow(
        ma, ten, loai, place, Result(nam, review_regime(nam), "HTXSNV", score=score, tieu_bieu=tieu_bieu)
    )


def _import_2021(tmp_path, history, capsys) -> None:
    """The members' 2021, typed from the paper list (levels by their names, as QĐ 132 wrote them)."""
    rows = [
        f"{i},{name},{born[8:]}/{born[5:7]}/{born[:4]},19/05/2010,,{CHI_BO[code]},,{DANG_BO},2021,"
        f"{'Hoàn thành xuất sắc nhiệm vụ' if years[2021] == 'HTXSNV' else years[2021]},"
        for i, (name, (born, code, years)) in enumerate(PEOPLE.items(), 1)
        if 2021 in years
    ]
    path = tmp_path / "danh-sach-2021.csv"
    path.write_text("\n".join([HEADERS, *rows]) + "\n", encoding="utf-8")
    assert main(["history", "import", str(path), "--history", history]) == 0
    assert "5 kết quả mới" in capsys.readouterr().out


@pytest.fixture
def record(tmp_path, history, target, capsys):
    """The five years, as the module's docstring describes them; the record's address."""
    _import_2021(tmp_path, history, capsys)
    with open_store(target) as store:
        for nam in range(2022, 2026):
            members = [_member(n, nam, years[nam]) for n, (_, _, years) in PEOPLE.items() if nam in years]
            orgs = [
                _organisation("kp5", CHI_BO["kp5"], "chi_bo_truc_thuoc", nam, True),
                _organisation("kp6", CHI_BO["kp6"], "chi_bo_truc_thuoc", nam, None if nam == 2023 else True),
            ]
            if nam >= 2024:
                orgs.append(_organisation("kp7", CHI_BO["kp7"], "chi_bo_truc_thuoc", nam, None))
            if nam == 2025:
                orgs.append(_organisation("db", DANG_BO, "dang_bo_co_so", nam, True, score=96))
            done = store.record(run(f"dang-bo-{nam}.xlsx", nam), members, orgs)
            assert not done.conflicts, done.conflicts
        for y in (2021,):  # kp5 and kp6 of 2021 (the typed list holds members only)
            store.record(
                run(f"dang-bo-{y}.xlsx", y),
                [],
                [
                    _organisation("kp5", CHI_BO["kp5"], "chi_bo_truc_thuoc", y, True),
                    _organisation("kp6", CHI_BO["kp6"], "chi_bo_truc_thuoc", y, True),
                ],
            )
        fixed = store.record(run("dang-bo-2025-sua.xlsx", 2025), [_member("Vũ Văn Em", 2025, "HTTNV")])
        assert fixed.replaced == 1
    return history


def _propose(history, capsys, *argv) -> dict:
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", history, "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def _pairs(lines: list[dict]) -> set[tuple[str, str]]:
    return {(line["award"]["id"], line["subject"]["ten"]) for line in lines}


def test_the_record_proposes_the_eligible_and_names_the_year_each_near_miss_lacks(record, capsys):
    found = _propose(record, capsys)
    assert found["era"]["id"] == era_on(dt.date(2025, 12, 20))["id"] == "qd294-2025"
    assert found["date"] == DAY and found["date_given"] is True
    assert _pairs(found["eligible"]) == {
        ("dang_vien_nam", "Nguyễn Văn An"),
        ("dang_vien_nam", "Lê Văn Cường"),
        ("dang_vien_nam", "Phạm Thị Hòa"),
        ("dang_vien_5_nam", "Nguyễn Văn An"),
        ("dang_vien_5_nam_bang_khen", "Nguyễn Văn An"),
        ("chi_bo_nam", "Chi bộ Khu phố 5"),
        ("chi_bo_nam", "Chi bộ Khu phố 6"),
        ("chi_bo_5_nam", "Chi bộ Khu phố 5"),
        ("chi_bo_5_nam_bang_khen", "Chi bộ Khu phố 5"),
        ("tccsd_nam", DANG_BO),
    }
    near = {(line["award"]["id"], line["subject"]["ten"]): line["short"] for line in found["near_misses"]}
    assert set(near) == {
        (award, name)
        for award in ("dang_vien_5_nam", "dang_vien_5_nam_bang_khen")
        for name in ("Trần Thị Bình", "Lê Văn Cường", "Vũ Văn Em")
    } | {("chi_bo_5_nam", "Chi bộ Khu phố 6"), ("chi_bo_5_nam_bang_khen", "Chi bộ Khu phố 6")}
    assert near["dang_vien_5_nam", "Trần Thị Bình"] == {
        "nam": 2025,
        "reasons": ["năm 2025 xếp loại “Hoàn thành tốt nhiệm vụ”, cần “Hoàn thành xuất sắc nhiệm vụ”"],
    }
    assert near["dang_vien_5_nam", "Lê Văn Cường"] == {"nam": 2023, "reasons": ["năm 2023 chưa có trong hồ sơ"]}
    assert near["dang_vien_5_nam", "Vũ Văn Em"]["nam"] == 2025  # the corrected 2025 counts, not the replaced one
    assert near["chi_bo_5_nam", "Chi bộ Khu phố 6"] == {
        "nam": 2023,
        "reasons": ["năm 2023 hồ sơ không ghi có được công nhận tiêu biểu hay không (cần tiêu biểu)"],
    }
    [kp7] = found["undecided"]
    assert (kp7["award"]["id"], kp7["subject"]["ten"]) == ("chi_bo_nam", "Chi bộ Khu phố 7")
    assert kp7["unknown"] == ["năm 2025 hồ sơ không ghi có được công nhận tiêu biểu hay không (cần tiêu biểu)"]
    # the evidence: each year's level by its own rules' name, tiêu biểu, and where it came from
    [an5] = [x for x in found["eligible"] if x["award"]["id"] == "dang_vien_5_nam"]
    assert [y["nam"] for y in an5["chain"]] == [2021, 2022, 2023, 2024, 2025]
    assert {y["level_label"] for y in an5["chain"]} == {"Hoàn thành xuất sắc nhiệm vụ"}
    assert an5["chain"][0]["source"]["kind"] == "import" and "danh-sach-2021.csv" in an5["chain"][0]["source"]["file"]
    assert an5["chain"][0]["source"]["place"] == "dòng 2"
    assert an5["chain"][4]["source"]["file"] == "dang-bo-2025.xlsx"
    assert an5["checks"] == []  # dinh-ky-2016 asks nothing the record lacks
    [kp5] = [x for x in found["eligible"] if x["award"]["id"] == "chi_bo_5_nam"]
    assert [y["tieu_bieu"] for y in kp5["chain"]] == [True] * 5
    # two spellings are two people, said so
    [similar] = found["similar_names"]
    assert "“Phạm Thị Hoa”" in similar and "“Phạm Thị Hòa”" in similar and "không gộp" in similar
    assert found["quotas"] == []
    # several awards for one: the committee chooses, kiemdiem lists them all
    several = {text.split(":")[0]: text for text in found["several"]}
    assert set(several) == {"Nguyễn Văn An", "Chi bộ Khu phố 5"}
    assert "dang_vien_nam, dang_vien_5_nam, dang_vien_5_nam_bang_khen — cấp ủy xét chọn" in several["Nguyễn Văn An"]


def test_a_replaced_outcome_is_not_in_the_chain(record, target, capsys):
    with open_store(target) as store, store.session() as session:
        found = between(session, 2021, 2025)
    [em] = [p for p in found["people"] if p["ho_ten"] == "Vũ Văn Em"]
    assert [(o["nam"], o["level"]) for o in em["outcomes"]][-1] == (2025, "HTTNV")
    assert len(em["outcomes"]) == 5


def test_one_unit_only_and_the_text_in_vietnamese(record, capsys):
    found = _propose(record, capsys, "--to-chuc", "kp6")
    assert _pairs(found["eligible"]) == {("chi_bo_nam", "Chi bộ Khu phố 6")}
    assert {name for _, name in _pairs(found["near_misses"])} == {"Chi bộ Khu phố 6", "Trần Thị Bình"}
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", record]) == 0
    text = capsys.readouterr().out
    assert "Quy định khen thưởng ngày 20/12/2025: Quy định 294-QĐ/TW (2025) và Hướng dẫn 06-HD/TW (2025)" in text
    assert "Đủ điều kiện theo hồ sơ (10):" in text and "Thiếu một năm (8):" in text
    assert "  dang_vien_5_nam — Giấy khen (Ban Thường vụ cấp ủy cấp trên trực tiếp" in text
    assert (
        "Lê Văn Cường (sinh 07/7/1975; Chi bộ Khu phố 5, Đảng bộ phường Ba Đình): thiếu năm 2023 — năm 2023 chưa có trong hồ sơ"
        in text
    )
    assert "       2023  (chưa có trong hồ sơ)" in text
    assert "       2021  Hoàn thành xuất sắc nhiệm vụ — nguồn: nhập danh sách " in text
    assert "“Cần kiểm tra”" in text
    assert "Hồ sơ chưa đủ để quyết định, cần kiểm tra tiêu biểu (1):" in text
    assert "    1. Chi bộ Khu phố 7 (mã kp7; Đảng bộ phường Ba Đình): năm 2025 hồ sơ không ghi" in text


def test_the_date_defaults_to_the_years_last_day_and_says_so(record, capsys):
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--history", record]) == 0
    text = capsys.readouterr().out
    assert "ngày 31/12/2025" in text and "ngày mặc định 31/12/2025; ghi --date" in text


def test_the_written_to_trinh_is_valid_and_kiemdiem_validate_accepts_it(record, tmp_path, capsys):
    path = tmp_path / "de-nghi.yaml"
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", record, "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Đã ghi tờ trình {path} (10 đề nghị)" in out and "so_ky_hieu" in out
    text = path.read_text(encoding="utf-8")
    assert "# CẦN ĐIỀN: số, ký hiệu tờ trình" in text
    document = validate(load_document(path))
    assert document["ngay_lap"] == DAY and document["nam"] == 2025
    [an5] = [d for d in document["de_nghi"] if d["hinh_thuc"] == "dang_vien_5_nam"]
    assert an5["ten"] == "Nguyễn Văn An" and "chuc_vu" not in an5
    assert [(r["nam"], r["xep_loai"]) for r in an5["ket_qua"]] == [(y, "HTXSNV") for y in range(2021, 2026)]
    [db] = [d for d in document["de_nghi"] if d["hinh_thuc"] == "tccsd_nam"]
    assert db["ket_qua"] == [{"nam": 2025, "xep_loai": "HTXSNV", "tieu_bieu": True, "diem": 96}]
    assert set(document["cap_uy"]) == {"dang_uy_co_so", "cap_tren_co_so", "tinh_uy"}
    capsys.readouterr()
    # As written the draft is refused, each place to fill named; filled in, it is valid.
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Số, ký hiệu tờ trình ($.so_ky_hieu): chưa điền: thay “0-TTr/ĐU” bằng nội dung thật" in err
    assert "($.ky.nguoi_ky): chưa điền" in err and "($.cap_uy.tinh_uy): chưa điền" in err
    assert main(["validate", str(filled_draft(path))]) == 0, capsys.readouterr().err
    assert "hợp lệ — 10 đề nghị" in capsys.readouterr().out
    # Run again, the draft being filled in is not overwritten unless asked.
    path.write_text(text.replace("nguoi_ky: …", "nguoi_ky: Nguyễn Văn Hùng"), encoding="utf-8")
    again = ["awards", "propose", "--year", "2025", "--date", DAY, "--history", record, "-o", str(path)]
    assert main(again) == 2
    assert "đã có (có thể là bản đang điền)" in capsys.readouterr().err
    assert "Nguyễn Văn Hùng" in path.read_text(encoding="utf-8")
    assert main([*again, "--force"]) == 0
    assert "Nguyễn Văn Hùng" not in path.read_text(encoding="utf-8")


def test_bad_options_are_named(record, capsys):
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", record, "--to-chuc", "kp9"]) == 2
    err = capsys.readouterr().err
    assert "--to-chuc" in err and "“kp9”" in err and "kp5 (Chi bộ Khu phố 5)" in err
    assert main(["awards", "propose", "--year", "2030", "--date", DAY, "--history", record]) == 2
    err = capsys.readouterr().err
    assert "--year" in err and "năm 2030" in err
    assert main(["awards", "propose", "--year", "2025", "--date", "2010-01-01", "--history", record]) == 2
    err = capsys.readouterr().err
    assert "--date" in err and "--year" in err  # both listed
    with pytest.raises(SystemExit) as stopped:
        main(["awards", "propose", "--year", "hai nghìn", "--history", record])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "--year" in err and "năm cần là một số" in err


# -- 2011–2013: the rules of 2013 (catalogue dinh-ky-2011) ask for scores, the members' levels and earlier awards --
def _old_member(name: str, nam: int, level: str) -> MemberRow:
    place = Place(f"dòng {name}", DANG_BO, "c1", "Chi bộ Thôn 1", "db", DANG_BO)
    return MemberRow(name, dt.date(1970, 1, 1), dt.date(2000, 1, 1), None, place, Result(nam, "hd07-2011", level))


def _old_chi_bo(ma: str, ten: str, nam: int, score) -> OrganisationRow:
    place = Place(f"mã {ma}", DANG_BO, ma, ten, "db", DANG_BO)
    return OrganisationRow(
        ma, ten, "chi_bo_truc_thuoc", place, Result(nam, "hd07-2011", "TSVM", score=score, tieu_bieu=True)
    )


def test_the_2013_rules_conditions_quotas_and_what_the_record_cannot_decide(target, history, tmp_path, capsys):
    """On 20/12/2013 (era qd45-hd01-2012, catalogue dinh-ky-2011, quotas of 2011), by hand:

    - Chi bộ Thôn 1 (c1): TSVM tiêu biểu, 96 điểm 2011–2013; its members Một, Hai HTXSNV and Ba HTTNV each year
      (2011 typed, the chi bộ by its name: counted by name) → chi_bo_nam; chi_bo_3_nam (≥ 95 điểm; 3/3 = 100 % > 90 % HTTNV or better; none KHTNV), the two counts
      "theo hồ sơ" to check;
    - Chi bộ Thôn 2 (c2): TSVM tiêu biểu, 97 điểm but 2012 not scored, no member recorded → chi_bo_nam;
      chi_bo_3_nam with "cần kiểm tra" for the 2012 score and each year's members (never assumed);
    - Một, Hai: dang_vien_nam; dang_vien_3_nam with "cần kiểm tra" for the Chiến sĩ thi đua title and the
      3-year wait (the record holds no titles nor awards); dang_vien_5_nam needs 2009–2010: no line;
    - Ba: HTTNV, nothing.
    - Quotas, 2013 in the record: chi_bo_nam ≤ 20 % × 2 chi bộ TSVM = 0,4 → 0; chi_bo_3_nam ≤ 15 % × 2 tiêu
      biểu = 0,3 → 0; dang_vien_3_nam ≤ 15 % × 2 HTXSNV = 0,3 → 0: each over, all kept for the committee.
    """
    typed = tmp_path / "danh-sach-2011.csv"  # 2011's members typed: their chi bộ by its name only
    typed.write_text(
        "\n".join(
            [HEADERS]
            + [
                f'{i},{name},01/01/1970,01/01/2000,,Chi bộ Thôn 1,,{DANG_BO},2011,"{level}",'
                for i, (name, level) in enumerate(
                    [
                        ("Đỗ Văn Một", "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"),
                        ("Đỗ Văn Hai", "HTXSNV"),
                        ("Đỗ Văn Ba", "Đủ tư cách, hoàn thành tốt nhiệm vụ"),
                    ],
                    1,
                )
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["history", "import", str(typed), "--history", history]) == 0
    with open_store(target) as store:
        for nam in (2011, 2012, 2013):
            members = [_old_member("Đỗ Văn Một", nam, "HTXSNV"), _old_member("Đỗ Văn Hai", nam, "HTXSNV")]
            members.append(_old_member("Đỗ Văn Ba", nam, "HTTNV"))
            if nam == 2011:
                members = []  # imported above
            orgs = [
                _old_chi_bo("c1", "Chi bộ Thôn 1", nam, 96),
                _old_chi_bo("c2", "Chi bộ Thôn 2", nam, None if nam == 2012 else 97),
            ]
            store.record(run(f"dang-bo-{nam}.xlsx", nam), members, orgs)
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2013", "--date", "2013-12-20", "--history", history, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["era"]["id"] == "qd45-hd01-2012"
    assert _pairs(found["eligible"]) == {
        ("chi_bo_nam", "Chi bộ Thôn 1"),
        ("chi_bo_nam", "Chi bộ Thôn 2"),
        ("chi_bo_3_nam", "Chi bộ Thôn 1"),
        ("chi_bo_3_nam", "Chi bộ Thôn 2"),
        ("dang_vien_nam", "Đỗ Văn Một"),
        ("dang_vien_nam", "Đỗ Văn Hai"),
        ("dang_vien_3_nam", "Đỗ Văn Một"),
        ("dang_vien_3_nam", "Đỗ Văn Hai"),
    }
    assert found["near_misses"] == []
    lines = {(x["award"]["id"], x["subject"]["ten"]): x for x in found["eligible"]}
    c1 = lines["chi_bo_3_nam", "Chi bộ Thôn 1"]
    assert {y["level_label"] for y in c1["chain"]} == {"Trong sạch, vững mạnh"}  # an organisation's top level then
    assert c1["chain"][0]["members"] == {"so_dang_vien": 3, "so_dang_vien_tot_tro_len": 3, "so_dang_vien_khtnv": 0}
    assert "năm 2011 có 100% đảng viên hoàn thành tốt nhiệm vụ trở lên theo hồ sơ (3 đảng viên" in c1["checks"][0]
    c2 = lines["chi_bo_3_nam", "Chi bộ Thôn 2"]["checks"]
    assert "năm 2012 hồ sơ không ghi điểm (cần từ 95 điểm trở lên)" in c2
    assert "năm 2013 hồ sơ không có kết quả xếp loại đảng viên của Chi bộ Thôn 2" in c2
    mot = lines["dang_vien_3_nam", "Đỗ Văn Một"]["checks"]
    assert len(mot) == 2 and "Chiến sĩ thi đua cơ sở" in mot[0] and "hồ sơ không ghi các lần khen thưởng" in mot[1]
    quotas = {q["award_id"]: q for q in found["quotas"]}
    assert set(quotas) == {"chi_bo_nam", "chi_bo_3_nam", "dang_vien_3_nam"}
    assert (quotas["chi_bo_nam"]["base"], quotas["chi_bo_nam"]["allowed"], quotas["chi_bo_nam"]["limit"]) == (
        2,
        "0,4",
        0,
    )
    assert all(q["over"] and q["eligible"] == 2 for q in quotas.values())
    assert "cấp ủy xét chọn 0 trong 2" in quotas["chi_bo_3_nam"]["text"]
    # the tờ trình carries the record's counts and bases; kiemdiem validate then names what is still to settle
    path = tmp_path / "de-nghi-2013.yaml"
    assert (
        main(["awards", "propose", "--year", "2013", "--date", "2013-12-20", "--history", history, "-o", str(path)])
        == 0
    )
    document = validate(load_document(path))
    assert document["co_so_ty_le"] == {
        "so_chi_bo_dat_muc_cao_nhat": 2,
        "so_chi_bo_tieu_bieu": 2,
        "so_dang_vien_htxsnv": 2,
    }
    [c1_row] = [d for d in document["de_nghi"] if d["hinh_thuc"] == "chi_bo_3_nam" and d["ten"] == "Chi bộ Thôn 1"]
    assert c1_row["ket_qua"][0] == {
        "nam": 2011,
        "xep_loai": "TSVM",
        "tieu_bieu": True,
        "diem": 96,
        "so_dang_vien": 3,
        "so_dang_vien_tot_tro_len": 3,
        "so_dang_vien_khtnv": 0,
    }
    capsys.readouterr()
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "vượt tỷ lệ" in err and "Chiến sĩ thi đua cơ sở" in err and "thiếu điểm tự chấm" in err


PROFILE = """id: ba-dinh
name: Quy định khen thưởng riêng của Đảng bộ phường Ba Đình
regime: qd366-2025
khen_thuong:
  quotas:
    dang_vien_nam: {rate: 40%, base: so_dang_vien_htxsnv, rule: "Hướng dẫn của Đảng ủy phường Ba Đình"}
"""


def test_a_profiles_quota_is_counted_from_the_record_and_nobody_is_dropped(record, tmp_path, capsys):
    """2025 HTXSNV in the record: An, Cường, Hòa (Bình HTTNV, Em corrected to HTTNV) → 40 % × 3 = 1,2 → at most
    1 giấy khen dang_vien_nam; 3 eligible: the committee chooses, the three stay listed."""
    profile = tmp_path / "ba-dinh.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    found = _propose(record, capsys, "--profile", str(profile))
    [quota] = found["quotas"]
    assert (quota["award_id"], quota["base"], quota["allowed"], quota["limit"], quota["eligible"], quota["over"]) == (
        "dang_vien_nam",
        3,
        "1,2",
        1,
        3,
        True,
    )
    assert quota["text"].startswith(
        "“dang_vien_nam”: không quá 40% × 3 (số đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025 theo hồ sơ) = 1,2 "
        "→ tối đa 1; đủ điều kiện theo hồ sơ: 3"
    )
    assert "cấp ủy xét chọn 1 trong 3" in quota["text"]
    assert sum(line["award"]["id"] == "dang_vien_nam" for line in found["eligible"]) == 3
    path = tmp_path / "de-nghi.yaml"
    capsys.readouterr()
    argv = ["awards", "propose", "--year", "2025", "--date", DAY, "--history", record, "--profile", str(profile)]
    assert main([*argv, "-o", str(path)]) == 0
    assert f"kiemdiem validate {path} --profile {profile}" in capsys.readouterr().out
    document = validate(load_document(path))  # a profile file is not named in it (a shipped id would be)
    assert "profile" not in document and document["co_so_ty_le"] == {"so_dang_vien_htxsnv": 3}
    assert main(["validate", str(path), "--profile", str(profile)]) == 2  # then: the quota is exceeded
    assert "vượt tỷ lệ" in capsys.readouterr().err
    assert main([*argv[:-2], "--profile", str(tmp_path / "khong-co.yaml")]) == 2
    assert "--profile" in capsys.readouterr().err


def test_no_record_and_nobody_eligible(tmp_path, history, target, capsys):
    missing = tmp_path / "chua-co" / "history.sqlite"
    assert main(["awards", "propose", "--year", "2025", "--history", str(missing)]) == 2
    assert "--history" in capsys.readouterr().err and not missing.parent.exists()
    with open_store(target) as store:
        store.record(run(nam=2025), [_member("Trần Thị Bình", 2025, "HTTNV")])
    path = tmp_path / "de-nghi.yaml"
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", history, "-o", str(path)]) == 2
    assert "không có đề nghị nào đủ điều kiện" in capsys.readouterr().err and not path.exists()


def test_a_shared_record_of_several_dang_bo_is_said_and_one_is_chosen(record, target, capsys):
    """A second đảng bộ in the same record: one member HTXSNV 2025 and an organisation of unknown kind."""
    other = "Đảng bộ phường Kim Mã"
    with open_store(target) as store:
        place = Place("dòng 2", other, "km1", "Chi bộ Kim Mã 1", None, None)
        row = MemberRow("Hoàng Văn Khải", dt.date(1982, 4, 4), None, None, place, Result(2025, "qd366-2025", "HTXSNV"))
        unit = OrganisationRow("km1", "Chi bộ Kim Mã 1", None, place, Result(2025, "qd366-2025", "HTXSNV"))
        assert not store.record(run("kim-ma-2025.xlsx"), [row], [unit]).conflicts
    found = _propose(record, capsys)
    [note] = found["notes"]
    assert "Hồ sơ có 2 đảng bộ (Đảng bộ phường Ba Đình; Đảng bộ phường Kim Mã)" in note and "--dang-bo" in note
    [unknown] = found["not_considered"]
    assert unknown.startswith("Chi bộ Kim Mã 1 (mã km1): hồ sơ không ghi loại tổ chức")
    found = _propose(record, capsys, "--dang-bo", "đảng bộ phường  kim mã")
    assert _pairs(found["eligible"]) == {("dang_vien_nam", "Hoàng Văn Khải")} and found["notes"] == []
    assert found["not_considered"] == [unknown]
    assert (
        main(["awards", "propose", "--year", "2025", "--date", DAY, "--history", record, "--dang-bo", "Không Có"]) == 2
    )
    err = capsys.readouterr().err
    assert "--dang-bo" in err and "Đảng bộ phường Kim Mã" in err


def test_an_organisations_years_before_2018_need_trong_sach_vung_manh(target, history, tmp_path, capsys):
    """On 20/12/2020 (QĐ 29-QĐ/TW, catalogue dinh-ky-2016) chi_bo_5_nam counts 2016–2020: 2016–2017 rated under
    HD 27 (organisations' top level TSVM), 2018–2020 under QĐ 132 (HTXSNV, recognised as “Trong sạch, vững
    mạnh” tiêu biểu, ``organisation_titles``). By hand:

    - t1: TSVM 2016–2017, HTXSNV 2018–2020, tiêu biểu each year → eligible, 2018–2020 shown as TSVM tiêu biểu;
    - t2: the same but HTTNV (Hoàn thành tốt nhiệm vụ) in 2017 → one year short, 2017 needing TSVM;
    - both chi_bo_nam (2020 HTXSNV tiêu biểu), over the era's quota ≤ 20 % × 2 chi bộ at the top = 0,4 → 0.
    """
    with open_store(target) as store:
        for nam in range(2016, 2021):
            top = "TSVM" if nam < 2018 else "HTXSNV"
            rows = [
                organisation(
                    ma,
                    f"Chi bộ Tổ {ma}",
                    "HTTNV" if (ma, nam) == ("t2", 2017) else top,
                    nam,
                    tieu_bieu=True,
                    regime=review_regime(nam),
                )
                for ma in ("t1", "t2")
            ]
            store.record(run(f"dang-bo-{nam}.xlsx", nam), [], rows)
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2020", "--date", "2020-12-20", "--history", history, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["era"]["id"] == "qd29-2016"
    [t1] = [x for x in found["eligible"] if x["award"]["id"] == "chi_bo_5_nam"]
    assert t1["subject"]["ma"] == "t1" and t1["checks"] == []
    assert [(y["level"], y.get("title")) for y in t1["chain"]] == [
        ("TSVM", None),
        ("TSVM", None),
        ("HTXSNV", "Trong sạch, vững mạnh"),
        ("HTXSNV", "Trong sạch, vững mạnh"),
        ("HTXSNV", "Trong sạch, vững mạnh"),
    ]
    [quota] = found["quotas"]
    assert (quota["award_id"], quota["base"], quota["limit"], quota["eligible"]) == ("chi_bo_nam", 2, 0, 2)
    [t2] = [x for x in found["near_misses"] if x["award"]["id"] == "chi_bo_5_nam"]
    assert t2["subject"]["ma"] == "t2"
    assert t2["short"] == {
        "nam": 2017,
        "reasons": ["năm 2017 xếp loại “Hoàn thành tốt nhiệm vụ”, cần “Trong sạch, vững mạnh”"],
    }
    capsys.readouterr()
    assert main(["awards", "propose", "--year", "2020", "--date", "2020-12-20", "--history", history]) == 0
    assert (
        "2019  Hoàn thành xuất sắc nhiệm vụ (tiêu biểu, tính là “Trong sạch, vững mạnh” tiêu biểu)"
        in capsys.readouterr().out
    )
    path = tmp_path / "de-nghi-2020.yaml"
    assert (
        main(["awards", "propose", "--year", "2020", "--date", "2020-12-20", "--history", history, "-o", str(path)])
        == 0
    )
    assert validate(load_document(path))["regime"] == "qd132-2019"  # the rules 2020 was rated under
    capsys.readouterr()
    assert main(["validate", str(filled_draft(path))]) == 2  # only the quota is left for the committee to settle
    [problem] = [line for line in capsys.readouterr().err.splitlines() if line.startswith("  ")]
    assert "“chi_bo_nam” (chi bộ), vượt tỷ lệ không quá 20% của 2 (tối đa 0)" in problem


def test_a_condition_propose_does_not_know_is_to_check_never_met():
    """A condition added to the data later (here an unknown key) is listed on the eligible line, not ignored."""
    from generator.history.propose import record_cannot_decide

    award = {"recipient": "dang_vien", "form": "Giấy khen", "authority": "dang_uy_co_so", "years": 1, "multiple": 0.3}
    assert record_cannot_decide(award) == []
    assert record_cannot_decide({**award, "ky_luat": True}) == [
        "điều kiện “ky_luat” của quy định (kiemdiem chưa xét điều kiện này)"
    ]
