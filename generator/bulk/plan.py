"""Classify a whole đảng bộ in the order the rules need, and list what to print.

Order: each chi bộ's members are rated (rules, then the chi bộ's vote); the
quota of each group of comparable positions is applied across every chi bộ of
the same tổ chức cơ sở đảng; each chi bộ is then scored with the statistics of
its members, and each đảng bộ cơ sở with those of its chi bộ. One tổ chức cơ sở
is held in memory at a time: ``jobs()`` yields its documents to print before
reading the next, and keeps only the few fields the lists and reports need.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generator, Iterator

from .. import compose
from ..errors import InputError, Problem
from ..evaluate import regime_of
from ..evaluate.engine import NOT_RATED
from ..evaluate.group import WHOLE_CHI_BO, MemberResult, apply_quotas, classify_members
from ..evaluate.regime import UNDECIDED
from ..filenames import Names, slug
from ..pipeline import classify, prepare
from ..present.context import build_context
from ..present.names import name_key
from ..present.summary import LIST, list_context
from ..validate import validate
from ..vietnamese import so
from .org_quota import apply_org_quota
from .parked import Parked
from .print_file import PRINT_FILE
from .source import Source

CHI_BO = ("chi_bo_co_so", "chi_bo_truc_thuoc")


@dataclass(frozen=True)
class Job:
    """One document to print, ready: ``context`` is what the template of ``form`` prints, so the
    worker only renders it (the plan has validated, evaluated and presented it once, here).

    ``path`` is relative to the output folder, without extension; ``record`` where the input came
    from, for the manifest and error list; ``document`` what it is made from, for its input hash
    in the manifest (a form's document as composed here; a list's or report's own context)."""

    path: str
    form: str
    context: dict
    record: str
    document: dict


_MEMBER_INDEX = re.compile(r"^\$\.dang_vien\[(\d+)\]")


def person_of(entry) -> dict:
    """A chi bộ list entry's member fields: its bản tự kiểm điểm's ``dang_vien``, else the entry itself."""
    document = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
    if isinstance(document, dict):
        return document.get("dang_vien") or {}
    return entry if isinstance(entry, dict) else {}


def _member_at(group: dict | None, path: str) -> str:
    """The name of the member a chi bộ list's JSON path points into ("" when it points at none)."""
    found = _MEMBER_INDEX.match(path)
    members = group.get("dang_vien") if isinstance(group, dict) else None
    if not found or not isinstance(members, list) or int(found[1]) >= len(members):
        return ""
    entry = members[int(found[1])]
    document = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
    name = (document.get("dang_vien") or {}).get("ho_ten") if isinstance(document, dict) else None
    name = name or (entry.get("ho_ten") if isinstance(entry, dict) else None)
    return name if isinstance(name, str) else ""


@dataclass
class Scope:
    """A tổ chức cơ sở đảng: the unit that applies the quota (its chi bộ, or itself)."""

    org: dict | None  # the đảng bộ cơ sở / chi bộ cơ sở, or None for the đảng bộ's own chi bộ
    chi_bo: list[dict]


@dataclass
class RunResult:
    """What the đảng bộ's reports print, filled while jobs are produced. Members are kept only as
    counts; the rows the reports list (organisations, quotas' names, members not rated or pending,
    errors) are parked on disk (bulk/parked.py): memory stays that of one tổ chức cơ sở."""

    header: dict
    organisations: Parked = field(default_factory=Parked)  # each row once its level is final
    quotas: Parked = field(default_factory=Parked)
    org_quotas: Parked = field(default_factory=Parked)  # the collectives' HTXSNV quota (bulk/org_quota.py)
    errors: Parked = field(default_factory=Parked)
    member_counts: Counter = field(default_factory=Counter)  # level code, NOT_RATED or "pending" → members
    not_rated: Parked = field(default_factory=Parked)
    pending: Parked = field(default_factory=Parked)
    flagged: Parked = field(default_factory=Parked)  # history/past.Flagged: what past years point out

    def error(self, where: str, reason: str, who: str = "") -> None:
        """``who``: the member's or organisation's name, for the error list's own column."""
        self.errors.append({"where": where, "reason": reason, **({"who": who} if who else {})})

    def count(self, row: dict) -> None:
        kind = category(row)
        self.member_counts[kind] += 1
        if kind in (NOT_RATED, PENDING, UNDECIDED):  # undecided: no result until the competent committee decides
            (self.not_rated if kind == NOT_RATED else self.pending).append(
                {"ho_ten": row["ho_ten"], "chi_bo": row["chi_bo"], "reason": row["note"]}
            )


PENDING = "pending"


def category(row: dict) -> str:
    """A member's final level, NOT_RATED, or "pending": no level reached the vote threshold,
    or tied at the quota's last place until the đảng ủy decides."""
    return PENDING if row["level"] is None or row["quota"] == "tie" else row["level"]


def check_tree(header: dict, organisations: list) -> tuple[dict, list[Scope]]:
    """Validate the đảng bộ and its organisation tree; raise ``InputError`` when unusable."""
    doc = validate({**header, "form": header.get("form", "dang-bo"), "to_chuc": organisations})
    orgs = doc["to_chuc"]
    problems: list[Problem] = []
    by_ma: dict[str, dict] = {}
    for i, org in enumerate(orgs):
        if org["ma"] in by_ma:
            problems.append(
                Problem(
                    f"$.to_chuc[{i}].ma",
                    "Mã tổ chức",
                    f"mã “{org['ma']}” trùng với tổ chức “{by_ma[org['ma']]['ten']}”",
                )
            )
        by_ma.setdefault(org["ma"], org)
    for i, org in enumerate(orgs):
        parent = org.get("truc_thuoc")
        if parent is None:
            continue
        where = f"$.to_chuc[{i}].truc_thuoc"
        if org["loai_to_chuc"] != "chi_bo_truc_thuoc":
            problems.append(
                Problem(
                    where, "Trực thuộc (mã tổ chức)", "chỉ chi bộ trực thuộc đảng ủy cơ sở mới ghi tổ chức cấp trên"
                )
            )
        elif parent not in by_ma:
            problems.append(Problem(where, "Trực thuộc (mã tổ chức)", f"không có tổ chức mã “{parent}”"))
        elif by_ma[parent]["loai_to_chuc"] != "dang_bo_co_so":
            problems.append(
                Problem(where, "Trực thuộc (mã tổ chức)", f"“{by_ma[parent]['ten']}” không phải đảng bộ cơ sở")
            )
    if problems:
        raise InputError(problems)
    scopes: list[Scope] = []
    loose = Scope(None, [])
    for org in orgs:
        if org["loai_to_chuc"] == "dang_bo_co_so":
            scopes.append(Scope(org, [o for o in orgs if o.get("truc_thuoc") == org["ma"]]))
        elif org["loai_to_chuc"] == "chi_bo_co_so":
            scopes.append(Scope(org, [org]))
        elif org.get("truc_thuoc") is None:
            loose.chi_bo.append(org)
    if loose.chi_bo:
        scopes.insert(0, loose)
    return doc, scopes


class Planner:
    """Turns a source into jobs, one tổ chức cơ sở at a time, filling a ``RunResult``."""

    def __init__(self, source: Source, profile: str | None = None):
        self.source = source
        self.profile = profile
        try:
            header, self.scopes = check_tree(source.header, source.organisations)
        except InputError as error:
            raise InputError([self._tree_problem(p) for p in error.problems]) from None
        self.header = {k: v for k, v in header.items() if k != "to_chuc"}
        self.regime = regime_of(self.header, profile)
        self.result = RunResult(self.header)
        self.root = slug(self.header["dang_bo"], "dang-bo")
        self.names = Names()
        self.organisations_done = 0
        self._tccsd: list[dict] = []  # the tổ chức cơ sở's rows, until the đảng bộ-wide quota settles them
        self.on_list = None  # called with (tổ chức cơ sở or None, path, rows) as each scope's list is settled
        self.on_members = (
            None  # called with (chi bộ, print file's path, record, [(name, path)], [names left out], code)
        )
        self.on_member = (
            None  # called with (chi bộ, entry index, entry, row) for each member rated without error (history)
        )
        self.past = None  # history/past.PastLevels: the years before, printed beside this one (bulk/runner)

    def expected_documents(self) -> int:
        """About how many documents the run prints: the source's, a list per scope and the đảng bộ's two reports."""
        return self.source.document_count() + len(self.scopes) + 2

    def _tree_problem(self, problem: Problem) -> Problem:
        """A problem of the organisation tree, at the organisation's row when the source knows it."""
        match = re.match(r"\$\.to_chuc\[(\d+)\](.*)", problem.path)
        if not match or int(match.group(1)) >= len(self.source.organisations):
            return problem
        org = self.source.organisations[int(match.group(1))]
        where = self.source.locate(org.get("ma"), "to_chuc", "$" + match.group(2)) if isinstance(org, dict) else None
        return Problem(where, problem.title, problem.reason) if where else problem

    # -- where things come from and go -------------------------------------------------
    def _upper(self, org: dict | None) -> str:
        parent = org.get("truc_thuoc") if org else None
        if parent:
            return next(o["ten"] for o in self.source.organisations if o["ma"] == parent)
        if org and org["ten"] == self.header["dang_bo"]:
            return self.header.get("cap_tren") or self.header["dang_bo"]
        return self.header["dang_bo"]

    def _folder(self, org: dict) -> str:
        parts = [self.root]
        parent = org.get("truc_thuoc")
        if parent:
            parent_org = next(o for o in self.source.organisations if o["ma"] == parent)
            if parent_org["ten"] != self.header["dang_bo"]:
                parts.append(slug(parent_org["ten"]))
        if org["ten"] != self.header["dang_bo"]:
            parts.append(slug(org["ten"]))
        return "/".join(parts)

    def _file(self, folder: str, name: str) -> str:
        return f"{folder}/{self.names.unique(folder, name)}"

    def _report(
        self, org: dict, kind: str, problems: list[Problem], prefix: str = "", group: dict | None = None
    ) -> None:
        """Each problem at its place in the source, with whose it is: the member at ``$.dang_vien[i]``
        of ``group``, else the organisation."""
        for p in problems:
            where = self.source.locate(org["ma"], kind, p.path) or f"{org['ma']}: {p.path}"
            self.result.error(
                where,
                f"{prefix + ' › ' if prefix else ''}{p.title + ': ' if p.title else ''}{p.reason}",
                _member_at(group, p.path) or org["ten"],
            )

    def _source_problems(self, docs: dict, org: dict) -> None:
        for problem in docs["problems"]:
            self.result.error(problem.where, problem.reason, problem.who or org["ten"])

    # -- the run --------------------------------------------------------------------------
    def jobs(self) -> Iterator[Job]:
        for scope in self.scopes:
            yield from self._scope(scope)
        self._org_quota(self._tccsd, self.header["dang_bo"], f"Tổ chức cơ sở đảng trực thuộc {self.header['dang_bo']}")
        for row in self._tccsd:
            self.result.organisations.append(row)
        self._tccsd = []

    def _org_quota(self, rows: list[dict], scope: str, group: str) -> None:
        record = apply_org_quota(rows, self.regime.subject("to_chuc"), scope, group)
        if record is not None and (record["candidates"] or record["base_count"]):
            self.result.org_quotas.append(record)

    def _scope(self, scope: Scope) -> Iterator[Job]:
        members_rules = self.regime.subject("ca_nhan")
        loaded: list[tuple[dict, dict, list[MemberResult], dict | None]] = []
        pooled: list[MemberResult] = []
        chi_bo_of: list[str] = []  # the chi bộ of each pooled member, to tell namesakes apart
        outstanding = []
        for org in scope.chi_bo:
            docs = self.source.documents(org["ma"])
            self._source_problems(docs, org)
            group, members, broken = docs.get("xep_loai"), [], None
            if group is not None:
                group = compose.group_document(group, self.header, org, self._upper(org))
                try:
                    group, members, problems = classify_members(group, Path(self.source.origin).parent, self.profile)
                    broken = {
                        i
                        for i in range(len(group["dang_vien"]))
                        if any(p.path.startswith(f"$.dang_vien[{i}].ban_kiem_diem") for p in problems)
                    }
                except InputError as error:
                    problems = error.problems
                self._report(org, "xep_loai", problems, group=group)
                outstanding.append(bool(group.get("don_vi_tieu_bieu")))
            pooled += members
            chi_bo_of.extend([org["ten"]] * len(members))
            loaded.append((org, docs, members, group, broken))
        quotas = apply_quotas(pooled, bool(outstanding) and all(outstanding))
        self._record_quotas(scope, pooled, quotas, chi_bo_of)
        child_rows: list[dict] = []
        member_counts: Counter = Counter()
        rows: list[dict] = []
        for org, docs, members, group, broken in loaded:
            yield from self._member_jobs(org, group, members, broken, rows)
            counts = self._member_stats(members, members_rules)
            member_counts.update({"not_rated": counts["so_khong_xep_loai"], **counts["so_xep_loai"]})
            row = yield from self._organisation(org, docs, {"thong_ke_dang_vien": counts}, len(members))
            (child_rows if org["loai_to_chuc"] == "chi_bo_truc_thuoc" else self._tccsd).append(row)
            self.organisations_done += 1
        parent = scope.org["ten"] if scope.org is not None else self.header["dang_bo"]
        self._org_quota(child_rows, parent, f"Chi bộ trực thuộc {parent}")  # before the đảng bộ counts its chi bộ
        for row in child_rows:
            self.result.organisations.append(row)
        child_levels = [r["level"] for r in child_rows if r["level"] not in (None, NOT_RATED)]
        if scope.org is not None and scope.org["loai_to_chuc"] == "dang_bo_co_so":
            codes = [code for code, _ in members_rules.levels]
            stats = {
                "thong_ke_dang_vien": {
                    "so_xep_loai": {c: member_counts.get(c, 0) for c in codes},
                    "so_khong_xep_loai": member_counts.get("not_rated", 0),
                },
                "thong_ke_to_chuc": {
                    "so_xep_loai": {c: child_levels.count(c) for c, _ in self.regime.subject("to_chuc").levels}
                },
            }
            docs = self.source.documents(scope.org["ma"])
            self._source_problems(docs, scope.org)
            self._tccsd.append((yield from self._organisation(scope.org, docs, stats, sum(member_counts.values()))))
            self.organisations_done += 1
        if rows and self.past is not None:
            for flagged in self.past.annotate(rows):
                self.result.flagged.append(flagged)
        if rows:
            yield self._list_job(scope, rows)
        for row in rows:
            self.result.count(row)
        self.names.forget(keep=self.root)  # a chi bộ's folder is settled once its scope is done

    def _list_job(self, scope: Scope, rows: list[dict]) -> Job:
        """The scope's danh sách xếp loại đảng viên: chi bộ by chi bộ, names in Vietnamese order."""
        order = {o["ma"]: i for i, o in enumerate(scope.chi_bo)}
        rows.sort(key=lambda m: (order.get(m["chi_bo_ma"], len(order)), name_key(m["ho_ten"])))
        org = scope.org
        own = org is None or org["ten"] == self.header["dang_bo"]
        name = self.header["dang_bo"] if org is None else org["ten"]
        chi_bo = org is not None and org["loai_to_chuc"] == "chi_bo_co_so"
        signer = self.header.get("ky") if own else None
        summary = {
            "dang_bo": name,
            "cap_tren": self.header.get("cap_tren") if own else self.header["dang_bo"],
            "regime_name": self.regime.name,
            "nam": self.header["nam"],
            "dia_danh": self.header["dia_danh"],
            "ngay_lap": self.header["ngay_lap"],
            "noi_nhan": self.header.get("noi_nhan") if own else None,
            "ky": signer
            or {"thay_mat": "chi_uy" if chi_bo else "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": ""},
            "member_levels": [list(level) for level in self.regime.subject("ca_nhan").levels],
            "members": rows,
        }
        folder = self.root if org is None else self._folder(org)
        path = self._file(folder, LIST)
        if self.on_list is not None:  # the spreadsheet of the same rows (bulk/spreadsheets.MemberLists)
            self.on_list(None if org is None else org["ten"], path, rows)
        context = list_context(summary)
        return Job(path, LIST, context, name, context)

    def _member_stats(self, members: list[MemberResult], rules) -> dict:
        """A chi bộ's members per final level; those still pending are in no level yet."""
        codes = [code for code, _ in rules.levels]
        levels = Counter(m.level for m in members if m.quota != "tie")
        return {"so_xep_loai": {c: levels.get(c, 0) for c in codes}, "so_khong_xep_loai": levels.get(NOT_RATED, 0)}

    def _member_jobs(
        self, org: dict, group: dict | None, members: list[MemberResult], broken: set | None, rows: list[dict]
    ) -> Iterator[Job]:
        """Each member's bản tự kiểm điểm; ``broken`` lists entries whose own document failed
        (None: the whole list failed, so each document is checked on its own)."""
        rules = self.regime.subject("ca_nhan")
        folder = self._folder(org)
        by_entry = {m.entry: m for m in members}
        printed, missing = [], []
        for i, entry in enumerate((group or {}).get("dang_vien") or []):
            member = by_entry.get(i)
            if member is not None:
                rows.append(self._member_row(org, member, rules))
                if self.past is not None:  # who the member is, to find the years before
                    person = person_of(entry)
                    rows[-1].update(
                        ngay_sinh=person.get("ngay_sinh"),
                        ngay_vao_dang=person.get("ngay_vao_dang"),
                        so_the=person.get("so_the_dang_vien"),
                    )
                if self.on_member is not None and not (broken and i in broken):
                    self.on_member(org, i, entry, rows[-1])
            document = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
            if not isinstance(document, dict):
                continue
            name = (document.get("dang_vien") or {}).get("ho_ten") or f"dang-vien-{i + 1}"
            record = self.source.locate(org["ma"], "xep_loai", f"$.dang_vien[{i}]") or f"{org['ma']}: $.dang_vien[{i}]"
            left_out = broken is not None and (member is None or i in broken)  # its own document failed
            context = None if left_out else self._member_context(document, group, member, record)
            if context is None:
                missing.append(str(name))
                continue
            path = self._file(folder, "ban-tu-kiem-diem-" + slug(name))
            printed.append((str(name), path))
            yield Job(path, compose.MEMBER_FORM, context, record, document)
        if self.on_members is not None and (printed or missing):
            printed.sort(key=lambda item: name_key(item[0]))  # stable: the danh sách's order (bulk/print_file)
            record = self.source.locate(org["ma"], "xep_loai", "$") or org["ma"]
            self.on_members(org["ten"], self._file(folder, PRINT_FILE) + ".pdf", record, printed, missing, org["ma"])

    def _member_context(self, document: dict, group: dict, member: MemberResult | None, record: str) -> dict | None:
        """What a member's bản tự kiểm điểm prints, or None when it cannot be printed.

        A member the list classified is presented with that evaluation: the list was validated
        whole (NFC, each member with its regime), so its member's document is as ``validate``
        returns it. When the list is unusable (no ``member``), or the member states a profile
        other than the list's, the document is prepared on its own, as ``kiemdiem render`` does."""
        if member is not None and (self.profile or document.get("profile")) == (self.profile or group.get("profile")):
            return self._presented(record, build_context, document, member.evaluation)
        try:
            return self._presented(record, lambda: prepare(document, self.profile).context)
        except InputError:
            return None

    def _presented(self, record: str, present, *args) -> dict | None:
        """``present(*args)``, or None when the presenter fails on a document nobody foresaw: reported at
        ``record`` and left out, as a worker's failure is, for one document must not stop the run."""
        try:
            return present(*args)
        except InputError:
            raise
        except Exception as error:
            self.result.error(record, f"lỗi không lường trước khi in: {type(error).__name__}: {error}")
            return None

    def _member_row(self, org: dict, member: MemberResult, rules) -> dict:
        notes = [r.text for r in member.reasons if member.quota in ("cut", "tie") and r is member.reasons[-1]]
        if member.level == NOT_RATED:
            notes = [member.reasons[0].text] if member.reasons else []
        if member.level is None:
            notes = [member.reasons[-1].text] if member.reasons else []
        if member.level == UNDECIDED:
            notes = ["Quy định không xác định được mức xếp loại: chờ cấp có thẩm quyền quyết định."]
        return {
            "ho_ten": member.name,
            "chi_bo": org["ten"],
            "chi_bo_ma": org["ma"],
            "nhom": member.group,
            "score": member.evaluation.score,
            "level": member.level,
            "level_label": (rules["not_rated_label"] if member.level == NOT_RATED else rules.label(member.level))
            if member.level
            else "Chưa đủ phiếu biểu quyết: chi bộ biểu quyết lại",
            "quota": member.quota,
            "note": " ".join(notes),
            "phieu": member.tally.get(member.vote_level) if member.vote_level else None,  # votes for the level voted
        }

    def _record_quotas(self, scope: Scope, pooled: list[MemberResult], quotas, chi_bo_of: list[str]) -> None:
        """Each group's quota; a name says its chi bộ when the quota pools several."""
        spec = self.regime.subject("ca_nhan")["quota"]
        name = scope.org["ten"] if scope.org else self.header["dang_bo"]
        several = len(set(chi_bo_of)) > 1

        def who(indexes: list[int]) -> list[str]:
            return [f"{pooled[i].name} ({chi_bo_of[i]})" if several else pooled[i].name for i in indexes]

        for q in quotas:
            group = [m for m in pooled if (m.group if spec.get("group_by") else WHOLE_CHI_BO) == q.group]
            self.result.quotas.append(
                {
                    "scope": name,
                    "group": q.group,
                    "members": len(group),
                    "base_count": q.base_count,
                    "rate": f"{so(q.rate * 100)}%",
                    "ty_le_toi_da": float(q.rate),
                    "limit": q.max,
                    "candidates": len(q.selected) + len(q.cut) + len(q.tie),
                    "selected": who(q.selected),
                    "cut": who(q.cut),
                    "tie": who(q.tie),
                    "computation": q.computation,
                    "rule": q.rule,
                }
            )

    def _organisation(self, org: dict, docs: dict, stats: dict, members: int) -> Generator[Job, None, dict]:
        """Score the organisation with its computed statistics, then print its biểu điểm and report;
        returns its row, for the caller to park once a quota among its peers has settled it."""
        upper, folder = self._upper(org), self._folder(org)
        row = {
            "ma": org["ma"],
            "ten": org["ten"],
            "loai": org["loai_to_chuc"],
            "truc_thuoc": None,
            "so_dang_vien": members,
            "score": None,
            "max_score": None,
            "level": None,
            "level_label": "Chưa xếp loại: chưa có biểu điểm",
            "note": "",
        }
        if org.get("truc_thuoc"):
            row["truc_thuoc"] = upper
        record = self.source.locate(org["ma"], "bieu_diem", "$") or org["ma"]
        if docs.get("bieu_diem") is not None:
            stats = {
                k: v for k, v in stats.items() if k != "thong_ke_to_chuc" or org["loai_to_chuc"] == "dang_bo_co_so"
            }
            document = compose.scoring_document(docs["bieu_diem"], self.header, org, upper, stats)
            problems = compose.mismatches(docs["bieu_diem"], self.header, "biểu điểm") + compose.stats_problems(
                docs["bieu_diem"], stats
            )
            evaluation = valid = None
            try:
                classified = classify(document, self.profile)
                valid, evaluation = classified.document, classified.evaluation
                problems += evaluation.problems
            except InputError as error:
                problems += error.problems
            if problems:
                self._report(org, "bieu_diem", problems, f"Biểu điểm “{org['ten']}”")
                row["level_label"] = "Chưa xếp loại: biểu điểm có lỗi"
                if evaluation is not None and evaluation.level == UNDECIDED:
                    row.update(
                        score=evaluation.score,
                        max_score=evaluation.max_score,
                        level=UNDECIDED,
                        level_label=evaluation.level_label,
                    )
            else:
                row.update(
                    score=evaluation.score,
                    max_score=evaluation.max_score,
                    level=evaluation.level,
                    level_label=evaluation.level_label,
                )
                context = self._presented(record, build_context, valid, evaluation)
                if context is not None:
                    yield Job(self._file(folder, "bieu-diem-tccsd"), compose.SCORING_FORM, context, record, document)
        if docs.get("bao_cao") is not None:
            document = compose.report_document(docs["bao_cao"], self.header, org, upper, stats, docs.get("bieu_diem"))
            problems = (
                compose.mismatches(docs["bao_cao"], self.header, "báo cáo")
                + compose.stats_problems(docs["bao_cao"], stats)
                + compose.scoring_problems(docs["bao_cao"], docs.get("bieu_diem"))
            )
            try:
                classified = classify(document, self.profile)
                valid, evaluation = classified.document, classified.evaluation
                problems += evaluation.problems
            except InputError as error:
                problems += error.problems
            if problems:
                self._report(org, "bao_cao", problems, f"Báo cáo “{org['ten']}”")
            else:
                record = self.source.locate(org["ma"], "bao_cao", "$") or org["ma"]
                context = self._presented(record, build_context, valid, evaluation)
                if context is not None:
                    yield Job(
                        self._file(folder, "bao-cao-kiem-diem-tap-the"), compose.REPORT_FORM, context, record, document
                    )
        return row
