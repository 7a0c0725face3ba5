"""The web app in Chromium with a record across years: a bản tự kiểm điểm that names a recorded member shows,
read-only, the levels of the years before (mau_ho_so.js), in an English and a Vietnamese browser; the đảng bộ
page lists each chi bộ's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from generator.history.location import resolve
from generator.history.store import open_store
from tests.history.rows import member, organisation, run
from tests.web.test_web_browser import EXAMPLES, control

pytestmark = pytest.mark.browser


def _record() -> None:
    with open_store(resolve()) as store:  # the test's own record (tests/conftest.py), read by the live server
        store.record(run(nam=2023), [member("Trần Thị Mai", "1988-04-21", "HTXSNV", nam=2023, score=Decimal("95.5"))])
        store.record(run(nam=2024), [member("Trần Thị Mai", "1988-04-21", "HTTNV", nam=2024)])
        store.record(run(nam=2025), [member("Trần Thị Mai", "1988-04-21", "HTNV", nam=2025)])


def test_typing_a_recorded_member_shows_the_levels_of_the_years_before(page_in_locale, live_server):
    page = page_in_locale
    _record()
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    box = page.locator("#ho-so-truoc")
    control(page, "$.nam").fill("2025")
    control(page, "$.dang_vien.ho_ten").fill("Trần Thị Mai")
    expect(box).to_be_hidden()  # a name alone is not asked
    control(page, "$.dang_vien.ngay_sinh").fill("21/04/1988")  # day first, in either browser
    expect(box).to_be_visible()
    expect(box.locator("h2")).to_have_text("Kết quả xếp loại các năm trước (hồ sơ xếp loại)")
    expect(box.locator("li")).to_have_text(
        [
            "2023: Hoàn thành xuất sắc nhiệm vụ (95,5 điểm) — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình",
            "2024: Hoàn thành tốt nhiệm vụ — Chi bộ Khu phố 5, Đảng bộ phường Ba Đình",
        ]
    )
    control(page, "$.nam").fill("2026")  # the year reviewed moves: 2025 is a year before
    expect(box.locator("li")).to_have_count(3)
    expect(box.locator("li").last).to_contain_text("2025: Hoàn thành nhiệm vụ — Chi bộ Khu phố 5")
    control(page, "$.dang_vien.ngay_sinh").fill("22/04/1988")  # someone else: nothing to show
    expect(box).to_be_hidden()


def test_without_a_record_the_page_shows_nothing_and_creates_none(page, live_server):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    with page.expect_response("**/api/ho-so/dang-vien") as got:
        control(page, "$.dang_vien.ho_ten").fill("Trần Thị Mai")
        control(page, "$.dang_vien.ngay_sinh").fill("21/04/1988")
    assert got.value.json()["ly_do"].startswith("Chưa có hồ sơ xếp loại")
    expect(page.locator("#ho-so-truoc")).to_be_hidden()
    assert not resolve().path.exists()


def test_the_dang_bo_page_shows_each_chi_bos_levels_of_the_years_before(page, live_server):
    with open_store(resolve()) as store:
        store.record(run(nam=2023), organisations=[organisation("kp5", "Chi bộ Khu phố 5", "HTXSNV", nam=2023)])
        store.record(run(nam=2024), organisations=[organisation("kp5", "Chi bộ Khu phố 5", "HTTNV", nam=2024)])
    page.goto(live_server["url"] + "/so-dang-bo")
    page.set_input_files("input[name=so]", str(EXAMPLES / "dang-bo-2025.xlsx"))
    page.uncheck("input[value=docx]")
    page.click("#in-ca-dang-bo")
    page.wait_for_selector("#luot-in[data-xong]", state="attached", timeout=180_000)
    items = page.locator("#ds-tep-in li")
    expect(items).to_have_count(3)
    expect(items.nth(0).locator(".truoc")).to_have_text(
        "Các năm trước (hồ sơ xếp loại): 2023: Hoàn thành xuất sắc nhiệm vụ; 2024: Hoàn thành tốt nhiệm vụ"
    )
    expect(items.nth(1).locator(".truoc")).to_have_count(0)  # nothing recorded of Chi bộ Khu phố 6
