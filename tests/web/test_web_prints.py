"""The đảng bộ page's print files (issue 15 §3): each chi bộ's PDF listed with the job, shown inline for the
preview (framed by the app's own page only) and downloaded; the progress counts documents and tells the time left."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfReader

from generator.web.jobs import Job, _JobProgress
from tests.web.test_web_app import EXAMPLES, wait_for


def start(client, formats) -> str:
    report = (EXAMPLES / "dang-bo-2025" / "bao-cao-chi-bo-khu-pho-5.yaml").read_bytes()
    response = client.post(
        "/so-dang-bo",
        data={
            "so": (io.BytesIO((EXAMPLES / "dang-bo-2025.xlsx").read_bytes()), "dang-bo-2025.xlsx"),
            "kem_theo": [(io.BytesIO(report), "dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml")],
            "dinh_dang": formats,
        },
    )
    assert response.status_code == 303
    return response.headers["Location"].rsplit("/", 1)[1]


def test_each_chi_bos_print_file_is_shown_inline_and_downloaded(client):
    job_id = start(client, ["pdf"])
    job = wait_for(client, f"/api/so-dang-bo/{job_id}")
    assert job["state"] == "xong" and job["errors"] == []
    assert job["documents"] == job["documents_total"] > 20 and job["time_left"] is None
    assert [f["chi_bo"] for f in job["print_files"]] == [
        "Chi bộ Khu phố 5",
        "Chi bộ Khu phố 6",
        "Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường",
    ]
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/so-dang-bo/{job_id}/ket-qua.zip").data))
    shown = client.get(f"/so-dang-bo/{job_id}/in-ca-chi-bo/0.pdf")
    assert shown.status_code == 200 and shown.mimetype == "application/pdf"
    assert shown.headers["Content-Disposition"].startswith("inline")
    assert (
        shown.headers["X-Frame-Options"] == "SAMEORIGIN"
        and "frame-ancestors 'self'" in shown.headers["Content-Security-Policy"]
    )
    assert shown.data == archive.read("dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/in-ca-chi-bo.pdf")
    assert len(PdfReader(io.BytesIO(shown.data)).pages) == job["print_files"][0]["pages"]
    saved = client.get(f"/so-dang-bo/{job_id}/in-ca-chi-bo/1.pdf?tai-ve")
    assert saved.headers["Content-Disposition"] == "attachment; filename=in-ca-chi-bo-khu-pho-6.pdf"
    assert saved.headers["X-Frame-Options"] == "DENY"
    assert client.get(f"/so-dang-bo/{job_id}/in-ca-chi-bo/3.pdf").status_code == 404
    assert client.get(f"/so-dang-bo/{'0' * 32}/in-ca-chi-bo/0.pdf").status_code == 404
    page = client.get(f"/so-dang-bo/{job_id}")
    assert (
        page.headers["X-Frame-Options"] == "DENY"
        and "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    )
    assert f"/so-dang-bo/{job_id}/in-ca-chi-bo/0.pdf" in page.get_data(as_text=True)


def test_a_docx_run_has_no_print_file(client):
    job_id = start(client, ["docx"])
    job = wait_for(client, f"/api/so-dang-bo/{job_id}")
    assert job["state"] == "xong" and job["print_files"] == []
    assert client.get(f"/so-dang-bo/{job_id}/in-ca-chi-bo/0.pdf").status_code == 404


def test_the_jobs_progress_counts_documents_and_tells_the_time_left(tmp_path):
    now = [0.0]
    job = Job("a" * 32, tmp_path, ("pdf",))
    progress = _JobProgress(job, clock=lambda: now[0])
    progress.begin(100, 4)
    now[0] = 1
    progress.update(12, 12, 0, 0, organisations=1)
    assert (job.documents, job.documents_total, job.time_left) == (12, 100, None)  # one second: no guess yet
    now[0] = 60
    progress.update(30, 30, 0, 0, organisations=2)
    status = job.as_dict()
    assert (status["documents"], status["organisations"], status["total"]) == (30, 2, 4)
    assert status["time_left"] == "còn khoảng 2 phút"
    progress.done(98)
    assert job.as_dict()["documents_total"] == 98 and job.time_left is None
