"""A fillable blank goes out, comes back filled in a PDF viewer, and becomes a valid document:
fields named by JSON path, answers typed as the schema wants, wrong answers named."""

from __future__ import annotations

import io
import unicodedata
from fractions import Fraction

import pytest
from docx import Document
from pypdf import PdfReader

from generator import prepare, render
from generator.blank import make_blank, render_blank
from generator.blank.reading import assemble, parse_name, read_blank
from generator.errors import InputError
from tests.blank.filling import ANSWERS_02B, fill, fill_docx, terminal_fields
from tests.render.test_parity import docx_text, pdf_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RADIO = (1 << 14) + (1 << 15)  # Ff: NoToggleToOff + Radio
MULTILINE = 1 << 12


def fillable(form="ban-tu-kiem-diem", data=None, **options) -> bytes:
    return render_blank(make_blank(form, data or {}, fillable="pdf", **options), "pdf")


def test_field_names_are_the_schemas_json_paths_with_their_types():
    reader = PdfReader(io.BytesIO(fillable(variant="02A")))
    fields = reader.get_fields()
    assert {
        "dang_vien.ho_ten",
        "dang_vien.chuc_vu_chinh_quyen",
        "kiem_diem.uu_diem.pham_chat",
        "kiem_diem.uu_diem.lanh_dao_quan_ly",
        "diem.tieu_chi_chung.diem",
        "diem.ket_qua_nhiem_vu.diem",
        "tu_xep_loai",
        "nhiem_vu.so_vuot_muc",
        "lanh_dao.phieu_tin_nhiem.tong_so_phieu",
        "vi_pham.suy_thoai",
    } <= set(fields)
    assert all(parse_name(name) for name in fields)  # every name is a path, no "unknown-…" field
    assert all(
        "." not in str(f.get_object()["/T"]) for f in reader.trailer["/Root"]["/AcroForm"]["/Fields"]
    )  # ISO 32000: no period in a partial name
    assert set(terminal_fields(reader)) <= set(fields) and "dang_vien.ho_ten" in terminal_fields(reader)
    assert fields["dang_vien.ho_ten"]["/FT"] == "/Tx" and not fields["dang_vien.ho_ten"].get("/Ff")
    assert fields["kiem_diem.uu_diem.pham_chat"]["/Ff"] & MULTILINE
    assert fields["tu_xep_loai"]["/FT"] == "/Btn" and fields["tu_xep_loai"]["/Ff"] & RADIO == RADIO
    assert [str(o) for o in fields["tu_xep_loai"]["/Opt"]] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert [str(o) for o in fields["vi_pham.suy_thoai"]["/Opt"]] == ["co", "khong"]
    assert fields["diem.tieu_chi_chung.diem"]["/TU"] == "Nhóm tiêu chí chung › Điểm tự chấm"


def test_the_fields_font_is_vietnamese_capable():
    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(fillable()))
    acroform = reader.trailer["/Root"]["/AcroForm"]
    fonts = acroform["/DR"]["/Font"]
    field = terminal_fields(reader)["dang_vien.ho_ten"]
    name = str(field["/DA"]).split(" Tf")[0].split()[-2]  # "0 g /TiRo 13 Tf"
    font = fonts[name].get_object()
    assert "Liberation-Serif" in str(font["/BaseFont"]) or "Times" in str(font["/BaseFont"])
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    letters = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())).getBestCmap()
    assert {ord(c) for c in "ĐđƯưƠơĂăÂâÊêÔôạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"} <= set(
        letters
    )  # a subset, but of every letter
    assert acroform["/NeedAppearances"].value is False  # values are drawn (appearance.py), so qpdf leaves them


