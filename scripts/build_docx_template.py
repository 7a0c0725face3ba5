"""Build the Word templates (templates/<form>/<form>.docx), twins of the HTML templates.

The .docx files are what people edit in Word; this script is how they were made,
so a developer can change a layout in code review and rebuild them:

    .venv/bin/python scripts/build_docx_template.py [form …]

Layout contracts (every literal, in order): templates/<form>/README.md.
Party format (Hướng dẫn 36-HD/VPTW): A4, margins 20/20/30/15 mm, Times New Roman
in all four font slots with w:lang vi-VN, page number top centre from page 2.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from docx_helpers import (
    TEXT_WIDTH,
    first_cell_paragraph,
    grid_table,
    header_block,
    new_document,
    no_borders,
    optional_paragraphs,
    para,
    paragraphs,
    row_property,
    runs,
    save,
    tag,
    widths,
)


# ---------------------------------------------------------------- the parts of the documents
def title_block(doc) -> None:
    para(doc, "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN", "KD Tên loại")
    para(doc, "Năm {{ nam }}", "KD Giữa", bold=True)
    subtitle = para(doc, "{{ trinh_bay.mau.subtitle }}", "KD Giữa", italic=True)
    subtitle.paragraph_format.space_after = Pt(10)


def personal_block(doc) -> None:
    para(doc, "Họ và tên: {{ dang_vien.ho_ten }}", "KD Thông tin")
    para(doc, "Ngày sinh: {{ dang_vien.ngay_sinh }}", "KD Thông tin")
    for key, label in (
        ("chuc_vu_dang", "Chức vụ Đảng"),
        ("chuc_vu_chinh_quyen", "Chức vụ chính quyền"),
        ("chuc_vu_doan_the", "Chức vụ đoàn thể"),
        ("don_vi_cong_tac", "Đơn vị công tác"),
    ):
        tag(doc, f"{{%p if dang_vien.{key} is defined %}}")
        para(doc, f"{label}: {{{{ dang_vien.{key} }}}}", "KD Thông tin")
        tag(doc, "{%p endif %}")
    para(doc, "Chi bộ: {{ chi_bo }}", "KD Thông tin")


def shortcomings(doc, faults_var, causes_var) -> None:
    """Part A, section II and the heading of III: the same in Mẫu 01 and Mẫu 02."""
    para(doc, "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", "KD Mục")
    para(doc, "1. Hạn chế, khuyết điểm", "KD Tiểu mục")
    paragraphs(doc, faults_var)
    para(doc, "2. Nguyên nhân", "KD Tiểu mục")
    paragraphs(doc, causes_var)
    para(
        doc,
        "III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC "
        "ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC",
        "KD Mục",
    )


def part_a(doc) -> None:
    para(doc, "A. NỘI DUNG KIỂM ĐIỂM", "KD Phần")
    para(doc, "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", "KD Mục")
    para(
        doc,
        "1. Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
        "KD Tiểu mục",
    )
    paragraphs(doc, "kiem_diem.uu_diem.pham_chat")
    para(doc, "2. Kết quả thực hiện chức trách, nhiệm vụ được giao", "KD Tiểu mục")
    paragraphs(doc, "kiem_diem.uu_diem.thuc_hien_nhiem_vu")
    tag(doc, "{%p if trinh_bay.la_lanh_dao %}")
    para(doc, "3. Kết quả lãnh đạo, quản lý của cơ quan, đơn vị được giao phụ trách", "KD Tiểu mục")
    paragraphs(doc, "kiem_diem.uu_diem.lanh_dao_quan_ly")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "{{ '4.' if trinh_bay.la_lanh_dao else '3.' }} Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm",
        "KD Tiểu mục",
    )
    paragraphs(doc, "kiem_diem.uu_diem.cam_ket")
    shortcomings(doc, "kiem_diem.han_che.han_che_khuyet_diem", "kiem_diem.han_che.nguyen_nhan")
    paragraphs(doc, "kiem_diem.khac_phuc")
    para(doc, "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)", "KD Mục")
    optional_paragraphs(doc, "kiem_diem.giai_trinh")
    para(doc, "V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)", "KD Mục")
    optional_paragraphs(doc, "kiem_diem.trach_nhiem_tap_the")
    para(doc, "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM", "KD Mục")
    paragraphs(doc, "kiem_diem.phuong_huong")


def stats_table(doc, column, rows_var, total_var) -> None:
    """Level | count | share, with a total row (biểu điểm TCCSĐ)."""
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    widths(table, TEXT_WIDTH - Cm(6), Cm(3), Cm(3))
    rows = table.rows
    for cell, text in zip(rows[0].cells, (column, "Số lượng", "Tỷ lệ")):
        first_cell_paragraph(cell, text, "KD Bảng", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    first_cell_paragraph(rows[1].cells[0], f"{{%tr for r in {rows_var} %}}", "KD Bảng")
    for j, text in enumerate(("{{ r.muc }}", "{{ r.so }}", "{{ r.ty_le }}")):
        p = first_cell_paragraph(rows[2].cells[j], text, "KD Bảng")
        if j:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_cell_paragraph(rows[3].cells[0], "{%tr endfor %}", "KD Bảng")
    total = table.add_row()
    for j, text in enumerate(("Tổng số được xếp loại", f"{{{{ {total_var} }}}}", "100%")):
        p = first_cell_paragraph(total.cells[j], text, "KD Bảng", bold=True)
        if j:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def grade_table(doc) -> None:
    """TT | criterion | grade (2019–2024 sheets)."""
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    widths(table, Cm(1.3), TEXT_WIDTH - Cm(1.3 + 2.9 * 2), Cm(2.9 * 2))  # the score table's grid
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table.rows
    for cell, text in zip(rows[0].cells, ("TT", "Tiêu chí", "Mức tự đánh giá")):
        first_cell_paragraph(cell, text, "KD Bảng", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    first_cell_paragraph(rows[1].cells[0], "{%tr for r in trinh_bay.bang_cap_do %}", "KD Bảng")
    for j, text in enumerate(("{{ r.stt }}", "{{ r.ten }}", "{{ r.muc }}")):
        p = first_cell_paragraph(rows[2].cells[j], text, "KD Bảng")
        if j != 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_cell_paragraph(rows[3].cells[0], "{%tr endfor %}", "KD Bảng")


def assessment_tables(doc) -> None:
    """The grades (2019–2024) or the scores, whichever the regime uses."""
    for variable, heading, table in (
        ("bang_cap_do", "1. Mức tự đánh giá từng tiêu chí", grade_table),
        ("bang_diem", "2. Điểm tự chấm", score_table),
    ):
        tag(doc, f"{{%p if trinh_bay.{variable} %}}")
        tag(doc, "{%p if trinh_bay.bang_cap_do and trinh_bay.bang_diem %}")  # a profile's two sheets (Sơn La 2021)
        para(doc, heading, "KD Tiểu mục")
        tag(doc, "{%p endif %}")
        table(doc)
        tag(doc, "{%p endif %}")


def score_table(doc) -> None:
    table = doc.add_table(rows=7, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, Cm(1.3), TEXT_WIDTH - Cm(1.3 + 2.9 * 2), Cm(2.9), Cm(2.9))
    rows = table.rows
    for cell, text in zip(rows[0].cells, ("TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm")):
        first_cell_paragraph(cell, text, "KD Bảng", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    first_cell_paragraph(rows[1].cells[0], "{%tr for r in trinh_bay.bang_diem %}", "KD Bảng")
    first_cell_paragraph(rows[2].cells[0], "{%tr if r.cap == 0 %}", "KD Bảng")
    for i, bold in ((3, True), (5, False)):
        cells = rows[i].cells
        for j, text in enumerate(("{{ r.stt }}", "{{ r.ten }}", "{{ r.toi_da }}", "{{ r.diem }}")):
            p = first_cell_paragraph(cells[j], text, "KD Bảng", bold=bold)
            if j != 1:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif not bold:
                p.paragraph_format.left_indent = Cm(0.3)
        row_property(rows[i], "cantSplit")
    first_cell_paragraph(rows[4].cells[0], "{%tr else %}", "KD Bảng")
    first_cell_paragraph(rows[6].cells[0], "{%tr endif %}", "KD Bảng")
    end = table.add_row()
    first_cell_paragraph(end.cells[0], "{%tr endfor %}", "KD Bảng")
    total = table.add_row()
    merged = total.cells[0].merge(total.cells[1])
    first_cell_paragraph(merged, "Tổng cộng", "KD Bảng", bold=True)
    for cell, text in ((total.cells[2], "{{ ket_qua.max_score }}"), (total.cells[3], "{{ ket_qua.score }}")):
        first_cell_paragraph(cell, text, "KD Bảng", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(total, "cantSplit")


def signature(doc, lines, recipients_var=None) -> None:
    """Right half of the page (Nơi nhận on the left when given); rows never split and the
    block keeps with what precedes it."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, Mm(82), TEXT_WIDTH - Mm(82))
    row_property(table.rows[0], "cantSplit")
    left = table.rows[0].cells[0]
    if recipients_var:
        title = first_cell_paragraph(left, "", "KD Nơi nhận")
        run = title.add_run("Nơi nhận:")
        run.bold, run.italic, run.underline, run.font.size = True, True, True, Pt(12)
        tag(left, f"{{%p for n in {recipients_var} %}}")
        para(left, "- {{ n }}{{ '.' if loop.last else ',' }}", "KD Nơi nhận")
        tag(left, "{%p endfor %}")
    else:
        first_cell_paragraph(left, "", "KD Ký")
    cell = table.rows[0].cells[1]
    first = True
    for text, bold, italic in lines:
        p = (
            first_cell_paragraph(cell, text, "KD Ký", bold=bold, italic=italic)
            if first
            else para(cell, text, "KD Ký", bold=bold, italic=italic)
        )
        first = False
    p.paragraph_format.keep_with_next = False


