"""A bulk run end to end: files, manifest, re-runs, resuming, parallel and cluster executors."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from concurrent.futures import Executor, Future
from pathlib import Path

import pytest

from generator.bulk.manifest import JOURNAL
from generator.bulk.progress import Progress
from generator.bulk.runner import run_bulk
from generator.cli import main
from tests.bulk.sample_dang_bo import build, edit

ROOT_DIR = "dang-bo-phuong-ba-dinh"
# The spreadsheets beside the documents: the đảng bộ cơ sở's danh sách and the whole đảng bộ's, the two
# reports' tables, the error list.
XLSX = 5
SUMMARIES = ("danh-sach-xep-loai-dang-vien", "bao-cao-tong-hop-xep-loai", "bao-cao-ty-le-xep-loai")


@pytest.fixture
def dang_bo(tmp_path) -> Path:
    return build(tmp_path / "dang-bo")


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_every_document_is_written_and_listed_in_the_manifest(dang_bo, tmp_path):
    out = tmp_path / "out"
    outcome = run_bulk(dang_bo, out, ("docx",))
    assert outcome.status == 0 and outcome.errors == [] and outcome.written == 26  # 24 members, 1 biểu điểm, the list
    written = files(out)
    members = [p for p in written if "/ban-tu-kiem-diem-" in p]
    assert len(members) == 24 and len([p for p in members if "/chi-bo-khu-pho-6/" in p]) == 12
    assert f"{ROOT_DIR}/chi-bo-khu-pho-5/bieu-diem-tccsd.docx" in written
    for name in SUMMARIES:
        assert f"{ROOT_DIR}/{name}.docx" in written
    listed = manifest(out)
    assert {e["path"] for e in listed["outputs"]} == set(written) - {"manifest.json"}
    for entry in listed["outputs"]:
        assert hashlib.sha256(written[entry["path"]]).hexdigest() == entry["sha256"]
        assert entry["record"]
    assert listed["counts"] == {"written": 26, "skipped": 0, "failed": 0}
    assert not (out / JOURNAL).exists()


def test_pdf_pages_are_counted(dang_bo, tmp_path):
    out = tmp_path / "out"
    run_bulk(dang_bo, out, ("docx", "pdf"), jobs=2)
    entries = {e["path"]: e for e in manifest(out)["outputs"]}
    member = entries[f"{ROOT_DIR}/chi-bo-khu-pho-5/ban-tu-kiem-diem-nguyen-van-an.pdf"]
    assert member["pages"] >= 2
    assert entries[f"{ROOT_DIR}/chi-bo-khu-pho-5/ban-tu-kiem-diem-nguyen-van-an.docx"]["pages"] == member["pages"]


def test_one_process_and_two_give_the_same_files(dang_bo, tmp_path):
    run_bulk(dang_bo, tmp_path / "one", ("docx", "pdf"), jobs=1)
    run_bulk(dang_bo, tmp_path / "two", ("docx", "pdf"), jobs=2, batch_size=3)
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [p for p in one if one[p] != two[p]] == ["manifest.json"] or one == two
    assert manifest(tmp_path / "one")["outputs"] == manifest(tmp_path / "two")["outputs"]


def test_a_rerun_prints_only_what_changed(dang_bo, tmp_path):
    out = tmp_path / "out"
    run_bulk(dang_bo, out, ("docx",))
    edit(dang_bo / "kp6" / "dv-05.json", lambda d: d["kiem_diem"].update(phuong_huong="Tiếp tục học tập, rèn luyện."))
    (out / ROOT_DIR / "chi-bo-khu-pho-5" / "ban-tu-kiem-diem-tran-thi-binh.docx").write_bytes(b"sua tay")
    outcome = run_bulk(dang_bo, out, ("docx",))
    assert (outcome.written, outcome.skipped) == (2, 24)  # the edited member, the tampered file
    assert manifest(out)["counts"] == {"written": 2, "skipped": 24, "failed": 0}
    assert len(manifest(out)["outputs"]) == 26 + 2 + 2 + XLSX


class StopAfter(Executor):
    """Runs batches here and simulates Ctrl-C on the n-th one."""

    def __init__(self, n: int):
        self.left = n

    def submit(self, fn, /, *args, **kwargs):
        self.left -= 1
        if self.left == 0:
            raise KeyboardInterrupt
        future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_an_interrupted_run_resumes_where_it_stopped(dang_bo, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_bulk(dang_bo, out, ("docx",), executor=StopAfter(3), batch_size=4)
    assert (out / JOURNAL).exists() and not (out / "manifest.json").exists()
    assert len(list(out.rglob("*.docx"))) == 8  # two batches of four were written before the stop
    outcome = run_bulk(dang_bo, out, ("docx",))
    assert (outcome.written, outcome.skipped) == (18, 8)
    assert not (out / JOURNAL).exists() and len(manifest(out)["outputs"]) == 26 + 2 + 2 + XLSX


def test_the_archive_holds_the_tree_and_the_manifest(dang_bo, tmp_path):
    out = tmp_path / "out"
    outcome = run_bulk(dang_bo, out, ("docx",), archive=True)
    with zipfile.ZipFile(outcome.archive) as archive:
        names = archive.namelist()
        assert "manifest.json" in names
        assert (
            archive.read(f"{ROOT_DIR}/chi-bo-khu-pho-5/bieu-diem-tccsd.docx")
            == (out / ROOT_DIR / "chi-bo-khu-pho-5" / "bieu-diem-tccsd.docx").read_bytes()
        )
    assert outcome.archive == out / f"{ROOT_DIR}.zip" and len(names) == 26 + 2 + 2 + XLSX + 1


def test_cli_exit_status_3_lists_the_bad_record_and_prints_the_rest(dang_bo, tmp_path, capsys):
    edit(dang_bo / "kp6" / "dv-03.json", lambda d: d["diem"]["tieu_chi_chung"].update(diem=31))
    out = tmp_path / "out"
    assert main(["bulk", str(dang_bo), "-o", str(out), "--format", "docx"]) == 3
    captured = capsys.readouterr()
    assert "kp6/dv-03.json: $.diem" in captured.err and "\r[" not in captured.err  # no progress bar off a terminal
    assert len(list(out.rglob("ban-tu-kiem-diem-*.docx"))) == 23
    errors = (out / ROOT_DIR / "danh-sach-loi.txt").read_text(encoding="utf-8")
    assert "kp6/dv-03.json" in errors
    assert manifest(out)["errors"][0]["where"].startswith("kp6/dv-03.json")


def test_cli_exit_status_2_when_the_dang_bo_itself_is_unusable(dang_bo, tmp_path, capsys):
    text = (dang_bo / "dang-bo.yaml").read_text(encoding="utf-8").replace("truc_thuoc: db", "truc_thuoc: khong-co", 1)
    (dang_bo / "dang-bo.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["bulk", str(dang_bo), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "$.to_chuc[1].truc_thuoc" in err and "khong-co" in err and "Traceback" not in err
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]


def test_cli_exit_status_0_and_a_summary_line(dang_bo, tmp_path, capsys):
    assert main(["bulk", str(dang_bo / "dang-bo.yaml"), "-o", str(tmp_path / "out"), "--format", "docx", "--zip"]) == 0
    out = capsys.readouterr().out
    assert "Đã in 26 tệp" in out and "manifest.json" in out and ".zip" in out


def test_progress_line_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, enabled=True)
    progress.update(2, 30, 5, 1, force=True)
    assert "văn bản 2/4" in stream.getvalue() and "30 tệp" in stream.getvalue() and stream.getvalue().startswith("\r[")


def test_a_dask_cluster_gives_the_same_files(dang_bo, tmp_path):
    distributed = pytest.importorskip("distributed")
    run_bulk(dang_bo, tmp_path / "local", ("docx",))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        outcome = run_bulk(dang_bo, tmp_path / "dask", ("docx",), executor=client.get_executor(), batch_size=5)
    assert outcome.status == 0 and outcome.written == 26
    local, remote = files(tmp_path / "local"), files(tmp_path / "dask")
    assert {k: v for k, v in local.items() if k != "manifest.json"} == {
        k: v for k, v in remote.items() if k != "manifest.json"
    }


def test_cli_sends_the_batches_to_a_dask_scheduler(dang_bo, tmp_path, capsys):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        assert main(["bulk", str(dang_bo), "-o", str(tmp_path / "out"), "--format", "docx", "--executor", address]) == 0
    assert "Đã in 26 tệp" in capsys.readouterr().out


def test_cli_refuses_an_executor_it_does_not_know(dang_bo, tmp_path, capsys):
    assert main(["bulk", str(dang_bo), "-o", str(tmp_path / "out"), "--executor", "spark://x:1"]) == 2
    assert "dask://" in capsys.readouterr().err


def test_a_template_that_cannot_be_compiled_does_not_break_the_pool(monkeypatch):
    """The pool's initializer compiles every template; one missing must not kill the workers."""
    from generator import pipeline
    from generator.bulk.worker import warm_up

    monkeypatch.setattr(pipeline, "renderable_forms", lambda: ["ban-tu-kiem-diem", "khong-co-mau-nay"])
    warm_up()


