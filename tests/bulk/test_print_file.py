"""Each chi bộ's print file (issue 15 §3): every member's PDF in the danh sách's order, one bookmark
and one page-label range per member, in the manifest and the ZIP, the same bytes on a re-run, a member
that failed left out and reported."""

from __future__ import annotations

import hashlib
import json
import shutil
import tracemalloc
import zipfile
from concurrent.futures import Executor, Future
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from generator.bulk.pdf_merge import merge
from generator.bulk.results import BatchResult
from generator.bulk.runner import run_bulk
from generator.bulk.worker import render_batch
from generator.filenames import slug
from tests.bulk.sample_dang_bo import build, edit

ROOT_DIR = "dang-bo-phuong-ba-dinh"
KP5 = f"{ROOT_DIR}/chi-bo-khu-pho-5"
PRINT = f"{KP5}/in-ca-chi-bo.pdf"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """One chi bộ of 12 members printed to PDF, with a ZIP."""
    base = tmp_path_factory.mktemp("print")
    source = build(base / "dang-bo", chi_bo=("kp5",), scored=())
    outcome = run_bulk(source, base / "out", ("pdf",), archive=True)
    return source, base / "out", outcome


def entries(out: Path) -> dict[str, dict]:
    return {e["path"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]}


def list_order(out: Path, chi_bo: str) -> list[str]:
    """The members of ``chi_bo`` as the danh sách lists them (its spreadsheet: Chi bộ, Họ và tên)."""
    book = load_workbook(out / ROOT_DIR / "danh-sach-xep-loai-dang-vien.xlsx", read_only=True)
    try:  # a read-only workbook keeps its file open until closed
        return [row[2] for row in book.active.iter_rows(min_row=2, values_only=True) if row[1] == chi_bo]
    finally:
        book.close()


def outline(path: Path) -> list[tuple[str, int]]:
    reader = PdfReader(path)
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def test_one_file_holds_every_member_in_the_lists_order(printed):
    _, out, outcome = printed
    listed = entries(out)
    members = {e["path"]: e for e in listed.values() if e["form"] == "ban-tu-kiem-diem"}
    reader = PdfReader(out / PRINT)
    assert len(members) == 12 and len(reader.pages) == sum(e["pages"] for e in members.values())
    marks = outline(out / PRINT)
    assert [title for title, _ in marks] == list_order(out, "Chi bộ Khu phố 5")
    # each member starts where the one before ended, as long as its own PDF, labelled from 1 again
    starts = [first for _, first in marks]
    lengths = [b - a for a, b in zip(starts, starts[1:] + [len(reader.pages)])]
    assert lengths == [members[f"{KP5}/ban-tu-kiem-diem-{slug(name)}.pdf"]["pages"] for name, _ in marks]
    assert [reader.page_labels[i] for i in starts] == ["1"] * 12
    assert reader.page_labels[starts[1] - 1] == str(lengths[0])
    second = PdfReader(out / f"{KP5}/ban-tu-kiem-diem-{slug(marks[1][0])}.pdf")  # the second member's own PDF
    assert [page.extract_text() for page in second.pages] == [
        page.extract_text() for page in reader.pages[starts[1] : starts[1] + lengths[1]]
    ]


def test_the_print_file_is_in_the_manifest_and_the_zip(printed):
    _, out, outcome = printed
    entry = entries(out)[PRINT]
    data = (out / PRINT).read_bytes()
    assert entry["form"] == "in-ca-chi-bo" and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry["bytes"] == len(data) and entry["pages"] == len(PdfReader(out / PRINT).pages) and entry["record"]
    with zipfile.ZipFile(outcome.archive) as archive:
        assert archive.read(PRINT) == data
    assert outcome.print_files == [
        {"chi_bo": "Chi bộ Khu phố 5", "chi_bo_ma": "kp5", "path": PRINT, "pages": entry["pages"], "members": 12}
    ]
    assert outcome.errors == [] and outcome.status == 0