def part_b(doc) -> None:
    para(doc, "B. TỰ ĐÁNH GIÁ, XẾP LOẠI", "KD Phần")
    para(doc, "I. TỰ CHẤM ĐIỂM", "KD Mục")
    score_table(doc)
    runs(doc, [("II. TỰ XẾP LOẠI:", True, False), (" {{ trinh_bay.tu_xep_loai }}", False, False)], "KD Mục")
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("NGƯỜI TỰ KIỂM ĐIỂM", True, None),
            ("(Ký, ghi rõ họ tên)", None, True),
            *blank,
            ("{{ trinh_bay.ho_ten_ky }}", True, None),
        ],
    )


def chi_bo_block(doc) -> None:
    tag(doc, "{%p if nhan_xet_chi_bo is defined %}")
    para(doc, "NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)", "KD Tiêu đề nhận xét")
    paragraphs(doc, "nhan_xet_chi_bo.nhan_xet")
    proposal = para(doc, "Chi bộ đề xuất xếp loại: {{ nhan_xet_chi_bo.xep_loai }}")
    proposal.paragraph_format.keep_with_next = True
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("{{ nhan_xet_chi_bo.thay_mat }}", True, None),
            ("{{ nhan_xet_chi_bo.chuc_vu_nguoi_ky }}", True, None),
            *blank,
            ("{{ nhan_xet_chi_bo.nguoi_ky }}", True, None),
        ],
    )
    tag(doc, "{%p endif %}")


