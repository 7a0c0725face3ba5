"""The worker only renders the ready context of each job, and says per job what became of it."""

from __future__ import annotations

import hashlib

from generator.bulk.plan import Job
from generator.bulk.results import BatchResult
from generator.bulk.worker import render_batch
from generator.load import load_document
from generator.pipeline import prepare
from tests.bulk.sample_dang_bo import ROOT


def _job(path: str, context: dict) -> Job:
    return Job(path, "ban-tu-kiem-diem", context, f"{path}.json", {})


def test_a_batch_renders_each_context_and_reports_the_one_it_cannot_print(tmp_path):
    context = prepare(load_document(ROOT / "examples" / "ban-tu-kiem-diem-02a.yaml")).context
    jobs = [_job("a/mot", context), _job("a/hai", {"thieu": "mọi trường"}), _job("a/ba", context)]
    remote = render_batch(jobs, ("docx",))
    assert [r.path for r in remote] == ["a/mot", "a/hai", "a/ba"] and all(isinstance(r, BatchResult) for r in remote)
    assert remote[1].problems[0].startswith("lỗi không lường trước khi in: ") and not remote[1].files
    assert remote[0].files["docx"] == remote[2].files["docx"] and not remote[0].written
    local = render_batch(jobs[:1], ("docx",), None, str(tmp_path))
    data = (tmp_path / "a" / "mot.docx").read_bytes()
    assert data == remote[0].files["docx"] and local[0].written == {
        "docx": (hashlib.sha256(data).hexdigest(), len(data))
    }
    assert not local[0].files
