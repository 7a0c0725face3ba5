"""Build examples/dang-bo-2025.xlsx: a filled workbook for a whole đảng bộ (QĐ 366, 2025).

Đảng bộ phường Ba Đình with three chi bộ trực thuộc, members taken from the
examples (new names where they repeat), votes consistent with each member's
level, and biểu điểm scores for every organisation. The quota of "Cá nhân không
giữ chức vụ lãnh đạo, quản lý" pools the three chi bộ: one member is kept, two
tie for the last place and one is cut; the one leader rated HTXSNV is cut because
no leader is rated HTTNV (the base of the quota, not the membership). Chi bộ Khu phố 5 names its
báo cáo kiểm điểm tập thể (examples/dang-bo-2025/), whose part B comes from its biểu điểm. The script checks each bản tự
kiểm điểm (validate, evaluate) and each chi bộ's list (evaluate_group) before writing, then reads the
workbook back and runs the bulk planner on it, so the example always classifies cleanly.

Each member's part A (what they did, fell short in and will do) is their own, in scripts/example_member_texts.py,
in line with their score, self-rating and role; the script refuses a paragraph that two members share.

    .venv/bin/python scripts/build_example_workbook.py
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import load_document  # noqa: E402
from generator.bulk.plan import Planner  # noqa: E402
from generator.errors import InputError  # noqa: E402
from generator.evaluate import evaluate  # noqa: E402
from generator.evaluate.group import evaluate_group  # noqa: E402
from generator.validate import validate  # noqa: E402
from generator.workbook import open_workbook, write_workbook  # noqa: E402
from scripts.example_member_texts import TEXTS  # noqa: E402  (beside this file; ROOT is on the path, as in the tests)

EXAMPLES = ROOT / "examples"
OUT = EXAMPLES / "dang-bo-2025.xlsx"
SHARED = ("form", "regime", "nam", "dang_bo", "chi_bo", "dia_danh", "ngay_lap")


def member(name: str, **changes) -> dict:
    source = (
        EXAMPLES / "chi-bo-khu-pho-5" / f"{name}.json"
        if name.startswith("dv-")
        else next(EXAMPLES.glob(f"ban-tu-kiem-diem-{name}.*"))
    )
    doc = load_document(source)
    for key in SHARED:
        doc.pop(key, None)
    for part in doc.get("diem", {}).values():
        part.pop("tieu_chi", None)  # sub-criteria lists need a file column; the example keeps to cells
    for changed in (changes, TEXTS.get(changes.get("dang_vien.ho_ten", doc["dang_vien"]["ho_ten"]), {})):
        for path, value in changed.items():
            target = doc
            *parents, last = path.split(".")
            for key in parents:
                target = target.setdefault(key, {})
            if value is None:
                target.pop(last, None)
            else:
                target[last] = copy.deepcopy(value)
    return doc


def votes(doc: dict, voters: int, chi_bo: str) -> dict:
    """Votes that confirm the member's level under the rules."""
    full = {
        **doc,
        "form": "ban-tu-kiem-diem",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Ba Đình",
        "chi_bo": chi_bo,
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-12-10",
    }
    level = evaluate(validate(full)).level
    return {
        "HTXSNV": {"HTXSNV": voters - 2, "HTTNV": 2},
        "HTTNV": {"HTTNV": voters - 1, "HTNV": 1},
        "HTNV": {"HTNV": voters},
        "KHTNV": {"KHTNV": voters},
    }.get(level, {})


