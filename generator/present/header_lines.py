"""Where a long issuer name breaks in the header: between units of meaning, never inside a word.

A header cell is 74 mm wide; left to the layout engine, "ĐẢNG BỘ KHỐI DOANH NGHIỆP THÀNH PHỐ HỒ CHÍ
MINH" wraps as "… DOANH / NGHIỆP THÀNH PHỐ HỒ CHÍ / MINH". Real headers break before an organisational
word ("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC / KỸ THUẬT CÔNG NGHIỆP") and keep lines of similar length. So the lines are
chosen here, once for DOCX and PDF: the name is cut into units (an organisational word, a known compound,
else a syllable), lines are measured with the font the documents embed, and the split with the least
raggedness wins, breaks before an organisational word being free and breaks between two syllables of
one name costly.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import cache, lru_cache

from ..vietnamese import in_hoa

# Points: the header cell is 74 mm; Word keeps 1.9 mm of cell margin on each side, so a line chosen here
# must fit 70 mm to be unwrapped in the DOCX as in the PDF.
CELL_WIDTH = 70 / 25.4 * 72
CELL_MARGINS = 2 * 1.9 / 25.4 * 72  # Word's left and right cell margins together
TEXT_WIDTH = 165 / 25.4 * 72  # A4 less HD 36's 30 + 15 mm margins
NAMES_SHARE = 0.3  # however long the date line, the names keep this share of the header's width
# The header's names, and whether the line is bold (the issuer) or not (the upper committee).
HEADER_KEYS = {
    "dang_bo_in_hoa": False,
    "chi_bo_in_hoa": True,
    "co_quan_in_hoa": True,
    "tap_the_in_hoa": True,
    "to_chuc_in_hoa": True,
}
SIZE = 14.0
TITLE_SIZE = 16.0  # the name of the kind of paper ("BẢNG TỰ ĐÁNH GIÁ, XẾP LOẠI …"), hd36.css .ten-loai
# Words that open a unit of a Party organisation's name: a break before them is where real headers break.
ORGANISATIONAL = tuple(
    w.split()
    for w in (
        "ĐẢNG BỘ",
        "CHI BỘ",
        "ĐẢNG ỦY",
        "ĐẢNG UỶ",
        "CHI ỦY",
        "BAN THƯỜNG VỤ",
        "BAN CHẤP HÀNH",
        "VĂN PHÒNG",
        "BAN",
        "KHỐI",
        "TRƯỜNG",
        "CÔNG TY",
        "TỔNG CÔNG TY",
        "TẬP ĐOÀN",
        "NGÂN HÀNG",
        "CHI NHÁNH",
        "BỆNH VIỆN",
        "VIỆN",
        "TRUNG TÂM",
        "SỞ",
        "CỤC",
        "CHI CỤC",
        "VỤ",
        "BỘ",
        "ỦY BAN",
        "UBND",
        "HĐND",
        "HỘI ĐỒNG",
        "CƠ QUAN",
        "ĐOÀN",
        "HỘI",
        "TỈNH",
        "THÀNH PHỐ",
        "THỊ XÃ",
        "THỊ TRẤN",
        "QUẬN",
        "HUYỆN",
        "PHƯỜNG",
        "XÃ",
        "KHU PHỐ",
        "TỔ DÂN PHỐ",
        "THÔN",
        "ẤP",
        "BẢN",
        "KHU",
        "XÍ NGHIỆP",
        "NHÀ MÁY",
        "HỢP TÁC XÃ",
        "CẢNG",
        "BƯU ĐIỆN",
        "ĐIỆN LỰC",
        "CÔNG AN",
        "BỘ CHỈ HUY",
        "BỘ ĐỘI",
        "ĐỒN",
        "KHOA",
        "PHÒNG",
    )
)
# Compounds of organisation names that a line never splits (besides the organisational words).
COMPOUNDS = tuple(
    w.split()
    for w in (
        "ĐẠI HỌC",
        "CAO ĐẲNG",
        "TRUNG HỌC",
        "TIỂU HỌC",
        "MẦM NON",
        "KỸ THUẬT",
        "CÔNG NGHIỆP",
        "CÔNG NGHỆ",
        "DOANH NGHIỆP",
        "CỔ PHẦN",
        "TRÁCH NHIỆM HỮU HẠN",
        "MỘT THÀNH VIÊN",
        "CƠ KHÍ",
        "XÂY DỰNG",
        "VIỄN THÔNG",
        "NÔNG NGHIỆP",
        "PHÁT TRIỂN",
        "NÔNG THÔN",
        "GIÁO DỤC",
        "ĐÀO TẠO",
        "Y TẾ",
        "VĂN HÓA",
        "THỂ THAO",
        "DU LỊCH",
        "TÀI CHÍNH",
        "THƯƠNG MẠI",
        "DỊCH VỤ",
        "VẬN TẢI",
        "HÀNG KHÔNG",
        "HÀNG HẢI",
        "DẦU KHÍ",
        "KHOÁNG SẢN",
        "TÀI NGUYÊN",
        "MÔI TRƯỜNG",
        "KẾ HOẠCH",
        "ĐẦU TƯ",
        "NỘI VỤ",
        "TƯ PHÁP",
        "QUÂN SỰ",
        "BIÊN PHÒNG",
        "HẢI QUAN",
        "KHO BẠC",
        "BẢO HIỂM",
        "THƯƠNG BINH VÀ XÃ HỘI",
        "XÃ HỘI",
        "LAO ĐỘNG",
        "THƯƠNG BINH",
        "NHÂN DÂN",
        "HÀNH CHÍNH",
        "SỰ NGHIỆP",
        "KINH TẾ",
        "CHÍNH TRỊ",
        "QUỐC GIA",
        "TRUNG ƯƠNG",
        "HỒ CHÍ MINH",
        "THÔNG TIN",
        "TRUYỀN THÔNG",
        "KHOA HỌC",
        "NGHIÊN CỨU",
        "SẢN XUẤT",
        "KINH DOANH",
        "XUẤT NHẬP KHẨU",
        "ĐIỆN TỬ",
        "HÓA CHẤT",
        "THỰC PHẨM",
        "DƯỢC PHẨM",
        "ĐA KHOA",
        "CHUYÊN KHOA",
        "CẤP NƯỚC",
        "THOÁT NƯỚC",
        "ĐÔ THỊ",
        "CÂY XANH",
        "CHIẾU SÁNG",
        "HẠ TẦNG",
        "BẤT ĐỘNG SẢN",
        "CHỨNG KHOÁN",
        "ĐƯỜNG SẮT",
        "ĐƯỜNG BỘ",
        "CAO SU",
        "XỔ SỐ",
        "KIẾN THIẾT",
        "TỔ CHỨC CƠ SỞ ĐẢNG",
        "TRUNG HỌC CƠ SỞ",
        "TRUNG HỌC PHỔ THÔNG",
        "CƠ SỞ",
        "TỔ CHỨC",
        "LỰC LƯỢNG",
        "VŨ TRANG",
        "CÁN BỘ",
        "CÔNG CHỨC",
        "ĐIỀU TRỊ",
        "CAI NGHIỆN",
        "MA TÚY",
        "MA TUÝ",
        "BẢO TRỢ",
        "PHỤC HỒI CHỨC NĂNG",
        "CHỨC NĂNG",
        "CHẤT LƯỢNG",
        "ĐÁNH GIÁ",
        "XẾP LOẠI",
        "KIỂM ĐIỂM",
        "TẬP THỂ",
        "CÁ NHÂN",
        "KHEN THƯỞNG",
        "ĐẢNG VIÊN",
    )
)
# Words that never end a line: they belong to what follows ("CÁC / CƠ QUAN" never).
FORWARD = {"CÁC", "NHỮNG", "VÀ"}
# Longest first, so "TỔNG CÔNG TY" wins over "CÔNG TY" and the compound "XÃ HỘI" over the commune "XÃ";
# (words, a good place to break before them), an organisational word first among phrases of one length.
_PHRASES = tuple(
    sorted(
        [*((p, True) for p in ORGANISATIONAL), *((p, False) for p in COMPOUNDS)],
        key=lambda phrase: (-len(phrase[0]), not phrase[1]),
    )
)
WEAK_BREAK = 0.35  # the cost of a break between two syllables that are not known to belong together
LINE = 0.25  # each extra line


@cache
def _font(bold: bool, italic: bool = False):
    """The glyph advances of the serif face the documents embed (Liberation Serif for Times), or None."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    if shutil.which("fc-match") is None:
        return None
    pattern = "Times New Roman" + (":bold" if bold else "") + (":italic" if italic else "")
    found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False).stdout
    try:
        font = TTFont(found, lazy=True)
    except Exception:  # noqa: BLE001 - no usable font file: fall back on an estimate
        return None
    with font:  # the tables read, the file is closed (a lazy font left open warns when collected)
        return font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


