"""Sign-ready pages (issue 14), read as a secretary reads them before signing: every example, every blank
(paper and fillable), the example đảng bộ's whole bulk run, and long generated inputs, in PDF and in the
DOCX as LibreOffice lays it out. ``layout.pages.faults`` names what would be reprinted."""

from __future__ import annotations

import io
import json

import pymupdf
import pytest
from docx import Document

from generator import load_document, prepare, render
from generator.blank import make_blank, render_blank
from generator.render import pdf as pdf_module
from generator.render.docx_keep import keep_signatures
from generator.render.unbroken import keep_symbols_whole
from generator.resources import templates_dir
from tests.layout.pages import docx_to_pdf, faults, page_numbers, read_lines, soffice
from tests.samples import EXAMPLES

DOCUMENTS = sorted(
    p
    for p in [
        *EXAMPLES.glob("*.json"),
        *EXAMPLES.glob("*.yaml"),
        *(EXAMPLES / "phieu-bieu-quyet").glob("*.yaml"),
        *(EXAMPLES / "phieu-nhan-xet-noi-cu-tru").glob("*.yaml"),
    ]
)
BLANKS = (
    [("ban-tu-kiem-diem", None, v) for v in ("02A", "02B", "02C")]
    + [
        (form, regime, None)
        for form in ("bieu-diem-tccsd", "bao-cao-kiem-diem-tap-the")
        for regime in ("hd07-2011", "hd27-2014", "qd132-2019", "qd124-2023", "qd366-2025")
    ]
    + [("to-trinh-khen-thuong", None, None)]
)
BALLOT_DATA = {"nam": 2025, "dang_bo": "Đảng bộ phường Hoàn Kiếm", "chi_bo": "Chi bộ Tổ dân phố 3"}
needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice không có trên máy này (scripts/install-system-deps.sh cài nó)"
)


def _rendered(path):
    return render(prepare(load_document(path)), ["docx", "pdf"])


@pytest.fixture(scope="module")
def rendered():
    return {p.name: _rendered(p) for p in DOCUMENTS}


@pytest.mark.parametrize("name", [p.name for p in DOCUMENTS])
def test_example_pdf_is_sign_ready(rendered, name):
    assert faults(rendered[name]["pdf"], name) == []


@needs_libreoffice
@pytest.mark.parametrize("name", [p.name for p in DOCUMENTS])
def test_example_docx_is_sign_ready_in_libreoffice(rendered, name):
    # Word has no "no wrap" for a run, and a non-breaking hyphen defeats search: symbols are checked in PDF only.
    found = [f for f in faults(docx_to_pdf(rendered[name]["docx"]), name) if "ngắt dòng" not in f]
    assert found == []


@pytest.mark.parametrize("form, regime, variant", BLANKS + [("phieu-bieu-quyet", None, None)])
@pytest.mark.parametrize("fillable", [None, "pdf"])
def test_blank_pdf_is_sign_ready(form, regime, variant, fillable):
    data = BALLOT_DATA if form == "phieu-bieu-quyet" else None
    blank = make_blank(form, data, regime=regime, variant=variant, fillable=fillable)
    assert faults(render_blank(blank, "pdf"), f"{form} {regime} {variant} {fillable}") == []


def _options(pdf: bytes) -> set[str]:
    """What follows each box on a line: an option broken across lines shows as a piece of it."""
    return {
        " ".join(piece.split())
        for page in read_lines(pdf)
        for ln in page
        if "☐" in ln.text
        for piece in ln.text.split("☐")[1:]
    }


@needs_libreoffice
@pytest.mark.parametrize(
    "form, variant", [("ban-tu-kiem-diem", "02A"), ("bieu-diem-tccsd", None), ("to-trinh-khen-thuong", None)]
)
def test_word_blank_keeps_each_choice_whole(form, variant):
    blank = make_blank(form, None, variant=variant)
    in_word = _options(docx_to_pdf(render_blank(blank, "docx")))
    assert "Hoàn thành tốt nhiệm vụ" in in_word and in_word <= _options(render_blank(blank, "pdf")), in_word


@pytest.fixture(scope="module")
def dang_bo(tmp_path_factory):
    """The example đảng bộ printed as `make demo` prints it."""
    from generator.cli import main

    out = tmp_path_factory.mktemp("dang-bo")
    assert main(["bulk", str(EXAMPLES / "dang-bo-2025.xlsx"), "--format", "docx,pdf", "-o", str(out)]) == 0
    return out


