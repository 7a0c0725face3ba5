"""A regime in words, for the people who fill the forms: ids to use, and every rule.

Generated from the same data the engine applies, so what a clerk reads here is
exactly what decides a level (``kiemdiem regime qd366-2025 --profile …``).
"""

from __future__ import annotations

from .evaluate.engine import requirement
from .evaluate.profile import known_profiles
from .evaluate.regime import Regime, known_regimes
from .evaluate.votes import threshold_phrase
from .vietnamese import so

SUBJECT_NAMES = {"ca_nhan": "Đảng viên (cá nhân)", "to_chuc": "Tổ chức đảng"}


def overview() -> list[str]:
    return ["Quy định: " + ", ".join(known_regimes()), "Hồ sơ địa phương: " + ", ".join(known_profiles())]


def _rule_line(rules, rule) -> str:
    meta = rules.facts[rule.fact]
    need = requirement(rule, meta["unit"], meta["label"])
    text = need if meta["unit"] == "co_khong" else f"{meta['label']} {need}"
    roles = f" [chỉ với: {', '.join(rule.roles)}]" if rule.roles else ""
    return f"    - {text} ({rule.rule}){roles}"


def describe(regime: Regime) -> list[str]:
    lines = [regime.name + (f" — hồ sơ: {regime.profile}" if regime.profile else "")]
    for name in regime.subjects:
        rules = regime.subject(name)
        lines += [
            "",
            f"== {SUBJECT_NAMES.get(name, name)} ({name})",
            "Các mức: " + "; ".join(f"{c} = {label}" for c, label in rules.levels),
        ]
        if rules.get("score_parts"):
            lines.append('Khung điểm (khóa trong "diem"):')
            lines += [f"  {p['id']}: {p['label']} — tối đa {so(p['max'])} điểm" for p in rules["score_parts"]]
        if rules.criteria:
            lines.append('Tiêu chí đánh giá theo mức (khóa trong "cap_do"; xuat_sac, tot, trung_binh, kem):')
            lines += [
                f"  {c['id']}: {c['label']}" + (" (nếu có)" if c.get("optional") else "") for c in rules["criteria"]
            ]
        report = rules.get("report")
        if report:
            kinds = ", ".join(report["collectives"])
            lines.append(
                f"Báo cáo kiểm điểm tập thể ({report['form_code'] or report['source']}; loai_tap_the: {kinds}), "
                'các mục phần I (khóa trong "uu_diem"):'
            )
            lines += [f"  {s['id']}: {s['label']}" for s in report["strengths"]]
        for section, title in (("not_rated", "Không xếp loại khi"), ("triggers", "Xếp mức thấp nhất khi")):
            found = rules.rules(section)
            if found:
                lines.append(f"{title}:")
                lines += [_rule_line(rules, r) for r in found]
        for code, label in rules.levels:
            conditions = rules.conditions(code)
            if conditions:
                lines.append(f"Điều kiện mức {label}:")
                lines += [_rule_line(rules, r) for r in conditions]
        votes = rules.get("votes")
        if votes:
            levels = "; ".join(f"{c}: {threshold_phrase(v)}" for c, v in votes["levels"].items())
            lines.append(
                f"Biểu quyết (trên số đảng viên {'chính thức' if votes['denominator'] == 'chinh_thuc' else 'có mặt'}): {levels}"
            )
            if votes.get("base_rule"):
                lines.append(
                    "Số đảng viên có quyền biểu quyết: đảng viên chính thức được triệu tập, không tính đảng viên bị đình "
                    "chỉ sinh hoạt và đảng viên được miễn công tác và sinh hoạt đảng vắng mặt; đảng viên dự bị không "
                    f"biểu quyết ({votes['base_rule']})"
                )
        quota = rules.get("quota")
        if quota:
            small = quota.get("small_group")
            extra = f"; chi bộ dưới {small['members_lt']} đảng viên: không quá {small['max']}" if small else ""
            lines.append(
                f"Tỷ lệ: {quota['level']} không quá {quota['rate']} số {quota['base_level']}{extra} ({quota['rule']})"
            )
    return lines
