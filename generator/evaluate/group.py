"""A whole chi bộ at once: each member's level from the rules and the vote, then the quota.

Order follows the rules: each member is classified by the rules (the ceiling),
the meeting's vote can only confirm or lower it, and only then is the HTXSNV
quota applied per group, on the number rated HTTNV in that group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem, json_path
from ..forms import Given
from ..load import load_document
from ..schema import load_schema, title_at
from ..validate import validate
from ..vietnamese import so
from .engine import NOT_RATED, Reason
from .grades import grade_problems
from .quota import QuotaResult, apply_quota
from .regime import UNDECIDED
from .subjects import Evaluation, evaluate_record, evaluate_subject, regime_of
from .vote_base import counted_base, roll
from .votes import judge, vote_level

GROUP_FORM = "xep-loai-chi-bo"
WHOLE_CHI_BO = "toàn chi bộ"  # the quota group of a chi bộ whose rules do not group by position


def vote_base(document: dict, rules) -> int | None:
    """The typed base of a vote: those present, or the official members convened (see vote_base.py)."""
    return (
        document.get("so_co_mat") if rules["votes"]["denominator"] == "co_mat" else document["so_dang_vien_chinh_thuc"]
    )


def list_vote_base(form: str, document: dict, rolls: list, rules, problems: list[Problem]) -> int | None:
    """The base counted from the list's statuses when it gives them (problems if the typed one differs), else the typed one."""
    counted, wrong = counted_base(form, document, rolls, rules)
    problems += wrong
    if counted == 0:  # refused above (the typed base is at least 1); the typed one keeps the shares defined
        problems.append(
            Problem(
                "$.dang_vien",
                title_at(load_schema(form), ["dang_vien"]),
                "danh sách không có đảng viên nào có quyền biểu quyết",
            )
        )
    return counted or vote_base(document, rules)


