"""What the bulk run's member spreadsheets cost in the parent process, against writing the same rows as CSV
in the same run (the cheapest table a clerk could open).

    .venv/bin/python bench/spreadsheets.py [MEMBERS]   (default 10000, in scopes of 100 members)

Prints seconds and peak traced memory for both, and the ratio. The XLSX is written row by row (openpyxl's
write-only mode), so its memory should not grow with the members.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from generator.bulk.spreadsheets import MemberLists, member_row

ROW = {
    "ho_ten": "Nguyễn Văn An",
    "chi_bo": "Chi bộ Khu phố 5",
    "nhom": "Cá nhân không giữ chức vụ lãnh đạo, quản lý",
    "score": 92,
    "level_label": "Hoàn thành tốt nhiệm vụ",
    "quota": None,
    "note": "",
    "phieu": 7,
}


def xlsx(out: Path, members: int) -> None:
    def keep(relative: str, data: bytes) -> None:
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(data)

    lists = MemberLists("ca-dang-bo.xlsx", dt.datetime(2025, 12, 20), keep)
    for scope in range(members // 100):
        lists.add("Đảng bộ phường Ba Đình", f"to-chuc-{scope}/danh-sach", [ROW] * 100)
    lists.finish()


def baseline(out: Path, members: int) -> None:
    with (out / "ca-dang-bo.csv").open("w", encoding="utf-8-sig", newline="") as whole:
        everything = csv.writer(whole)
        for scope in range(members // 100):
            with (out / f"to-chuc-{scope}.csv").open("w", encoding="utf-8-sig", newline="") as one:
                part = csv.writer(one)
                for _ in range(100):
                    values = member_row("Đảng bộ phường Ba Đình", ROW)
                    part.writerow(values)
                    everything.writerow(values)


def seconds(step, members: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        step(Path(folder), members)
        return time.perf_counter() - started


def peak_mb(step, members: int) -> float:
    """Peak traced memory (tracemalloc slows the run, so time is measured apart)."""
    with tempfile.TemporaryDirectory() as folder:
        tracemalloc.start()
        step(Path(folder), members)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return peak


def main() -> None:
    members = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    figures = {
        name: (seconds(step, members), peak_mb(step, members))
        for name, step in (("CSV (baseline)", baseline), ("XLSX", xlsx))
    }
    for name, (took, peak) in figures.items():
        print(
            f"{name:15} {members:>7} members: {took:6.2f} s ({took / members * 1000:.2f} ms a member), "
            f"peak {peak:5.1f} MB"
        )
    print(f"XLSX / CSV: {figures['XLSX'][0] / figures['CSV (baseline)'][0]:.1f}× the time")


if __name__ == "__main__":
    main()