def width(text: str, bold: bool = False, size: float = SIZE, italic: bool = False) -> float:
    """The width of ``text`` in points."""
    font = _font(bold, italic)
    if font is None:  # about the average capital of Times
        return len(text) * size * (0.72 if bold else 0.68)
    cmap, metrics, units = font
    space = cmap.get(32)
    return sum(metrics[cmap.get(ord(c), space)][0] for c in text) * size / units


def _units(original: list[str]) -> list[tuple[list[str], bool]]:
    """The name cut into unbreakable units, each with whether a break before it is a good one
    (words are compared in capitals, so a title in ordinary case is cut the same way)."""
    units, i = [], 0
    words = [w.upper() for w in original]
    while i < len(words):
        phrase, good = next(((p, g) for p, g in _PHRASES if words[i : i + len(p)] == p), ([words[i]], False))
        units.append((original[i : i + len(phrase)], good))  # the words as written
        i += len(phrase)
    # A dash stays with the unit before it, a unit after a dash is a good place to break, and
    # "CÁC", "VÀ" join the unit after them (a break before them is a good one).
    merged: list[tuple[list[str], bool]] = []
    for unit, good in units:
        if merged and len(merged[-1][0]) == 1 and merged[-1][0][0].upper() in FORWARD:
            merged[-1] = (merged[-1][0] + unit, True)
        elif merged and unit[0] in ("–", "-", "—"):
            merged[-1] = (merged[-1][0] + unit, merged[-1][1])
        elif merged and merged[-1][0][-1] in ("–", "-", "—"):
            merged.append((unit, True))
        else:
            merged.append((unit, good))
    return merged