def test_a_committees_own_template_prints_every_member_and_editing_it_reprints(dang_bo, tmp_path):
    """The profile's mau_in: checked once before anything prints, part of each output's input hash."""
    from docx import Document

    from generator.errors import InputError
    from generator.usertemplate.export import export_template

    template = export_template("ban-tu-kiem-diem", tmp_path / "mau" / "ban-tu-kiem-diem.docx")

    def mark(text: str) -> None:
        document = Document(template)
        document.paragraphs[0].insert_paragraph_before(text)
        document.save(template)

    mark("MẪU CỦA TỈNH X")
    profile = tmp_path / "tinh-x.yaml"
    profile.write_text(
        "id: tinh-x\nname: Tỉnh X\nregime: qd366-2025\n"
        "mau_in:\n  ban-tu-kiem-diem: {docx: mau/ban-tu-kiem-diem.docx}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = run_bulk(dang_bo, out, ["docx"], profile=str(profile))
    member = next(out.rglob("ban-tu-kiem-diem-*.docx"))
    assert Document(member).paragraphs[0].text == "MẪU CỦA TỈNH X"
    again = run_bulk(dang_bo, out, ["docx"], profile=str(profile))
    assert again.written == 0 and again.skipped == first.written
    mark("SỬA LẦN HAI")
    members = sum(1 for _ in out.rglob("ban-tu-kiem-diem-*.docx"))
    edited = run_bulk(dang_bo, out, ["docx"], profile=str(profile))
    assert edited.written == members  # every member reprinted, nothing else
    mark("{{ khong_co_truong_nay }}")
    with pytest.raises(InputError, match="khong_co_truong_nay"):
        run_bulk(dang_bo, tmp_path / "out-2", ["docx"], profile=str(profile))
    assert not (tmp_path / "out-2").exists()


@pytest.mark.parametrize("ngay_lap, warned", [("2026-11-22", False), ("2026-11-23", True)])
def test_bulk_warns_once_when_the_run_is_dated_after_its_regime_table(dang_bo, tmp_path, capsys, ngay_lap, warned):
    """qd366-2025 is known through 22/11/2026 (generator/regimes/qd366-2025.yaml, known_through)."""
    import yaml

    source = dang_bo / "dang-bo.yaml"
    header = yaml.safe_load(source.read_text(encoding="utf-8"))
    header.update(nam=2026, ngay_lap=ngay_lap)
    source.write_text(yaml.safe_dump(header, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["bulk", str(source), "-o", str(tmp_path / "out"), "--format", "docx"]) == 0
    out, err = capsys.readouterr()
    notices = [line for line in err.splitlines() if line.startswith("Cảnh báo")]
    assert len(notices) == int(warned) and "Cảnh báo" not in out
    if warned:
        assert "qd366-2025 (generator/regimes/qd366-2025.yaml)" in notices[0] and "22/11/2026" in notices[0]
