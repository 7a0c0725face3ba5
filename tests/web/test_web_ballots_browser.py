"""The "Phiếu biểu quyết" page in Chromium, in an English and a Vietnamese browser: a secretary makes a
fillable PDF ballot with the keyboard, two voters fill it, and the page counts them into the tally."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.blank import filling

pytestmark = pytest.mark.browser

NAMES = ["Trần Văn Hải", "Nguyễn Thị Mai", "Lê Quốc Bảo"]
HEAD = {"nam": "2025", "dang_bo": "Đảng bộ phường Ba Đình", "chi_bo": "Chi bộ Khu phố 5"}


def test_a_fillable_ballot_is_made_filled_and_counted(page_in_locale, live_server, tmp_path):
    page = page_in_locale
    page.goto(live_server["url"] + "/phieu-bieu-quyet")
    page.get_by_label("Năm kiểm điểm").first.fill(HEAD["nam"])  # found by its visible label
    page.locator("#phieu-dang_bo").fill(HEAD["dang_bo"])
    page.locator("#phieu-chi_bo").fill(HEAD["chi_bo"])
    page.get_by_label("Họ và tên đảng viên").fill("\n".join(NAMES))
    # the rest with the keyboard: the printed/fillable choice by arrow keys, the button by Enter
    page.locator('input[name="kieu"][value="in"]').focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator('input[name="kieu"][value="dien_duoc"]')).to_be_checked()
    page.locator("#tai-phieu").focus()
    with page.expect_download() as got:
        page.keyboard.press("Enter")
    assert got.value.suggested_filename == "phieu-bieu-quyet-chi-bo-khu-pho-5-dien-duoc.pdf"
    blank = Path(got.value.path()).read_bytes()

    fill = filling.fill
    votes = [("HTXSNV", "HTTNV", "HTNV"), ("HTXSNV", "HTXSNV", "HTTNV")]
    paths = []
    for n, levels in enumerate(votes, 1):
        path = tmp_path / f"phieu-{n}.pdf"
        path.write_bytes(fill(blank, {}, {f"dang_vien[{i}].chon": code for i, code in enumerate(levels)}))
        paths.append(str(path))

    for key, value in HEAD.items():
        page.locator(f"#kp-{key}").fill(value)
    page.locator("#kp-dia_danh").fill("Hà Nội")
    date = page.locator("#kp-ngay_kiem_phieu")
    date.fill("05/12/2025")  # day first in both browsers, never 12 May
    expect(page.locator("#dem-phieu .doc-lai")).to_have_text("ngày 05 tháng 12 năm 2025")
    page.locator("#kp-so_dang_vien_chinh_thuc").fill("3")
    page.locator("#kp-so_phieu_phat_ra").fill("3")
    page.locator("#kp-truong_ban").fill("Trần Văn Hải")
    page.locator("#kp-thanh_vien").fill("Lê Quốc Bảo")
    page.locator("#kp-phieu").set_input_files(paths)
    page.locator("#dem").click()

    expect(page.locator("#so-phieu")).to_contain_text("Vòng 1: 2 phiếu thu vào, 2 phiếu hợp lệ (phát ra 3).")
    rows = {
        row.locator("th").inner_text(): [int(c) for c in row.locator("td").all_inner_texts()]
        for row in page.locator("#bang-phieu tbody tr").all()
    }
    assert rows == {"Trần Văn Hải": [2, 0, 0, 0], "Nguyễn Thị Mai": [1, 1, 0, 0], "Lê Quốc Bảo": [0, 1, 1, 0]}
    assert page.locator("#tep-khong-dem").count() == 0
    with page.expect_download() as got:
        page.locator("#tai-bien-ban-json").click()
    tally = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert tally["ngay_kiem_phieu"] == "2025-12-05" and tally["so_phieu_hop_le"] == 2
    with page.expect_download() as got:
        page.locator("#tai-bien-ban-pdf").click()
    assert Path(got.value.path()).read_bytes()[:5] == b"%PDF-"


def test_a_bad_ballot_shows_its_problems_beside_the_fields(page, live_server):
    page.goto(live_server["url"] + "/phieu-bieu-quyet")
    page.locator("#phieu-nam").fill("hai nghìn")
    page.locator("#tai-phieu").click()
    expect(page.locator("#phieu-nam-loi")).to_have_text("Năm kiểm điểm ($.nam): cần một số, không phải “hai nghìn”")
    expect(page.locator("#phieu-chi_bo-loi")).to_have_text("Chi bộ ($.chi_bo): thiếu trường bắt buộc")
    assert page.locator("#phieu-nam").get_attribute("aria-describedby").endswith("phieu-nam-loi")