def test_the_same_inputs_give_the_same_bytes_and_a_rerun_keeps_it(printed, tmp_path):
    source, out, _ = printed
    again = tmp_path / "again"
    run_bulk(source, again, ("pdf",), jobs=2, batch_size=3)
    assert (again / PRINT).read_bytes() == (out / PRINT).read_bytes()
    stamp = (again / PRINT).stat().st_mtime_ns
    rerun = run_bulk(source, again, ("pdf",))
    assert rerun.written == 0 and (again / PRINT).stat().st_mtime_ns == stamp  # nothing changed: not merged again
    assert entries(again)[PRINT] == entries(out)[PRINT]
    edit(source / "kp5" / "dv-05.json", lambda d: d["kiem_diem"].update(phuong_huong="Tiếp tục học tập, rèn luyện."))
    try:
        run_bulk(source, again, ("pdf",))
        assert entries(again)[PRINT]["sha256"] != entries(out)[PRINT]["sha256"]
    finally:
        shutil.copy(
            Path(__file__).resolve().parents[2] / "examples" / "chi-bo-khu-pho-5" / "dv-05.json",
            source / "kp5" / "dv-05.json",
        )


def test_no_print_file_without_pdf(tmp_path):
    source = build(tmp_path / "dang-bo", chi_bo=("kp5",), scored=())
    outcome = run_bulk(source, tmp_path / "out", ("docx",))
    assert outcome.print_files == [] and not list((tmp_path / "out").rglob("in-ca-chi-bo*"))


class FailOne(Executor):
    """Runs here; the document at ``path`` comes back failed, as a worker reports one it could not print."""

    def __init__(self, path: str):
        self.path = path

    def submit(self, fn, /, *args, **kwargs):
        result = fn(*args, **kwargs)
        if fn is render_batch:
            result = [
                BatchResult(r.path, problems=["lỗi không lường trước khi in: thử"]) if r.path == self.path else r
                for r in result
            ]
        future = Future()
        future.set_result(result)
        return future


def test_members_that_failed_are_left_out_and_reported(tmp_path):
    source = build(tmp_path / "dang-bo", chi_bo=("kp5",), scored=())
    edit(source / "kp5" / "dv-03.json", lambda d: d["diem"]["tieu_chi_chung"].update(diem=31))  # invalid: not printed
    bad = json.loads((source / "kp5" / "dv-03.json").read_text(encoding="utf-8"))["dang_vien"]["ho_ten"]
    out = tmp_path / "out"
    outcome = run_bulk(source, out, ("pdf",), executor=FailOne(f"{KP5}/ban-tu-kiem-diem-nguyen-van-an"))
    titles = [title for title, _ in outline(out / PRINT)]
    assert len(titles) == 10 and bad not in titles and "Nguyễn Văn An" not in titles
    assert titles == [name for name in list_order(out, "Chi bộ Khu phố 5") if name in titles]
    [partial] = [e for e in outcome.errors if e["where"] == PRINT]
    assert partial["reason"].startswith("Tệp in cả chi bộ “Chi bộ Khu phố 5”: thiếu 2 trong 12 bản tự kiểm điểm (")
    assert bad in partial["reason"] and "Nguyễn Văn An" in partial["reason"]
    assert outcome.status == 3 and outcome.print_files[0]["members"] == 10
    assert "thiếu 2 trong 12" in (out / ROOT_DIR / "danh-sach-loi.txt").read_text(encoding="utf-8")
    assert entries(out)[PRINT]["pages"] == len(PdfReader(out / PRINT).pages)


def test_merging_holds_one_member_at_a_time_and_names_a_damaged_one(printed, tmp_path):
    _, out, _ = printed
    pdfs = sorted((out / KP5).glob("ban-tu-kiem-diem-*.pdf"))

    def peak(count: int) -> int:
        tracemalloc.start()
        merge(tmp_path / f"{count}.pdf", "thử", [(f"Người {i}", pdfs[i % len(pdfs)]) for i in range(count)])
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size

    assert peak(96) < 1.3 * peak(24)  # four times the members, not four times the memory
    assert len(PdfReader(tmp_path / "96.pdf").pages) == 4 * len(PdfReader(tmp_path / "24.pdf").pages)
    damaged = tmp_path / "hong.pdf"
    damaged.write_bytes(b"%PDF-1.7\nkhong phai pdf")
    made = merge(tmp_path / "x.pdf", "thử", [("Một", pdfs[0]), ("Hỏng", damaged), ("Hai", pdfs[1])])
    assert made["unreadable"] == ["Hỏng"] and [t for t, _ in outline(tmp_path / "x.pdf")] == ["Một", "Hai"]
    assert (
        made["pages"]
        == len(PdfReader(pdfs[0]).pages) + len(PdfReader(pdfs[1]).pages)
        == len(PdfReader(tmp_path / "x.pdf").pages)
    )
