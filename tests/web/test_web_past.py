"""``POST /api/ho-so/dang-vien``: a member's levels of the years before, read from the record across years
(the test's own record, tests/conftest.py), found by the record's identity rules, never created by reading."""

from __future__ import annotations

import json
import logging
import os
from decimal import Decimal

import pytest

from generator.history.location import resolve
from generator.history.store import open_store
from tests.history.rows import member, organisation, run
from tests.web.test_web_app import wait_for
from tests.web.test_web_prints import start

URL = "/api/ho-so/dang-vien"
AN = {"ho_ten": "Nguyễn Văn An", "ngay_sinh": "1980-03-02", "nam": 2025}


@pytest.fixture(autouse=True)
def no_tracebacks(caplog):
    caplog.set_level(logging.ERROR)
    yield
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]


@pytest.fixture
def recorded():
    """Nguyễn Văn An in 2023–2025 (2024 recorded twice: the second is current), two Lê Văn Hai born the same day."""
    with open_store(resolve()) as store:
        store.record(run(nam=2023), [member("Nguyễn Văn An", "1980-03-02", "HTXSNV", nam=2023, score=Decimal("95.5"))])
        store.record(run(nam=2024), [member("Nguyễn Văn An", "1980-03-02", "HTNV", nam=2024)])
        store.record(
            run("sua-2024.xlsx", nam=2024),
            [member("Nguyễn Văn An", "1980-03-02", "HTTNV", nam=2024, chi_bo="Chi bộ Khu phố 6")],
        )
        store.record(
            run(nam=2025),
            [
                member("Nguyễn Văn An", "1980-03-02", "KHTNV", nam=2025),
                member("Lê Văn Hai", "1975-07-07", admitted="2001-01-01", where="dòng 3"),
                member("Lê Văn Hai", "1975-07-07", admitted="2002-02-02", where="dòng 4"),
            ],
        )


def post(client, body):
    return client.post(URL, data=json.dumps(body, ensure_ascii=False).encode(), content_type="application/json")


def test_a_members_years_before_the_year_being_reviewed(client, recorded):
    response = post(client, AN)
    assert response.status_code == 200
    assert response.get_json() == {
        "ket_qua": [
            {
                "nam": 2023,
                "level": "HTXSNV",
                "level_label": "Hoàn thành xuất sắc nhiệm vụ",
                "score": 95.5,
                "chi_bo": "Chi bộ Khu phố 5",
                "dang_bo": "Đảng bộ phường Ba Đình",
            },
            {
                "nam": 2024,
                "level": "HTTNV",
                "level_label": "Hoàn thành tốt nhiệm vụ",
                "score": None,
                "chi_bo": "Chi bộ Khu phố 6",
                "dang_bo": "Đảng bộ phường Ba Đình",
            },
        ],
        "ly_do": None,
        "can_ghi_them": False,
    }
    by_admission = post(client, {"ho_ten": "Nguyễn Văn An", "ngay_vao_dang": "2010-05-19", "nam": "2024"})
    assert [o["nam"] for o in by_admission.get_json()["ket_qua"]] == [2023]
    every_year = post(client, {"ho_ten": "Nguyễn Văn An", "ngay_sinh": "1980-03-02"}).get_json()
    assert [o["level_label"] for o in every_year["ket_qua"]][-1] == "Không hoàn thành nhiệm vụ"


def test_nobody_and_nothing_before_say_why(client, recorded):
    unknown = post(client, {**AN, "ho_ten": "Trần Thị Bình"}).get_json()
    assert unknown["ket_qua"] == [] and "chưa có đảng viên này" in unknown["ly_do"]
    other_birth = post(client, {**AN, "ngay_sinh": "1981-03-02"}).get_json()
    assert other_birth["ket_qua"] == [] and "chưa có đảng viên này" in other_birth["ly_do"]
    first_year = post(client, {**AN, "nam": 2023}).get_json()
    assert first_year["ket_qua"] == [] and not first_year["can_ghi_them"]
    assert first_year["ly_do"] == "Hồ sơ xếp loại chưa có kết quả trước năm 2023 của đảng viên này."
    assert not unknown["can_ghi_them"]


def test_two_recorded_people_who_match_are_never_guessed_between(client, recorded):
    both = post(client, {"ho_ten": "Lê Văn Hai", "ngay_sinh": "1975-07-07", "nam": 2026}).get_json()
    assert (
        both["ket_qua"] == []
        and both["can_ghi_them"]
        and "ghi thêm ngày sinh, ngày vào Đảng hoặc số thẻ" in both["ly_do"]
    )
    one = post(client, {"ho_ten": "Lê Văn Hai", "ngay_sinh": "1975-07-07", "ngay_vao_dang": "2002-02-02", "nam": 2026})
    assert [o["nam"] for o in one.get_json()["ket_qua"]] == [2025]
    no_date = post(client, {"ho_ten": "Nguyễn Văn An", "so_the_dang_vien": "012345", "nam": 2026}).get_json()
    assert no_date["ket_qua"] == [] and "chưa có ngày nào để so" in no_date["ly_do"]
    spelled = post(client, {**AN, "ho_ten": "nguyễn văn an"}).get_json()
    assert spelled["ket_qua"] == [] and "khác cách viết" in spelled["ly_do"]


def test_without_a_record_nothing_is_created(client):
    path = resolve().path
    answer = post(client, AN)
    assert answer.status_code == 200
    assert answer.get_json()["ket_qua"] == [] and answer.get_json()["ly_do"].startswith("Chưa có hồ sơ xếp loại")
    assert not path.exists() and not path.parent.joinpath("kiemdiem").exists()
    assert client.get("/").status_code == 200


