"""A fillable PDF filled by the common fillers looks filled: each typed Vietnamese value is on the
rendered page (poppler's text of the field's rectangle, NFC-compared, and ink there), and
``kiemdiem import`` / ``kiemdiem tally`` still read it back.

Fillers: pypdf (``update_page_form_field_values``, and a bare /V as our other tests fill), PyMuPDF
(``widget.field_value = …; widget.update()``), pdftk ``fill_form`` with a UTF-8 XFDF (with
``need_appearances``, with ``replacement_font``, and plain, whose appearances lose the
Vietnamese letters: the README says so), and ``qpdf --generate-appearances`` after a filler.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from generator.blank import make_blank, render_blank
from generator.blank.field_font import CODEPOINTS
from generator.blank.reading import read_blank, read_fields
from tests.blank.filling import fill, terminal_fields

HANG = "Nguyễn Thị Hằng"
CHI_BO = "Chi bộ Khu phố 5, phường Bến Thành"
PROSE = "Luôn giữ vững lập trường chính trị, tư tưởng.\n- Gương mẫu, đoàn kết nội bộ; ưu tiên học tập."
TEXTS = {
    "dang_bo": "Đảng bộ xã Tân Hòa",
    "dia_danh": "Bến Thành",
    "ngay_lap": "05/12/2025",
    "nam": "2025",
    "chi_bo": CHI_BO,
    "dang_vien.ho_ten": HANG,
    "kiem_diem.uu_diem.pham_chat": PROSE,
}
CHOICES = {"tu_xep_loai": "HTTNV"}
BALLOT = {
    "form": "phieu-bieu-quyet",
    "regime": "qd366-2025",
    "nam": 2025,
    "dang_bo": "Đảng bộ phường Bến Thành",
    "chi_bo": "Chi bộ Khu phố 5",
    "dang_vien": ["Trần Văn Hải", "Nguyễn Thị Mai"],
    "so_dong_trong": 1,
}
BALLOT_TEXTS = {"dang_vien[2].ho_ten": HANG}
BALLOT_CHOICES = {"dang_vien[0].chon": "HTTNV", "dang_vien[1].chon": "HTXSNV", "dang_vien[2].chon": "HTNV"}
PRE_FILLED = {"chi_bo": CHI_BO, "dang_vien": {"ho_ten": HANG}, "kiem_diem": {"uu_diem": {"pham_chat": PROSE}}}


def serif_file() -> str:
    """The TrueType file of the blank's serif (pdftk's replacement_font takes a file)."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "Liberation Serif:style=Regular"], capture_output=True, text=True
    )
    return found.stdout if found.returncode == 0 and found.stdout.endswith(".ttf") else ""


def needs(*tools: str):
    missing = [t for t in tools if shutil.which(t) is None]
    return pytest.mark.skipif(
        bool(missing),
        reason=f"thiếu chương trình {', '.join(missing)} trên máy này (scripts/install-system-deps.sh cài)",
    )


pytestmark = needs("pdftotext", "pdftoppm")  # poppler: what the page shows


@pytest.fixture(scope="module")
def blank() -> bytes:
    return render_blank(make_blank("ban-tu-kiem-diem", {}, variant="02A", fillable="pdf"), "pdf")


@pytest.fixture(scope="module")
def ballot() -> bytes:
    return render_blank(make_blank("phieu-bieu-quyet", dict(BALLOT), fillable="pdf"), "pdf")


# ------------------------------------------------------------ the fillers
def radio_states(pdf: bytes) -> dict:
    """Each radio group's export value → its on-state (WeasyPrint: the button's index)."""
    return {
        name: {str(o): str(i) for i, o in enumerate(f["/Opt"])}
        for name, f in terminal_fields(PdfReader(io.BytesIO(pdf))).items()
        if f.get("/FT") == "/Btn" and "/Opt" in f
    }


def by_pypdf(pdf: bytes, texts: dict, choices: dict) -> bytes:
    """pypdf's documented way: it draws each value's appearance itself."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    states = radio_states(pdf)
    values = {**texts, **{name: "/" + states[name][code] for name, code in choices.items()}}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def by_pymupdf(pdf: bytes, texts: dict, choices: dict) -> bytes:
    """PyMuPDF's documented way: ``widget.field_value = …; widget.update()``."""
    pymupdf = pytest.importorskip("pymupdf")
    states = radio_states(pdf)
    document = pymupdf.open(stream=pdf, filetype="pdf")
    for page in document:
        for widget in page.widgets():
            if widget.field_name in texts:
                widget.field_value = texts[widget.field_name]
                widget.update()
            elif (
                widget.field_name in choices
                and str(widget.on_state()) == states[widget.field_name][choices[widget.field_name]]
            ):
                widget.field_value = widget.on_state()
                widget.update()
    return document.tobytes()