def fit_beside_date(trinh_bay: dict) -> dict:
    """Narrower header lines when the date line ("Thành phố Hồ Chí Minh, ngày … năm 2025") needs more
    than its column: the date never wraps, so the names give way. ``cot_ngay`` keeps the date column's
    least width (points) for Word, whose columns do not give way by themselves (render/docx_header.py)."""
    date = trinh_bay.get("dia_danh_ngay")
    if type(date) is not str or not date:  # a blank's field (Markup) or no date
        return trinh_bay
    needed = width(date, italic=True) + 2  # a little room for rounding in Word and LibreOffice
    trinh_bay["cot_ngay"] = round(needed + CELL_MARGINS, 1)
    inner = TEXT_WIDTH - needed - 2 * CELL_MARGINS  # what the names' column keeps inside Word's margins
    if inner >= CELL_WIDTH:
        return trinh_bay
    limit = max(inner, TEXT_WIDTH * NAMES_SHARE - 2 * CELL_MARGINS) - 1
    for key, bold in HEADER_KEYS.items():
        value = trinh_bay.get(key)
        if isinstance(value, str) and value and not hasattr(value, "__html__"):  # not a blank's field
            typed = getattr(value, "typed", None) or (" ".join(value.split()),)
            trinh_bay[key] = "\n".join(break_lines(line, bold, limit) for line in typed)
    return trinh_bay


class HeaderLines(str):
    """Header lines that remember the lines their writer typed, so that a narrower fit keeps those breaks."""

    typed: tuple[str, ...]


def header_name(name: str, bold: bool = False) -> str:
    """A header line of the issuer (bold) or of the upper committee: capitals, broken as real headers are.
    A line break typed in the name (Alt+Enter in Excel, a new line in YAML) is kept, and only a typed line
    too long for the cell is broken further."""
    typed = tuple(in_hoa(" ".join(line.split())) for line in name.splitlines() if line.strip())
    lines = HeaderLines("\n".join(break_lines(line, bold) for line in typed))
    lines.typed = typed
    return lines


def hd36_header(upper: str | None, issuer: str | None, issuer_key: str, date_line: str, empty: str = "") -> dict:
    """The header every paper opens with (HD 36-HD/VPTW), built here for every presenter: the upper committee
    in capitals, the issuing one in bold capitals under ``issuer_key`` (the templates name it by its role:
    chi_bo_in_hoa, to_chuc_in_hoa, tap_the_in_hoa, co_quan_in_hoa), and the place-and-date line; ``empty``
    stands for a name not given (dots on a paper to fill by hand). fit_beside_date then narrows the names
    beside a long date line, once, for the whole context."""
    return {
        "dang_bo_in_hoa": header_name(upper) if upper else empty,
        issuer_key: header_name(issuer, bold=True) if issuer else empty,
        "dia_danh_ngay": date_line,
    }


def balanced_title(text: str, size: float = SIZE, limit: float = TEXT_WIDTH * 0.9) -> str:
    """A bold centred title over the text width, broken into lines of similar length between units of
    meaning ("… Chi bộ Văn phòng / Đảng ủy Công ty …", never "Đảng / ủy")."""
    return break_lines(text, True, limit, size)


@lru_cache(maxsize=4096)  # a đảng bộ's few names are printed on every member's paper
def break_lines(text: str, bold: bool = False, limit: float = CELL_WIDTH, size: float = SIZE) -> str:
    """``text`` with "\\n" where its lines should break (unchanged when it fits on one line)."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if width(text, bold, size) <= limit:
        return text
    units = _units(text.split(" "))
    n = len(units)
    # best[i]: (cost, breaks) of laying out units[i:]
    best: list[tuple[float, list[int]]] = [(0.0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, n + 1):
            line = " ".join(w for unit, _ in units[i:j] for w in unit)
            used = width(line, bold, size)
            if used > limit and j > i + 1:
                break
            slack = max(limit - used, 0) / limit
            words = sum(len(unit) for unit, _ in units[i:j])
            cost = slack**2 + (0 if j == n else LINE) + (0.6 if words == 1 and n > 1 else 0)
            if j < n:
                cost += 0 if units[j][1] else WEAK_BREAK
            options.append((cost + best[j][0], [j] + best[j][1] if j < n else []))
        best[i] = min(options, key=lambda o: o[0])
    cuts = [0] + best[0][1] + [n]
    return "\n".join(" ".join(w for unit, _ in units[a:b] for w in unit) for a, b in zip(cuts, cuts[1:]))
