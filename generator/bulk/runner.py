"""``kiemdiem bulk``: a whole đảng bộ, from one workbook or folder to a tree of documents.

The parent process reads and classifies (one tổ chức cơ sở at a time), sends the
documents to print in batches to an executor — a pool of processes recycled
every few hundred batches to keep memory flat, or any ``concurrent.futures``
executor such as a Dask cluster's — and writes what comes back atomically,
journaling each file so an interrupted run resumes where it stopped. Finally it
prints the đảng bộ's lists and reports and writes the manifest (and a ZIP).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import multiprocessing
import shutil
import zipfile
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from ..evaluate.known_through import document_notice
from ..history.location import Target
from ..history.records import HistoryError, Recorded
from ..pipeline import FORMATS
from ..write import open_atomic, write_atomic
from .manifest import InputHasher, Ledger, file_sha256, sha256
from .plan import LIST, Job, Planner
from .print_file import FORM as PRINT_FORM
from .print_file import Planned, input_digest, merge_into, partial_reason
from .progress import Progress
from .record import Recorder, source_hash
from .results import BatchResult
from .source import open_source
from .spreadsheets import ERROR_COLUMNS, MemberLists, error_book, error_row, report_books
from .spreadsheets import to_bytes as book_bytes
from .worker import render_batch, warm_up

LOGGER = logging.getLogger("kiemdiem.bulk")
OK, SOME_FAILED = 0, 3
BATCH_SIZE = 16
TASKS_PER_WORKER = 100  # batches before a worker process is replaced


@dataclass
class BulkOutcome:
    written: int
    skipped: int
    failed: int
    errors: list[dict]
    manifest: Path
    archive: Path | None
    notice: str | None = None  # the regime's table older than the run's date (evaluate/known_through), and the
    # source's warnings (a date cell shown month first), one per line
    print_files: list[dict] = field(default_factory=list)  # each chi bộ's in-ca-chi-bo.pdf (bulk/print_file)
    history: Recorded | None = None  # what the record across years took (generator/history), None without one
    history_error: str | None = None  # why it took nothing: it could not be written (it is as it was)
    dang_bo: str | None = None  # the đảng bộ and year of the run (the web page reads the record's years before)
    nam: int | None = None

    @property
    def status(self) -> int:
        left = self.history_error or (self.history is not None and self.history.conflicts)
        return SOME_FAILED if self.errors or left else OK


class RecyclingPool(Executor):
    """Worker processes replaced by a fresh pool every ``batches`` batches, so memory stays flat.

    Not ``ProcessPoolExecutor(max_tasks_per_child=…)``: on Python 3.11 it can hang when
    a worker retires (CPython gh-115634). Here the old pool finishes its batches and is
    shut down before the next one starts; the workers come from a fork server that has
    already imported the renderers, and compile each template once."""

    def __init__(self, jobs: int, batches: int = TASKS_PER_WORKER):
        self.jobs, self.batches = jobs, batches
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["generator.bulk.worker"])
        self._pool: ProcessPoolExecutor | None = None
        self._submitted = 0

    def submit(self, fn, /, *args, **kwargs):
        if self._pool is not None and self._submitted >= self.batches:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=self._context, initializer=warm_up)
            self._submitted = 0
        self._submitted += 1
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
            self._pool = None


class _InProcess(Executor):
    """``--jobs 1``: the same batches, run here, one after the other."""

    def submit(self, fn, /, *args, **kwargs):
        from concurrent.futures import Future

        future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 — handed to the caller like a pool would
            future.set_exception(error)
        return future


WHOLE_LIST = "danh-sach-xep-loai-dang-vien-ca-dang-bo.xlsx"  # every member of the đảng bộ, one sheet


def _day(header: dict) -> dt.datetime:
    """The đảng bộ's report date: the creation date its spreadsheets carry (the same every run)."""
    return dt.datetime.fromisoformat(str(header["ngay_lap"])[:10])