def xfdf(pdf: bytes, texts: dict, choices: dict) -> bytes:
    states = radio_states(pdf)
    fields = [(name, value) for name, value in texts.items()] + [
        (name, states[name][code]) for name, code in choices.items()
    ]
    body = "".join(f'<field name="{escape(name)}"><value>{escape(value)}</value></field>' for name, value in fields)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">'
        f"<fields>{body}</fields></xfdf>"
    ).encode("utf-8")


def by_pdftk(pdf: bytes, texts: dict, choices: dict, *options: str, tmp: Path) -> bytes:
    (tmp / "in.pdf").write_bytes(pdf)
    (tmp / "answers.xfdf").write_bytes(xfdf(pdf, texts, choices))
    subprocess.run(
        ["pdftk", tmp / "in.pdf", "fill_form", tmp / "answers.xfdf", "output", tmp / "out.pdf", *options],
        check=True,
        capture_output=True,
    )
    return (tmp / "out.pdf").read_bytes()


def by_qpdf(pdf: bytes, tmp: Path) -> bytes:
    (tmp / "filled.pdf").write_bytes(pdf)
    done = subprocess.run(["qpdf", "--generate-appearances", tmp / "filled.pdf", tmp / "qpdf.pdf"], capture_output=True)
    assert done.returncode in (0, 3), done.stderr  # 3: warnings (it cannot set radio groups it did not make)
    return (tmp / "qpdf.pdf").read_bytes()


# ------------------------------------------------------------ what poppler shows
def place(pdf: bytes, name: str, kid: int | None = None) -> tuple[int, tuple[float, float, float, float], float]:
    """(page number from 1, the widget's rectangle, the page's height) of field ``name`` (its ``kid``-th button)."""
    reader = PdfReader(io.BytesIO(pdf))
    field = terminal_fields(reader)[name]
    target = field["/Kids"][kid].idnum if kid is not None else field.indirect_reference.idnum
    for number, page in enumerate(reader.pages, 1):
        for ref in page.get("/Annots", []):
            if ref.idnum == target:
                x0, y0, x1, y1 = (float(v) for v in ref.get_object()["/Rect"])
                return number, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), float(page.mediabox.height)
    raise AssertionError(f"no widget for {name}")


def shown_text(pdf: bytes, name: str, tmp: Path) -> str:
    """The text poppler draws inside the field's rectangle, NFC, one space between words."""
    number, (x0, y0, x1, y1), height = place(pdf, name)
    (tmp / "shown.pdf").write_bytes(pdf)
    out = subprocess.run(
        [
            "pdftotext",
            "-f",
            str(number),
            "-l",
            str(number),
            "-x",
            str(int(x0) - 1),
            "-y",
            str(int(height - y1) - 1),
            "-W",
            str(int(x1 - x0) + 2),
            "-H",
            str(int(y1 - y0) + 2),
            tmp / "shown.pdf",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFC", out).split())


def ink(pdf: bytes, name: str, tmp: Path, kid: int | None = None) -> int:
    """Dark pixels poppler paints inside the field's rectangle (at 100 dpi, the edges left out)."""
    number, (x0, y0, x1, y1), height = place(pdf, name, kid)
    scale = 100 / 72
    (tmp / "ink.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(number),
            "-l",
            str(number),
            "-r",
            "100",
            "-gray",
            "-png",
            "-singlefile",
            "-x",
            str(int(x0 * scale) + 2),
            "-y",
            str(int((height - y1) * scale) + 2),
            "-W",
            str(int((x1 - x0) * scale) - 4),
            "-H",
            str(int((y1 - y0) * scale) - 4),
            tmp / "ink.pdf",
            tmp / "ink",
        ],
        check=True,
        capture_output=True,
    )
    with Image.open(tmp / "ink.png") as image:
        return sum(image.convert("L").histogram()[:110])


def assert_shown(pdf: bytes, texts: dict, tmp: Path) -> None:
    for name, value in texts.items():
        assert shown_text(pdf, name, tmp) == " ".join(value.split()), name
        assert ink(pdf, name, tmp) > 20, name


def assert_ticked(pdf: bytes, choices: dict, tmp: Path) -> None:
    """The chosen button of each group is painted, the others not."""
    states = radio_states(pdf)
    for name, code in choices.items():
        chosen = int(states[name][code])
        painted = [ink(pdf, name, tmp, kid) for kid in range(len(states[name]))]
        assert painted[chosen] > 10 and all(p < painted[chosen] / 3 for i, p in enumerate(painted) if i != chosen), (
            name,
            painted,
        )


def assert_read_back(filled: bytes) -> None:
    document = read_blank(filled)
    assert (
        document["dang_vien"]["ho_ten"] == HANG
        and document["chi_bo"] == CHI_BO
        and document["dang_bo"] == TEXTS["dang_bo"]
    )
    assert document["kiem_diem"]["uu_diem"]["pham_chat"] == PROSE.split("\n")
    assert document["tu_xep_loai"] == "HTTNV" and document["ngay_lap"] == "2025-12-05"


def assert_ballot_read_back(filled: bytes) -> None:
    _, answers = read_fields(filled)
    assert answers["dang_vien[2].ho_ten"] == HANG
    assert {name: answers[name] for name in BALLOT_CHOICES} == BALLOT_CHOICES


# ------------------------------------------------------------ the field font
VIETNAMESE = {
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
} | {"đ", "Đ"}


def test_every_field_types_with_one_shared_font_holding_every_vietnamese_letter(blank):
    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(blank))
    acroform = reader.trailer["/Root"]["/AcroForm"]
    assert list(acroform["/DR"]["/Font"]) == ["/TiRo"] and acroform["/NeedAppearances"].value is False
    texts = [f for f in terminal_fields(reader).values() if f["/FT"] in ("/Tx", "/Ch")]
    assert texts and all(str(f["/DA"]) in ("0 g /TiRo 13 Tf", "0 g /TiRo 11 Tf") for f in texts)
    font = acroform["/DR"]["/Font"]["/TiRo"].get_object()
    assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H" and "/ToUnicode" in font
    cid_font = font["/DescendantFonts"][0].get_object()
    data = cid_font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert {ord(c) for c in VIETNAMESE} <= set(cmap) and 0x0303 in cmap and 0x2013 in cmap
    assert len(cmap) > 600 and len(data) < 80_000  # the letters, not the whole serif (390 KB)
    widths = cid_font["/W"][1]
    assert len(widths) == TTFont(io.BytesIO(data))["maxp"].numGlyphs and min(float(w) for w in widths[1:]) >= 0
    unicode_map = font["/ToUnicode"].get_object().get_data().decode()
    assert "<1EB1>" in unicode_map and "<01B0>" in unicode_map  # ằ, ư
    assert {ord(c) for c in VIETNAMESE} <= CODEPOINTS