def chi_bo(
    ma: str,
    ten: str,
    meeting: str,
    members: list[tuple[dict, dict | None]],
    scores: tuple,
    level: str,
    official: int | None = None,
    report: str | None = None,
) -> dict:
    entries = [
        {"ban_kiem_diem": doc, "phieu": tally if tally is not None else votes(doc, len(members), ten)}
        for doc, tally in members
    ]
    for entry in entries:
        if not entry["phieu"]:
            del entry["phieu"]
    scoring = load_document(EXAMPLES / "bieu-diem-tccsd-2025.json")
    for key in SHARED + ("to_chuc", "loai_to_chuc", "thong_ke_dang_vien", "noi_nhan"):
        scoring.pop(key, None)
    scoring["diem"]["tieu_chi_chung"] = {"diem": scores[0]}
    scoring["diem"]["ket_qua_nhiem_vu"] = {"diem": scores[1]}
    scoring["tu_xep_loai"] = level
    org = {
        "ma": ma,
        "ten": ten,
        "loai_to_chuc": "chi_bo_truc_thuoc",
        "truc_thuoc": "db-ba-dinh",
        "xep_loai": {"ngay_hop": meeting, "so_dang_vien_chinh_thuc": official or len(members), "dang_vien": entries},
        "bieu_diem": scoring,
    }
    if report:
        org["bao_cao"] = report
    return org