def run_bulk(
    source_path,
    out_dir,
    formats=FORMATS,
    jobs: int = 1,
    executor: Executor | None = None,
    archive: bool = False,
    profile: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    history: Target | None = None,
) -> BulkOutcome:
    """Render a whole đảng bộ into ``out_dir``; raises ``InputError`` when the input is unusable.
    ``history``: the record across years to add each final outcome to (``HistoryError`` when it cannot
    be opened, before anything is printed)."""
    out_dir = Path(out_dir)
    formats = tuple(formats)
    with open_source(source_path) as source:
        planner = Planner(source, profile)
        own_templates = _own_templates(planner, formats)
        recorder = Recorder(history, planner) if history is not None else None
        planner.past = _past_levels(recorder.store, planner) if recorder is not None else None
        progress = progress or Progress()
        progress.begin(planner.expected_documents(), len(source.organisations))
        own = executor is None
        executor = executor or (_InProcess() if jobs <= 1 else RecyclingPool(jobs))
        ledger = Ledger(out_dir)
        run = _Run(
            planner,
            ledger,
            executor,
            formats,
            profile,
            progress,
            max(1, jobs) * 2 + 2,
            str(out_dir.resolve()) if own else None,
            own_templates,
        )
        lists = MemberLists(
            f"{planner.root}/{WHOLE_LIST}",
            _day(planner.header),
            lambda relative, data: run.keep_file(relative, data, LIST),
        )
        planner.on_list = lists.add
        if "pdf" in formats:
            planner.on_members = lambda *plan: run.planned.append(Planned(*plan))
        try:
            run.all(batch_size)
            run.print_files()
            summary = build_summary(planner)
            run.summary_documents(summary)
            lists.finish()
            run.report_spreadsheets(summary)
        except BaseException:
            run.harvest()  # keep every finished batch: the next run resumes after them
            ledger.abandon()
            lists.abandon()
            if recorder is not None:
                recorder.close()
            raise
        finally:
            if own:
                executor.shutdown(wait=True, cancel_futures=True)
            if planner.past is not None:  # read before the recording writes
                planner.past.close()
        run.error_list()
        progress.done(run.documents)
        paths = ledger.paths()
        digest = file_sha256(Path(source_path)) if Path(source_path).is_file() else None
        manifest = ledger.finish(
            {
                "source": {"path": str(source_path), "sha256": digest},
                "counts": {"written": run.written, "skipped": run.skipped, "failed": run.failed},
                "errors": list(planner.result.errors),
            }
        )
        zipped = write_archive(out_dir, planner.root, paths) if archive else None
        recorded, unrecorded = None, None
        if recorder is not None:  # the final outcomes, once everything is printed
            try:
                recorded = recorder.finish(source_path, source_hash(source_path))
            except HistoryError as error:
                unrecorded = str(error)
    notice = "\n".join(filter(None, [document_notice(planner.header), *source.notices])) or None
    return BulkOutcome(
        run.written,
        run.skipped,
        run.failed,
        list(planner.result.errors),
        manifest,
        zipped,
        notice,
        run.printed,
        recorded,
        unrecorded,
        planner.header.get("dang_bo"),
        planner.header.get("nam"),
    )


def _own_templates(planner: Planner, formats) -> dict[str, dict]:
    """A committee's own templates (the profile's ``mau_in``) by form, read and checked once, before
    anything is printed: a template that fails makes the run unusable (exit 2), not every document
    fail alike; the workers get them ready with each batch, never reading the profile again."""
    profile = planner.profile or planner.header.get("profile")
    if not profile:
        return {}
    from ..pipeline import renderable_forms
    from ..usertemplate.template import chosen_templates

    chosen = {
        form: chosen_templates(form, planner.header["regime"], profile, formats=formats) for form in renderable_forms()
    }
    return {form: templates for form, templates in chosen.items() if templates}


