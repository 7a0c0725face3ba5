"""The meeting's papers as a user prints them: ballots, the tally sheet, the residence comment.

Both renderers print the same text (with the copies and repeated header rows of a
ballot), names come in Vietnamese order, every level has its column, and bad input
stops the CLI with exit 2 naming the field.
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.cli import main
from generator.evaluate import load_regime
from tests.render.test_parity import docx_text, normal, pdf_text, repeated_headers
from tests.samples import EXAMPLES

SIX = ["Trần Văn Hải", "Nguyễn Thị Mai", "Lê Quốc Bảo", "Phan Thị Thu", "Võ Minh Tâm", "Đinh Công Lý"]
SIX_IN_ORDER = ["Lê Quốc Bảo", "Trần Văn Hải", "Đinh Công Lý", "Nguyễn Thị Mai", "Võ Minh Tâm", "Phan Thị Thu"]
EXTRA = sorted(
    str(p.relative_to(EXAMPLES))
    for folder in ("phieu-bieu-quyet", "phieu-nhan-xet-noi-cu-tru")
    for p in (EXAMPLES / folder).iterdir()
)


def ballot(**changes) -> dict:
    return {
        "form": "phieu-bieu-quyet",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Ba Đình",
        "chi_bo": "Chi bộ Khu phố 5",
        **changes,
    }


def both(document: dict) -> tuple[str, bytes, bytes]:
    files = render(prepare(document), ["docx", "pdf"])
    return docx_text(files["docx"]), files["docx"], files["pdf"]


def same_text(docx: bytes, pdf: bytes) -> None:
    """Parity with header rows taken out of both sides: copies repeat them in the DOCX too."""
    docx_side, pdf_side = normal(docx_text(docx)), normal(pdf_text(pdf))
    for header in set(repeated_headers(docx)):
        docx_side, pdf_side = docx_side.replace(header, ""), pdf_side.replace(header, "")
    assert docx_side == pdf_side


@pytest.mark.parametrize("name", EXTRA)
def test_docx_and_pdf_say_the_same(name):
    files = render(prepare(load_document(EXAMPLES / name)), ["docx", "pdf"])
    same_text(files["docx"], files["pdf"])


def test_six_members_in_vietnamese_name_order_on_one_page():
    text, docx, pdf = both(ballot(dang_vien=SIX))
    positions = [text.index(name) for name in SIX_IN_ORDER]
    assert positions == sorted(positions)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert (
        "Đồng chí đồng ý xếp loại mức nào thì đánh dấu (X) vào ô tương ứng; mỗi đảng viên chỉ đánh dấu một ô." in text
    )
    assert "Ký" not in text and "T/M" not in text  # a secret ballot has no signature
    pdf_side = normal(pdf_text(pdf))
    assert [pdf_side.index(normal(n)) for n in SIX_IN_ORDER] == sorted(pdf_side.index(normal(n)) for n in SIX_IN_ORDER)


def test_forty_members_span_pages_with_the_header_row_repeated():
    names = [
        f"{family} Văn {given}"
        for family, given in zip(["Nguyễn", "Trần", "Lê", "Phạm"] * 10, [f"Tên{i:02d}" for i in range(40)])
    ]
    text, docx, pdf = both(ballot(dang_vien=names))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    (header,) = repeated_headers(docx)
    assert all(header in normal(page.extract_text()) for page in pages)
    assert text.count("☐") == 40 * 4
    same_text(docx, pdf)


@pytest.mark.parametrize("regime", ["hd07-2011", "hd27-2014", "qd132-2019", "qd124-2023", "qd366-2025"])
def test_every_level_of_the_regime_has_its_column(regime):
    text, docx, pdf = both(ballot(regime=regime, nam=2016, dang_vien=SIX[:2]))
    pdf_side = normal(pdf_text(pdf))
    for _, label in load_regime(regime).subject("ca_nhan").levels:
        assert label in text and normal(label) in pdf_side


def test_a_blank_ballot_has_numbered_empty_rows_and_one_page_a_copy():
    text, docx, pdf = both(ballot(so_dong_trong=12, so_phieu=3))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    assert text.count("PHIẾU BIỂU QUYẾT") == 3 and text.count("☐") == 3 * 12 * 4
    assert "\n12\n" in text and "\n13\n" not in text
    same_text(docx, pdf)


def test_round_two_lists_the_candidates_and_the_places():
    text, docx, pdf = both(
        ballot(
            vong=2,
            dang_vien=["Trần Thị Bình", "Nguyễn Văn An", "Lê Hoàng Cường"],
            co_so_ty_le=8,
            so_dang_vien_chi_bo=12,
        )
    )
    assert "chọn không quá 1 đồng chí" in text and "(vòng 2)" in text
    assert text.count("☐") == 3 and "Hoàn thành tốt nhiệm vụ" not in text
    assert text.index("Nguyễn Văn An") < text.index("Trần Thị Bình") < text.index("Lê Hoàng Cường")


def test_the_tally_prints_counts_thresholds_the_cut_and_the_committee():
    text, docx, pdf = both(load_document(EXAMPLES / "bien-ban-kiem-phieu-2025.json"))
    for piece in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Số phiếu hợp lệ: 18.",
        "Số phiếu không hợp lệ: 0.",
        "Mức “Hoàn thành xuất sắc nhiệm vụ”: trên 2/3 số đảng viên có quyền biểu quyết, tức từ 13/18 phiếu trở lên.",
        "Biểu quyết mức “Hoàn thành xuất sắc nhiệm vụ”: 13/18 phiếu, đạt yêu cầu trên 2/3",
        "20% × 8 = 1,6 → tối đa 1 đồng chí",
        "Vượt tỷ lệ, xếp loại “Hoàn thành tốt nhiệm vụ”: Trần Thị Bình, Lê Hoàng Cường.",
        "TRƯỞNG BAN",
        "THÀNH VIÊN",
        "Dương Thị Ngọc",
        "Hà Nội, ngày 15 tháng 12 năm 2025",
    ):
        assert piece in text, piece
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    same_text(docx, pdf)


def test_the_residence_comment_blank_prints_dotted_space():
    text, docx, pdf = both({"form": "phieu-nhan-xet-noi-cu-tru"})
    assert "Mẫu 3-213" in text and "PHIẾU NHẬN XÉT" in text
    assert "ngày …… tháng …… năm ……" in text and "Họ và tên đảng viên: ……" in text
    assert text.count("…" * 30) == 4 * 3  # three dotted lines per comment item
    assert "XÁC NHẬN CỦA ĐẢNG ỦY XÃ, PHƯỜNG" in text and "T/M ĐẢNG ỦY" in text
    same_text(docx, pdf)


def test_the_residence_comment_prefilled():
    text, _, _ = both(load_document(EXAMPLES / "phieu-nhan-xet-noi-cu-tru.yaml"))
    for piece in (
        "Họ và tên đảng viên: Trần Thị Bình",
        "Ngày sinh: 07/02/1985",
        "Chi bộ đang sinh hoạt: Chi bộ Văn phòng – Kinh tế",
        "Hà Nội, ngày 28 tháng 11 năm 2025",
        "XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG BA ĐÌNH",
        "PHÓ BÍ THƯ",
        "Nguyễn Đức Thịnh",
        "CHI BỘ TỔ DÂN PHỐ 12",
    ):
        assert piece in text, piece
    assert "…" * 30 not in text


@pytest.mark.parametrize(
    "document, expected",
    [
        (ballot(dang_vien=SIX, so_phieu=0), "Số phiếu in ($.so_phieu):"),
        (ballot(vong=2, dang_vien=SIX), "Số đảng viên làm cơ sở tính tỷ lệ (vòng 2) ($.co_so_ty_le):"),
        (
            {**load_document(EXAMPLES / "bien-ban-kiem-phieu-2025.json"), "so_phieu_hop_le": 19},
            "Số phiếu hợp lệ ($.so_phieu_hop_le):",
        ),
        (
            {
                **load_document(EXAMPLES / "bien-ban-kiem-phieu-2025.json"),
                "ban_kiem_phieu": [{"ho_ten": "A", "chuc_danh": "chu_tich"}],
            },
            "Ban kiểm phiếu › Chức danh trong Ban kiểm phiếu ($.ban_kiem_phieu[0].chuc_danh):",
        ),
        (
            {"form": "phieu-nhan-xet-noi-cu-tru", "dang_vien": {"ngay_sinh": "1985-13-01"}},
            "Đảng viên được nhận xét › Ngày sinh ($.dang_vien.ngay_sinh):",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_field(tmp_path, capsys, document, expected):
    source = tmp_path / "sai.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing written


def test_classify_prints_the_tally(capsys):
    assert main(["classify", str(EXAMPLES / "bien-ban-kiem-phieu-2025.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["form"] == "bien-ban-kiem-phieu" and data["minimum"]["HTXSNV"] == 13
    assert data["quota"][0]["selected"] == ["Nguyễn Văn An"] and "rule_level" not in data["members"][0]
    assert main(["classify", str(EXAMPLES / "phieu-bieu-quyet" / "vong-2-son-la-2021.yaml")]) == 0
    assert "chọn không quá 1 đồng chí" in capsys.readouterr().out