def test_every_pdf_of_the_example_dang_bo_is_sign_ready(dang_bo):
    pdfs = sorted(dang_bo.rglob("*.pdf"))
    assert len(pdfs) >= 25
    assert [f for p in pdfs for f in faults(p.read_bytes(), p.name)] == []


@needs_libreoffice
def test_the_dang_bo_reports_docx_are_sign_ready(dang_bo):
    reports = [p for p in dang_bo.rglob("*.docx") if p.name.startswith(("bao-cao", "danh-sach"))]
    assert len(reports) >= 4
    found = [f for p in reports for f in faults(docx_to_pdf(p.read_bytes()), p.name) if "ngắt dòng" not in f]
    assert found == []


# ------------------------------------------------------------------ long generated inputs
def _ballot(members: int, copies: int) -> dict:
    document = load_document(EXAMPLES / "phieu-bieu-quyet-2025.json")
    names = list(document["dang_vien"])
    document["dang_vien"] = [
        names[i % len(names)] + ("" if i < len(names) else f" {chr(65 + i // len(names))}") for i in range(members)
    ]
    document["so_phieu"] = copies
    return document


@pytest.mark.parametrize("members, copies, pages_a_copy", [(6, 3, 1), (45, 3, 2), (60, 2, 2), (90, 2, 3)])
def test_ballot_copies_are_identical_and_fit_one_sheet(members, copies, pages_a_copy):
    pdf = render(prepare(_ballot(members, copies)), ["pdf"])["pdf"]
    numbers = page_numbers(pdf)
    assert len(numbers) == copies * pages_a_copy
    one = numbers[:pages_a_copy]
    assert numbers == one * copies  # the same page numbers (none on one sheet) in every copy
    assert one == ([""] * pages_a_copy if pages_a_copy <= 2 else ["", *map(str, range(2, pages_a_copy + 1))])
    texts = [[ln.text for ln in page] for page in read_lines(pdf)]
    assert texts == texts[:pages_a_copy] * copies
    assert faults(pdf) == []


@needs_libreoffice
def test_ballot_docx_copies_carry_no_page_number():
    pdf = docx_to_pdf(render(prepare(_ballot(45, 2)), ["docx"])["docx"])
    assert page_numbers(pdf) == ["", "", "", ""]


def test_a_three_page_section_keeps_its_headings_and_signature():
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")
    long = " ".join(
        [
            "Tham gia đầy đủ các buổi sinh hoạt chi bộ, thực hiện nghiêm Quy định 366-QĐ/TW và "
            "Hướng dẫn 27-HD/BTCTW; hoàn thành chỉ tiêu năm 2025 đúng hạn."
        ]
        * 12
    )
    document["kiem_diem"]["uu_diem"]["thuc_hien_nhiem_vu"] = "\n\n".join([long] * 4)
    pdf = render(prepare(document), ["pdf"])["pdf"]
    assert len(read_lines(pdf)) >= 4
    assert faults(pdf) == []


LONG_ISSUERS = (
    "Đảng bộ Khối Doanh nghiệp Thành phố Hồ Chí Minh",
    "Đảng ủy Trường Đại học Kỹ thuật Công nghiệp Thái Nguyên",
)


@pytest.mark.parametrize("issuer", LONG_ISSUERS)
def test_long_issuer_and_place_keep_the_date_line_whole(issuer):
    document = load_document(EXAMPLES / "bao-cao-kiem-diem-tap-the-2025.yaml")
    document["dang_bo"], document["tap_the"] = issuer, "Chi bộ Văn phòng Đảng ủy Công ty Cổ phần Cơ khí Hà Nội"
    document["dia_danh"] = "Thành phố Hồ Chí Minh"
    pdf = render(prepare(document), ["pdf"])["pdf"]
    first = [ln.text for ln in read_lines(pdf)[0]]
    assert any(t.startswith("Thành phố Hồ Chí Minh, ngày") and t.endswith("năm 2025") for t in first), first
    header = first[1 : first.index("*")]  # the left column's lines, as laid out (the date line among them)
    assert not [t for t in header if t.endswith((" HỒ CHÍ", " DOANH", " CỔ", " CƠ", " ĐẢNG", " KỸ", " ĐẠI"))], header
    assert faults(pdf) == []


