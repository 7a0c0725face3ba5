"""The bulk run's progress: documents, not organisations, and the time left in Vietnamese words once
enough documents are done to tell (a clock injected, so the figures are exact)."""

from __future__ import annotations

import io

import pytest

from generator.bulk.progress import Progress, time_left_words
from generator.bulk.runner import run_bulk
from tests.bulk.sample_dang_bo import build


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    "seconds, words",
    [
        (0, "còn vài giây"),
        (9.4, "còn vài giây"),
        (42, "còn khoảng 40 giây"),
        (54, "còn khoảng 50 giây"),
        (58, "còn khoảng 1 phút"),
        (118, "còn khoảng 2 phút"),
        (59 * 60, "còn khoảng 59 phút"),
        (75 * 60 + 40, "còn khoảng 1 giờ 15 phút"),
        (2 * 3600 + 60, "còn khoảng 2 giờ"),
    ],
)
def test_time_left_in_words(seconds, words):
    assert time_left_words(seconds) == words


def test_the_time_left_is_the_pace_so_far_and_nothing_before_it_can_be_told():
    clock = Clock()
    progress = Progress(stream=io.StringIO(), enabled=True, clock=clock)
    progress.begin(100)
    clock.now += 2
    assert progress.time_left(20) is None  # two seconds: too soon
    clock.now += 58
    assert progress.time_left(5) is None  # five documents: too few
    assert progress.time_left(30) == "còn khoảng 2 phút"  # 30 in 60 s: 70 more take 140 s
    assert progress.time_left(95) == "còn vài giây"
    assert progress.time_left(100) is None  # all done


def test_the_line_counts_documents_and_says_the_time_left():
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream=stream, enabled=True, clock=clock)
    progress.begin(400)
    clock.now += 1
    progress.update(12, 24, 0, 0, force=True)
    first = stream.getvalue()
    assert "văn bản 12/400" in first and "còn" not in first  # one second in: no guess yet
    clock.now += 59
    progress.update(100, 200, 0, 1, force=True)
    line = stream.getvalue()[len(first) :]
    assert line.startswith("\r[######..................] văn bản 100/400 · 200 tệp đã in")
    assert line.rstrip().endswith("1 lỗi · còn khoảng 3 phút")


def test_a_run_counts_every_document_it_planned(tmp_path):
    seen = []

    class Recorded(Progress):
        def update(self, documents, written, skipped, failed, force=False, organisations=0):
            seen.append((documents, written))

    progress = Recorded(enabled=False)
    source = build(tmp_path / "dang-bo", chi_bo=("kp5",), scored=("kp5",))
    outcome = run_bulk(source, tmp_path / "out", ("docx",), progress=progress, batch_size=4)
    planned = progress.total
    assert planned == 12 + 1 + 1 + 2  # members, biểu điểm, the list, the đảng bộ's two reports
    documents = [d for d, _ in seen]
    assert documents == sorted(documents) and documents[-1] == planned and seen[-1][1] == outcome.written
    assert len(set(documents)) > 3  # the bar moves batch by batch, not organisation by organisation
