"""What the tally sheet prints: counts, each member's votes and the threshold reached, the quota cut.

Every sentence about a threshold is the one votes.py wrote when it judged the
vote, so the sheet cannot say something the computation did not decide. The
smallest number of votes that meets each threshold is printed as well, because
that is how the Ban kiểm phiếu checks a line by eye ("từ 13/18 phiếu").
"""

from __future__ import annotations

import datetime as dt

from ..evaluate.tally import FORM, TallyEvaluation
from ..evaluate.votes import threshold_phrase
from ..schema import load_schema, title_at
from ..vietnamese import dia_danh_ngay, in_hoa, ngay_thang_nam, so
from .header_lines import hd36_header
from .meeting_forms import meeting_context
from .names import name_key

_QUOTA_NOTE = {"cut": "vượt tỷ lệ", "tie": "bằng phiếu ở vị trí cuối: đảng ủy quyết định"}
_ROLE = {"truong_ban": "TRƯỞNG BAN", "thanh_vien": "THÀNH VIÊN"}


def _threshold_lines(ev: TallyEvaluation, voters: int) -> list[str]:
    rules = ev.regime.subject("ca_nhan")
    spec = rules["votes"]

    def line(what: str, need: dict, least: int | None) -> str:
        reach = (
            f"tức từ {so(least)}/{so(voters)} phiếu trở lên" if least is not None else "không thể đạt với số phiếu này"
        )
        return f"{what}: {threshold_phrase(need)} số đảng viên có quyền biểu quyết, {reach}."

    lines = [line(f"Mức “{label}”", spec["levels"][code], ev.minimum[code]) for code, label in rules.levels]
    second = spec.get("second_round")
    if second:
        lines.append(line(f"Vòng 2, mức “{rules.label(second['level'])}”", second, ev.minimum["vong_2"]))
    if spec.get("cumulative"):
        lines.append("Khi xét một mức, phiếu cho các mức cao hơn được cộng vào số phiếu của mức đó.")
    return lines


def _quota_lines(ev: TallyEvaluation) -> list[dict]:
    rules = ev.regime.subject("ca_nhan")
    spec = rules["quota"]
    top, base = rules.label(spec["level"]), rules.label(spec["base_level"])
    names = [m.name for m in ev.members]
    groups = []
    for q in ev.quotas:
        lines = []
        for key, text in (
            ("selected", f"Giữ mức “{top}”"),
            ("cut", f"Vượt tỷ lệ, xếp loại “{base}”"),
            ("tie", "Bằng số phiếu ở vị trí cuối, đề nghị đảng ủy xem xét, quyết định"),
        ):
            chosen = [names[i] for i in getattr(q, key)]
            if chosen:
                lines.append(f"{text}: {', '.join(chosen)}.")
        if not lines:
            lines.append(f"Không có đảng viên đạt mức “{top}” qua biểu quyết.")
        groups.append(
            {
                "tieu_de": f"Nhóm “{q.group}”: {q.computation} (cơ sở: {so(q.base_count)} đồng chí “{base}”; {q.rule}).",
                "dong": lines,
            }
        )
    return groups


def tally_layout(document: dict, ev: TallyEvaluation) -> dict:
    rules = ev.regime.subject("ca_nhan")
    voters = ev.voters or 0
    day = dt.date.fromisoformat(document["ngay_kiem_phieu"])
    place = f", tại {document['dia_diem']}" if "dia_diem" in document else ""
    committee = sorted(document["ban_kiem_phieu"], key=lambda m: m["chuc_danh"] != "truong_ban")
    title = lambda key: title_at(load_schema(FORM), [key])  # noqa: E731 (the schema's titles say how the base is counted)
    counts = [(title("so_dang_vien_chinh_thuc"), document["so_dang_vien_chinh_thuc"])]
    if "so_co_mat" in document:
        counts.append((title("so_co_mat"), document["so_co_mat"]))
    counts += [
        ("Số phiếu phát ra", document["so_phieu_phat_ra"]),
        ("Số phiếu thu vào", document["so_phieu_thu_vao"]),
        ("Số phiếu hợp lệ", document["so_phieu_hop_le"]),
        ("Số phiếu không hợp lệ", document["so_phieu_thu_vao"] - document["so_phieu_hop_le"]),
    ]
    members = sorted(ev.members, key=lambda m: name_key(m.name))
    rows, details = [], []
    for i, m in enumerate(members, 1):
        result = rules.label(m.level) if m.level else "Chưa đủ phiếu: chi bộ biểu quyết lại"
        note = _QUOTA_NOTE.get(m.quota or "")
        entry = document["dang_vien"][m.entry]
        rows.append(
            {
                "stt": str(i),
                "ho_ten": m.name,
                "phieu": [so(entry["phieu"].get(code, 0)) for code, _ in rules.levels],
                "ket_qua": f"{result} ({note})" if note else result,
            }
        )
        details.append({"ho_ten": f"{i}. {m.name}", "ly_do": [r.text for r in m.reasons]})
    signers = [{"chuc_danh": _ROLE[m["chuc_danh"]], "ho_ten": m["ho_ten"]} for m in committee]
    if len(signers) % 2:
        signers.append({"chuc_danh": "", "ho_ten": ""})
    return {
        **hd36_header(
            document["dang_bo"], document["chi_bo"], "chi_bo_in_hoa", dia_danh_ngay(document["dia_danh"], day)
        ),
        "trich_yeu": f"Biểu quyết xếp loại chất lượng đảng viên năm {document['nam']}",
        "mo_dau": f"Hôm nay, {ngay_thang_nam(day)}{place}, Ban kiểm phiếu của {document['chi_bo']} gồm các đồng chí:",
        "ban": [
            f"Đồng chí {m['ho_ten']}, {'Trưởng ban' if m['chuc_danh'] == 'truong_ban' else 'thành viên'}"
            f"{'.' if k == len(committee) else ';'}"
            for k, m in enumerate(committee, 1)
        ],
        "dan": (
            f"Ban kiểm phiếu đã kiểm phiếu biểu quyết xếp loại chất lượng đảng viên năm {document['nam']} của {document['chi_bo']}, "
            f"theo {ev.regime.name}{'; ' + ev.regime.profile if ev.regime.profile else ''}. Kết quả như sau:"
        ),
        "so_lieu": [f"{label}: {so(value)}." for label, value in counts],
        "nguong": _threshold_lines(ev, voters),
        "nguong_can_cu": rules["votes"]["rule"],
        "muc": [label for _, label in rules.levels],
        "cot": {f"muc_{i}": label for i, (_, label) in enumerate(rules.levels, 1)},  # the Word table's fixed columns
        "dong": rows,
        "chi_tiet": details,
        "tieu_de_ty_le": f"V. TỶ LỆ ĐẢNG VIÊN {in_hoa(rules.label(rules['quota']['level']))}",
        "ty_le": _quota_lines(ev),
        "ket_thuc": "Biên bản kiểm phiếu được Ban kiểm phiếu thống nhất thông qua và ký tên dưới đây.",
        "ky": [signers[k : k + 2] for k in range(0, len(signers), 2)],
    }


def tally_context(document: dict, ev: TallyEvaluation) -> dict:
    """The registry's presenter of a tally (generator/forms.py)."""
    return meeting_context(document, ev.as_dict(), tally_layout(document, ev))