def decision_block(doc) -> None:
    """Where the rules give no level (UNDECIDED): the level the competent committee decided and its basis."""
    tag(doc, "{%p if ket_qua.quyet_dinh is defined and ket_qua.quyet_dinh.co %}")
    para(doc, "QUYẾT ĐỊNH XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN", "KD Tiêu đề nhận xét").paragraph_format.keep_with_next = True
    runs(
        doc,
        [("Mức xếp loại: ", False, False), ("{{ ket_qua.quyet_dinh.level_label }}", True, False), (".", False, False)],
        "KD Đoạn",
    ).paragraph_format.keep_with_next = True
    para(doc, "Căn cứ: {{ ket_qua.quyet_dinh.can_cu }}")
    tag(doc, "{%p endif %}")


def facts_appendix(doc) -> None:
    """A blank's appendix (kiemdiem blank): the facts the rules need, on a page of its own;
    filled documents have none (``trinh_bay.so_lieu`` is empty)."""
    tag(doc, "{%p if trinh_bay.so_lieu %}")
    title = para(doc, "SỐ LIỆU ĐỂ XẾP LOẠI", "KD Tên loại")
    title.paragraph_format.page_break_before = True
    para(
        doc,
        "(Kèm theo văn bản; số liệu để tính điểm, xếp loại theo quy định. Đánh dấu vào ô phù hợp, bỏ trống nếu "
        "không có.)",
        "KD Giữa",
        italic=True,
    ).paragraph_format.space_after = Pt(10)
    tag(doc, "{%p for r in trinh_bay.so_lieu %}")
    para(doc, "{{ r.ten }}: {{ r.o }}", "KD Thông tin").paragraph_format.space_before = Pt(4)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def reasons_annex(doc) -> None:
    """The annex after the signature (biểu điểm, Mẫu 01): how the rules were checked, which the official
    form does not print; on a page of its own, absent when ``trinh_bay.phu_luc`` is empty."""
    tag(doc, "{%p if trinh_bay.phu_luc %}")
    title = para(doc, "PHỤ LỤC: CĂN CỨ XẾP LOẠI", "KD Tên loại")
    title.paragraph_format.page_break_before = True
    para(doc, "{{ trinh_bay.phu_luc.kem_theo }}", "KD Giữa", italic=True).paragraph_format.space_after = Pt(10)
    para(doc, "{{ trinh_bay.phu_luc.muc }}", "KD Mục")
    tag(doc, "{%p for r in ket_qua.reasons %}")
    para(doc, "- {{ r.text }} ({{ r.rule }})")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def build_member() -> Path:
    doc = new_document()
    para(doc, "{{ trinh_bay.mau.form_code }}", "KD Mã mẫu")
    header_block(doc)
    title_block(doc)
    personal_block(doc)
    part_a(doc)
    part_b(doc)
    chi_bo_block(doc)
    decision_block(doc)
    facts_appendix(doc)
    return save(doc, "ban-tu-kiem-diem", "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân")