def test_the_blank_is_small(blank, ballot):
    assert len(blank) < 400_000 and len(ballot) < 120_000  # 546 KB and 281 KB with the serif embedded whole


# ------------------------------------------------------------ each filler
def test_pypdf_documented_fill_shows_the_vietnamese_values(blank, ballot, tmp_path):
    filled = by_pypdf(blank, TEXTS, CHOICES)
    assert_shown(filled, TEXTS, tmp_path)
    assert_ticked(filled, CHOICES, tmp_path)
    assert_read_back(filled)
    ballot_filled = by_pypdf(ballot, BALLOT_TEXTS, BALLOT_CHOICES)
    assert_shown(ballot_filled, BALLOT_TEXTS, tmp_path)
    assert_ticked(ballot_filled, BALLOT_CHOICES, tmp_path)
    assert_ballot_read_back(ballot_filled)


def test_a_bare_value_is_drawn_by_the_viewer(blank, tmp_path):
    """A filler that only sets /V (as tests/blank/filling.py does): poppler draws it in the field font."""
    filled = fill(blank, TEXTS, CHOICES)
    assert_shown(filled, TEXTS, tmp_path)
    assert_read_back(filled)


def test_pymupdf_documented_fill_shows_the_vietnamese_values_and_keeps_the_field_font(blank, ballot, tmp_path):
    filled = by_pymupdf(blank, TEXTS, CHOICES)
    assert_shown(filled, TEXTS, tmp_path)
    assert_ticked(filled, CHOICES, tmp_path)
    assert_read_back(filled)
    # PyMuPDF keeps a /DA font only if named Cour, TiRo, Helv or ZaDb: ours is TiRo, so a viewer that redraws finds it in /DR
    reader = PdfReader(io.BytesIO(filled))
    assert all("/TiRo " in str(f["/DA"]) for f in terminal_fields(reader).values() if f["/FT"] == "/Tx")
    ballot_filled = by_pymupdf(ballot, BALLOT_TEXTS, BALLOT_CHOICES)
    assert_shown(ballot_filled, BALLOT_TEXTS, tmp_path)
    assert_ticked(ballot_filled, BALLOT_CHOICES, tmp_path)
    assert_ballot_read_back(ballot_filled)


@needs("pdftk")
@pytest.mark.parametrize("option", ["need_appearances", "replacement_font"])
def test_pdftk_fill_form_with_an_xfdf_shows_the_vietnamese_values(blank, ballot, tmp_path, option):
    options = (option,) if option == "need_appearances" else (option, serif_file())
    if not options[-1]:
        pytest.skip("fc-match không tìm thấy tệp .ttf của Liberation Serif")
    filled = by_pdftk(blank, TEXTS, CHOICES, *options, tmp=tmp_path)
    assert_shown(filled, TEXTS, tmp_path)
    assert_ticked(filled, CHOICES, tmp_path)
    assert_read_back(filled)
    ballot_filled = by_pdftk(ballot, BALLOT_TEXTS, BALLOT_CHOICES, *options, tmp=tmp_path)
    assert_shown(ballot_filled, BALLOT_TEXTS, tmp_path)
    assert_ticked(ballot_filled, BALLOT_CHOICES, tmp_path)
    assert_ballot_read_back(ballot_filled)


