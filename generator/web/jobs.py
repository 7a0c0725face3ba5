"""Bulk runs started from the page: one background thread, one folder per job.

``run_bulk`` is the same function ``kiemdiem bulk`` calls; here it runs in a worker
thread into ``<workdir>/jobs/<id>/``, one job at a time (the machine is a secretary's
laptop), while the page polls its progress. Job ids are random hex made here, so
no request can name a folder of its own choosing.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..bulk.progress import Progress
from ..errors import InputError

JOB_ID = re.compile(r"^[0-9a-f]{32}$")
WORKBOOK_NAME = "so-dang-bo.xlsx"


@dataclass
class Job:
    id: str
    folder: Path
    formats: tuple
    state: str = "cho"  # cho (queued), dang_chay, xong, loi
    organisations: int = 0
    total: int = 0  # organisations
    documents: int = 0  # done: the progress bar counts documents (bulk/progress.py)
    documents_total: int = 0
    time_left: str | None = None  # "còn khoảng 2 phút", once it can be told
    print_files: list = field(default_factory=list)  # each chi bộ's in-ca-chi-bo.pdf: chi_bo, path, pages, members
    written: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list = field(default_factory=list)
    notices: list = field(default_factory=list)  # what was read but may not be what was meant (a month-first date cell)
    problems: list = field(default_factory=list)  # the workbook itself is unusable
    archive: Path | None = None
    message: str = ""

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "state": self.state,
            "organisations": self.organisations,
            "total": self.total,
            "documents": self.documents,
            "documents_total": self.documents_total,
            "time_left": self.time_left,
            "written": self.written,
            "skipped": self.skipped,
            "failed": self.failed,
            "errors": self.errors,
            "notices": self.notices,
            "problems": self.problems,
            "message": self.message,
            "has_archive": self.archive is not None,
            "print_files": [
                {"chi_bo": f["chi_bo"], "pages": f["pages"], "members": f["members"], "truoc": f.get("truoc", [])}
                for f in self.print_files
            ],
        }


class _JobProgress(Progress):
    """``run_bulk``'s progress, kept on the job for the page instead of drawn on a terminal."""

    def __init__(self, job: Job, clock=time.monotonic):
        super().__init__(enabled=False, clock=clock)
        self.job = job

    def begin(self, total_documents: int, organisations: int = 0) -> None:
        super().begin(total_documents, organisations)
        self.job.documents_total, self.job.total = total_documents, organisations

    def update(self, documents, written, skipped, failed, force=False, organisations=0):
        job = self.job
        job.documents, job.written, job.skipped, job.failed = documents, written, skipped, failed
        job.organisations, job.time_left = organisations, self.time_left(documents)

    def done(self, documents=None):
        super().done(documents)
        self.job.documents_total, self.job.time_left = self.total, None


def _recorded(record, outcome) -> list[str]:
    """What the run recorded in the record across years, as ``kiemdiem bulk`` prints it, for the page."""
    if outcome.history_error:
        return [f"Hồ sơ xếp loại: {outcome.history_error}"]
    if outcome.history is None:
        return []
    lines = [f"Hồ sơ xếp loại ({record.shown}): {outcome.history.summary()}."]
    return lines + [f"Chưa ghi vào hồ sơ: {conflict}" for conflict in outcome.history.conflicts]


class Jobs:
    def __init__(self, workdir: Path):
        self.root = workdir / "jobs"
        self.root.mkdir(parents=True, exist_ok=True)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiemdiem-bulk")

    def start(self, workbook: bytes, formats: tuple, attachments=()) -> Job:
        """``attachments``: (relative path, bytes) of the JSON/YAML files the workbook names,
        paths already checked by ``uploads.attachment_path``."""
        job_id = secrets.token_hex(16)
        folder = self.root / job_id
        inputs = folder / "vao"
        inputs.mkdir(parents=True)
        (inputs / WORKBOOK_NAME).write_bytes(workbook)
        for relative, data in attachments:
            target = (inputs / relative).resolve()
            if not target.is_relative_to(inputs.resolve()):  # checked before; never write elsewhere
                raise ValueError(f"tệp kèm theo ngoài thư mục làm việc: {relative}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        job = Job(job_id, folder, formats)
        with self._lock:
            self._jobs[job_id] = job
        self._pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        if not JOB_ID.match(job_id or ""):
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job) -> None:
        from ..bulk.runner import run_bulk
        from ..history.location import resolve

        job.state = "dang_chay"
        source = job.folder / "vao" / WORKBOOK_NAME
        record = resolve()  # the same record kiemdiem bulk writes to ($KIEMDIEM_HISTORY or the default file)
        try:
            outcome = run_bulk(
                source, job.folder / "ra", job.formats, archive=True, progress=_JobProgress(job), history=record
            )
        except InputError as error:  # also a shipped profile's template that fails its check
            job.problems = [str(p) for p in error.problems]
            job.state = "loi"
            return
        except Exception as exc:  # noqa: BLE001 — shown on the page in one line, like the CLI
            job.message = " ".join(str(exc).split()) or type(exc).__name__
            job.state = "loi"
            return
        job.errors = [{"where": e["where"], "reason": e["reason"], "who": e.get("who", "")} for e in outcome.errors]
        job.notices = outcome.notice.splitlines() if outcome.notice else []
        job.notices += _recorded(record, outcome)
        job.written, job.skipped, job.failed = outcome.written, outcome.skipped, outcome.failed
        job.organisations = job.total
        job.archive = outcome.archive
        job.print_files = outcome.print_files
        self._years_before(job, outcome)
        job.state = "xong"

    @staticmethod
    def _years_before(job: Job, outcome) -> None:
        """Each listed chi bộ's levels of the years before, from the record across years when it has them
        (read only, never created); a record that cannot be read is said among the notices."""
        if not job.print_files or not outcome.dang_bo:
            return
        from ..history.location import resolve
        from ..history.lookup import organisation_years
        from ..history.records import HistoryError

        try:
            year = int(outcome.nam) if outcome.nam is not None else None
            found = organisation_years(resolve(), outcome.dang_bo, [f.get("chi_bo_ma") for f in job.print_files], year)
        except HistoryError as error:
            job.notices.append(f"Không đọc được hồ sơ xếp loại: {error}")
            return
        except Exception as error:  # noqa: BLE001 — the run is done: the years before never fail it
            job.notices.append(f"Không đọc được hồ sơ xếp loại: {' '.join(str(error).split()) or type(error).__name__}")
            return
        for entry in job.print_files:
            entry["truoc"] = found.get(entry.get("chi_bo_ma"), [])

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