def build_organisation() -> Path:
    doc = new_document()
    header_block(doc, issuer="{{ trinh_bay.to_chuc_in_hoa }}")
    para(doc, "{{ trinh_bay.tieu_de }}", "KD Tên loại")
    para(doc, "Năm {{ nam }}", "KD Giữa", bold=True)
    regime = para(doc, "(Theo {{ trinh_bay.quy_dinh }})", "KD Giữa", italic=True)
    regime.paragraph_format.space_after = Pt(10)
    para(doc, "{{ trinh_bay.tieu_de_muc_i }}", "KD Mục")
    assessment_tables(doc)
    para(doc, "{{ trinh_bay.muc.dang_vien }}. KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN", "KD Mục")
    stats_table(doc, "Mức xếp loại đảng viên", "trinh_bay.dang_vien", "trinh_bay.tong_dang_vien")
    para(doc, "Số đảng viên không xếp loại: {{ trinh_bay.dang_vien_khong_xep_loai }}.")
    tag(doc, "{%p if trinh_bay.co_to_chuc_truc_thuoc %}")
    para(doc, "{{ trinh_bay.muc.to_chuc }}. KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG TRỰC THUỘC", "KD Mục")
    stats_table(doc, "Mức xếp loại tổ chức đảng", "trinh_bay.to_chuc_truc_thuoc", "trinh_bay.tong_to_chuc")
    tag(doc, "{%p endif %}")
    runs(
        doc,
        [("{{ trinh_bay.muc.xep_loai }}. TỰ XẾP LOẠI:", True, False), (" {{ trinh_bay.tu_xep_loai }}", False, False)],
        "KD Mục",
    )
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("{{ ky.thay_mat }}", True, None),
            ("{{ ky.chuc_vu_nguoi_ky }}", True, None),
            *blank,
            ("{{ ky.nguoi_ky }}", True, None),
        ],
        recipients_var="noi_nhan",
    )
    decision_block(doc)
    reasons_annex(doc)
    facts_appendix(doc)
    return save(doc, "bieu-diem-tccsd", "Biểu điểm tự đánh giá, xếp loại chất lượng tổ chức cơ sở đảng")


def report_part_a(doc) -> None:
    para(doc, "A. NỘI DUNG KIỂM ĐIỂM", "KD Phần")
    para(doc, "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", "KD Mục")
    tag(doc, "{%p for m in trinh_bay.uu_diem %}")
    para(doc, "{{ m.stt }}. {{ m.ten }}", "KD Tiểu mục")
    paragraphs(doc, "m.doan")
    tag(doc, "{%p endfor %}")
    shortcomings(doc, "han_che.han_che", "han_che.nguyen_nhan")
    tag(doc, "{%p for f in trinh_bay.khac_phuc %}")
    para(doc, "{{ f.stt }}. {{ f.noi_dung }} Kết quả: {{ f.tinh_trang }}.")
    paragraphs(doc, "f.muc_do")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ trinh_bay.khac_phuc_tom_tat }}")
    para(doc, "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)", "KD Mục")
    optional_paragraphs(doc, "giai_trinh")
    para(doc, "V. TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN", "KD Mục")
    paragraphs(doc, "trach_nhiem.tap_the")
    tag(doc, "{%p for c in trinh_bay.ca_nhan %}")
    para(doc, "- Đồng chí {{ c.ho_ten }}, {{ c.chuc_vu }}:")
    paragraphs(doc, "c.trach_nhiem")
    tag(doc, "{%p endfor %}")
    para(doc, "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM", "KD Mục")
    paragraphs(doc, "phuong_huong")


