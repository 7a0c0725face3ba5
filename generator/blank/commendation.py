"""The blank tờ trình đề nghị khen thưởng: the rules in force on its date (bases, awards to
choose from, the wage), a list with rows to fill, and on the appendix each proposal's
results year by year and its earlier awards, which the rules check."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError, Problem
from ..evaluate.commendation import RECIPIENTS, catalogue, era_on, review_regime, rules_data, wage_on
from ..evaluate.regime import load_regime
from ..vietnamese import ngay_ngan, tien
from .builder import Blank, Setting, options_of
from .fields import leader
from .layouts import header, signature

AUTHORITIES = rules_data()["authorities"]
PROPOSAL_ROWS = 3  # proposals a blank leaves room for (more when pre-filled)
PAPER_LIST_ROWS = 10  # rows of the printed list a hand fills in, each two lines tall
YEAR_FACTS = ("diem", "so_dang_vien", "so_dang_vien_tot_tro_len", "so_dang_vien_khtnv", "chien_si_thi_dua")


def award_options(awards: dict) -> tuple:
    """(award id, "Giấy khen cho đảng viên, 5 năm liền") of the rules in force, as a list to choose from."""
    labels = {}
    for award_id, a in awards.items():
        period = "trong năm" if a["years"] == 1 else f"{a['years']} năm liền"
        labels[award_id] = f"{a['form']} cho {RECIPIENTS[a['recipient']]}, {period}"
    repeated = {label for label in labels.values() if list(labels.values()).count(label) > 1}
    return tuple(
        (i, f"{label} ({AUTHORITIES[awards[i]['authority']]})" if label in repeated else label)
        for i, label in labels.items()
    )


def year_facts_needed(awards: dict) -> tuple:
    """Per-year facts the rules in force look at besides the level (the 2011 rules: score, members, titles)."""
    wanted = {
        "diem": "min_score",
        "so_dang_vien": "members_good",
        "so_dang_vien_tot_tro_len": "members_good",
        "so_dang_vien_khtnv": "no_failing_members",
        "chien_si_thi_dua": "titles_min",
    }
    return tuple(k for k in YEAR_FACTS if any(wanted[k] in a for a in awards.values()))


def levels_of_years(options: tuple, last: int, years: int) -> tuple:
    """The levels a proposal's years can show: those of the regimes that rated ``last - years + 1`` …
    ``last`` (a 2026 tờ trình's years were rated after 2018, so no “Trong sạch, vững mạnh”)."""
    codes = set()
    for year in range(last - years + 1, last + 1):
        rules = load_regime(review_regime(year))
        for subject in ("ca_nhan", "to_chuc"):
            codes |= {code for code, _ in rules.subject(subject).levels}
    return tuple(o for o in options if o[0] in codes) or options


def commendation_day(data: dict) -> dt.date:
    """The rules of a tờ trình are those of its date; a blank without one gets today's."""
    day = dt.date.fromisoformat(data["ngay_lap"]) if data.get("ngay_lap") else dt.date.today()
    if era_on(day) is None:
        raise InputError(
            [Problem("$.ngay_lap", "Ngày lập tờ trình", f"chưa có quy định khen thưởng vào ngày {ngay_ngan(day)}")]
        )
    return day


def commendation(b: Blank, s: Setting) -> dict:
    day = commendation_day(s.data)
    era = era_on(day)
    awards = catalogue(era)
    options = award_options(awards)
    given = b.get(["de_nghi"]) or []
    rows = max(PROPOSAL_ROWS, len(given))
    years = max(a["years"] for a in awards.values())
    levels = levels_of_years(
        options_of(b.schema, b.node(["de_nghi", 0, "ket_qua", 0, "xep_loai"])), b.get(["nam"]) or day.year, years
    )
    extra = year_facts_needed(awards)
    place = b.get(["co_quan_trinh"]) or leader(12)
    number = b.get(["so_ky_hieu"]) or f"{leader(3)}-TTr/{leader(3)}"
    written = b.get(["ngay_lap"])
    year_rows = []
    for i in range(rows):
        for j in range(years):
            at = ["de_nghi", i, "ket_qua", j]
            parts = [
                "Năm ",
                b.number(at + ["nam"], leader(3)),
                ": ",
                b.choice(at + ["xep_loai"], levels),
                "; tiêu biểu: ",
                b.choice(at + ["tieu_bieu"]),
            ]
            for key in extra:
                parts += [
                    f"; {b.node(at + [key])['title'].lower()}: ",
                    b.choice(at + [key]) if key == "chien_si_thi_dua" else b.number(at + [key], leader(3)),
                ]
            year_rows.append({"ten": f"Đề nghị {i + 1}, kết quả năm thứ {j + 1}", "o": b.join(*parts)})
        earlier = ["de_nghi", i, "khen_thuong_truoc", 0]
        year_rows.append(
            {
                "ten": f"Đề nghị {i + 1}, hình thức đã được tặng trước đây",
                "o": b.join(b.text(earlier + ["hinh_thuc"], 12, size="vua"), ", ngày ", b.text(earlier + ["ngay"], 6)),
            }
        )
    wage = wage_on(day) if written else None
    return {
        "nam": b.get(["nam"]) or leader(3),
        "co_quan_trinh": place,
        "so_ky_hieu": number,
        "kinh_gui": b.lines_list(["kinh_gui"], 1, 20),
        "ky": signature(b, authority="T/M ĐẢNG ỦY (T/M CHI BỘ)"),
        "noi_nhan": b.lines_list(["noi_nhan"]),
        "trinh_bay": {
            **header(b, "co_quan_in_hoa", ["co_quan_trinh"], field=True),
            "so_ky_hieu": b.join("Số ", b.text(["so_ky_hieu"], 6, size="vua")) if b.fillable else f"Số {number}",
            "trich_yeu": b.join("về việc đề nghị tặng ", leader(10), " năm ", b.text(["nam"], 3, size="ngan")),
            "quy_dinh": era["name"],
            "can_cu": [f"Căn cứ {base};" for base in era["bases"]]
            + (
                [b.join("Căn cứ khác, mỗi dòng một căn cứ: ", b.lines_list(["can_cu_them"], 2)[0])]
                if b.fillable
                else [f"Căn cứ {c};" for c in b.get(["can_cu_them"]) or [leader(25)]]
            ),
            "nguoi_nhan": (b.get(["kinh_gui"]) or [leader(12)])[0],
            "de_nghi": [{"text": leader(22), "so_tien": leader(6)} for _ in range(2)],
            "tong_tien": leader(8),
            "tong_tien_so": "",
            "tong_tien_chu": leader(20),
            "luong_co_so": (
                f"Tiền thưởng tính theo {wage['name']} {tien(wage['amount'])} ({wage['decree']}, "
                f"áp dụng từ ngày {ngay_ngan(wage['from'])})."
                if wage
                else f"Tiền thưởng tính theo {leader(15)}."
            ),
            "kem_theo": f"(Kèm theo Tờ trình số {number} ngày {ngay_ngan(dt.date.fromisoformat(written)) if written else leader(5)} của {place})",
            "danh_sach": [
                {
                    "stt": str(i + 1),
                    "ten": b.text(["de_nghi", i, "ten"], 0, size="o")
                    if b.fillable
                    else (b.get(["de_nghi", i, "ten"]) or ""),
                    "chuc_vu": b.text(["de_nghi", i, "chuc_vu"], 0, size="o")
                    if b.fillable
                    else (b.get(["de_nghi", i, "chuc_vu"]) or ""),
                    "hinh_thuc": b.dropdown(["de_nghi", i, "hinh_thuc"], options),
                    "thanh_tich": b.prose(["de_nghi", i, "thanh_tich"], 2)[0]["text"]
                    if b.fillable
                    else (b.get(["de_nghi", i, "thanh_tich"]) or ""),
                    "he_so": "",
                    "so_tien": "",
                    # an empty row of a paper list: two lines tall, room for a name and a title by hand
                    "trong": not b.fillable and not b.get(["de_nghi", i]),
                }
                for i in range(rows if b.fillable else max(rows, PAPER_LIST_ROWS))
            ],
            "so_lieu": b.fact_rows([["cap_uy"], ["ngay_quyet_dinh"], ["co_so_ty_le"]]) + year_rows,
        },
    }