class _Run:
    def __init__(
        self,
        planner: Planner,
        ledger: Ledger,
        executor: Executor,
        formats,
        profile,
        progress,
        in_flight: int,
        local_dir: str | None,
        own_templates: dict[str, dict],
    ):
        self.planner, self.ledger, self.executor = planner, ledger, executor
        self.local_dir = local_dir  # our own workers share the disk and write the files themselves
        self.formats, self.profile, self.progress = formats, profile, progress
        self.in_flight = in_flight
        self.own_templates = own_templates
        self.input_hash = InputHasher(profile or planner.header.get("profile"), own_templates)
        self.pending: dict = {}
        self.written = self.skipped = self.failed = 0
        self.documents = 0  # done: printed, failed or kept unchanged, whatever the formats (the progress bar)
        self.planned: list[Planned] = []  # each chi bộ's print file, made once its members are printed
        self.failed_members: set[str] = set()
        self.printed: list[dict] = []

    def all(self, batch_size: int) -> None:
        batch: list = []
        for job in self.planner.jobs():
            hashes = {fmt: self.input_hash(job.form, job.document, fmt) for fmt in self.formats}
            kept = [self.ledger.unchanged(f"{job.path}.{fmt}", h) for fmt, h in hashes.items()]
            if all(kept):
                for entry in kept:
                    self.ledger.keep(entry)
                self.skipped += len(kept)
                self.documents += 1
                continue
            batch.append((job, hashes))
            if len(batch) >= batch_size:
                self._submit(batch)
                batch = []
            self._tick()
        if batch:
            self._submit(batch)
        while self.pending:
            self._collect(wait(self.pending, return_when=FIRST_COMPLETED).done)
        self._tick(force=True)

    def _tick(self, force: bool = False) -> None:
        self.progress.update(
            self.documents, self.written, self.skipped, self.failed, force, self.planner.organisations_done
        )

    def _submit(self, batch: list) -> None:
        while len(self.pending) >= self.in_flight:
            self._collect(wait(self.pending, return_when=FIRST_COMPLETED).done)
        jobs = [job for job, _ in batch]
        templates = {job.form: self.own_templates[job.form] for job in jobs if job.form in self.own_templates}
        self.pending[self.executor.submit(render_batch, jobs, self.formats, templates, self.local_dir)] = batch
        self.harvest()

    def harvest(self) -> None:
        """Write what has already come back, without waiting for the rest."""
        done = [future for future in self.pending if future.done() and not future.exception()]
        if done:
            self._collect(done)

    def _collect(self, done) -> None:
        for future in done:
            batch = self.pending.pop(future)
            for (job, hashes), result in zip(batch, future.result()):
                self._write(job, hashes, result)
        self.ledger.flush()
        self._tick()

    def _write(self, job: Job, hashes: dict, result: BatchResult) -> None:
        self.documents += 1
        written = self._settle(result, job.form, job.record, hashes, journal=True)
        if written is None:
            self.failed += 1
            self.failed_members.add(job.path)
        else:
            self.written += written

    def _settle(self, result: BatchResult, form: str, record: str, hashes: dict, journal: bool) -> int | None:
        """Every result in one place: its problems into the error list (None), else its files — a
        remote worker's bytes written here first — listed in the manifest with the input hash of each
        format; ``journal``: at once in the journal, so that an interrupted run resumes after them."""
        if result.problems:
            for problem in result.problems:
                self.planner.result.error(record, problem)
            return None
        written = dict(result.written)
        for fmt, data in result.files.items():
            write_atomic(self.ledger.out_dir / f"{result.path}.{fmt}", data, durable=not journal)
            written[fmt] = (sha256(data), len(data))
        for fmt, (digest, size) in written.items():
            entry = {
                "path": f"{result.path}.{fmt}",
                "form": form,
                "record": record,
                "input_sha256": hashes[fmt],
                "sha256": digest,
                "bytes": size,
                "pages": result.pages,
            }
            (self.ledger.record if journal else self.ledger.keep)(entry)
        return len(written)

    def print_files(self) -> None:
        """Each chi bộ's members in one PDF to print in one go, from the PDFs now on disk (merged by the
        workers when they share the disk, side by side); a member left out is reported with the chi bộ."""
        for planned, digest, merging, left_out in [self._print_file(planned) for planned in self.planned]:
            if merging is not None:
                made = merging.result()
                self._settle(made, PRINT_FORM, planned.record, {"pdf": digest}, journal=False)
                pages, left_out = made.pages, left_out + made.left_out
            elif digest is not None:  # unchanged: its earlier entry stays
                pages = self.ledger.current(planned.path)["pages"]
            if digest is not None:
                self.printed.append(
                    {
                        "chi_bo": planned.chi_bo,
                        "chi_bo_ma": planned.ma,
                        "path": planned.path,
                        "pages": pages,
                        "members": len(planned.members) + len(planned.missing) - len(left_out),
                    }
                )
            if left_out:
                self.planner.result.error(planned.path, partial_reason(planned, left_out))

    def _print_file(self, planned: Planned):
        """(planned, its input digest, the merge under way, names left out); the file is kept as it is
        when nothing it is made from changed (no merge), and there is none (no digest) without members."""
        members, left_out = [], list(planned.missing)
        for name, path in planned.members:
            entry = None if path in self.failed_members else self.ledger.current(f"{path}.pdf")
            if entry is None:
                left_out.append(name)
            else:
                members.append((name, f"{path}.pdf", entry["sha256"]))
        if not members:
            return planned, None, None, left_out
        digest = input_digest(planned, [(name, sha) for name, _, sha in members])
        kept = self.ledger.unchanged(planned.path, digest)
        if kept:
            self.ledger.keep(json.loads(kept))
            return planned, digest, None, left_out
        args = (
            self.local_dir or str(self.ledger.out_dir),
            planned.path,
            planned.title,
            [(name, path) for name, path, _ in members],
        )
        merging = (self.executor if self.local_dir else _InProcess()).submit(
            merge_into, *args
        )  # a cluster: here, by the disk
        return planned, digest, merging, left_out

    def summary_documents(self, summary: dict) -> None:
        """The đảng bộ's summary and quota report: always printed afresh (they are few), side by side
        by the workers — a table of every organisation laid out by WeasyPrint would otherwise
        grow the parent's memory with the đảng bộ."""
        from ..present.summary import report_contexts

        origin = self.planner.source.origin
        jobs = [
            Job(f"{self.planner.root}/{name}", name, context, origin, context)
            for name, context in report_contexts(summary).items()
        ]
        futures = [self.executor.submit(render_batch, [job], self.formats, None, self.local_dir) for job in jobs]
        for job, future in zip(jobs, futures):
            [result] = future.result()
            self.documents += 1
            self._tick(force=True)
            self._settle(result, job.form, job.record, dict.fromkeys(self.formats), journal=False)

    def report_spreadsheets(self, summary: dict) -> None:
        """The reports' tables as XLSX, beside the reports."""
        for name, book in report_books(summary).items():
            self.keep_file(f"{self.planner.root}/{name}", book_bytes(book, _day(summary)), name.removesuffix(".xlsx"))

    def keep_file(self, relative: str, data: bytes, form: str) -> None:
        """A file the run makes itself (not a worker's document): written atomically and listed."""
        write_atomic(self.ledger.out_dir / relative, data)
        self.ledger.keep(
            {
                "path": relative,
                "form": form,
                "record": self.planner.source.origin,
                "input_sha256": None,
                "sha256": sha256(data),
                "bytes": len(data),
                "pages": None,
            }
        )

    def error_list(self) -> None:
        """Every record that was skipped, with where to fix it: a text file, and a CSV and an XLSX for Excel
        with the place in columns (sheet, row, column, field, message, place)."""
        errors = self.planner.result.errors
        text = "".join(f"{e['where']}: {e['reason']}\n" for e in errors) or "Không có lỗi.\n"
        table = io.StringIO()
        writer = csv.writer(table)
        writer.writerow([title for title, _ in ERROR_COLUMNS])
        writer.writerows(error_row(e) for e in errors)
        for name, data in (
            ("danh-sach-loi.txt", text.encode()),
            ("danh-sach-loi.csv", ("\ufeff" + table.getvalue()).encode()),
            ("danh-sach-loi.xlsx", book_bytes(error_book(errors), _day(self.planner.header))),
        ):
            self.keep_file(f"{self.planner.root}/{name}", data, "danh-sach-loi")


