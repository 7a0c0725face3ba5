"""The blank context of each form: the same names the filled document's context has, so
the form's one template prints the blank (see ``builder.Blank`` for what each place prints).

What the rules compute (total score, reasons, shares) stays empty; the facts the rules
need but the form itself does not print (task counts, discipline, conditions) are asked
on an appendix page, "SỐ LIỆU ĐỂ XẾP LOẠI" (``trinh_bay.so_lieu``; empty in a filled document).
"""

from __future__ import annotations

import datetime as dt

from ..evaluate.regime import Subject
from ..present.header_lines import TITLE_SIZE, balanced_title, hd36_header
from ..vietnamese import cap_uy, dia_danh_ngay, so
from .builder import Blank, Setting
from .fields import leader

# The personal lines a Mẫu 02 may print, in order; which of them a role's form has is the schema's x-chi-cho
# (regulations.md §2: 02A adds the three positions).
PERSONAL_LINES = ("chuc_vu_dang", "chuc_vu_chinh_quyen", "chuc_vu_doan_the", "don_vi_cong_tac")


def personal_lines(b: Blank, role: str) -> tuple[str, ...]:
    """The lines the role's form prints, and any other the pre-filled data already holds."""
    fields = b.schema["properties"]["dang_vien"]["properties"]
    return tuple(
        key
        for key in PERSONAL_LINES
        if role in fields[key].get("x-chi-cho", [role]) or b.get(["dang_vien", key]) is not None
    )


FAULT_ROWS = 2  # earlier faults (Mẫu 01, mục III) a blank leaves room for
MEMBER_ROWS = 2  # members named under "trách nhiệm của cá nhân" (Mẫu 01, mục V)


def header(b: Blank, issuer_key: str, issuer_path: list, issuer=lambda name: name, field: bool = False) -> dict:
    """The HD 36 header of a blank, built by present/header_lines.hd36_header as every filled paper's:
    the pre-filled names (``issuer`` turns the issuer's into what the header says, e.g. its cấp ủy),
    dots for a name not given, and the date line. In a fillable blank the upper committee's name, and
    the issuer's when ``field``, are the fields themselves (the header is the only place they are written)."""
    upper, name = b.get(["dang_bo"]), b.get(issuer_path)
    lines = hd36_header(upper, None if name is None else issuer(name), issuer_key, date_line(b), empty=leader(12))
    if b.fillable:
        lines["dang_bo_in_hoa"] = b.text(["dang_bo"], 12, size="dau")
        if field:
            lines[issuer_key] = b.text(issuer_path, 12, size="dau")
    return lines


def date_line(b: Blank):
    """ "Hà Nội, ngày 05 tháng 01 năm 2026", or "……, ngày …… tháng …… năm ……"."""
    if b.fillable:
        # Short placeholders: Word shows them until a value is typed, and the line must not wrap in its cell.
        return b.join(b.text(["dia_danh"], 6, size="vua"), ", ngày ", b.text(["ngay_lap"], 7))
    place, day = b.get(["dia_danh"]), b.get(["ngay_lap"])
    if day:
        return dia_danh_ngay(place or leader(4), dt.date.fromisoformat(day))
    return f"{place or leader(4)}, ngày {leader(2)} tháng {leader(2)} năm {leader(3)}"


def score_rows(b: Blank, rules: Subject) -> list[dict]:
    """The regime's parts with their maxima, and a committee's detailed criteria when pre-filled;
    every score cell empty (or a field)."""
    rows = []

    def walk(items: list, path: list, prefix: str, depth: int) -> None:
        for i, item in enumerate(items):
            here, number = path + ["tieu_chi", i], f"{prefix}.{i + 1}"
            rows.append(
                {
                    "stt": number,
                    "ten": item.get("ten") or leader(15),
                    "toi_da": so(item["diem_toi_da"]) if "diem_toi_da" in item else "",
                    "diem": b.number(here + ["diem"]),
                    "cap": depth,
                }
            )
            walk(item.get("tieu_chi") or [], here, number, depth + 1)

    for n, part in enumerate(rules.get("score_parts") or [], 1):
        path = ["diem", part["id"]]
        rows.append(
            {
                "stt": str(n),
                "ten": part["label"],
                "toi_da": so(part["max"]),
                "diem": b.number(path + ["diem"]),
                "cap": 0,
            }
        )
        walk(b.get(path + ["tieu_chi"]) or [], path, str(n), 1)
    return rows