@needs_libreoffice
@pytest.mark.parametrize("place", ["Thị xã Phú Mỹ", "Thành phố Hồ Chí Minh", "Thành phố Buôn Ma Thuột"])
def test_the_date_line_never_wraps_in_word(place):
    """Word's columns keep their widths: the date's column is widened, the names fitted to what is left."""
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02a.yaml")
    document["dia_danh"], document["dang_bo"] = place, LONG_ISSUERS[0]
    prepared = prepare(document)
    first = [ln.text for ln in read_lines(docx_to_pdf(render(prepared, ["docx"])["docx"]))[0]]
    assert any(t.startswith(f"{place}, ngày") and t.endswith("năm 2025") for t in first), first
    for line in prepared.context["trinh_bay"]["dang_bo_in_hoa"].split("\n"):
        assert line in first, (line, first)  # no name line wrapped by Word either


def test_a_line_break_typed_in_a_name_breaks_the_header_only():
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02a.yaml")
    document["chi_bo"] = "Chi bộ Văn phòng\nSở Nội vụ"
    files = render(prepare(document), ["docx", "pdf"])
    first = [ln.text for ln in read_lines(files["pdf"])[0]]
    assert "CHI BỘ VĂN PHÒNG" in first and "SỞ NỘI VỤ" in first, first
    assert "Chi bộ: Chi bộ Văn phòng Sở Nội vụ" in first
    body = [p.text for p in Document(io.BytesIO(files["docx"])).paragraphs]
    assert "Chi bộ: Chi bộ Văn phòng Sở Nội vụ" in body


# ------------------------------------------------------------------ the pieces, and the checker itself
def test_symbols_stay_whole_in_text_only():
    html = keep_symbols_whole(
        '<title>năm 2025</title><p title="366-QĐ/TW">Quy định 366-QĐ/TW, quý I/2026</p><textarea>năm 2025</textarea>'
    )
    assert html.startswith('<title>năm 2025</title><p title="366-QĐ/TW">')
    assert '<span style="white-space: nowrap">366-QĐ/TW</span>' in html
    assert '<span style="white-space: nowrap">quý I/2026</span>' in html
    assert html.endswith("<textarea>năm 2025</textarea>")


def test_symbols_are_searchable_in_the_pdf(rendered):
    with pymupdf.open(stream=rendered["bieu-diem-tccsd-2025.json"]["pdf"], filetype="pdf") as document:
        assert sum(len(page.search_for("366-QĐ/TW")) for page in document) >= 1


def test_signature_keeps_with_the_paragraph_before_it_in_word(rendered):
    body = Document(io.BytesIO(rendered["phieu-nhan-xet-noi-cu-tru.yaml"]["docx"])).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    table = [t for t in body if t.tag == f"{w}tbl"][-1]
    before = table.getprevious()
    while not "".join(before.itertext()).strip():
        assert before.find(f"{w}pPr/{w}keepNext") is not None
        before = before.getprevious()
    assert before.find(f"{w}pPr/{w}keepNext") is not None, "".join(before.itertext())


def test_keep_signatures_orders_keep_next_after_the_style():
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:pPr><w:pStyle w:val="KDĐoạn"/><w:jc w:val="both"/></w:pPr><w:r><w:t>Thân bài</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="KDKý"/></w:pPr></w:p></w:tc></w:tr></w:tbl>'
        "</w:body></w:document>"
    ).encode()
    out = keep_signatures(xml).decode()
    assert '<w:pStyle w:val="KDĐoạn"/><w:keepNext/><w:jc w:val="both"/>' in out


def test_docx_core_properties_name_the_document(rendered):
    core = Document(io.BytesIO(rendered["ban-tu-kiem-diem-02b.json"]["docx"])).core_properties
    assert core.title == "Bản kiểm điểm năm 2025 — Nguyễn Thị Ngọc Ánh"
    assert core.subject == "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân"
    assert core.language == "vi-VN" and core.comments == ""
    assert core.created.date().isoformat() == "2025-12-05"  # the day it is dated: same input, same bytes


def test_straight_quotes_print_as_vietnamese_quotes():
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")
    document["kiem_diem"]["uu_diem"]["cam_ket"] = 'Đạt danh hiệu "Chiến sĩ thi đua" cơ sở.'
    out = render(prepare(document), ["docx", "pdf"])
    from tests.render.test_parity import docx_text, pdf_text

    for text in (docx_text(out["docx"]), " ".join(pdf_text(out["pdf"]).split())):
        assert "danh hiệu “Chiến sĩ thi đua” cơ sở" in text and '"' not in text