def test_without_a_date_or_card_it_asks_for_one_and_reads_nothing(client):
    answer = post(client, {"ho_ten": "Nguyễn Văn An", "nam": 2025}).get_json()
    assert answer == {
        "ket_qua": [],
        "ly_do": "Ghi thêm ngày sinh, ngày vào Đảng hoặc số thẻ đảng viên để tìm trong hồ sơ.",
        "can_ghi_them": False,
    }
    assert not resolve().path.exists()


@pytest.mark.parametrize(
    ("body", "path", "reason"),
    [
        ({**AN, "ngay_sinh": "02/03/1980"}, "$.ngay_sinh", "phải là một ngày có thật"),
        ({**AN, "ngay_vao_dang": "2010-02-30"}, "$.ngay_vao_dang", "phải là một ngày có thật"),
        ({**AN, "nam": 20250}, "$.nam", "phải là một năm từ 1930 đến 2100"),
        ({**AN, "nam": True}, "$.nam", "phải là một năm"),
        ({**AN, "ho_ten": ["An"]}, "$.ho_ten", "phải là chuỗi chữ"),
        ({**AN, "ho_ten": "A" * 201}, "$.ho_ten", "dài quá 200 ký tự"),
        ({**AN, "so_the_dang_vien": "1" * 25}, "$.so_the_dang_vien", "dài quá 24 ký tự"),
        ({"ngay_sinh": "1980-03-02"}, "$.ho_ten", "chưa ghi họ và tên"),
        (["Nguyễn Văn An"], "$", "phải là một đối tượng JSON"),
    ],
)
def test_a_request_it_cannot_read_is_a_400_with_its_problems(client, body, path, reason):
    response = post(client, body)
    assert response.status_code == 400
    [problem] = response.get_json()["problems"]
    assert problem["path"] == path and reason in problem["reason"], problem
    assert not resolve().path.exists()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"{not json", "JSON"), (b"\xff\xfe", "UTF-8"), (b'{"ho_ten": "' + b"a" * (6 * 1024 * 1024) + b'"}', "quá lớn")],
)
def test_a_body_that_is_not_json_is_refused_as_the_other_endpoints_do(client, raw, reason):
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code in (400, 413)
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and (reason in text or response.status_code == 413), text[:300]


def test_a_cross_origin_request_is_refused(client):
    response = client.post(URL, json=AN, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and "từ chối" in response.get_json()["error"]


def test_get_is_405_in_vietnamese(client):
    response = client.get(URL)
    assert response.status_code == 405 and "không nhận" in response.get_json()["error"]


@pytest.mark.parametrize("broken", ["folder", "not-a-database"])
def test_a_record_that_cannot_be_read_is_an_error_in_vietnamese(client, tmp_path, monkeypatch, broken):
    path = tmp_path / "ho-so.sqlite"
    if broken == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"this is not a SQLite database" * 100)
    monkeypatch.setenv("KIEMDIEM_HISTORY", str(path))
    response = post(client, AN)
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error.startswith("Không đọc được hồ sơ xếp loại: ") and str(path) in error, error
    assert "Traceback" not in error
    if broken == "not-a-database":
        assert os.path.getsize(path) == len(b"this is not a SQLite database" * 100)
    assert client.get("/").status_code == 200


def test_the_dang_bo_page_lists_each_chi_bos_levels_of_the_years_before(client):
    with open_store(resolve()) as store:
        store.record(run(nam=2023), organisations=[organisation("kp5", "Chi bộ Khu phố 5", "HTXSNV", nam=2023)])
        store.record(
            run(nam=2024),
            organisations=[
                organisation("kp5", "Chi bộ Khu phố 5", "HTTNV", nam=2024),
                organisation("vp", "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường", "HTNV", nam=2024),
            ],
        )
        store.record(run(nam=2025), organisations=[organisation("kp5", "Chi bộ Khu phố 5", "KHTNV", nam=2025)])
    job = wait_for(client, f"/api/so-dang-bo/{start(client, ['pdf'])}")
    assert job["state"] == "xong" and job["errors"] == []
    past = {f["chi_bo"]: [(o["nam"], o["level_label"]) for o in f["truoc"]] for f in job["print_files"]}
    assert past == {
        "Chi bộ Khu phố 5": [(2023, "Hoàn thành xuất sắc nhiệm vụ"), (2024, "Hoàn thành tốt nhiệm vụ")],
        "Chi bộ Khu phố 6": [],
        "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường": [(2024, "Hoàn thành nhiệm vụ")],
    }


def test_a_card_recorded_for_someone_else_is_said_without_naming_them(client):
    with open_store(resolve()) as store:
        store.record(run(), [member("Phạm Văn Cường", "1970-01-01", card="012.345.678")])
    by_card = post(client, {"ho_ten": "Phạm Văn Cường", "so_the_dang_vien": "12345678", "nam": 2026}).get_json()
    assert [o["nam"] for o in by_card["ket_qua"]] == [2025]  # the card by its digits, without dots or leading zeros
    other = post(client, {"ho_ten": "Phạm Văn Cương", "so_the_dang_vien": "012345678", "nam": 2026}).get_json()
    assert other["ket_qua"] == [] and other["can_ghi_them"]
    assert other["ly_do"].startswith("Số thẻ đảng viên này đã ghi trong hồ sơ với họ tên hoặc ngày khác")
    assert "Cường" not in other["ly_do"]