def test_round_trip_blank_fill_import_classify_render_keeps_the_typed_text():
    blank = fillable(data={"chi_bo": "Chi bộ Khu phố 5"}, variant="02B")
    filled = fill(blank, ANSWERS_02B, {"tu_xep_loai": "HTTNV", "vi_pham.suy_thoai": "khong"})
    document = read_blank(filled)
    assert document["chi_bo"] == "Chi bộ Khu phố 5" and document["dang_vien"]["doi_tuong"] == "khong_giu_chuc_vu"
    assert document["dang_vien"]["ho_ten"] == "Nguyễn Thị Ngọc Ánh"  # NFC, whatever was typed
    assert document["ngay_lap"] == "2025-12-05" and document["dang_vien"]["ngay_sinh"] == "1985-03-07"
    assert document["diem"] == {"tieu_chi_chung": {"diem": 28.5}, "ket_qua_nhiem_vu": {"diem": 62}}
    assert document["kiem_diem"]["uu_diem"]["pham_chat"] == [
        "Luôn giữ vững lập trường chính trị, tư tưởng.",
        "- Gương mẫu, đoàn kết nội bộ.",
    ]
    assert document["vi_pham"] == {"suy_thoai": False} and "nhan_xet_chi_bo" not in document
    prepared = prepare(document)
    assert prepared.evaluation.level == "HTTNV" and prepared.evaluation.score == Fraction(181, 2)
    files = render(prepared, ["docx", "pdf"])
    for text in (docx_text(files["docx"]), pdf_text(files["pdf"])):
        flat = " ".join(text.split())
        for typed in (
            "Nguyễn Thị Ngọc Ánh",
            "Luôn giữ vững lập trường chính trị, tư tưởng.",
            "Thực hiện đầy đủ cam kết <đầu năm> & lời hứa.",
            "Hoàn thành 12/12 nhiệm vụ được giao, 2 nhiệm vụ vượt mức.",
            "CHI BỘ KHU PHỐ 5",
            "Ba Đình, ngày 05 tháng 12 năm 2025",
        ):
            assert typed in flat
        assert unicodedata.is_normalized("NFC", text)


def test_a_docx_blank_has_a_content_control_per_field_named_by_its_path():
    docx = render_blank(
        make_blank("ban-tu-kiem-diem", {"dang_vien": {"ho_ten": "Lê Văn Bình"}}, fillable="docx"), "docx"
    )
    body = Document(io.BytesIO(docx)).element.body
    controls = {c.find(f"{W}sdtPr/{W}tag").get(f"{W}val"): c for c in body.iter(f"{W}sdt")}
    assert {
        "dang_vien.ho_ten",
        "kiem_diem.uu_diem.pham_chat",
        "diem.tieu_chi_chung.diem",
        "tu_xep_loai",
        "nhiem_vu.so_duoc_giao",
    } <= set(controls)
    assert controls["kiem_diem.uu_diem.pham_chat"].find(f"{W}sdtPr/{W}text").get(f"{W}multiLine") == "1"
    items = controls["tu_xep_loai"].findall(f"{W}sdtPr/{W}dropDownList/{W}listItem")
    assert [i.get(f"{W}value") for i in items] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert controls["tu_xep_loai"].find(f"{W}sdtPr/{W}showingPlcHdr") is not None  # shows the boxes until chosen
    assert (
        "".join(t.text or "" for t in controls["dang_vien.ho_ten"].iter(f"{W}t")) == "Lê Văn Bình"
    )  # pre-filled, still editable
    assert read_blank(docx) == {
        "form": "ban-tu-kiem-diem",
        "regime": "qd366-2025",
        "dang_vien": {"ho_ten": "Lê Văn Bình", "doi_tuong": "khong_giu_chuc_vu"},
    }


