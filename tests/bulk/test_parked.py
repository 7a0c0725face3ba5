"""Rows parked on disk come back as they went in, in order, and leave memory as they are parked."""

import gc
import tracemalloc

from generator.bulk.parked import Parked
from generator.bulk.plan import RunResult


def test_rows_come_back_in_order_and_appending_goes_on_after_reading():
    parked = Parked([{"ho_ten": "Nguyễn Văn An", "level": "HTXSNV"}])
    parked.append({"ho_ten": "Trần Thị Bình", "level": None})
    assert list(parked) == [{"ho_ten": "Nguyễn Văn An", "level": "HTXSNV"}, {"ho_ten": "Trần Thị Bình", "level": None}]
    parked.append({"ho_ten": "Lê Văn Cường"})
    assert len(parked) == 3 and parked[-1] == {"ho_ten": "Lê Văn Cường"} and parked
    assert [row["ho_ten"] for row in parked] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert not Parked() and Parked() == []


def test_a_run_result_keeps_its_rows_on_disk_not_in_memory():
    result = RunResult({})
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(20_000):
        result.error(f"kp{i}/xep-loai-chi-bo.json: $.dang_vien[0]", "Họ và tên: thiếu " + "x" * 200, f"Đảng viên {i}")
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(result.errors) == 20_000
    assert kept < 1_000_000, kept  # in a list, 20,000 such rows hold about 10 MB
    assert result.errors[19_999]["who"] == "Đảng viên 19999"