def grade_rows(b: Blank, rules: Subject) -> list[dict]:
    return [
        {"stt": str(i), "ten": c["label"], "muc": b.choice(["cap_do", c["id"]])}
        for i, c in enumerate(rules.criteria, 1)
    ]


def assessment(b: Blank, rules: Subject) -> tuple[dict, dict]:
    """ket_qua (nothing computed: empty total, no reasons) and the tables of part B."""
    parts = rules.get("score_parts") or []
    maximum = rules.get("max_score") or sum(p["max"] for p in parts)
    ket_qua = {
        "level": "",
        "level_label": "",
        "khong_xep_loai": False,
        "score": "",
        "reasons": [],
        "max_score": so(maximum) if parts else "",
        "parts": [],
    }
    return ket_qua, {"bang_diem": score_rows(b, rules), "bang_cap_do": grade_rows(b, rules)}


# The signing authority as the official forms print it on paper, by the kind of organisation that signs
# (regulations.md §2.1–2.4: "T/M CHI ỦY (CHI BỘ)" under a chi bộ's comment and report, "T/M ĐẢNG ỦY" for a
# đảng bộ; a tờ trình "T/M ĐẢNG ỦY (T/M CHI BỘ)"): the signer strikes what does not apply, as on the printed form.
PAPER_AUTHORITY = {"dang_bo_co_so": "T/M ĐẢNG ỦY", None: "T/M CHI ỦY (CHI BỘ)"}
PAPER_SIGNER = "BÍ THƯ"


def signature(b: Blank, root: str = "ky", kind: str | None = None, authority: str | None = None) -> dict:
    """The signer's block; a fillable blank asks (radio groups), a paper one prints the form's own lines
    unless the data gives them."""
    if b.fillable:
        thay_mat, chuc_vu = b.choice([root, "thay_mat"]), b.choice([root, "chuc_vu_nguoi_ky"])
    else:
        thay_mat = (
            b.choice([root, "thay_mat"])
            if b.get([root, "thay_mat"]) is not None
            else authority or PAPER_AUTHORITY.get(kind, PAPER_AUTHORITY[None])
        )
        chuc_vu = (
            b.choice([root, "chuc_vu_nguoi_ky"]) if b.get([root, "chuc_vu_nguoi_ky"]) is not None else PAPER_SIGNER
        )
    return {"thay_mat": thay_mat, "chuc_vu_nguoi_ky": chuc_vu, "nguoi_ky": b.signer([root, "nguoi_ky"])}


def level_choice(b: Blank, path: list, rules: Subject):
    return b.choice(path, rules.levels)


# ---------------------------------------------------------------- Mẫu 02A/02B/02C
def member(b: Blank, s: Setting) -> dict:
    rules, role = s.rules, s.role
    variant = rules["variants"][role]
    leader_role = role == "lanh_dao_quan_ly"
    person = {"ho_ten": b.text(["dang_vien", "ho_ten"], 25), "ngay_sinh": b.text(["dang_vien", "ngay_sinh"], 10)}
    for key in personal_lines(b, role):
        person[key] = b.text(["dang_vien", key], 22)
    kd = ["kiem_diem"]
    strengths = {key: b.prose(kd + ["uu_diem", key]) for key in ("pham_chat", "thuc_hien_nhiem_vu", "cam_ket")}
    if leader_role:
        strengths["lanh_dao_quan_ly"] = b.prose(kd + ["uu_diem", "lanh_dao_quan_ly"])
    ket_qua, tables = assessment(b, rules)
    facts = [
        ["dang_vien", "ngay_vao_dang"],
        ["dang_vien", "tinh_trang_sinh_hoat"],
        ["dang_vien", "nghi_dai_ngay"],
        ["nhiem_vu"],
        ["khac_phuc_ky_truoc"],
        ["vi_pham"],
    ] + ([["lanh_dao"]] if leader_role else [])
    return {
        "nam": b.text(["nam"], 3, size="ngan"),
        "chi_bo": b.text(["chi_bo"], 25),
        "dang_vien": person,
        "kiem_diem": {
            "uu_diem": strengths,
            "han_che": {
                "han_che_khuyet_diem": b.prose(kd + ["han_che", "han_che_khuyet_diem"]),
                "nguyen_nhan": b.prose(kd + ["han_che", "nguyen_nhan"]),
            },
            "khac_phuc": b.prose(kd + ["khac_phuc"]),
            "giai_trinh": b.prose(kd + ["giai_trinh"], 3),
            "trach_nhiem_tap_the": b.prose(kd + ["trach_nhiem_tap_the"], 3),
            "phuong_huong": b.prose(kd + ["phuong_huong"]),
        },
        "nhan_xet_chi_bo": {
            "nhan_xet": b.prose(["nhan_xet_chi_bo", "nhan_xet"]),
            "xep_loai": level_choice(b, ["nhan_xet_chi_bo", "xep_loai"], rules),
            **signature(b, "nhan_xet_chi_bo"),
        },
        "ket_qua": ket_qua,
        "trinh_bay": {
            **header(b, "chi_bo_in_hoa", ["chi_bo"]),
            "mau": dict(variant),
            "la_lanh_dao": leader_role,
            "tu_xep_loai": level_choice(b, ["tu_xep_loai"], rules),
            "ho_ten_ky": b.get(["dang_vien", "ho_ten"]) or "",
            **tables,
            "so_lieu": b.fact_rows(facts),
        },
    }