def build_report() -> Path:
    doc = new_document()
    tag(doc, "{%p if trinh_bay.mau.form_code %}")
    para(doc, "{{ trinh_bay.mau.form_code }}", "KD Mã mẫu")
    tag(doc, "{%p endif %}")
    header_block(doc, issuer="{{ trinh_bay.tap_the_in_hoa }}", optional_number="trinh_bay.so_ky_hieu")
    para(doc, "BÁO CÁO", "KD Tên loại")
    para(doc, "{{ trinh_bay.tieu_de }}", "KD Giữa", bold=True)
    regime = para(doc, "(Theo {{ trinh_bay.quy_dinh }})", "KD Giữa", italic=True)
    regime.paragraph_format.space_after = Pt(10)
    report_part_a(doc)
    para(doc, "{{ trinh_bay.phan_b }}", "KD Phần")
    para(doc, "{{ trinh_bay.muc_b_i }}", "KD Mục")
    para(doc, "{{ trinh_bay.phan_b_dan }}")
    assessment_tables(doc)
    runs(
        doc,
        [("II. ĐỀ XUẤT XẾP LOẠI MỨC CHẤT LƯỢNG:", True, False), (" {{ trinh_bay.tu_xep_loai }}", False, False)],
        "KD Mục",
    )
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("{{ ky.thay_mat }}", True, None),
            ("{{ ky.chuc_vu_nguoi_ky }}", True, None),
            *blank,
            ("{{ ky.nguoi_ky }}", True, None),
        ],
        recipients_var="noi_nhan",
    )
    decision_block(doc)
    reasons_annex(doc)
    facts_appendix(doc)
    return save(doc, "bao-cao-kiem-diem-tap-the", "Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể")