@dataclass
class MemberResult:
    name: str
    evaluation: Evaluation
    group: str
    tally: dict = field(default_factory=dict)
    vote_level: str | None = None
    level: str | None = None  # None: no level reached the vote threshold
    quota: str | None = None  # "selected", "cut" or "tie" for HTXSNV candidates
    reasons: list[Reason] = field(default_factory=list)
    entry: int = -1  # index in the list's dang_vien

    def as_dict(self, label) -> dict:
        return {
            "ho_ten": self.name,
            "variant": self.evaluation.variant["code"],
            "group": self.group,
            "score": self.evaluation.as_dict()["score"],
            "rule_level": self.evaluation.level,
            "vote_level": self.vote_level,
            "level": self.level,
            "level_label": label(self.level) if self.level else "Chưa đủ phiếu biểu quyết: chi bộ biểu quyết lại",
            **({"decision": self.evaluation.decision} if self.evaluation.decision else {}),
            "quota": self.quota,
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass
class GroupEvaluation:
    document: dict
    members: list[MemberResult]
    quotas: list[QuotaResult]
    problems: list[Problem]

    def summary(self) -> str:
        return f"{len(self.members)} đảng viên"

    def lines(self) -> list[str]:
        """What ``kiemdiem classify`` prints: each member's level, marked where the quota cut or tied it."""
        data = self.as_dict()
        lines = [f"{self.document['chi_bo']} — {len(data['members'])} đảng viên"]
        for member in data["members"]:
            mark = {"cut": " (vượt tỷ lệ)", "tie": " (bằng phiếu: đảng ủy quyết định)"}.get(member["quota"] or "", "")
            lines.append(f"  {member['ho_ten']}: {member['level_label']}{mark}")
        return lines + [f"Tỷ lệ — {quota_summary(quota)}" for quota in self.quotas]

    def as_dict(self) -> dict:
        rules = self.members[0].evaluation.regime.subject("ca_nhan") if self.members else None
        names = [m.name for m in self.members]
        return {
            "form": GROUP_FORM,
            "regime": self.document["regime"],
            "profile": self.members[0].evaluation.regime.profile if self.members else None,
            "members": [m.as_dict(rules.label) for m in self.members],
            "quota": [q.as_dict(names) for q in self.quotas],
        }


MEMBER_FORM = "ban-tu-kiem-diem"


def _member_document(entry, base_dir: Path) -> dict:
    """The member's document, embedded or from a file inside the list's folder (paths relative to it)."""
    source = entry["ban_kiem_diem"]
    if isinstance(source, dict):
        return source
    path = (base_dir / source).resolve()
    if not path.is_relative_to(base_dir.resolve()):
        raise InputError([Problem("$", "Bản tự kiểm điểm", "tệp phải nằm trong thư mục của danh sách")])
    return load_document(path)


def _prefixed(error: InputError, where: list, source) -> list[Problem]:
    prefix = json_path(where)

    def title(p: Problem) -> str:
        return f"Bản tự kiểm điểm {source} › {p.title}" if isinstance(source, str) else p.title

    return [Problem(prefix + p.path[1:], title(p), p.reason) for p in error.problems]


def evaluate_group(document: dict, base_dir: Path, profile: str | None = None) -> GroupEvaluation:
    """Classify every member; raise ``InputError`` when a member cannot be evaluated at all."""
    doc, members, problems = classify_members(document, base_dir, profile)
    if problems and not members:
        raise InputError(problems)
    quotas = apply_quotas(members, doc.get("don_vi_tieu_bieu", False))
    return GroupEvaluation(doc, members, quotas, problems)


def evaluate_form(document: dict, given: Given) -> GroupEvaluation:
    """The registry's evaluator of a chi bộ's list; its members' files are named relative to ``given.base_dir``
    (the list's own folder; the working folder when the list came from nowhere on disk)."""
    return evaluate_group(document, given.base_dir or Path.cwd(), given.profile)


def classify_members(
    document: dict, base_dir: Path, profile: str | None = None
) -> tuple[dict, list[MemberResult], list[Problem]]:
    """Each member's level from the rules and the chi bộ's vote, before any quota.

    A đảng bộ pools the members of all its chi bộ before applying the quota
    (``apply_quotas``), so the two steps are separate. Members that cannot be
    evaluated are left out and reported in the problems."""
    doc = validate(document)
    regime = regime_of(doc, profile)
    rules = regime.subject("ca_nhan")
    problems: list[Problem] = []
    members: list[MemberResult] = []
    rolls = [roll(entry) for entry in doc["dang_vien"]]  # the member's own form may say exempt or suspended
    needs = rules["member_input"]
    for i, entry in enumerate(doc["dang_vien"]):
        if needs == "record":
            if "ho_ten" not in entry or "ban_kiem_diem" in entry:
                problems.append(
                    Problem(
                        json_path(["dang_vien", i]),
                        "Đảng viên",
                        f"theo {regime.name}, mỗi đảng viên ghi “Họ và tên” và các dữ kiện, không kèm bản tự kiểm điểm",
                    )
                )
                continue
            missing = grade_problems(entry.get("cap_do"), rules.criteria, ["dang_vien", i, "cap_do"])
            if missing:
                problems += missing
                continue
            record = {**entry, "ngay_lap": doc["ngay_hop"]}
            evaluation = evaluate_record(record, rules, regime, json_path(["dang_vien", i]))
            problems += evaluation.problems
            members.append(
                MemberResult(
                    entry["ho_ten"], evaluation, entry.get("nhom") or WHOLE_CHI_BO, entry.get("phieu") or {}, entry=i
                )
            )
            continue
        where = ["dang_vien", i, "ban_kiem_diem"]
        if "ban_kiem_diem" not in entry:
            problems.append(
                Problem(json_path(where), "Bản tự kiểm điểm", f"theo {regime.name}, mỗi đảng viên cần bản tự kiểm điểm")
            )
            continue
        try:
            member_doc = validate(_member_document(entry, base_dir))
            if member_doc["form"] != MEMBER_FORM:
                raise InputError(
                    [
                        Problem(
                            "$.form",
                            "Loại văn bản",
                            f"cần một bản tự kiểm điểm ({MEMBER_FORM}), không phải “{member_doc['form']}”",
                        )
                    ]
                )
            if member_doc["regime"] != doc["regime"]:
                raise InputError(
                    [Problem("$.regime", "Quy định áp dụng", f"khác quy định của danh sách ({doc['regime']})")]
                )
            evaluation = evaluate_subject(member_doc, profile or doc.get("profile"))
        except InputError as error:
            problems += _prefixed(error, where, entry["ban_kiem_diem"])
            continue
        problems += _prefixed(InputError(evaluation.problems), where, entry["ban_kiem_diem"])
        group = entry.get("nhom") or _role_label(member_doc["dang_vien"]["doi_tuong"])
        members.append(
            MemberResult(member_doc["dang_vien"]["ho_ten"], evaluation, group, entry.get("phieu") or {}, entry=i)
        )
        rolls[i] = roll(entry, member_doc["dang_vien"].get("tinh_trang_sinh_hoat"))
    voters = list_vote_base(GROUP_FORM, doc, rolls, rules, problems)
    for member in members:
        apply_vote(member, doc["dang_vien"][member.entry], voters, ["dang_vien", member.entry], problems)
    return doc, members, problems


def _role_label(role: str) -> str:
    """The member's role as the schema names it: the default quota group."""
    options = load_schema("ban-tu-kiem-diem")["properties"]["dang_vien"]["properties"]["doi_tuong"]["oneOf"]
    return {o["const"]: o["title"] for o in options}[role]


def apply_vote(member: MemberResult, entry: dict, voters: int | None, where: list, problems: list[Problem]) -> None:
    ev = member.evaluation
    rules = ev.regime.subject("ca_nhan")
    member.reasons = list(ev.reasons)
    if ev.level in (NOT_RATED, UNDECIDED):  # no vote on a level the rules exclude or leave to the committee
        member.level = ev.level
        return
    tally = entry.get("phieu")
    if tally is None or voters is None:
        missing = "phieu" if tally is None else "so_co_mat"
        problems.append(
            Problem(
                json_path(where + ["phieu"]) if tally is None else "$.so_co_mat",
                "Kết quả biểu quyết" if tally is None else title_at(load_schema(GROUP_FORM), ["so_co_mat"]),
                f"thiếu trường bắt buộc ({missing}) để tính kết quả biểu quyết",
            )
        )
        return
    if sum(tally.values()) > voters:
        problems.append(
            Problem(
                json_path(where + ["phieu"]),
                "Kết quả biểu quyết",
                f"tổng {sum(tally.values())} phiếu nhiều hơn {voters} đảng viên có quyền biểu quyết",
            )
        )
        return
    member.vote_level, vote_reasons = vote_level(rules, tally, voters)
    member.reasons += vote_reasons
    if member.vote_level is None:
        return
    second = rules["votes"].get("second_round")
    if second and member.vote_level == second["level"]:
        if not _second_round(member, entry, second, voters, rules, where, problems):
            return
    member.level = max(ev.level, member.vote_level, key=rules.rank)  # the lower of the two
    if rules.rank(member.vote_level) < rules.rank(ev.level):
        member.reasons.append(
            Reason(
                ev.reasons[0].rule if ev.reasons else "",
                f"Biểu quyết cao hơn mức tính theo điểm và điều kiện; xếp loại theo mức “{rules.label(ev.level)}”.",
                ev.level,
                None,
            )
        )


def _second_round(
    member: MemberResult, entry: dict, spec: dict, voters: int, rules, where: list, problems: list[Problem]
) -> bool:
    """The profile's second ballot on the top level; its votes also rank the candidates for the quota."""
    votes = entry.get("phieu_vong_2")
    label = rules.label(spec["level"])
    if votes is None:
        problems.append(
            Problem(
                json_path(where + ["phieu_vong_2"]),
                "Phiếu vòng 2",
                f"thiếu số phiếu vòng 2 cho mức “{label}” (hồ sơ quy định có hai vòng biểu quyết)",
            )
        )
        return False
    if votes > voters:
        problems.append(
            Problem(
                json_path(where + ["phieu_vong_2"]),
                "Phiếu vòng 2",
                f"{votes} phiếu nhiều hơn {voters} đảng viên có quyền biểu quyết",
            )
        )
        return False
    member.reasons.append(judge(rules, spec["level"], votes, voters, spec, ballot="Biểu quyết vòng 2"))
    member.tally = {**member.tally, spec["level"]: votes}  # the quota ranks by the second round
    if not member.reasons[-1].met:
        codes = [code for code, _ in rules.levels]
        member.vote_level = codes[codes.index(spec["level"]) + 1]
    return True


def apply_quotas(members: list[MemberResult], outstanding: bool = False) -> list[QuotaResult]:
    """Cut the top level to the quota in each group of comparable positions, in place.

    ``members`` may come from several chi bộ of one đảng bộ: groups with the same
    name are one group. ``outstanding``: the unit may use the higher rate."""
    if not members:
        return []
    rules = members[0].evaluation.regime.subject("ca_nhan")
    spec = rules["quota"]
    groups: dict[str, list[int]] = {}
    for i, member in enumerate(members):
        key = member.group if spec.get("group_by") else WHOLE_CHI_BO
        groups.setdefault(key, []).append(i)
    results = []
    for name, indexes in groups.items():
        candidates = [i for i in indexes if members[i].level == spec["level"]]
        base = sum(1 for i in indexes if members[i].level == spec["base_level"])
        votes = [members[i].tally.get(spec["level"], 0) for i in candidates]
        result = apply_quota(spec, name, votes, base, len(indexes), outstanding)
        result.selected = [candidates[k] for k in result.selected]
        result.cut = [candidates[k] for k in result.cut]
        result.tie = [candidates[k] for k in result.tie]
        for k in result.selected:
            members[k].quota = "selected"
        for k in result.cut:
            members[k].quota, members[k].level = "cut", spec["base_level"]
            members[k].reasons.append(
                Reason(
                    spec["rule"],
                    f"Vượt tỷ lệ “{rules.label(spec['level'])}” của nhóm “{name}” "
                    f"({result.computation}): xếp loại “{rules.label(spec['base_level'])}”.",
                    spec["base_level"],
                    None,
                )
            )
        for k in result.tie:
            members[k].quota = "tie"
            members[k].reasons.append(
                Reason(
                    spec["rule"],
                    f"Bằng số phiếu ở vị trí cuối của tỷ lệ nhóm “{name}” ({result.computation}): "
                    f"do đảng ủy xem xét, quyết định.",
                    spec["level"],
                    None,
                )
            )
        results.append(result)
    return results


def quota_summary(result: QuotaResult) -> str:
    return f"{result.group}: {result.computation} (cơ sở: {so(result.base_count)} đồng chí Hoàn thành tốt nhiệm vụ)"
