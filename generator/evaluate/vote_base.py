"""The base of a vote, counted from the list when the list says who may vote.

The members of a chi bộ meeting are its official members convened: a member
exempted from activity (miễn công tác và sinh hoạt) counts only when present,
a suspended member (đình chỉ sinh hoạt) never, and a probationary member (dự bị)
has no vote. When every entry of the list gives “Đảng viên chính thức hay dự bị”
(``tu_cach``), the list is the whole chi bộ and the base is counted from it; the
typed number must then agree, or the document is refused (a wrong base turns a
pass into a fail at the threshold). The sources are cited in the regime's
``votes.base_rule``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, json_path
from ..schema import load_schema, title_at

EXEMPT, SUSPENDED = "mien_cong_tac_sinh_hoat", "dinh_chi_sinh_hoat"


@dataclass(frozen=True)
class Roll:
    """One entry of the list as the vote base sees it."""

    official: bool  # chính thức (not dự bị)
    status: str  # tinh_trang_sinh_hoat
    present: bool

    @property
    def convened(self) -> bool:
        """Counted among the official members convened."""
        return self.official and self.status != SUSPENDED and (self.status != EXEMPT or self.present)


def roll(entry: dict, status: str | None = None) -> Roll | None:
    """The entry's standing (None: the list does not say); ``status`` from the member's own form."""
    if "tu_cach" not in entry:
        return None
    return Roll(
        entry["tu_cach"] == "chinh_thuc",
        entry.get("tinh_trang_sinh_hoat") or status or "binh_thuong",
        entry.get("co_mat", True),
    )


def counted_base(form: str, document: dict, rolls: list[Roll | None], rules) -> tuple[int | None, list[Problem]]:
    """The base counted from ``rolls`` and checked against the typed numbers (None: not every entry says)."""
    given = [r is not None for r in rolls]
    if not any(given):
        return None, []
    if not all(given):
        first = given.index(False)
        return None, [
            Problem(
                json_path(["dang_vien", first, "tu_cach"]),
                _title(form, ["dang_vien", first, "tu_cach"]),
                "ghi cho mọi đảng viên của chi bộ (để tính số đảng viên có quyền biểu quyết) hoặc không ghi cho ai",
            )
        ]
    convened = sum(r.convened for r in rolls)
    present = sum(r.convened and r.present for r in rolls)
    rule = rules["votes"].get("base_rule", "")
    problems = []
    for key, counted in (("so_dang_vien_chinh_thuc", convened), ("so_co_mat", present)):
        typed = document.get(key)
        if typed is not None and typed != counted:
            problems.append(
                Problem(
                    f"$.{key}",
                    _title(form, [key]),
                    f"ghi {typed} nhưng danh sách đảng viên cho {counted} (đảng viên chính thức, trừ đảng viên "
                    f"bị đình chỉ sinh hoạt và đảng viên được miễn công tác và sinh hoạt đảng vắng mặt; "
                    f"đảng viên dự bị không biểu quyết — {rule})",
                )
            )
    base = present if rules["votes"]["denominator"] == "co_mat" else convened
    return base, problems


def _title(form: str, path: list) -> str:
    return title_at(load_schema(form), path)
