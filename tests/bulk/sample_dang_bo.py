"""A small đảng bộ on disk: a đảng bộ cơ sở and chi bộ built from examples/chi-bo-khu-pho-5."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CHI_BO = ROOT / "examples" / "chi-bo-khu-pho-5"
SCORING = ROOT / "examples" / "bieu-diem-tccsd-2025.json"
SHARED = (
    "form",
    "regime",
    "nam",
    "dang_bo",
    "chi_bo",
    "to_chuc",
    "loai_to_chuc",
    "dia_danh",
    "ngay_lap",
    "thong_ke_dang_vien",
    "noi_nhan",
)


def _strip(path: Path, older: int = 0) -> None:
    """The member's file without what the đảng bộ fills in; ``older``: born that many years earlier, so the
    copies of one chi bộ's members in another are other people (namesakes) to the record across years."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in SHARED:
        data.pop(key, None)
    member = data.get("dang_vien")
    born = member.get("ngay_sinh") if isinstance(member, dict) else None  # a bản tự kiểm điểm, not the list
    if older and born:
        data["dang_vien"]["ngay_sinh"] = f"{int(born[:4]) - older}{born[4:]}"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def build(folder: Path, chi_bo=("kp5", "kp6"), scored=("kp5",)) -> Path:
    """A dang-bo.yaml with one đảng bộ cơ sở and the given chi bộ (12 members each)."""
    folder.mkdir(parents=True, exist_ok=True)
    organisations = [{"ma": "db", "ten": "Đảng bộ phường Ba Đình", "loai_to_chuc": "dang_bo_co_so"}]
    for i, ma in enumerate(chi_bo):
        shutil.copytree(CHI_BO, folder / ma)
        for member in (folder / ma).glob("*.json"):
            _strip(member, older=i)
        org = {
            "ma": ma,
            "ten": f"Chi bộ Khu phố {5 + i}",
            "loai_to_chuc": "chi_bo_truc_thuoc",
            "truc_thuoc": "db",
            "xep_loai": f"{ma}/xep-loai-chi-bo.json",
        }
        if ma in scored:
            scoring = json.loads(SCORING.read_text(encoding="utf-8"))
            for key in SHARED:
                scoring.pop(key, None)
            (folder / ma / "bieu-diem.json").write_text(json.dumps(scoring, ensure_ascii=False), encoding="utf-8")
            org["bieu_diem"] = f"{ma}/bieu-diem.json"
        organisations.append(org)
    header = {
        "form": "dang-bo",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Ba Đình",
        "cap_tren": "Đảng bộ Thành phố Hà Nội",
        "dia_danh": "Hà Nội",
        "ngay_lap": "2025-12-20",
        "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": "Nguyễn Văn Hùng"},
        "noi_nhan": ["Ban Tổ chức Thành ủy (để báo cáo)", "Lưu Văn phòng Đảng ủy"],
        "to_chuc": organisations,
    }
    path = folder / "dang-bo.yaml"
    path.write_text(yaml.safe_dump(header, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def edit(path: Path, change) -> None:
    """Load a JSON file, let ``change`` modify it, write it back."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
