"""Classification of a whole đảng bộ: members, then the quota across chi bộ, then organisations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.bulk.plan import Planner, check_tree
from generator.bulk.source import open_source
from generator.errors import InputError
from tests.bulk.sample_dang_bo import build, edit


@pytest.fixture
def dang_bo(tmp_path) -> Path:
    return build(tmp_path / "dang-bo")


def plan(folder):
    planner = Planner(open_source(folder))
    return planner, list(planner.jobs())


def listed(jobs, chi_bo):
    """Rows of the printed member list for one chi bộ."""
    [members] = [j for j in jobs if j.form == "danh-sach-xep-loai-dang-vien"]
    return [r for r in members.context["trinh_bay"]["dong"] if r["chi_bo"] == chi_bo]


def test_quota_is_applied_across_the_chi_bo_of_a_dang_bo(dang_bo):
    planner, _ = plan(dang_bo)
    [quota] = planner.result.quotas
    # 2 chi bộ × 8 HTTNV-or-better in the group: 20 % of 16 = 3,2 → 3 places for 6 candidates
    assert quota["scope"] == "Đảng bộ phường Ba Đình"
    assert quota["base_count"] == 16 and quota["limit"] == 3 and quota["candidates"] == 6
    assert quota["selected"] == ["Nguyễn Văn An (Chi bộ Khu phố 5)", "Nguyễn Văn An (Chi bộ Khu phố 6)"]
    assert quota["tie"] == [
        "Trần Thị Bình (Chi bộ Khu phố 5)",
        "Trần Thị Bình (Chi bộ Khu phố 6)",
    ]  # 14 votes each, third place
    assert quota["cut"] == ["Lê Hoàng Cường (Chi bộ Khu phố 5)", "Lê Hoàng Cường (Chi bộ Khu phố 6)"]


def test_one_chi_bo_alone_keeps_its_own_quota(tmp_path):
    planner, _ = plan(build(tmp_path / "one", chi_bo=("kp5",)))
    [quota] = planner.result.quotas
    assert quota["base_count"] == 8 and quota["limit"] == 1
    assert quota["selected"] == ["Nguyễn Văn An"] and quota["cut"] == ["Trần Thị Bình", "Lê Hoàng Cường"]


def test_chi_bo_scoring_sheet_gets_the_members_statistics(dang_bo):
    planner, jobs = plan(dang_bo)
    [sheet] = [j for j in jobs if j.form == "bieu-diem-tccsd"]
    stats = sheet.document["thong_ke_dang_vien"]
    rows = listed(jobs, "Chi bộ Khu phố 5")
    pending = [r for r in rows if r["xep_loai"] == "Chờ đảng ủy quyết định"]  # the tie waits for the đảng ủy
    assert len(rows) == 12 and len(pending) == 1
    assert sum(stats["so_xep_loai"].values()) + stats["so_khong_xep_loai"] == 11
    assert stats["so_xep_loai"]["HTXSNV"] == sum(r["xep_loai"] == "Hoàn thành xuất sắc nhiệm vụ" for r in rows) == 1
    assert sheet.document["to_chuc"] == "Chi bộ Khu phố 5" and sheet.document["dang_bo"] == "Đảng bộ phường Ba Đình"
    assert sheet.path == "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/bieu-diem-tccsd"


def test_typed_statistics_that_contradict_the_members_are_an_error(dang_bo):
    edit(
        dang_bo / "kp5" / "bieu-diem.json",
        lambda d: d.update(thong_ke_dang_vien={"so_xep_loai": {"HTXSNV": 9, "HTTNV": 3, "HTNV": 0, "KHTNV": 0}}),
    )
    planner, jobs = plan(dang_bo)
    assert not [j for j in jobs if j.form == "bieu-diem-tccsd"]
    assert any(
        "thong_ke_dang_vien" in e["where"] and "khác kết quả xếp loại" in e["reason"] for e in planner.result.errors
    )


def test_a_broken_member_is_reported_and_the_others_are_planned(dang_bo):
    edit(dang_bo / "kp6" / "dv-03.json", lambda d: d["diem"]["tieu_chi_chung"].update(diem=31))
    planner, jobs = plan(dang_bo)
    members = [j for j in jobs if j.form == "ban-tu-kiem-diem"]
    assert len(members) == 23
    [error] = planner.result.errors
    assert error["where"].startswith("kp6/dv-03.json: $.diem")
    assert len(listed(jobs, "Chi bộ Khu phố 6")) == 11


def test_file_names_are_ascii_and_unique_even_for_hostile_names(dang_bo):
    edit(dang_bo / "kp5" / "dv-02.json", lambda d: d["dang_vien"].update(ho_ten="../../etc/passwd"))
    edit(dang_bo / "kp5" / "dv-03.json", lambda d: d["dang_vien"].update(ho_ten="Nguyễn Văn An"))
    _, jobs = plan(dang_bo)
    paths = [j.path for j in jobs]
    assert len(set(paths)) == len(paths)
    assert all(p.isascii() and ".." not in p and not p.startswith("/") for p in paths)
    assert "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/ban-tu-kiem-diem-nguyen-van-an-2" in paths
    assert "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/ban-tu-kiem-diem-etc-passwd" in paths


def _header(folder):
    return yaml.safe_load((folder / "dang-bo.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda orgs: orgs.append(dict(orgs[1])), "trùng"),
        (lambda orgs: orgs[1].update(truc_thuoc="khong-co"), "không có tổ chức mã “khong-co”"),
        (lambda orgs: orgs[2].update(truc_thuoc="kp5"), "không phải đảng bộ cơ sở"),
        (lambda orgs: orgs[0].update(truc_thuoc="kp5"), "chỉ chi bộ trực thuộc"),
    ],
)
def test_an_unusable_tree_is_refused_whole(dang_bo, change, reason):
    header = _header(dang_bo)
    change(header["to_chuc"])
    with pytest.raises(InputError) as caught:
        check_tree({k: v for k, v in header.items() if k != "to_chuc"}, header["to_chuc"])
    assert any(reason in p.reason for p in caught.value.problems)


def test_a_member_document_of_another_regime_is_refused(dang_bo):
    edit(dang_bo / "kp6" / "dv-01.json", lambda d: d.update(regime="qd124-2023"))
    planner, jobs = plan(dang_bo)
    assert any(e["where"].startswith("kp6/dv-01.json") for e in planner.result.errors)
    assert len([j for j in jobs if j.form == "ban-tu-kiem-diem"]) == 23


def test_member_files_outside_the_folder_are_refused(dang_bo):
    edit(
        dang_bo / "kp5" / "xep-loai-chi-bo.json",
        lambda d: d["dang_vien"][0].update(ban_kiem_diem="../../kp6/dv-01.json"),
    )
    planner, jobs = plan(dang_bo)
    assert planner.result.errors
    assert planner.result.errors[0]["where"] == "kp5/xep-loai-chi-bo.json: $.dang_vien[0].ban_kiem_diem"
    assert len([j for j in jobs if "khu-pho-5" in j.path and j.form == "ban-tu-kiem-diem"]) == 11


def test_a_missing_member_file_drops_only_that_member(dang_bo):
    (dang_bo / "kp6" / "dv-04.json").unlink()
    planner, jobs = plan(dang_bo)
    [error] = planner.result.errors
    assert (
        error["where"] == "kp6/xep-loai-chi-bo.json: $.dang_vien[3].ban_kiem_diem" and "dv-04.json" in error["reason"]
    )
    assert len(listed(jobs, "Chi bộ Khu phố 6")) == 11
    assert len([j for j in jobs if j.form == "ban-tu-kiem-diem"]) == 23


EXAMPLE = Path(__file__).resolve().parents[2] / "examples"


def test_a_collective_report_prints_the_scoring_and_statistics_of_its_chi_bo():
    planner, jobs = plan(EXAMPLE / "dang-bo-2025.xlsx")
    assert planner.result.errors == []
    [report] = [j for j in jobs if j.form == "bao-cao-kiem-diem-tap-the"]
    [sheet] = [j for j in jobs if j.path == "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/bieu-diem-tccsd"]
    assert report.path == "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/bao-cao-kiem-diem-tap-the"
    for key in ("diem", "dieu_kien", "tu_xep_loai", "thong_ke_dang_vien", "dang_bo", "nam", "ngay_lap"):
        assert report.document[key] == sheet.document[key], key
    assert report.document["tap_the"] == "Chi bộ Khu phố 5" and report.document["loai_tap_the"] == "chi_bo_truc_thuoc"
    assert report.document["trach_nhiem"]["ca_nhan"][0]["ho_ten"] == "Trần Thị Bình"


def test_a_report_whose_scores_contradict_the_bieu_diem_is_refused_at_its_file(tmp_path):
    shutil.copy(EXAMPLE / "dang-bo-2025.xlsx", tmp_path)
    shutil.copytree(EXAMPLE / "dang-bo-2025", tmp_path / "dang-bo-2025")
    report = tmp_path / "dang-bo-2025" / "bao-cao-chi-bo-khu-pho-5.yaml"
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    data["diem"] = {"tieu_chi_chung": {"diem": 30}, "ket_qua_nhiem_vu": {"diem": 65}}
    data["tu_xep_loai"] = "HTXSNV"
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    planner, jobs = plan(tmp_path / "dang-bo-2025.xlsx")
    assert not [j for j in jobs if j.form == "bao-cao-kiem-diem-tap-the"]
    assert [
        j for j in jobs if j.path == "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/bieu-diem-tccsd"
    ]  # the sheet still prints
    found = {(e["where"].split(": $")[-1], "khác biểu điểm tự chấm" in e["reason"]) for e in planner.result.errors}
    file = "tệp “dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml” (trang “Tổ chức”, dòng 3, cột “Tệp báo cáo kiểm điểm tập thể”)"
    assert all(e["where"].startswith(file) for e in planner.result.errors), planner.result.errors
    assert {(".diem", True), (".tu_xep_loai", True)} <= found


def _leave_open(d):
    """92 points but 1 of 10 tasks not done: no level's conditions hold, no KHTNV ground applies."""
    d["nhiem_vu"] = {"so_duoc_giao": 10, "so_hoan_thanh": 9, "so_dung_tien_do": 9, "so_vuot_muc": 0}
    d["tu_xep_loai"] = "HTNV"