def list_table(doc) -> None:
    """STT | name (and position) | award | achievement | multiple | bonus, with the total row."""
    table = doc.add_table(rows=4, cols=6)
    table.style = doc.styles["Table Grid"]
    sizes = (Cm(1.2), Cm(3.9), Cm(3.4), Cm(3.8), Cm(1.3))
    widths(table, *sizes, TEXT_WIDTH - sum(sizes, Cm(0)))
    rows = table.rows
    heads = (
        "STT",
        "Tên tập thể, họ và tên cá nhân",
        "Hình thức khen thưởng",
        "Thành tích",
        "Hệ số",
        "Tiền thưởng (đồng)",
    )
    for cell, text in zip(rows[0].cells, heads):
        first_cell_paragraph(cell, text, "KD Bảng nhỏ", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    first_cell_paragraph(rows[1].cells[0], "{%tr for r in trinh_bay.danh_sach %}", "KD Bảng nhỏ")
    cells = rows[2].cells
    first_cell_paragraph(cells[0], "{{ r.stt }}", "KD Bảng nhỏ").alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_cell_paragraph(cells[1], "{{ r.ten }}", "KD Bảng nhỏ")
    tag(cells[1], "{%p if r.chuc_vu %}")
    para(cells[1], "{{ r.chuc_vu }}", "KD Bảng nhỏ", italic=True)
    tag(cells[1], "{%p endif %}")
    tag(cells[1], "{%p if r.trong is defined and r.trong %}")  # a paper blank's empty row: two lines tall
    para(cells[1], "", "KD Bảng nhỏ")
    tag(cells[1], "{%p endif %}")
    for j, text in ((2, "{{ r.hinh_thuc }}"), (3, "{{ r.thanh_tich }}"), (4, "{{ r.he_so }}"), (5, "{{ r.so_tien }}")):
        p = first_cell_paragraph(cells[j], text, "KD Bảng nhỏ")
        p.alignment = {4: WD_ALIGN_PARAGRAPH.CENTER, 5: WD_ALIGN_PARAGRAPH.RIGHT}.get(j, WD_ALIGN_PARAGRAPH.LEFT)
    row_property(rows[2], "cantSplit")
    first_cell_paragraph(rows[3].cells[0], "{%tr endfor %}", "KD Bảng nhỏ")
    total = table.add_row()
    merged = total.cells[0].merge(total.cells[4])
    first_cell_paragraph(merged, "Tổng cộng", "KD Bảng nhỏ", bold=True)
    first_cell_paragraph(
        total.cells[5], "{{ trinh_bay.tong_tien_so }}", "KD Bảng nhỏ", bold=True
    ).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def build_commendation() -> Path:
    doc = new_document()
    header_block(doc, issuer="{{ trinh_bay.co_quan_in_hoa }}", number="{{ trinh_bay.so_ky_hieu }}")
    para(doc, "TỜ TRÌNH", "KD Tên loại")
    summary = para(doc, "{{ trinh_bay.trich_yeu }}", "KD Giữa", bold=True)
    summary.paragraph_format.space_after = Pt(10)
    tag(doc, "{%p if kinh_gui|length == 1 %}")
    para(doc, "Kính gửi: {{ kinh_gui[0] }}", "KD Giữa").paragraph_format.space_after = Pt(10)
    tag(doc, "{%p else %}")
    para(doc, "Kính gửi:", "KD Giữa")
    tag(doc, "{%p for k in kinh_gui %}")
    para(doc, "- {{ k }},")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for c in trinh_bay.can_cu %}")
    para(doc, "{{ c }}")
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "{{ co_quan_trinh }} kính đề nghị {{ trinh_bay.nguoi_nhan }} xem xét, quyết định (hoặc đề nghị cấp có thẩm "
        "quyền quyết định) khen thưởng:",
    )
    tag(doc, "{%p for d in trinh_bay.de_nghi %}")
    para(doc, "{{ loop.index }}. {{ d.text }}; tiền thưởng {{ d.so_tien }}{{ '.' if loop.last else ';' }}")
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Tổng số tiền thưởng: {{ trinh_bay.tong_tien }} (Bằng chữ: {{ trinh_bay.tong_tien_chu }}). {{ trinh_bay.luong_co_so }}",
    )
    para(doc, "(Có danh sách kèm theo)")
    para(doc, "{{ co_quan_trinh }} kính trình {{ trinh_bay.nguoi_nhan }} xem xét, quyết định./.")
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("{{ ky.thay_mat }}", True, None),
            ("{{ ky.chuc_vu_nguoi_ky }}", True, None),
            *blank,
            ("{{ ky.nguoi_ky }}", True, None),
        ],
        recipients_var="noi_nhan",
    )
    title = para(doc, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {{ nam }}", "KD Tên loại")
    title.paragraph_format.page_break_before = True
    para(doc, "{{ trinh_bay.kem_theo }}", "KD Giữa", italic=True).paragraph_format.space_after = Pt(6)
    list_table(doc)
    para(doc, "Bằng chữ: {{ trinh_bay.tong_tien_chu }}.")
    facts_appendix(doc)
    return save(doc, "to-trinh-khen-thuong", "Tờ trình đề nghị khen thưởng")


# ---------------------------------------------------------------- a đảng bộ's lists and reports (kiemdiem bulk)
def summary_heading(doc, title, subject) -> None:
    header_block(doc, issuer="{{ trinh_bay.co_quan_in_hoa }}", optional_number="trinh_bay.so_ky_hieu")
    para(doc, title, "KD Tên loại")
    para(doc, subject, "KD Giữa", bold=True).paragraph_format.space_after = Pt(10)


def summary_signature(doc) -> None:
    para(doc, "", "KD Nơi nhận")  # the HTML's 12 pt above the block
    blank = [("", None, None)] * 3
    signature(
        doc,
        [
            ("{{ ky.thay_mat }}", True, None),
            ("{{ ky.chuc_vu_nguoi_ky }}", True, None),
            *blank,
            ("{{ ky.nguoi_ky }}", True, None),
        ],
        recipients_var="noi_nhan",
    )


def level_table(doc, loop, total, title) -> None:
    """Level | count | share, and the row of those rated (its share is "—" when nobody is)."""
    table = grid_table(
        doc,
        (title, "Số lượng", "Tỷ lệ"),
        (Cm(10.5), Cm(3), Cm(3)),
        loop,
        ("{{ r.muc }}", "{{ r.so_luong }}", "{{ r.ty_le }}"),
        centred=(1, 2),
    )
    row = table.add_row()
    for j, text in enumerate(("Tổng số được xếp loại", f"{{{{ {total}.so_luong }}}}", f"{{{{ {total}.ty_le }}}}")):
        p = first_cell_paragraph(row.cells[j], text, "KD Bảng nhỏ", bold=True)
        if j:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def comparison_table(doc, loop, title) -> None:
    """This year's levels beside the year before (only when the record has it): level | before | now | change;
    the last row is the total."""
    tag(doc, f"{{%p if {loop} %}}")
    para(doc, "{{ trinh_bay.so_sanh_dan }}").paragraph_format.keep_with_next = True
    grid_table(
        doc,
        (title, "Năm trước", "Năm nay", "Tăng, giảm"),
        (Cm(6.5), Cm(3.3), Cm(3.3), Cm(3.4)),
        loop,
        ("{{ r.muc }}", "{{ r.nam_truoc }}", "{{ r.nam_nay }}", "{{ r.thay_doi }}"),
        centred=(1, 2, 3),
    )
    tag(doc, "{%p endif %}")


def build_member_list() -> Path:
    doc = new_document()
    summary_heading(doc, "DANH SÁCH", "xếp loại chất lượng đảng viên năm {{ nam }}")
    sizes = (Cm(1.3), Cm(4.4), Cm(1.4), Cm(4.5))
    tag(doc, "{%p if trinh_bay.chi_bo %}")
    table = doc.add_table(rows=13, cols=5)
    table.style = doc.styles["Table Grid"]
    widths(table, *sizes, TEXT_WIDTH - sum(sizes, Cm(0)))
    rows = table.rows
    for cell, text in zip(rows[0].cells, ("STT", "Họ và tên", "Điểm", "Xếp loại", "Ghi chú")):
        first_cell_paragraph(cell, text, "KD Bảng nhỏ", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    for i, text in (
        (1, "{%tr for g in trinh_bay.chi_bo %}"),
        (2, "{%tr if g.ten %}"),
        (4, "{%tr endif %}"),
        (5, "{%tr for r in g.hang %}"),
        (6, "{%tr if r.dau_nhom %}"),
        (8, "{%tr else %}"),
        (10, "{%tr endif %}"),
        (11, "{%tr endfor %}"),
        (12, "{%tr endfor %}"),
    ):
        first_cell_paragraph(rows[i].cells[0], text, "KD Bảng nhỏ")
    heading = rows[3]
    number = first_cell_paragraph(heading.cells[0], "{{ g.so_la_ma }}", "KD Bảng nhỏ", bold=True)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name = first_cell_paragraph(heading.cells[1].merge(heading.cells[4]), "{{ g.ten }}", "KD Bảng nhỏ", bold=True)
    number.paragraph_format.keep_with_next = name.paragraph_format.keep_with_next = True  # never last on a page
    row_property(heading, "cantSplit")
    group = rows[7]  # a member group, named once above its members
    first_cell_paragraph(group.cells[0], "", "KD Bảng nhỏ").paragraph_format.keep_with_next = True
    first_cell_paragraph(
        group.cells[1].merge(group.cells[4]), "{{ r.nhom }}", "KD Bảng nhỏ", italic=True
    ).paragraph_format.keep_with_next = True
    row_property(group, "cantSplit")
    cells = ("{{ r.stt }}", "{{ r.ho_ten }}", "{{ r.diem }}", "{{ r.xep_loai }}", "{{ r.ghi_chu }}")
    for j, (cell, text) in enumerate(zip(rows[9].cells, cells)):
        p = first_cell_paragraph(cell, text, "KD Bảng nhỏ")
        if j in (0, 2):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[9], "cantSplit")
    tag(doc, "{%p endif %}")
    total = para(doc, "{{ trinh_bay.dang_vien_tong }}")
    total.paragraph_format.space_before, total.paragraph_format.keep_with_next = Pt(10), True
    level_table(doc, "trinh_bay.dang_vien_muc", "trinh_bay.dang_vien_cong", "Mức xếp loại đảng viên")
    summary_signature(doc)
    return save(doc, "danh-sach-xep-loai-dang-vien", "Danh sách xếp loại chất lượng đảng viên")


def build_summary_report() -> Path:
    doc = new_document()
    summary_heading(
        doc, "BÁO CÁO", "Tổng hợp kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {{ nam }}"
    )
    para(
        doc,
        "Căn cứ {{ regime_name }}, {{ trinh_bay.co_quan }} báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức "
        "đảng và đảng viên năm {{ nam }} như sau:",
    )
    para(doc, "I. TỔ CHỨC ĐẢNG", "KD Mục")
    para(doc, "{{ trinh_bay.to_chuc_tong }}").paragraph_format.keep_with_next = True
    level_table(doc, "trinh_bay.to_chuc_muc", "trinh_bay.to_chuc_cong", "Mức xếp loại tổ chức đảng")
    comparison_table(doc, "trinh_bay.so_sanh_to_chuc", "Mức xếp loại tổ chức đảng")
    tag(doc, "{%p if trinh_bay.to_chuc %}")
    para(doc, "Kết quả của từng tổ chức đảng:").paragraph_format.keep_with_next = True
    grid_table(
        doc,
        ("STT", "Tổ chức đảng", "Số đảng viên", "Điểm", "Xếp loại"),
        (Cm(1.2), Cm(6.4), Cm(2.2), Cm(1.6), Cm(5.1)),
        "trinh_bay.to_chuc",
        ("{{ r.stt }}", "{{ r.ten }}", "{{ r.so_dang_vien }}", "{{ r.diem }}", "{{ r.xep_loai }}"),
        centred=(0, 2, 3),
    )
    tag(doc, "{%p endif %}")
    para(doc, "II. ĐẢNG VIÊN", "KD Mục")
    para(doc, "{{ trinh_bay.dang_vien_tong }}").paragraph_format.keep_with_next = True
    level_table(doc, "trinh_bay.dang_vien_muc", "trinh_bay.dang_vien_cong", "Mức xếp loại đảng viên")
    comparison_table(doc, "trinh_bay.so_sanh_dang_vien", "Mức xếp loại đảng viên")
    tag(doc, "{%p for d in trinh_bay.so_sanh_khac %}")
    para(doc, "{{ d }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if trinh_bay.hai_nam %}")
    para(
        doc,
        "Đảng viên hai năm liền xếp loại “{{ trinh_bay.hai_nam_muc }}” (theo hồ sơ xếp loại các năm), chi bộ xem xét:",
    ).paragraph_format.keep_with_next = True
    tag(doc, "{%p for d in trinh_bay.hai_nam %}")
    para(doc, "- {{ d }}", "KD Ý")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ trinh_bay.hai_nam_dan }}")
    tag(doc, "{%p endif %}")
    for var, title in (
        ("khong_xep_loai", "Đảng viên không xếp loại:"),
        ("chua_co_ket_qua", "Đảng viên chưa có kết quả xếp loại:"),
    ):
        tag(doc, f"{{%p if trinh_bay.{var} %}}")
        para(doc, title).paragraph_format.keep_with_next = True
        tag(doc, f"{{%p for d in trinh_bay.{var} %}}")
        para(doc, "- {{ d }}", "KD Ý")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endif %}")
    para(doc, "III. TỶ LỆ {{ trinh_bay.muc_cao_in_hoa }}", "KD Mục")
    tag(doc, "{%p if trinh_bay.ty_le %}")
    para(doc, "{{ trinh_bay.ty_le_dan }}").paragraph_format.keep_with_next = True
    grid_table(
        doc,
        (
            "STT",
            "Phạm vi, nhóm đối tượng",
            "{{ trinh_bay.muc_co_so }}",
            "{{ trinh_bay.muc_cao }}",
            "Tỷ lệ đạt",
            "Tỷ lệ tối đa",
            "Chờ đảng ủy quyết định",
        ),
        (Cm(1.2), Cm(3.6), Cm(2.0), Cm(2.0), Cm(2.8), Cm(2.9), Cm(2.0)),
        "trinh_bay.ty_le",
        (
            "{{ r.stt }}",
            "{{ r.pham_vi }}: {{ r.nhom }}",
            "{{ r.co_so }}",
            "{{ r.dat }}",
            "{{ r.ty_le }}",
            "{{ r.toi_da }}",
            "{{ r.bang_phieu }}",
        ),
        centred=(0, 2, 3, 4, 5, 6),
    )
    tag(doc, "{%p else %}")
    para(doc, "{{ trinh_bay.khong_co_ty_le }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if trinh_bay.loi %}")
    para(doc, "{{ trinh_bay.loi }}")
    tag(doc, "{%p endif %}")
    summary_signature(doc)
    return save(doc, "bao-cao-tong-hop-xep-loai", "Báo cáo tổng hợp kết quả đánh giá, xếp loại")


