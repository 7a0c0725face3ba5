"""The đảng bộ's list and reports render to DOCX and PDF with the same text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from generator.present.summary import LIST, QUOTA, REPORT, report_contexts, summary_contexts
from generator.render import RENDERERS
from generator.render.docx import compiled_docx
from tests.present.test_summary import EMPTY, KIM_DONG, sample
from tests.render.test_parity import docx_text, normal, once, pdf_text, repeated_headers

NAMES = (LIST, REPORT, QUOTA)


def both(name: str, context: dict) -> tuple[str, str]:
    """The DOCX text and the PDF text, normalised; table headers a PDF repeats counted once."""
    docx = RENDERERS["docx"](name, context)
    pdf_side = normal(pdf_text(RENDERERS["pdf"](name, context)))
    for header in repeated_headers(docx):
        pdf_side = once(pdf_side, header)
    return normal(docx_text(docx)), pdf_side


def assert_same(docx_side: str, pdf_side: str) -> None:
    if docx_side != pdf_side:
        at = next(
            (i for i, (a, b) in enumerate(zip(docx_side, pdf_side)) if a != b), min(len(docx_side), len(pdf_side))
        )
        pytest.fail(
            f"first difference at {at}: DOCX …{docx_side[at - 60 : at + 60]}… / PDF …{pdf_side[at - 60 : at + 60]}…"
        )


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[str, str]]:
    return {name: both(name, context) for name, context in summary_contexts(sample()).items()}


@pytest.mark.parametrize("name", NAMES)
def test_docx_and_pdf_say_the_same(rendered, name):
    docx_side, pdf_side = rendered[name]
    assert "ĐẢNGBỘTHÀNHPHỐHÀNỘI" in docx_side and "ĐẢNGỦYPHƯỜNGBAĐÌNH" in docx_side
    assert "ĐẢNGCỘNGSẢNVIỆTNAM" in docx_side and "HàNội,ngày05tháng12năm2025" in docx_side
    assert (
        "T/MĐẢNGỦYPHÓBÍTHƯHoàngVănSơn" in docx_side
        and "Nơinhận:-BanTổchứcThànhủy(đểbáocáo),-LưuVănphòngĐảngủy." in docx_side
    )
    assert_same(docx_side, pdf_side)


def test_the_list_prints_every_member_chi_bo_by_chi_bo(rendered):
    text = rendered[LIST][0]
    assert "DANHSÁCHxếploạichấtlượngđảngviênnăm2025" in text
    # Each member group is named once, in a row above its members (issue 14 §12), not on every row.
    assert normal(f"I{KIM_DONG}Đảng viên không giữ chức vụ lãnh đạo, quản lý1Nguyễn Thị Ngọc Ánh") in text
    assert "IIChibộKhudâncưsố3Đảngviênkhônggiữchứcvụlãnhđạo,quảnlý1NguyễnVănAn" in text
    assert "LêThịHàĐảngviêngiữchức" not in text and text.count("Đảngviêngiữchứcvụlãnhđạo,quảnlý") == 1
    for piece in (
        "TrầnVănBình90HoànthànhtốtnhiệmvụVượttỷlệHoànthànhxuấtsắc",
        "ChờđảngủyquyếtđịnhBằngsốphiếu",
        "NguyễnThịNgọcÁnh87,5",
        "Tổngsốđảngviên:8;đượcxếploại:5;khôngxếploại:1;chưacókếtquảxếploại:2.",
        "Hoànthànhtốtnhiệmvụ360%",
        "Khônghoànthànhnhiệmvụ00%",
        "Tổngsốđượcxếploại5100%",
    ):
        assert piece in text


def test_the_report_prints_its_figures_and_basis(rendered):
    text = rendered[REPORT][0]
    assert "BÁOCÁOTổnghợpkếtquảđánhgiá,xếploạichấtlượngtổchứcđảngvàđảngviênnăm2025" in text
    assert "CăncứQuyđịnh366-QĐ/TWngày30/8/2025vàHướngdẫn43-HD/BTCTWngày31/10/2025,ĐảngủyphườngBaĐình" in text
    for piece in (
        "Tổngsốtổchứcđảng:3;đượcxếploại:2;chưaxếploại:1.",
        "Hoànthànhxuấtsắcnhiệmvụ150%",
        "77,55",
        "III.TỶLỆHOÀNTHÀNHXUẤTSẮCNHIỆMVỤ",
        "1/5=20%",
        "20%,tốiđa1",
        "PhạmThịDung(ChibộTrườngTiểuhọcKimĐồng):Đảngviênkếtnạpchưađủ6tháng",
        "Có1bảnghichưaxửlýđược",
    ):
        assert piece in text


def test_the_quota_report_names_each_group(rendered):
    text = rendered[QUOTA][0]
    assert "BÁOCÁOViệcthựchiệntỷlệđảngviênHoànthànhxuấtsắcnhiệmvụnăm2025" in text
    assert "CăncứĐiều11,Quyđịnh366-QĐ/TW,ĐảngủyphườngBaĐình" in text
    for piece in (
        "1.ĐảngbộphườngBaĐình,nhóm“Đảngviênkhônggiữchứcvụlãnhđạo,quảnlý”",
        "-Tỷlệtốiđa20%:20%×5=1→tốiđa1đồngchí.",
        "Vượttỷlệ,xếploạiHoànthànhtốtnhiệmvụ(1đồngchí):TrầnVănBình(ChibộTrườngTiểuhọcKimĐồng).",
        "đềnghịđảngủyxemxét,quyếtđịnh(1đồngchí):NguyễnVănAn(ChibộKhudâncưsố3).",
    ):
        assert piece in text


@pytest.mark.parametrize("name", NAMES)
def test_empty_lists_and_no_upper_committee_still_render_the_same(name):
    context = summary_contexts(sample(cap_tren=None, ky=None, noi_nhan=None, **EMPTY))[name]
    docx_side, pdf_side = both(name, context)
    assert docx_side.startswith("ĐẢNGỦYPHƯỜNGBAĐÌNH*ĐẢNGCỘNGSẢNVIỆTNAM")
    assert "T/MĐẢNGỦYBÍTHƯ" in docx_side and "Nơinhận:-LưuVănphòngĐảngủy." in docx_side
    assert_same(docx_side, pdf_side)


def test_markup_in_names_prints_as_text():
    members = sample()["members"]
    members[0] = dict(members[0], ho_ten="Nguyễn <Văn> A & B")
    context = summary_contexts(sample(members=members))[LIST]
    docx_side, pdf_side = both(LIST, context)
    assert "Nguyễn<Văn>A&B" in docx_side and "TrầnVănBình" in docx_side
    assert_same(docx_side, pdf_side)


def test_a_long_list_repeats_its_header_and_keeps_the_text():
    members = [dict(m, ho_ten=f"{m['ho_ten']} {i}") for m in sample()["members"] for i in range(1, 13)]
    context = summary_contexts(sample(members=members))[LIST]
    assert [g["ten"] for g in context["trinh_bay"]["chi_bo"]] == [KIM_DONG, "Chi bộ Khu dân cư số 3"]
    assert repeated_headers(RENDERERS["docx"](LIST, context))[0] == "STTHọvàtênĐiểmXếploạiGhichú"
    assert len(PdfReader(io.BytesIO(RENDERERS["pdf"](LIST, context))).pages) >= 3
    assert_same(*both(LIST, context))


def test_reports_work_from_counts_alone_as_the_bulk_run_gives_them():
    summary = sample(members=None, member_counts={"HTXSNV": 1, "HTTNV": 3, "HTNV": 1, "NOT_RATED": 1, "pending": 2})
    for name, context in report_contexts(summary).items():
        docx_side, pdf_side = both(name, context)
        assert_same(docx_side, pdf_side)
    assert "Tổngsốđảngviên:8;đượcxếploại:5" in both(REPORT, report_contexts(summary)[REPORT])[0]


@pytest.mark.parametrize("name", NAMES)
def test_word_templates_are_compiled_fast_path_and_a4(name):
    assert compiled_docx(name).supported  # no tags outside the body: the spliced render applies
    section = Document(Path(__file__).resolve().parents[2] / "templates" / name / f"{name}.docx").sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_each_document_prints_its_own_number_under_the_star():
    """Issue 14 §3: the đảng ủy's documents carry "số và ký hiệu" when the đảng bộ gives one."""
    numbers = {"bao_cao_tong_hop": "215-BC/ĐU", "bao_cao_ty_le": "216-BC/ĐU", "danh_sach": "217-DS/ĐU"}
    contexts = summary_contexts(sample(so_ky_hieu=numbers))
    for name, key in ((REPORT, "bao_cao_tong_hop"), (QUOTA, "bao_cao_ty_le"), (LIST, "danh_sach")):
        docx_side, pdf_side = both(name, contexts[name])
        for side in (docx_side, pdf_side):
            assert f"Số{numbers[key]}" in side[:200], (
                name,
                side[:200],
            )  # the header, under the star (spaces normalised away)
    without = summary_contexts(sample())
    assert "*Số" not in both(REPORT, without[REPORT])[1][:200]