def test_a_member_the_rules_leave_open_is_reported_listed_as_waiting_and_out_of_the_quota_base(dang_bo):
    edit(dang_bo / "kp6" / "dv-01.json", _leave_open)  # Nguyễn Văn An, one of the HTXSNV candidates
    planner, jobs = plan(dang_bo)
    [error] = planner.result.errors
    assert error["where"].startswith("kp6/dv-01.json: $.quyet_dinh_xep_loai")
    assert "cấp có thẩm quyền" in error["reason"]
    members = [j for j in jobs if j.form == "ban-tu-kiem-diem"]
    assert len(members) == 23  # the rest still print
    rows = listed(jobs, "Chi bộ Khu phố 6")
    assert len(rows) == 12
    [waiting] = [r for r in rows if r["xep_loai"] == "Chờ cấp có thẩm quyền quyết định"]
    assert waiting["ho_ten"] == "Nguyễn Văn An"
    [quota] = planner.result.quotas
    assert quota["base_count"] == 16 and quota["candidates"] == 5  # not an HTXSNV candidate, not HTTNV in the base


def test_a_committee_decision_in_the_member_file_settles_the_level(dang_bo):
    def decided(d):
        _leave_open(d)
        d["quyet_dinh_xep_loai"] = {
            "xep_loai": "HTNV",
            "can_cu": "Kết luận số 15-KL/ĐU ngày 22/12/2025 của Ban Thường vụ Đảng ủy",
        }

    edit(dang_bo / "kp6" / "dv-01.json", decided)
    planner, jobs = plan(dang_bo)
    assert planner.result.errors == []
    [row] = [r for r in listed(jobs, "Chi bộ Khu phố 6") if r["ho_ten"] == "Nguyễn Văn An"]
    assert row["xep_loai"] == "Hoàn thành nhiệm vụ"