def dang_bo() -> dict:
    kp5 = [
        (member("dv-01"), {"HTXSNV": 7, "HTTNV": 1}),
        (member("dv-02"), {"HTXSNV": 7, "HTTNV": 1}),
        (member("dv-03"), {"HTXSNV": 6, "HTTNV": 2}),
        (member("dv-04"), None),
        (member("dv-05"), None),
        (member("dv-06"), None),
    ]
    kp6 = [
        (member("dv-07"), None),
        (member("dv-08"), None),
        (member("dv-09"), None),
        (member("dv-10"), None),
        (member("dv-11"), None),
        (member("dv-12"), None),
        (member("02c"), None),
    ]
    new = member("dv-09", **{"dang_vien.ho_ten": "Trịnh Minh Tuấn", "dang_vien.ngay_vao_dang": "2025-09-02"})
    new.pop("tu_xep_loai", None)
    weak = member(
        "dv-12",
        **{
            "dang_vien.ho_ten": "Cao Văn Sơn",
            "diem.tieu_chi_chung.diem": 22,
            "diem.ket_qua_nhiem_vu.diem": 26,
            "tu_xep_loai": "KHTNV",
        },
    )
    vp = [
        (member("02a"), None),
        (member("02b"), {"HTXSNV": 8}),
        (member("dv-04", **{"dang_vien.ho_ten": "Mai Thị Thu"}), None),
        (member("dv-05", **{"dang_vien.ho_ten": "Tô Văn Hiếu"}), None),
        (member("dv-06", **{"dang_vien.ho_ten": "Kiều Thị Oanh"}), None),
        (weak, None),
        (new, None),
        (member("dv-07", **{"dang_vien.ho_ten": "Lạc Văn Kiên"}), None),
    ]
    top = load_document(EXAMPLES / "bieu-diem-tccsd-2025.json")
    for key in SHARED + ("to_chuc", "loai_to_chuc", "thong_ke_dang_vien", "noi_nhan"):
        top.pop(key, None)
    top["diem"]["tieu_chi_chung"] = {"diem": 27}
    top["diem"]["ket_qua_nhiem_vu"] = {"diem": 58}
    top["tu_xep_loai"] = "HTTNV"
    top["ky"] = {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": "Nguyễn Văn Hùng"}
    return {
        "form": "dang-bo",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Ba Đình",
        "cap_tren": "Đảng bộ Thành phố Hà Nội",
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-12-20",
        "so_ky_hieu": {"bao_cao_tong_hop": "215-BC/ĐU", "bao_cao_ty_le": "216-BC/ĐU"},
        "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": "Nguyễn Văn Hùng"},
        "noi_nhan": ["Ban Tổ chức Thành ủy Hà Nội (để báo cáo)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
        "to_chuc": [
            {"ma": "db-ba-dinh", "ten": "Đảng bộ phường Ba Đình", "loai_to_chuc": "dang_bo_co_so", "bieu_diem": top},
            chi_bo(
                "kp5",
                "Chi bộ Khu phố 5",
                "2025-12-12",
                kp5,
                (28, 60),
                "HTTNV",
                official=8,
                report="dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml",
            ),
            chi_bo("kp6", "Chi bộ Khu phố 6", "2025-12-13", kp6, (26, 55), "HTTNV"),
            chi_bo("vp", "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường", "2025-12-15", vp, (29, 63), "HTXSNV"),
        ],
    }


def check_each(document: dict) -> None:
    """Every bản tự kiểm điểm and every chi bộ's list on its own, with the fields the bulk fills added to a copy."""
    common = {"regime": document["regime"], "nam": document["nam"], "dia_danh": document["dia_danh"]}
    failures = []
    for org in document["to_chuc"]:
        group = org.get("xep_loai")
        if not group:
            continue
        upper = next((o["ten"] for o in document["to_chuc"] if o["ma"] == org.get("truc_thuoc")), document["dang_bo"])
        full = {
            **copy.deepcopy(group),
            "form": "xep-loai-chi-bo",
            "regime": document["regime"],
            "nam": document["nam"],
            "dang_bo": upper,
            "chi_bo": org["ten"],
        }
        for entry in full["dang_vien"]:
            entry["ban_kiem_diem"] = {
                **entry["ban_kiem_diem"],
                "form": "ban-tu-kiem-diem",
                **common,
                "dang_bo": upper,
                "chi_bo": org["ten"],
                "ngay_lap": group["ngay_hop"],
            }
            name = entry["ban_kiem_diem"]["dang_vien"]["ho_ten"]
            try:
                problems = evaluate(validate(entry["ban_kiem_diem"])).problems
            except InputError as error:
                problems = error.problems
            failures += [f"{org['ma']} / {name}: {p}" for p in problems]
        try:
            failures += [f"{org['ma']}: {p}" for p in evaluate_group(full, EXAMPLES).problems]
        except InputError as error:
            failures += [f"{org['ma']}: {p}" for p in error.problems]
    failures += shared_paragraphs(document)
    if failures:
        raise SystemExit("ví dụ có lỗi:\n  " + "\n  ".join(failures))


def shared_paragraphs(document: dict) -> list[str]:
    """Paragraphs of part A (kiem_diem) that two members print alike: each member writes their own."""
    where: dict[str, list[str]] = {}
    for org in document["to_chuc"]:
        for entry in org.get("xep_loai", {}).get("dang_vien", []):
            name = entry["ban_kiem_diem"]["dang_vien"]["ho_ten"]
            for text in _texts(entry["ban_kiem_diem"]["kiem_diem"]):
                for line in filter(None, (line.strip() for line in text.splitlines())):
                    where.setdefault(line, []).append(name)
    return [f"{', '.join(names)}: cùng một đoạn “{line[:60]}…”" for line, names in where.items() if len(set(names)) > 1]


def _texts(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    values = node.values() if isinstance(node, dict) else node
    return [text for value in values for text in _texts(value)]


def main() -> None:
    document = dang_bo()
    check_each(document)
    write_workbook(OUT, document=copy.deepcopy(document))
    with open_workbook(OUT) as source:
        for org in document["to_chuc"]:
            back = source.documents(org["ma"])
            if back["problems"] or back["bieu_diem"] != org.get("bieu_diem"):
                raise SystemExit(f"{org['ma']}: sổ đọc lại khác dữ liệu: {back['problems']}")
        planner = Planner(source)
        jobs = list(planner.jobs())
    forms = {job.form for job in jobs}
    if "bao-cao-kiem-diem-tap-the" not in forms:
        raise SystemExit("ví dụ thiếu báo cáo kiểm điểm tập thể")
    if planner.result.errors:
        raise SystemExit("ví dụ có lỗi:\n" + "\n".join(f"  {e['where']}: {e['reason']}" for e in planner.result.errors))
    print(
        f"{OUT.relative_to(ROOT)}: {len(jobs)} văn bản; tỷ lệ:",
        json.dumps(planner.result.quotas, ensure_ascii=False, indent=1),
    )


if __name__ == "__main__":
    main()