# ---------------------------------------------------------------- biểu điểm TCCSĐ
def count_rows(b: Blank, root: str, levels) -> list[dict]:
    """The table of members (or organisations) per level: (code, label) of each level, its count to write."""
    return [{"muc": label, "so": b.number([root, "so_xep_loai", code]), "ty_le": ""} for code, label in levels]


def count_facts(b: Blank, root: str, levels: list) -> list[dict]:
    """Appendix rows for the members (or organisations) counted per level of this regime only."""
    rows = [
        {"ten": b.title([root, "so_xep_loai", code]), "o": b.number([root, "so_xep_loai", code], leader(6))}
        for code, _ in levels
    ]
    if root == "thong_ke_dang_vien":
        rows.append(
            {"ten": b.title([root, "so_khong_xep_loai"]), "o": b.number([root, "so_khong_xep_loai"], leader(6))}
        )
    return rows


def organisation(b: Blank, s: Setting) -> dict:
    rules, regime = s.rules, s.regime
    ket_qua, tables = assessment(b, rules)
    kind = b.get(["loai_to_chuc"])
    with_units = kind in (None, "dang_bo_co_so")  # only a đảng bộ cơ sở has organisations under it
    numbers = iter(["II", "III", "IV", "V"])
    sections = {"dang_vien": next(numbers)}
    if with_units:
        sections["to_chuc"] = next(numbers)
    sections["xep_loai"] = next(numbers)
    facts = [["ngay_thanh_lap"], ["nhiem_vu"], ["khac_phuc_ky_truoc"], ["dieu_kien"]]
    return {
        "nam": b.text(["nam"], 3, size="ngan"),
        "to_chuc": b.get(["to_chuc"]) or "",
        "ky": signature(b, kind=kind),
        "noi_nhan": b.lines_list(["noi_nhan"]),
        "ket_qua": ket_qua,
        "trinh_bay": {
            **header(b, "to_chuc_in_hoa", ["to_chuc"], cap_uy, field=True),
            "tieu_de": balanced_title((rules.get("titles_by_kind") or {}).get(kind, rules["title"]), TITLE_SIZE),
            "quy_dinh": regime.name + (f"; {regime.profile}" if regime.profile else ""),
            **tables,
            "tieu_de_muc_i": "I. TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ" if rules.criteria else "I. ĐIỂM TỰ CHẤM",
            "dang_vien": count_rows(b, "thong_ke_dang_vien", rules["member_labels"].items()),
            "tong_dang_vien": "",
            "dang_vien_khong_xep_loai": b.number(["thong_ke_dang_vien", "so_khong_xep_loai"], leader(3)),
            "co_to_chuc_truc_thuoc": with_units,
            "to_chuc_truc_thuoc": count_rows(b, "thong_ke_to_chuc", rules.levels) if with_units else [],
            "tong_to_chuc": "",
            "muc": sections,
            "tu_xep_loai": level_choice(b, ["tu_xep_loai"], rules),
            "so_lieu": b.fact_rows(([] if kind else [["loai_to_chuc"]]) + facts),
            "phu_luc": None,  # nothing computed: no annex of reasons
        },
    }