def _forms(jobs):
    from generator.pipeline import renderable_forms

    return [j for j in jobs if j.form in renderable_forms()]


def test_each_job_comes_with_the_context_its_document_prepares_to():
    """The plan presents each document once, from the evaluation it made: what ``prepare`` gives, so
    the worker only renders; a list is its own input."""
    from generator.pipeline import prepare

    _, jobs = plan(EXAMPLE / "dang-bo-2025.xlsx")
    forms = _forms(jobs)
    assert {j.form for j in forms} == {"ban-tu-kiem-diem", "bieu-diem-tccsd", "bao-cao-kiem-diem-tap-the"}
    for job in forms:
        assert job.context == prepare(job.document).context, job.path
    [members] = [j for j in jobs if j.form == "danh-sach-xep-loai-dang-vien"]
    assert members.document is members.context


def test_members_of_an_unusable_list_or_with_a_profile_of_their_own_are_prepared_on_their_own(dang_bo):
    from generator.pipeline import prepare

    edit(dang_bo / "kp5" / "xep-loai-chi-bo.json", lambda d: d.update(so_co_mat="mười"))  # the whole list refused
    edit(dang_bo / "kp6" / "dv-01.json", lambda d: d.update(profile="don-vi-tieu-bieu-2025"))
    planner, jobs = plan(dang_bo)
    members = [j for j in jobs if j.form == "ban-tu-kiem-diem"]
    assert any("so_co_mat" in e["where"] for e in planner.result.errors)
    assert len([j for j in members if "khu-pho-5" in j.path]) == 12 and len(members) == 24
    [own] = [j for j in members if j.document.get("profile") == "don-vi-tieu-bieu-2025"]
    for job in members:
        assert job.context == prepare(job.document).context, job.path
    assert own.context["ket_qua"] == prepare(own.document).context["ket_qua"]


def test_a_folder_and_a_workbook_are_both_a_source(dang_bo):
    from generator.bulk.source import Source

    with open_source(dang_bo) as folder, open_source(EXAMPLE / "dang-bo-2025.xlsx") as book:
        assert isinstance(folder, Source) and isinstance(book, Source)
    assert not isinstance({"header": {}, "organisations": []}, Source)


def test_a_document_the_presenter_fails_on_is_reported_and_the_rest_planned(dang_bo, monkeypatch):
    from generator.bulk import plan as planning

    real = planning.build_context

    def failing(document, evaluation):
        if document["form"] == "bieu-diem-tccsd":
            raise RuntimeError("thử")
        return real(document, evaluation)

    monkeypatch.setattr(planning, "build_context", failing)
    planner, jobs = plan(dang_bo)
    assert (
        not [j for j in jobs if j.form == "bieu-diem-tccsd"]
        and len([j for j in jobs if j.form == "ban-tu-kiem-diem"]) == 24
    )
    [error] = planner.result.errors
    assert (
        error["where"] == "kp5/bieu-diem.json: $"
        and error["reason"] == "lỗi không lường trước khi in: RuntimeError: thử"
    )