@needs("pdftk")
def test_plain_pdftk_fill_form_keeps_the_values_but_draws_them_without_vietnamese_letters(blank, tmp_path):
    """pdftk draws appearances only with one-byte fonts and its own glyph list, which has no "ằ": the README
    says to add need_appearances or replacement_font. The values themselves are right."""
    filled = by_pdftk(blank, TEXTS, CHOICES, tmp=tmp_path)
    assert_read_back(filled)
    assert_ticked(filled, CHOICES, tmp_path)
    assert shown_text(filled, "dang_vien.ho_ten", tmp_path) != HANG


@needs("qpdf")
def test_qpdf_generate_appearances_leaves_drawn_values_alone(blank, ballot, tmp_path):
    """/NeedAppearances is false, so qpdf keeps what a filler drew (it would write "Nguy?n Th? H?ng")."""
    for filled in (by_pypdf(blank, TEXTS, CHOICES), fill(blank, TEXTS, CHOICES)):
        after = by_qpdf(filled, tmp_path)
        assert_shown(after, TEXTS, tmp_path)
        assert_read_back(after)
    after = by_qpdf(by_pymupdf(ballot, BALLOT_TEXTS, BALLOT_CHOICES), tmp_path)
    assert_shown(after, BALLOT_TEXTS, tmp_path)
    assert_ticked(after, BALLOT_CHOICES, tmp_path)


@needs("qpdf", "pdftk")
def test_qpdf_after_need_appearances_writes_question_marks(blank, tmp_path):
    """The limitation the README names: once a filler sets /NeedAppearances (pdftk need_appearances), qpdf
    redraws every value in its one-byte encodings."""
    after = by_qpdf(by_pdftk(blank, TEXTS, CHOICES, "need_appearances", tmp=tmp_path), tmp_path)
    assert shown_text(after, "dang_vien.ho_ten", tmp_path) != HANG
    assert_read_back(after)


# ------------------------------------------------------------ what is pre-filled
def test_pre_filled_values_are_drawn_and_survive_every_filler(tmp_path):
    pre_filled = render_blank(make_blank("ban-tu-kiem-diem", PRE_FILLED, variant="02A", fillable="pdf"), "pdf")
    shown = {"chi_bo": CHI_BO, "dang_vien.ho_ten": HANG, "kiem_diem.uu_diem.pham_chat": PROSE}
    reader = PdfReader(io.BytesIO(pre_filled))
    fields = terminal_fields(reader)
    assert all("/AP" in fields[name] for name in shown) and "/AP" not in fields["dang_vien.ngay_sinh"]
    assert_shown(pre_filled, shown, tmp_path)
    more = {"dang_vien.ngay_sinh": "07/03/1985"}
    outputs = [by_pypdf(pre_filled, more, {}), by_pymupdf(pre_filled, more, {}), fill(pre_filled, more)]
    if shutil.which("qpdf"):
        outputs.append(by_qpdf(pre_filled, tmp_path))
    if shutil.which("pdftk"):
        outputs.append(by_pdftk(pre_filled, more, {}, "need_appearances", tmp=tmp_path))
    for filled in outputs:
        assert_shown(filled, shown, tmp_path)
        assert read_blank(filled)["dang_vien"]["ho_ten"] == HANG


def test_the_page_prints_the_same_with_its_serif_cut_back(monkeypatch, tmp_path):
    """page_font.py keeps only the glyphs the page's text shows: every page looks as it did with the whole serif."""
    import generator.blank.appearance as appearance

    blank = make_blank("ban-tu-kiem-diem", PRE_FILLED, variant="02A", fillable="pdf")
    cut = render_blank(blank, "pdf")
    monkeypatch.setattr(appearance, "shrink_font", lambda writer, font: None)
    whole = render_blank(make_blank("ban-tu-kiem-diem", PRE_FILLED, variant="02A", fillable="pdf"), "pdf")
    assert len(cut) < len(whole) - 150_000
    pages = []
    for name, pdf in (("cut", cut), ("whole", whole)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", tmp_path / f"{name}.pdf", tmp_path / name], check=True)
        pages.append(sorted(tmp_path.glob(f"{name}-*.png")))
    assert len(pages[0]) == len(pages[1]) > 2
    for mine, theirs in zip(*pages):
        with Image.open(mine) as a, Image.open(theirs) as b:
            assert a.tobytes() == b.tobytes(), mine.name