def build_quota_report() -> Path:
    doc = new_document()
    summary_heading(doc, "BÁO CÁO", "Việc thực hiện tỷ lệ đảng viên {{ trinh_bay.muc_cao }} năm {{ nam }}")
    para(
        doc,
        "Căn cứ {{ trinh_bay.can_cu }}, {{ trinh_bay.co_quan }} báo cáo việc thực hiện tỷ lệ đảng viên xếp loại "
        "{{ trinh_bay.muc_cao }} theo từng phạm vi và nhóm đối tượng như sau:",
    )
    tag(doc, "{%p for g in trinh_bay.nhom %}")
    para(doc, "{{ g.tieu_de }}", "KD Mục")
    tag(doc, "{%p for d in g.dong %}")
    para(doc, "- {{ d }}", "KD Ý")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if trinh_bay.khong_co %}")
    para(doc, "{{ trinh_bay.khong_co }}")
    tag(doc, "{%p endif %}")
    summary_signature(doc)
    return save(doc, "bao-cao-ty-le-xep-loai", "Báo cáo việc thực hiện tỷ lệ xếp loại đảng viên")


BUILDERS = {
    "ban-tu-kiem-diem": build_member,
    "bieu-diem-tccsd": build_organisation,
    "bao-cao-kiem-diem-tap-the": build_report,
    "to-trinh-khen-thuong": build_commendation,
    "danh-sach-xep-loai-dang-vien": build_member_list,
    "bao-cao-tong-hop-xep-loai": build_summary_report,
    "bao-cao-ty-le-xep-loai": build_quota_report,
}

if __name__ == "__main__":
    import sys

    for form in sys.argv[1:] or BUILDERS:  # name forms to rebuild only those
        print(BUILDERS[form]())