@pytest.fixture
def old_css(monkeypatch):
    """The shared stylesheet as it was before issue 14: no keep rules, no whole date line."""
    css = (templates_dir() / "_shared" / "hd36.css").read_text(encoding="utf-8")
    old = (
        css[: css.index("/* Sign-ready pages")]
        .replace(" break-before: avoid;", "")
        .replace(" white-space: nowrap;", "")
    )
    fetch = pdf_module.TemplateAssetFetcher.fetch

    def fetch_old(self, url, headers=None):
        response = fetch(self, url, headers)
        if url.endswith("/_shared/hd36.css"):
            return type(response)(url, old.encode("utf-8"), {"Content-Type": "text/css"})
        return response

    monkeypatch.setattr(pdf_module.TemplateAssetFetcher, "fetch", fetch_old)
    monkeypatch.setattr(pdf_module, "keep_symbols_whole", lambda html: html)


def test_the_checker_finds_each_fault_the_old_layout_had(old_css):
    """Without the keep rules and whole symbols, the faults issue 14 listed come back and are named."""
    found = []
    for name in ("bao-cao-kiem-diem-tap-the-2023.yaml", "bieu-diem-tccsd-2025.json", "phieu-nhan-xet-noi-cu-tru.yaml"):
        found += faults(_rendered(EXAMPLES / name)["pdf"], name)
    blank = make_blank("ban-tu-kiem-diem", variant="02B")
    found += faults(render_blank(blank, "pdf"), "02B")
    text = "\n".join(found)
    assert "bao-cao-kiem-diem-tap-the-2023.yaml p.1: đề mục ở cuối trang «2. Nguyên nhân»" in text
    assert "02B p.2: đề mục ở cuối trang «I. TỰ CHẤM ĐIỂM»" in text
    assert "366-QĐ/ / TW" in text or "366- / QĐ/TW" in text


def test_the_checker_reads_a_stranded_heading_and_a_lonely_signature():
    html = (
        "<style>@page{size:A4;margin:20mm}p{margin:0;font-size:14pt;line-height:1.2}</style>"
        + "<p>Đoạn văn.</p>" * 10
        + "<p><b>3. Đề mục cuối trang</b></p><p style='break-before:page'>Nội dung.</p>"
        + "<p style='break-before:page'>Nơi nhận:</p><p>T/M CHI ỦY</p>"
    )
    from weasyprint import HTML

    found = faults(HTML(string=html).write_pdf())
    assert any("đề mục ở cuối trang «3. Đề mục cuối trang»" in f for f in found), found
    assert any("trang bắt đầu bằng khối chữ ký «Nơi nhận:»" in f for f in found), found


def test_the_checker_reads_a_compound_broken_in_a_title():
    html = (
        "<style>@page{size:A4;margin:20mm}p{margin:0;font-size:16pt;text-align:center;font-weight:bold}</style>"
        "<p>XẾP LOẠI TỔ CHỨC CƠ<br>SỞ ĐẢNG</p>"
        "<p style='margin-top:2em'>SỞ LAO ĐỘNG – THƯƠNG BINH<br>VÀ XÃ HỘI</p><p style='margin-top:2em'>ĐẢNG BỘ THƯƠNG BINH VÀ XÃ<br>HỘI</p>"
        "<p style='text-align:justify;font-weight:normal'>Sinh hoạt chi bộ cơ<br>sở đảng đều đặn.</p>"
    )
    from weasyprint import HTML

    found = faults(HTML(string=html).write_pdf())
    # "THƯƠNG BINH / VÀ XÃ HỘI" keeps "XÃ HỘI" whole; a justified body line may break anywhere
    assert len(found) == 2 and "«TỔ CHỨC CƠ / SỞ ĐẢNG»" in found[0] and "«XÃ / HỘI»" in found[1], found


@pytest.mark.parametrize("name", ["bieu-diem-tccsd-2021-son-la.json"])
def test_two_assessment_tables_share_one_grid_under_their_own_headings(rendered, name):
    with pymupdf.open(stream=rendered[name]["pdf"], filetype="pdf") as document:
        page = document[0]
        text = page.get_text()
        rules = [d["rect"] for d in page.get_drawings() if d["rect"].width < 2 and d["rect"].height > 10]
    assert "1. Mức tự đánh giá từng tiêu chí" in text and "2. Điểm tự chấm" in text
    grades = {round(r.x0) for r in rules if r.y0 < text_top(rendered[name]["pdf"], "2. Điểm tự chấm")}
    scores = {round(r.x0) for r in rules if r.y0 > text_top(rendered[name]["pdf"], "2. Điểm tự chấm")}
    assert grades <= scores | {x + 1 for x in scores} | {x - 1 for x in scores}, (grades, scores)