# ---------------------------------------------------------------- báo cáo kiểm điểm tập thể (Mẫu 01)
def report(b: Blank, s: Setting) -> dict:
    rules, regime = s.rules, s.regime
    report_rules = rules["report"]
    ket_qua, tables = assessment(b, rules)
    status = (
        ("da_khac_phuc", "Đã khắc phục"),
        ("dang_khac_phuc", "Đang khắc phục"),
        ("chua_khac_phuc", "Chưa khắc phục"),
    )
    faults = max(FAULT_ROWS, len(b.get(["han_che_ky_truoc"]) or []))
    members = max(MEMBER_ROWS, len(b.get(["trach_nhiem", "ca_nhan"]) or []))
    kind = b.get(["loai_tap_the"])
    issuer = cap_uy if kind == "dang_bo_co_so" else (lambda name: name)
    facts = [["ngay_thanh_lap"], ["nhiem_vu"], ["dieu_kien"]]
    return {
        "nam": b.text(["nam"], 3, size="ngan"),
        "tap_the": b.get(["tap_the"]) or "",
        "han_che": {"han_che": b.prose(["han_che", "han_che"]), "nguyen_nhan": b.prose(["han_che", "nguyen_nhan"])},
        "giai_trinh": b.prose(["giai_trinh"], 3),
        "trach_nhiem": {"tap_the": b.prose(["trach_nhiem", "tap_the"])},
        "phuong_huong": b.prose(["phuong_huong"]),
        "ky": signature(b, kind=kind),
        "noi_nhan": b.lines_list(["noi_nhan"]),
        "ket_qua": ket_qua,
        "trinh_bay": {
            "mau": {"code": "01", "form_code": report_rules["form_code"], "subtitle": ""},
            **header(b, "tap_the_in_hoa", ["tap_the"], issuer),
            "so_ky_hieu": (
                b.join("Số ", b.text(["so_ky_hieu"], 6, size="vua"))
                if b.fillable
                else f"Số {b.get(['so_ky_hieu']) or leader(3) + '-BC/' + leader(3)}"
            ),
            "tieu_de": b.join(
                report_rules["title"], " ", b.text(["tap_the"], 15), " năm ", b.text(["nam"], 3, size="ngan")
            ),
            "quy_dinh": regime.name + (f"; {regime.profile}" if regime.profile else ""),
            "uu_diem": [
                {"stt": str(i), "ten": s["label"], "doan": b.prose(["uu_diem", s["id"]])}
                for i, s in enumerate(report_rules["strengths"], 1)
            ],
            "khac_phuc": [
                {
                    "stt": str(i + 1),
                    "noi_dung": b.text(["han_che_ky_truoc", i, "noi_dung"], 22),
                    "tinh_trang": b.choice(["han_che_ky_truoc", i, "tinh_trang"], status),
                    "muc_do": b.prose(["han_che_ky_truoc", i, "muc_do"], 2),
                }
                for i in range(faults)
            ],
            "khac_phuc_tom_tat": "",
            "ca_nhan": [
                {
                    "ho_ten": b.text(["trach_nhiem", "ca_nhan", i, "ho_ten"], 12, size="vua"),
                    "chuc_vu": b.text(["trach_nhiem", "ca_nhan", i, "chuc_vu"], 10, size="vua"),
                    "trach_nhiem": b.prose(["trach_nhiem", "ca_nhan", i, "trach_nhiem"], 2),
                }
                for i in range(members)
            ],
            "phan_b": report_rules["part_b"],
            "phan_b_dan": report_rules["part_b_intro"],
            "muc_b_i": "I. ĐÁNH GIÁ THEO CÁC TIÊU CHÍ" if rules.criteria else "I. ĐÁNH GIÁ THEO CÁC NHÓM TIÊU CHÍ",
            **tables,
            "tu_xep_loai": level_choice(b, ["tu_xep_loai"], rules),
            "so_lieu": (
                b.fact_rows(([] if kind else [["loai_tap_the"]]) + facts)
                + count_facts(b, "thong_ke_dang_vien", list(rules["member_labels"].items()))
                + count_facts(b, "thong_ke_to_chuc", rules.levels)
            ),
            "phu_luc": None,  # nothing computed: no annex of reasons
        },
    }
