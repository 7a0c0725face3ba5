"""The fields of the "Phiếu biểu quyết" page, labelled by the schemas' own titles, and each problem beside its field.

A field's label is the title its problems are named by ("Số phiếu phát ra ($.so_phieu_phat_ra): …"), so
the message and the label read the same. Ballot fields are the ``phieu-bieu-quyet`` keys; the meeting's
fields are those ``kiemdiem tally --data`` takes (the counts of received and valid ballots are the tally's).
"""

from __future__ import annotations

import re

from ..blank.ballot_fields import FORM as BALLOT
from ..blank.tally_import import TALLY
from ..schema import load_schema, node_at, title_at
from ..validate import DEFAULT_REGIME
from .forms import profile_options, regime_options
from .uploads import MAX_UPLOAD

BALLOT_KEYS = (
    "regime",
    "profile",
    "nam",
    "dang_bo",
    "chi_bo",
    "vong",
    "so_dong_trong",
    "so_phieu",
    "so_cho",
    "co_so_ty_le",
    "so_dang_vien_chi_bo",
)
MEETING_KEYS = (
    "regime",
    "profile",
    "nam",
    "dang_bo",
    "chi_bo",
    "dia_danh",
    "ngay_kiem_phieu",
    "dia_diem",
    "so_dang_vien_chinh_thuc",
    "so_co_mat",
    "so_phieu_phat_ra",
)
_OWNER = re.compile(r"^(?:\$\.|--)([a-z_0-9]+)(?:\[(\d+)\])?")


def _field(form: str, key: str, kind: str = "text", **extra) -> dict:
    schema = load_schema(form)
    node = node_at(schema, [key]) or {}
    return {"key": key, "title": title_at(schema, [key]), "hint": node.get("description"), "kind": kind, **extra}


def _regimes() -> list[dict]:
    return [{"value": r["const"], "title": r["title"]} for r in regime_options(BALLOT)]


def _profiles() -> list[dict]:
    """The shipped profiles, grouped by the regime each is written for."""
    groups = [
        {
            "title": r["title"],
            "options": [{"value": p["const"], "title": p["title"]} for p in profile_options(r["value"])],
        }
        for r in _regimes()
    ]
    return [g for g in groups if g["options"]]


def _rounds() -> list[dict]:
    node = node_at(load_schema(BALLOT), ["vong"]) or {}
    return [{"value": str(o["const"]), "title": o["title"]} for o in node.get("oneOf", [])]


def _head(form: str) -> list[dict]:
    regime_hint = "Khung điểm và tên các mức xếp loại khác nhau giữa các thời kỳ; mặc định Quy định 366-QĐ/TW (2025)."
    return [
        _field(form, "regime", "select", options=_regimes(), default=DEFAULT_REGIME, hint=regime_hint),
        _field(form, "profile", "select", groups=_profiles(), empty="— không dùng —"),
        _field(form, "nam", "number"),
        _field(form, "dang_bo"),
        _field(form, "chi_bo"),
    ]


def ballot_fields() -> dict:
    lines = "Mỗi dòng một người. Bỏ trống danh sách và “Số dòng để trống” để in phiếu trắng 15 dòng."
    main = [
        *_head(BALLOT),
        _field(BALLOT, "vong", "select", options=_rounds(), default="1"),
        {**_field(BALLOT, "dang_vien", "lines"), "hint": lines},
        _field(BALLOT, "so_dong_trong", "number"),
        {
            **_field(BALLOT, "so_phieu", "number"),
            "hint": "Chỉ cho phiếu in: mỗi phiếu một trang riêng. "
            "Phiếu điền được là bản của một người, gửi cho từng người.",
        },
    ]
    second = [
        _field(BALLOT, "so_cho", "number"),
        _field(BALLOT, "co_so_ty_le", "number"),
        _field(BALLOT, "so_dang_vien_chi_bo", "number"),
        _field(BALLOT, "don_vi_tieu_bieu", "check"),
    ]
    return {"main": main, "second": second}


def meeting_fields() -> list[dict]:
    return [
        *_head(TALLY),
        _field(TALLY, "dia_danh"),
        _field(TALLY, "ngay_kiem_phieu", "date"),
        _field(TALLY, "dia_diem"),
        _field(TALLY, "so_dang_vien_chinh_thuc", "number"),
        _field(TALLY, "so_co_mat", "number"),
        _field(TALLY, "so_phieu_phat_ra", "number"),
        _field(TALLY, "don_vi_tieu_bieu", "check"),
        {"key": "truong_ban", "title": "Ban kiểm phiếu › Trưởng ban (họ và tên)", "hint": None, "kind": "text"},
        {"key": "thanh_vien", "title": "Ban kiểm phiếu › Thành viên", "hint": "Mỗi dòng một người.", "kind": "lines"},
    ]


def owner(path: str) -> str | None:
    """The page field a problem's JSON path belongs to (the Ban kiểm phiếu's first entry is its trưởng ban)."""
    found = _OWNER.match(path)
    if not found:
        return None
    key, index = found.groups()
    if key == "ban_kiem_phieu":
        return "truong_ban" if index in (None, "0") else "thanh_vien"
    return key


def placed(problems) -> dict:
    """``{"all": [text…], "by": {field: [text…]}}``: the list at the form's top, and each beside its field."""
    by: dict[str, list[str]] = {}
    for problem in problems:
        key = owner(problem.path)
        if key:
            by.setdefault(key, []).append(str(problem))
    return {"all": [str(p) for p in problems], "by": by}


def levels() -> list[tuple[str, str]]:
    """The tally's vote columns (code, title), as its schema names them."""
    node = node_at(load_schema(TALLY), ["dang_vien", 0, "phieu"]) or {}
    return [(code, part.get("title", code)) for code, part in node.get("properties", {}).items()]


def page_context(
    ballot=None, ballot_problems=(), meeting=None, meeting_problems=(), refused=None, files=(), notes=None, tally=None
) -> dict:
    return {
        "ballot": {"values": ballot or {}, **placed(ballot_problems)},
        "ballot_fields": ballot_fields(),
        "meeting": {"values": meeting or {}, **placed(meeting_problems)},
        "meeting_fields": meeting_fields(),
        "refused": refused,
        "max_mb": MAX_UPLOAD // (1024 * 1024),
        "levels": levels(),
        "files": list(files),
        "notes": notes or {"ignored": [], "same": []},
        "tally": tally,
    }