def text_top(pdf: bytes, text: str) -> float:
    return next(ln.top for ln in read_lines(pdf)[0] if ln.text == text)


def test_json_example_ballot_is_one_sheet(rendered):
    with pymupdf.open(stream=rendered["phieu-bieu-quyet-2025.json"]["pdf"], filetype="pdf") as document:
        assert len(document) <= 2
    assert len(json.loads((EXAMPLES / "phieu-bieu-quyet-2025.json").read_text(encoding="utf-8"))["dang_vien"]) == 45


def test_the_example_members_write_their_own_part_a(dang_bo):
    """`make demo` shows what a real đảng bộ gets: no two members print the same paragraph of part A, and
    the member who rates himself KHTNV says what he did not complete (issue 14 §13)."""
    seen: dict[str, set[str]] = {}
    for path in sorted(dang_bo.rglob("ban-tu-kiem-diem-*.docx")):
        paragraphs = Document(io.BytesIO(path.read_bytes())).paragraphs
        texts = [p.text.strip() for p in paragraphs]
        start, end = texts.index("A. NỘI DUNG KIỂM ĐIỂM"), texts.index("B. TỰ ĐÁNH GIÁ, XẾP LOẠI")
        part_a = [
            t
            for p, t in zip(paragraphs[start:end], texts[start:end])
            if not p.style.name.startswith(("KD Phần", "KD Mục", "KD Tiểu mục"))
        ]  # the form's own headings are the same for everyone
        for paragraph in part_a:
            if len(paragraph) >= 40:
                seen.setdefault(paragraph, set()).add(path.name)
        if path.name == "ban-tu-kiem-diem-cao-van-son.docx":
            assert "mới hoàn thành 7/12 nhiệm vụ" in " ".join(part_a)
    assert len({name for names in seen.values() for name in names}) >= 20
    assert [paragraph for paragraph, names in seen.items() if len(names) > 1] == []


def test_the_example_dang_bo_numbers_its_reports(dang_bo):
    """The Đảng bộ sheet's numbers reach the đảng ủy's two reports, under the star (issue 14 §3)."""
    for name, number in (
        ("bao-cao-tong-hop-xep-loai.pdf", "Số 215-BC/ĐU"),
        ("bao-cao-ty-le-xep-loai.pdf", "Số 216-BC/ĐU"),
    ):
        first = [ln.text for ln in read_lines(next(dang_bo.rglob(name)).read_bytes())[0]]
        assert number in first[: first.index("BÁO CÁO")], first[:8]


@pytest.mark.parametrize("rows, whole", [(5, True), (20, False)])
def test_a_small_table_moves_whole_and_a_long_one_keeps_two_rows_under_its_heading(rows, whole):
    """Issue 14 §7, laid out for real: the table starts near the foot of page 1."""
    from weasyprint import HTML

    from generator.render.unbroken import keep_tables_whole

    body = "".join(f"<tr><td>Dòng {i}</td></tr>" for i in range(rows))
    for lead in range(36, 42):
        html = (
            "<style>@page{size:A4;margin:20mm}p,td,th{margin:0;font-size:14pt}</style>"
            + "<p>Đoạn.</p>" * lead
            + f"<table><thead><tr><th>Tiêu đề bảng</th></tr></thead><tbody>{body}</tbody></table>"
        )
        pages = [[ln.text for ln in page] for page in read_lines(HTML(string=keep_tables_whole(html)).write_pdf())]
        first = pages[0]
        if "Tiêu đề bảng" in first:
            after = first[first.index("Tiêu đề bảng") + 1 :]
            assert len(after) == rows if whole else len(after) >= 2, (lead, first[-4:])


def test_small_tables_stay_whole_in_word_too():
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>'
        + "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>" * 5
        + "</w:tbl></w:body></w:document>"
    ).encode()
    out = keep_signatures(xml).decode()
    assert out.count("<w:keepNext/>") == 4  # every row but the last keeps with the next