def _past_levels(store, planner: Planner):
    """The years before from the record the run records into (history/past.py), for the lists and the report."""
    from ..history.past import PastLevels

    levels = planner.regime.subject("ca_nhan").levels
    return PastLevels(store, planner.header["dang_bo"], planner.header["nam"], levels)


def build_summary(planner: Planner) -> dict:
    """The plain data the đảng bộ's reports print (see generator.present.summary)."""
    result, regime = planner.result, planner.regime
    header = result.header
    order = {o["ma"]: i for i, o in enumerate(planner.source.organisations)}
    return {
        "dang_bo": header["dang_bo"],
        "cap_tren": header.get("cap_tren"),
        "regime": regime.id,
        "regime_name": regime.name,
        "nam": header["nam"],
        "dia_danh": header["dia_danh"],
        "ngay_lap": header["ngay_lap"],
        "ky": header.get("ky"),
        "noi_nhan": header.get("noi_nhan"),
        "so_ky_hieu": header.get("so_ky_hieu") or {},
        "member_levels": [list(level) for level in regime.subject("ca_nhan").levels],
        "org_levels": [list(level) for level in regime.subject("to_chuc").levels],
        "organisations": sorted(result.organisations, key=lambda o: order.get(o["ma"], len(order))),
        "member_counts": dict(result.member_counts),
        "not_rated": list(result.not_rated),
        "pending": list(result.pending),
        "quotas": list(result.quotas),
        "org_quotas": list(result.org_quotas),
        "errors": list(result.errors),
        "nam_truoc": planner.past.counts() if planner.past is not None else None,
        "hai_nam_thap_nhat": [
            {"ho_ten": f.ho_ten, "chi_bo": f.chi_bo, "years": list(f.years), "level_label": f.level_label}
            for f in result.flagged
        ],
        "hai_nam_quy_dinh": planner.past.rule_text() if planner.past is not None else "",
    }


def write_archive(out_dir: Path, root: str, paths: list[str]) -> Path:
    """A ZIP of the tree and the manifest, the same bytes for the same files, streamed to disk."""
    target = out_dir / f"{root}.zip"
    with open_atomic(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in paths + ["manifest.json"]:
            info = zipfile.ZipInfo(relative, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with (out_dir / relative).open("rb") as source, archive.open(info, "w") as member:
                shutil.copyfileobj(source, member, 1 << 20)
    return target
