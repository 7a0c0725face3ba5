"""Fill a fillable blank the way a PDF viewer or Word saves one, and what a member types into one."""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

# A member's answers to Mẫu 02B, by field name (the JSON path); the name typed decomposed (NFD).
ANSWERS_02B = {
    "dang_bo": "Đảng bộ phường Ba Đình",
    "dia_danh": "Ba Đình",
    "ngay_lap": "05/12/2025",
    "nam": "2025",
    "dang_vien.ho_ten": unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh"),
    "dang_vien.ngay_sinh": "7/3/1985",
    "dang_vien.don_vi_cong_tac": "Trường Tiểu học Ngọc Hà",
    "kiem_diem.uu_diem.pham_chat": "Luôn giữ vững lập trường chính trị, tư tưởng.\n- Gương mẫu, đoàn kết nội bộ.",
    "kiem_diem.uu_diem.thuc_hien_nhiem_vu": "Hoàn thành 12/12 nhiệm vụ được giao, 2 nhiệm vụ vượt mức.",
    "kiem_diem.uu_diem.cam_ket": "Thực hiện đầy đủ cam kết <đầu năm> & lời hứa.",
    "kiem_diem.han_che.han_che_khuyet_diem": "Đôi khi chưa chủ động tham mưu.",
    "kiem_diem.han_che.nguyen_nhan": "Khối lượng công việc lớn.",
    "kiem_diem.khac_phuc": "Không có hạn chế nào được chỉ ra ở kỳ trước.",
    "kiem_diem.phuong_huong": "Tiếp tục học tập, rèn luyện, nâng cao trình độ.",
    "diem.tieu_chi_chung.diem": "28,5",
    "diem.ket_qua_nhiem_vu.diem": "62",
    "dang_vien.ngay_vao_dang": "03/02/2010",
    "nhiem_vu.so_duoc_giao": "12",
    "nhiem_vu.so_hoan_thanh": "12",
    "nhiem_vu.so_dung_tien_do": "12",
    "nhiem_vu.so_vuot_muc": "2",
}


def terminal_fields(pdf) -> dict:
    """Each terminal field of a PdfReader/PdfWriter by its fully qualified name (parents' names and its own, with ".")."""
    found = {}

    def walk(ref, prefix: str) -> None:
        field = ref.get_object()
        name = prefix + str(field["/T"])
        if "/FT" in field:
            found[name] = field
        for kid in field.get("/Kids", []):
            if "/T" in kid.get_object():
                walk(kid, name + ".")

    for ref in (
        pdf.trailer["/Root"]["/AcroForm"]["/Fields"]
        if isinstance(pdf, PdfReader)
        else pdf._root_object["/AcroForm"]["/Fields"]
    ):
        walk(ref, "")
    return found


def fill(pdf: bytes, texts: dict[str, str], choices: dict[str, str] | None = None) -> bytes:
    """Set each field's value by its qualified name, as a viewer saves a filled form: ``texts`` for text
    fields and drop-down lists, ``choices`` the export value of a radio group (a level code, "co"/"khong")."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    fields = terminal_fields(writer)
    for name, text in texts.items():
        fields[name][NameObject("/V")] = TextStringObject(text)
    for name, code in (choices or {}).items():
        group = fields[name]
        state = f"/{[str(o) for o in group['/Opt']].index(code)}"  # a radio button's state is its index (WeasyPrint)
        group[NameObject("/V")] = NameObject(state)
        for kid in group["/Kids"]:
            widget = kid.get_object()
            widget[NameObject("/AS")] = NameObject(state if state in widget["/AP"]["/N"] else "/Off")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def tick(pdf: bytes, names: list[str]) -> bytes:
    """Tick check boxes as a viewer saves them (value and appearance "/on", WeasyPrint's on-state)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    fields = terminal_fields(writer)
    for name in names:
        fields[name][NameObject("/V")] = NameObject("/on")
        fields[name][NameObject("/AS")] = NameObject("/on")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rewrite_docx(docx: bytes, change) -> bytes:
    """The DOCX with its document.xml changed in place by ``change(body)``, the other parts as they were."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    change(body)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def fill_docx(docx: bytes, texts: dict[str, str], choices: dict[str, str] | None = None) -> bytes:
    """Type into a DOCX blank's content controls as Word does: the placeholder goes, the text
    (lines as w:br) comes; a drop-down list shows the chosen item's text."""
    return rewrite_docx(docx, lambda body: _type_into(body, {**texts, **(choices or {})}))


def _type_into(body, answers: dict[str, str]) -> None:
    from lxml import etree

    for control in body.iter(f"{W}sdt"):
        props = control.find(f"{W}sdtPr")
        name = props.find(f"{W}tag").get(f"{W}val")
        if name not in answers:
            continue
        value = answers[name]
        listing = props.find(f"{W}dropDownList")
        if listing is not None:
            value = next(i.get(f"{W}displayText") for i in listing if i.get(f"{W}value") == value)
        placeholder = props.find(f"{W}showingPlcHdr")
        if placeholder is not None:
            props.remove(placeholder)
        content = control.find(f"{W}sdtContent")
        for child in list(content):
            content.remove(child)
        run = etree.SubElement(content, f"{W}r")
        for i, line in enumerate(value.split("\n")):
            if i:
                etree.SubElement(run, f"{W}br")
            etree.SubElement(run, f"{W}t").text = line