def test_round_trip_through_word_content_controls_keeps_the_typed_text():
    blank = render_blank(
        make_blank("ban-tu-kiem-diem", {"chi_bo": "Chi bộ Khu phố 5"}, variant="02B", fillable="docx"), "docx"
    )
    document = read_blank(fill_docx(blank, ANSWERS_02B, {"tu_xep_loai": "HTTNV", "vi_pham.suy_thoai": "khong"}))
    assert document == read_blank(
        fill(
            fillable(data={"chi_bo": "Chi bộ Khu phố 5"}, variant="02B"),
            ANSWERS_02B,
            {"tu_xep_loai": "HTTNV", "vi_pham.suy_thoai": "khong"},
        )
    )
    text = " ".join(docx_text(render(prepare(document), ["docx"])["docx"]).split())
    assert "Họ và tên: Nguyễn Thị Ngọc Ánh" in text and "Thực hiện đầy đủ cam kết <đầu năm> & lời hứa." in text


def test_pre_filled_rubric_comes_back_with_the_scores_typed_against_it():
    data = {
        "diem": {
            "ket_qua_nhiem_vu": {
                "tieu_chi": [{"ten": "Chuyên môn", "diem_toi_da": 50}, {"ten": "Đoàn thể", "diem_toi_da": 20}]
            }
        }
    }
    filled = fill(
        fillable(data=data),
        {
            "diem.ket_qua_nhiem_vu.diem": "60",
            "diem.ket_qua_nhiem_vu.tieu_chi[0].diem": "45",
            "diem.ket_qua_nhiem_vu.tieu_chi[1].diem": "15",
        },
    )
    assert read_blank(filled)["diem"]["ket_qua_nhiem_vu"] == {
        "diem": 60,
        "tieu_chi": [
            {"ten": "Chuyên môn", "diem_toi_da": 50, "diem": 45},
            {"ten": "Đoàn thể", "diem_toi_da": 20, "diem": 15},
        ],
    }


def test_wrong_and_missing_answers_are_named_by_path_and_title():
    answers = {
        **ANSWERS_02B,
        "nhiem_vu.so_hoan_thanh": "mười hai",
        "ngay_lap": "31/02/2025",
        "kiem_diem.phuong_huong": "",
    }
    document = read_blank(fill(fillable(data={"chi_bo": "Chi bộ 1"}), answers))
    with pytest.raises(InputError) as caught:
        prepare(document)
    shown = "\n".join(str(p) for p in caught.value.problems)
    assert (
        "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ, chỉ tiêu hoàn thành ($.nhiem_vu.so_hoan_thanh): phải là số nguyên"
        in shown
    )
    assert "Ngày lập bản kiểm điểm ($.ngay_lap): ngày 31/02/2025 không có trên lịch" in shown
    assert (
        "A. Nội dung kiểm điểm › VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm ($.kiem_diem.phuong_huong): thiếu trường bắt buộc"
        in shown
    )


def test_a_report_comes_back_with_its_rows_and_nothing_from_empty_rows():
    blank = fillable("bao-cao-kiem-diem-tap-the", {"loai_tap_the": "chi_bo_truc_thuoc"})
    texts = {
        "han_che_ky_truoc[1].noi_dung": "Chậm nộp báo cáo.",
        "trach_nhiem.ca_nhan[0].ho_ten": "Lê Văn Bình",
        "trach_nhiem.ca_nhan[0].chuc_vu": "Bí thư",
        "trach_nhiem.ca_nhan[0].trach_nhiem": "Chịu trách nhiệm chính.",
        "dieu_kien.ty_le_sinh_hoat": "92,5",
    }
    document = read_blank(
        fill(blank, texts, {"han_che_ky_truoc[1].tinh_trang": "da_khac_phuc", "dieu_kien.doan_ket": "co"})
    )
    assert document["han_che_ky_truoc"] == [{"noi_dung": "Chậm nộp báo cáo.", "tinh_trang": "da_khac_phuc"}]
    assert document["trach_nhiem"]["ca_nhan"] == [
        {"ho_ten": "Lê Văn Bình", "chuc_vu": "Bí thư", "trach_nhiem": ["Chịu trách nhiệm chính."]}
    ]
    assert document["dieu_kien"] == {"ty_le_sinh_hoat": 92.5, "doan_ket": True}
    assert document["regime"] == "qd366-2025" and document["loai_tap_the"] == "chi_bo_truc_thuoc"


