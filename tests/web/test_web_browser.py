"""The web app in a real browser (Debian's Chromium through Playwright): a secretary's path
from an empty page to a sign-ready DOCX/PDF, errors next to their fields, work kept across
reloads, and a clerk's path from a workbook to a ZIP."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from generator import load_document, prepare
from generator.evaluate import evaluate
from generator.typed import TypedError, parse_date, parse_number
from generator.validate import validate
from tests.test_typed import DATES, NUMBERS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.browser

NAME = "Phạm Thị Hồng Nhung"
TYPED = {  # the bản tự kiểm điểm 02B as a secretary types it, field by field
    "$.nam": "2025",
    "$.dang_bo": "Đảng bộ phường Ba Đình",
    "$.chi_bo": "Chi bộ Khu dân cư số 3",
    "$.dia_danh": "Hà Nội",
    "$.ngay_lap": "2025-12-04",
    "$.dang_vien.ho_ten": unicodedata.normalize("NFD", NAME),  # typed decomposed: the documents must be NFC
    "$.dang_vien.ngay_sinh": "1990-03-15",
    "$.dang_vien.don_vi_cong_tac": "Trạm Y tế phường Ba Đình",
    "$.dang_vien.ngay_vao_dang": "2015-09-02",
    "$.kiem_diem.uu_diem.pham_chat": "Giữ vững lập trường chính trị; lối sống giản dị, đoàn kết.",
    "$.kiem_diem.uu_diem.thuc_hien_nhiem_vu": "Hoàn thành 10/10 nhiệm vụ được giao:\n- Tiêm chủng đủ 100% trẻ em;\n- Khám sàng lọc cho người cao tuổi <tổ 5> & tổ 6.",
    "$.kiem_diem.uu_diem.cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025.",
    "$.kiem_diem.han_che.han_che_khuyet_diem": "Có lúc chưa mạnh dạn phát biểu trong sinh hoạt chi bộ.",
    "$.kiem_diem.han_che.nguyen_nhan": "Khối lượng công việc chuyên môn lớn.",
    "$.kiem_diem.khac_phuc": "Kỳ trước không chỉ ra hạn chế, khuyết điểm.",
    "$.kiem_diem.phuong_huong": "- Chủ động đóng góp ý kiến trong sinh hoạt chi bộ.",
    "$.diem.tieu_chi_chung.diem": "28",
    "$.diem.ket_qua_nhiem_vu.diem": "64",
    "$.nhiem_vu.so_duoc_giao": "10",
    "$.nhiem_vu.so_hoan_thanh": "10",
    "$.nhiem_vu.so_dung_tien_do": "10",
    "$.nhiem_vu.so_vuot_muc": "4",
}
CHOSEN = {"#chon-doi-tuong": '"khong_giu_chuc_vu"', '[data-path="$.tu_xep_loai"]:is(select)': '"HTXSNV"'}


def control(page, path: str):
    """The input of a field, its collapsed sections opened."""
    locator = page.locator(f'#van-ban :is(input, select, textarea)[data-path="{path}"]')
    locator.evaluate(
        "el => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"
    )
    return locator


def open_file(page, path) -> None:
    page.locator("#mo-tep").set_input_files(str(path))
    expect(page.locator("#trang-thai")).to_have_text(re.compile("^Đã mở"))


def press_check(page):
    page.click("#kiem-tra")
    expect(page.locator("#trang-thai")).to_have_text(re.compile("^(Hợp lệ|Còn)"))


def the_document_typed() -> dict:
    document = {"form": "ban-tu-kiem-diem", "regime": "qd366-2025"}
    for path, value in {**TYPED, "$.dang_vien.doi_tuong": "khong_giu_chuc_vu", "$.tu_xep_loai": "HTXSNV"}.items():
        node, keys = document, path[2:].split(".")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = int(value) if value.isdigit() and not keys[-1].startswith("ngay") else value
    return document


def test_a_secretary_fills_02b_checks_it_and_downloads_docx_and_pdf(page, live_server, tmp_path):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    for selector, value in CHOSEN.items():
        page.locator(selector).select_option(value)
    for path, value in TYPED.items():
        control(page, path).fill(value)
    press_check(page)

    expected = evaluate(validate(the_document_typed()))
    result = page.locator("#ket-qua")
    assert expected.level_label in result.inner_text()
    assert "Tổng điểm: 92/100" in result.inner_text()
    assert "Mẫu 02B-HD KĐ.ĐG 2025" in result.inner_text()
    for reason in expected.reasons:
        assert reason.text in result.inner_text()
    assert page.locator("#trang-thai").inner_text() == "Hợp lệ: có thể tải văn bản."

    with page.expect_download() as got:
        page.click('button[data-dinh-dang="docx"]')
    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)
    assert saved.name == "ban-tu-kiem-diem-pham-thi-hong-nhung.docx"
    word = docx.Document(str(saved))
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    assert NAME.upper() in text.upper() and unicodedata.is_normalized("NFC", text)
    assert "Khám sàng lọc cho người cao tuổi <tổ 5> & tổ 6." in text  # "<" and "&" kept whole
    assert "ngày 04 tháng 12 năm 2025" in text

    with page.expect_download() as got:
        page.click('button[data-dinh-dang="pdf"]')
    pdf = tmp_path / got.value.suggested_filename
    got.value.save_as(pdf)
    assert pdf.name == "ban-tu-kiem-diem-pham-thi-hong-nhung.pdf"
    pdf_text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
    assert NAME in pdf_text
    assert "Trạm Y tế phường Ba Đình" in pdf_text
    assert "Hoàn thành xuất sắc nhiệm vụ" in pdf_text


def test_an_invalid_form_shows_the_cli_message_next_to_the_field(page, live_server):
    page.goto(live_server["url"])
    open_file(page, EXAMPLES / "ban-tu-kiem-diem-02b.json")
    control(page, "$.nhiem_vu.so_vuot_muc").fill("13")  # more exceeded than completed (12)
    field = page.locator('.truong[data-path="$.nhiem_vu.so_vuot_muc"] .loi')
    message = (
        "13 không được lớn hơn “Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ, chỉ tiêu hoàn thành” (12)"
    )
    field.get_by_text(message).wait_for()  # live, while typing: the same words as kiemdiem validate

    control(page, "$.dang_vien.ho_ten").fill("")
    press_check(page)
    assert page.locator('.truong[data-path="$.dang_vien.ho_ten"] .loi').inner_text() == "thiếu trường bắt buộc"
    summary = page.locator("#danh-sach-loi").inner_text()
    assert "Thông tin đảng viên › Họ và tên ($.dang_vien.ho_ten): thiếu trường bắt buộc" in summary

    page.click('button[data-dinh-dang="pdf"]')  # refused: nothing downloaded, the reasons shown
    expect(page.locator("#trang-thai")).to_have_text(re.compile("^Chưa in được"))
    assert "thiếu trường bắt buộc" in page.locator('.truong[data-path="$.dang_vien.ho_ten"] .loi').inner_text()


LEADERSHIP_ONLY = [
    '.truong[data-path="$.dang_vien.chuc_vu_dang"]',
    '.truong[data-path="$.dang_vien.chuc_vu_chinh_quyen"]',
    '.truong[data-path="$.dang_vien.chuc_vu_doan_the"]',
    '.truong[data-path="$.kiem_diem.uu_diem.lanh_dao_quan_ly"]',
    '.nhom[data-path="$.lanh_dao"]',
]


def test_02b_and_02c_hide_the_leadership_sections_but_never_a_typed_value(page, live_server):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    shown = lambda: [page.locator(s).is_visible() for s in LEADERSHIP_ONLY]  # noqa: E731
    assert all(shown())  # no variant chosen yet: everything offered
    for variant in ('"khong_giu_chuc_vu"', '"ngoai_he_thong_chinh_tri"'):
        page.locator("#chon-doi-tuong").select_option(variant)
        assert not any(shown()), variant
    page.locator("#chon-doi-tuong").select_option('"lanh_dao_quan_ly"')
    assert all(shown())
    control(page, "$.dang_vien.chuc_vu_doan_the").fill("Ủy viên Ban Chấp hành Công đoàn")
    page.locator("#chon-doi-tuong").select_option('"khong_giu_chuc_vu"')
    assert shown() == [False, False, True, False, False]  # what was typed stays in sight and in the document
    saved = page.wait_for_function("""() => ((JSON.parse(localStorage.getItem('kiemdiem.web.v1')).documents
                                          ['ban-tu-kiem-diem'] || {}).dang_vien || {}).chuc_vu_doan_the""")
    assert saved.json_value() == "Ủy viên Ban Chấp hành Công đoàn"


def test_an_empty_form_lists_every_missing_field_when_checked(page, live_server):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    assert page.locator("#van-ban .loi-truong").count() == 0  # nothing typed yet: nothing scolded
    press_check(page)
    assert page.locator('.truong[data-path="$.chi_bo"] .loi').inner_text() == "thiếu trường bắt buộc"
    member = page.locator('.nhom[data-path="$.dang_vien"]')  # a whole section missing: said on the section
    assert member.locator(":scope > .loi").inner_text() == "thiếu trường bắt buộc"
    assert member.get_attribute("open") is not None


def test_work_is_saved_as_json_kept_over_a_reload_and_opened_again(page, browser, live_server, tmp_path):
    page.goto(live_server["url"])
    open_file(page, EXAMPLES / "ban-tu-kiem-diem-02b.json")
    control(page, "$.chi_bo").fill("Chi bộ Tổ dân phố số 9")

    with page.expect_download() as got:
        page.click("#luu-tep")
    saved = tmp_path / "ban-tu-kiem-diem.json"
    got.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    original = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")
    assert document["chi_bo"] == "Chi bộ Tổ dân phố số 9"
    assert document["dang_vien"] == original["dang_vien"]
    assert document["diem"] == original["diem"]
    assert evaluate(validate(document)).as_dict() == evaluate(validate(original)).as_dict()

    page.reload()  # right after typing: the page also stores its work when it is left
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    assert control(page, "$.chi_bo").input_value() == "Chi bộ Tổ dân phố số 9"
    assert control(page, "$.dang_vien.ho_ten").input_value() == "Nguyễn Thị Ngọc Ánh"

    fresh = browser.new_context(accept_downloads=True).new_page()  # another browser: nothing stored
    fresh.goto(live_server["url"])
    fresh.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    assert control(fresh, "$.chi_bo").input_value() == ""
    open_file(fresh, saved)
    assert control(fresh, "$.chi_bo").input_value() == "Chi bộ Tổ dân phố số 9"
    assert control(fresh, "$.diem.tieu_chi_chung.tieu_chi[2].diem").input_value() == "8"
    fresh.context.close()


PRINTABLE_EXAMPLES = sorted(
    str(p.relative_to(EXAMPLES))
    for p in [
        *EXAMPLES.glob("*.json"),
        *EXAMPLES.glob("*.yaml"),
        *EXAMPLES.glob("phieu-bieu-quyet/*.yaml"),
        *EXAMPLES.glob("phieu-nhan-xet-noi-cu-tru/*.yaml"),
    ]
)


@pytest.mark.parametrize("name", PRINTABLE_EXAMPLES)
def test_every_example_goes_through_the_generated_form_unchanged(page, live_server, tmp_path, name):
    """Each form's fields, drawn from its schema and regime, hold every example whole: opened,
    then saved from the fields, it prints exactly the same document."""
    page.goto(live_server["url"])
    open_file(page, EXAMPLES / name)
    with page.expect_download() as got:
        page.click("#luu-tep")
    saved = tmp_path / "saved.json"
    got.value.save_as(saved)
    again = prepare(json.loads(saved.read_text(encoding="utf-8")))
    assert again.context == prepare(load_document(EXAMPLES / name)).context


def test_a_workbook_becomes_a_zip_and_its_errors_are_listed(page, live_server, tmp_path):
    page.goto(live_server["url"] + "/so-dang-bo")
    page.set_input_files("input[name=so]", str(EXAMPLES / "dang-bo-2025.xlsx"))
    page.uncheck("input[value=pdf]")  # DOCX only: the same run, half the time
    page.click("#in-ca-dang-bo")
    page.wait_for_selector("#luot-in[data-xong]", state="attached", timeout=180_000)
    assert page.locator("#tien-do").inner_text().startswith("Đã in xong.")
    # the report of Chi bộ Khu phố 5 is a file beside the workbook, not sent: listed with its sheet, row, column
    errors = page.locator("#ban-ghi-loi tbody tr")
    assert errors.count() == 1
    assert (
        errors.nth(0).locator("td").nth(0).inner_text()
        == "trang “Tổ chức”, dòng 3, cột “Tệp báo cáo kiểm điểm tập thể”"
    )
    assert errors.nth(0).locator("td").nth(1).inner_text() == "Chi bộ Khu phố 5"  # whose record
    assert "không tìm thấy tệp" in errors.nth(0).locator("td").nth(2).inner_text()

    with page.expect_download() as got:
        page.click("#lien-ket-zip")
    archive = tmp_path / got.value.suggested_filename
    got.value.save_as(archive)
    names = set(zipfile.ZipFile(archive).namelist())
    root = "dang-bo-phuong-ba-dinh"
    for expected in (
        f"{root}/chi-bo-van-phong-dang-uy-hdnd-ubnd-phuong/ban-tu-kiem-diem-nguyen-thi-ngoc-anh.docx",
        f"{root}/chi-bo-khu-pho-6/ban-tu-kiem-diem-pham-thi-hong-nhung.docx",
        f"{root}/chi-bo-khu-pho-5/bieu-diem-tccsd.docx",
        f"{root}/danh-sach-xep-loai-dang-vien.docx",
        f"{root}/bao-cao-tong-hop-xep-loai.docx",
        f"{root}/bao-cao-ty-le-xep-loai.docx",
        f"{root}/danh-sach-loi.csv",
        "manifest.json",
    ):
        assert expected in names
    assert sum(name.endswith(".docx") and "/ban-tu-kiem-diem-" in name for name in names) == 21
    assert not any(name.endswith(".pdf") for name in names)
    errors_csv = zipfile.ZipFile(archive).read(f"{root}/danh-sach-loi.csv").decode("utf-8-sig")
    assert "trang “Tổ chức”, dòng 3" in errors_csv


def test_a_filled_blank_opens_in_the_form_page(page, live_server, tmp_path):
    from generator.blank import make_blank, render_blank
    from tests.web.uploads import fill_02b

    filled = tmp_path / "ban-da-dien.pdf"
    filled.write_bytes(
        fill_02b(render_blank(make_blank("ban-tu-kiem-diem", {"chi_bo": "Chi bộ Khu phố 5"}, fillable="pdf"), "pdf"))
    )
    page.goto(live_server["url"] + "/nhap-ban-dien")
    page.set_input_files("input[name=ban_dien]", str(filled))
    page.click("#doc-ban-dien")
    expect(page.locator(".hop-le")).to_contain_text("Hoàn thành tốt nhiệm vụ (HTTNV)")
    page.click("#mo-trang-soan")
    page.wait_for_url(live_server["url"] + "/")
    expect(control(page, "$.dang_vien.ho_ten")).to_have_value("Nguyễn Thị Ngọc Ánh")
    expect(control(page, "$.chi_bo")).to_have_value("Chi bộ Khu phố 5")


def test_the_rubric_follows_the_chosen_regime(page, live_server):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    page.select_option("#chon-mau", "bieu-diem-tccsd")
    page.locator("#chon-quy-dinh").select_option("hd07-2011")
    expect(page.locator('.truong[data-path="$.diem.nhiem_vu_chinh_tri.diem"] label')).to_contain_text("(0–30)")
    part = page.locator('.nhom[data-path="$.diem.nhiem_vu_chinh_tri"] > summary')
    expect(part).to_contain_text("(tối đa 30 điểm)")
    assert page.locator('#van-ban [data-path^="$.diem."]:is(input)[data-path$=".diem"]').count() == 7  # seven tasks
    expect(page.locator("#chon-ho-so")).to_be_disabled()  # no shipped profile for 2011

    page.locator("#chon-quy-dinh").select_option("qd132-2019")
    page.locator("#chon-ho-so").select_option("son-la-2021")
    expect(page.locator('.truong[data-path="$.diem.tong_hop.diem"] label')).to_contain_text("(0–100)")  # Sơn La's sheet
    grade = control(page, "$.cap_do.nhiem_vu_chinh_tri")
    assert grade.locator("option").all_inner_texts() == ["— chọn —", "Xuất sắc", "Tốt", "Trung bình", "Kém"]
    control(page, "$.to_chuc").fill("Chi bộ Trường Tiểu học Kim Đồng")
    page.reload()  # the regime, the profile and the text come back
    expect(page.locator("#chon-quy-dinh")).to_have_value("qd132-2019")
    expect(page.locator("#chon-ho-so")).to_have_value("son-la-2021")
    expect(control(page, "$.to_chuc")).to_have_value("Chi bộ Trường Tiểu học Kim Đồng")


# ------------------------------------------------------------------ dates and numbers as typed (issue 15 §1)
# In an English and in a Vietnamese Chromium: day first whatever the browser's language, a decimal comma
# kept, each field's own range in its message, and the page's reading (static/so_ngay.js) the server's
# (generator/typed.py).
def reading(page, path: str):
    return page.locator(f'.truong[data-path="{path}"] .doc-lai')


def problem(page, path: str):
    return page.locator(f'.truong[data-path="{path}"] .loi')


def start(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    page.locator("#chon-doi-tuong").select_option('"khong_giu_chuc_vu"')


def _python(parse, text):
    try:
        return {"value": parse(text)}
    except TypedError as error:
        return {"error": str(error)}


def test_the_page_reads_numbers_and_dates_as_the_server_does(page_in_locale, live_server):
    page = page_in_locale
    start(page, live_server["url"])
    texts = [t for t, _ in NUMBERS]
    dates = [t for t, _ in DATES]
    got = page.evaluate(
        "([n, d]) => [n.map((t) => kiemdiemTyped.number(t)), d.map((t) => kiemdiemTyped.date(t))]", [texts, dates]
    )
    assert got[0] == [_python(parse_number, t) for t in texts]
    assert got[1] == [_python(parse_date, t) for t in dates]


def test_a_date_typed_day_first_prints_as_typed(page_in_locale, live_server, tmp_path):
    page = page_in_locale
    start(page, live_server["url"])
    field = control(page, "$.ngay_lap")
    assert field.get_attribute("type") == "text" and field.get_attribute("placeholder") == "dd/mm/yyyy"
    field.fill("05/12/2025")
    expect(reading(page, "$.ngay_lap")).to_have_text("ngày 05 tháng 12 năm 2025")
    field.fill("12/25/2025")  # month first: refused, never read as 12 May
    expect(reading(page, "$.ngay_lap")).to_have_text("ngày không hợp lệ “12/25/2025” (ghi dạng dd/mm/yyyy)")
    field.fill("5-12-2025")
    field.blur()
    expect(field).to_have_value("05/12/2025")
    assert "YYYY-MM-DD" not in page.locator("#van-ban").inner_text()

    with page.expect_download() as got:
        page.click("#luu-tep")
    saved = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert saved["ngay_lap"] == "2025-12-05"  # the file holds the date as kiemdiem render reads it


def test_a_decimal_comma_is_kept_and_each_field_names_its_own_range(page_in_locale, live_server):
    page = page_in_locale
    start(page, live_server["url"])
    score = control(page, "$.diem.tieu_chi_chung.diem")
    score.fill("27,5")
    expect(reading(page, "$.diem.tieu_chi_chung.diem")).to_have_text("")
    score.blur()
    expect(score).to_have_value("27,5")
    score.fill("27.5")
    score.blur()
    expect(score).to_have_value("27,5")  # shown the Vietnamese way
    label = page.locator('.truong[data-path="$.diem.tieu_chi_chung.diem"] label').inner_text()
    assert "(0–30)" in label
    score.fill("275")  # a dropped comma: refused against the field's own 30, not the schema's 100
    expect(reading(page, "$.diem.tieu_chi_chung.diem")).to_have_text("275 vượt quá mức tối đa 30")
    expect(page.locator('.truong[data-path="$.diem.tieu_chi_chung.diem"]')).to_have_class(re.compile("co-loi"))
    score.fill("27.500")
    expect(reading(page, "$.diem.tieu_chi_chung.diem")).to_contain_text("“27.500” là 27,5 hay 27500?")
    expect(page.locator('.truong[data-path="$.diem.tieu_chi_chung.diem"]')).to_have_class(re.compile("co-loi"))
    assert problem(page, "$.diem.tieu_chi_chung.diem").inner_text() == ""  # the server's same words, not said twice
    tasks = control(page, "$.nhiem_vu.so_duoc_giao")
    tasks.fill("6,5")  # a count: whole numbers only, said at once
    expect(reading(page, "$.nhiem_vu.so_duoc_giao")).to_have_text("cần một số nguyên, không phải “6,5”")
    expect(page.locator('.truong[data-path="$.nhiem_vu.so_duoc_giao"]')).to_have_class(re.compile("co-loi"))


def test_a_member_typed_with_decimal_commas_and_day_first_dates_prints_them(page_in_locale, live_server, tmp_path):
    page = page_in_locale
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    for selector, value in CHOSEN.items():
        page.locator(selector).select_option(value)
    typed = {
        **TYPED,
        "$.ngay_lap": "04/12/2025",
        "$.dang_vien.ngay_sinh": "15/3/1990",
        "$.dang_vien.ngay_vao_dang": "02-09-2015",
        "$.diem.tieu_chi_chung.diem": "27,5",
        "$.diem.ket_qua_nhiem_vu.diem": "64.5",
    }
    for path, value in typed.items():
        control(page, path).fill(value)
    page.click("#kiem-tra")
    expect(page.locator("#trang-thai")).to_have_text("Hợp lệ: có thể tải văn bản.")
    assert "Tổng điểm: 92/100" in page.locator("#ket-qua").inner_text()
    with page.expect_download() as got:
        page.click("#luu-tep")
    saved = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert saved["dang_vien"]["ngay_vao_dang"] == "2015-09-02" and saved["diem"]["tieu_chi_chung"]["diem"] == 27.5
    with page.expect_download() as got:
        page.click('button[data-dinh-dang="pdf"]')
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(got.value.path()).pages))
    assert "ngày 04 tháng 12 năm 2025" in text and "Ngày sinh: 15/3/1990" in text
    assert re.search(r"27,5\s", text) and re.search(r"64,5\s", text)


def test_the_open_file_button_is_reached_with_the_keyboard(page, live_server):
    page.goto(live_server["url"])
    page.wait_for_selector('#van-ban [data-path="$.dang_vien.ho_ten"]')
    button = page.locator("#mo-tep-nut")
    page.locator("#luu-tep").focus()
    page.keyboard.press("Tab")  # the next stop after "Lưu tệp JSON" (a label for a hidden input was none)
    assert button.evaluate("b => b === document.activeElement")
    # Enter on the button opens the file input (its chooser is the browser's own dialog, not the page's).
    page.evaluate("""() => { window.moTep = 0; document.querySelector('#mo-tep')
        .addEventListener('click', (e) => { window.moTep += 1; e.preventDefault(); }); }""")
    page.keyboard.press("Enter")
    page.wait_for_function("window.moTep === 1")
    open_file(page, EXAMPLES / "ban-tu-kiem-diem-02b.json")  # what the chooser gives the input is read as before


@pytest.mark.parametrize("route", ["/", "/ban-trong", "/nhap-ban-dien", "/so-dang-bo", "/phieu-bieu-quyet"])
def test_no_page_scrolls_sideways_on_a_phone(page, live_server, route):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server["url"] + route)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


KEYBOARD_AUDIT = """() => {
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
    && getComputedStyle(el).visibility !== 'hidden';
  const controls = [...document.querySelectorAll('input, select, textarea, button, a[href], summary')]
    .filter((el) => shown(el) && !el.disabled && el.type !== 'hidden');
  const named = (el) => {
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return true;
    if (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName)) return el.textContent.trim() !== '';
    return el.labels && [...el.labels].some((l) => l.textContent.trim() !== '');
  };
  controls.forEach((el, i) => { el.dataset.stop = String(i); });  // each control's own name for the Tab walk below
  const describe = (el) => `${el.tagName.toLowerCase()}#${el.id || ''}[${el.name || el.dataset.path || el.textContent.trim().slice(0, 30)}]`;
  return {unnamed: controls.filter((el) => !named(el)).map(describe),
          unreachable: controls.filter((el) => el.tabIndex < 0).map(describe), count: controls.length,
          stops: new Set(controls.map((el) => el.type === 'radio' ? 'radio:' + el.name : el)).size};  // a radio group: one stop
}"""


@pytest.mark.parametrize("route", ["/", "/ban-trong", "/nhap-ban-dien", "/so-dang-bo", "/phieu-bieu-quyet"])
def test_every_control_has_a_label_and_a_place_in_the_tab_order(page, live_server, route):
    page.goto(live_server["url"] + route)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")  # every section's fields
    found = page.evaluate(KEYBOARD_AUDIT)
    assert found["count"] > 3 and found["unnamed"] == [] and found["unreachable"] == [], found
    reached, first = set(), None  # Tab walks every control the page shows (one focusable stop each)
    for _ in range(min(found["stops"], 20) + 5):
        page.keyboard.press("Tab")
        current = page.evaluate("() => document.activeElement.dataset.stop || null")
        if current is not None and current == first:
            break
        first = first or current
        reached.add(current)
    assert len(reached - {None}) >= min(found["stops"], 20)


# ------------------------------------------------------------------ the print file per chi bộ, progress in documents (issue 15 §3)
RECORD_PROGRESS = """document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("tien-do");
  if (!text) return;
  window.seen = [];
  new MutationObserver(() => window.seen.push(text.textContent)).observe(text, {childList: true, characterData: true, subtree: true});
});"""


def test_a_workbook_in_pdf_counts_documents_and_previews_each_chi_bos_print_file(page_in_locale, live_server, tmp_path):
    page = page_in_locale
    page.add_init_script(RECORD_PROGRESS)  # every text the progress line shows, not only the last
    page.goto(live_server["url"] + "/so-dang-bo")
    page.set_input_files("input[name=so]", str(EXAMPLES / "dang-bo-2025.xlsx"))
    page.uncheck("input[value=docx]")
    page.click("#in-ca-dang-bo")
    page.wait_for_selector("#luot-in[data-xong]", state="attached", timeout=180_000)
    final = page.locator("#tien-do").inner_text()
    done = re.match(r"^Đã in xong\. Văn bản (\d+)/(\d+) · (\d+) tệp đã in", final)
    assert done and done[1] == done[2] and int(done[1]) == int(done[3]) + 2 > 20, final  # + the đảng bộ's two reports
    running = [t for t in page.evaluate("window.seen") if t.startswith("Đang kiểm tra và in…")]
    assert any(re.match(r"^Đang kiểm tra và in… Văn bản \d+/\d+ · \d+ tệp đã in", t) for t in running), running
    assert not any("Tổ chức" in t for t in running)  # the bar counts documents, not organisations

    items = page.locator("#ds-tep-in li")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Chi bộ Khu phố 5 — 6 bản tự kiểm điểm, 18 trang")
    items.nth(0).get_by_role("button", name="Xem trước").click()
    frame = page.locator("#xem-truoc")
    expect(frame).to_be_visible()
    expect(page.locator("#dang-xem")).to_have_text("Đang xem: Chi bộ Khu phố 5")
    assert frame.get_attribute("src").endswith("/in-ca-chi-bo/0.pdf") and frame.bounding_box()["height"] > 300
    shown = page.request.get(live_server["url"] + frame.get_attribute("src"))
    assert shown.headers["content-type"] == "application/pdf" and shown.headers["content-disposition"].startswith(
        "inline"
    )
    assert len(PdfReader(io.BytesIO(shown.body())).pages) == 18

    with page.expect_download() as got:
        items.nth(1).get_by_role("link", name="Tải PDF").click()
    assert got.value.suggested_filename == "in-ca-chi-bo-khu-pho-6.pdf"
    saved = tmp_path / "kp6.pdf"
    got.value.save_as(saved)
    reader = PdfReader(saved)
    assert [item.title for item in reader.outline][:2] == ["Đặng Thu Hà", "Bùi Quang Khải"]  # the danh sách's order