def test_an_empty_organisation_sheet_keeps_its_required_conditions_object():
    document = read_blank(fillable("bieu-diem-tccsd"))
    assert document == {"form": "bieu-diem-tccsd", "regime": "qd366-2025", "dieu_kien": {}}


def test_a_pdf_that_is_not_a_fillable_blank_is_refused():
    printed = render_blank(make_blank("ban-tu-kiem-diem", {}), "pdf")
    with pytest.raises(InputError) as caught:
        read_blank(printed)
    assert "tệp PDF không còn ô điền" in caught.value.problems[0].reason  # a paper blank, or a filled one printed
    with pytest.raises(InputError) as caught:
        read_blank(b"%PDF-1.7 not really")
    assert "không đọc được tệp PDF" in caught.value.problems[0].reason


def test_a_field_the_form_does_not_have_is_refused():
    with pytest.raises(InputError) as caught:
        assemble({"form": "ban-tu-kiem-diem"}, {"dang_vien.bi_danh": "X"})
    assert caught.value.problems[0].path == "$.dang_vien.bi_danh"


def test_a_tờ_trình_comes_back_with_its_proposals_and_is_priced():
    blank = fillable("to-trinh-khen-thuong", {"ngay_lap": "2025-12-22"})
    assert "de_nghi[0].hinh_thuc" in PdfReader(io.BytesIO(blank)).get_fields()
    texts = {
        "dang_bo": "Đảng bộ phường Cầu Giấy",
        "co_quan_trinh": "Đảng ủy Công ty Cổ phần Xây dựng số 1",
        "so_ky_hieu": "45-TTr/ĐU",
        "dia_danh": "Hà Nội",
        "nam": "2025",
        "kinh_gui": "Ban Thường vụ Đảng ủy phường Cầu Giấy",
        "cap_uy.dang_uy_co_so": "Đảng ủy Công ty Cổ phần Xây dựng số 1",
        "cap_uy.cap_tren_co_so": "Đảng ủy phường Cầu Giấy",
        "de_nghi[0].ten": "Nguyễn Thị Lan",
        "de_nghi[0].chuc_vu": "Phó Bí thư Chi bộ",
        "de_nghi[0].hinh_thuc": "dang_vien_nam",
        "de_nghi[0].thanh_tich": "Hoàn thành xuất sắc\nnhiệm vụ năm 2025",
        "de_nghi[0].ket_qua[0].nam": "2025",
        "ky.nguoi_ky": "Vũ Thị Thanh Hà",
        "noi_nhan": "Như trên\nLưu Văn phòng Đảng ủy",
    }
    choices = {
        "de_nghi[0].ket_qua[0].xep_loai": "HTXSNV",
        "ky.thay_mat": "dang_uy",
        "ky.chuc_vu_nguoi_ky": "pho_bi_thu",
    }
    document = read_blank(fill(blank, texts, choices))
    assert document["de_nghi"] == [
        {
            "ten": "Nguyễn Thị Lan",
            "chuc_vu": "Phó Bí thư Chi bộ",
            "hinh_thuc": "dang_vien_nam",
            "thanh_tich": "Hoàn thành xuất sắc nhiệm vụ năm 2025",
            "ket_qua": [{"nam": 2025, "xep_loai": "HTXSNV"}],
        }
    ]
    assert document["noi_nhan"] == ["Như trên", "Lưu Văn phòng Đảng ủy"] and document["ngay_lap"] == "2025-12-22"
    prepared = prepare(document)
    assert prepared.evaluation.total == 702_000
    text = docx_text(render(prepared, ["docx"])["docx"])
    assert "Nguyễn Thị Lan" in text and "Bảy trăm linh hai nghìn đồng" in text
