"""The hostile inputs of the CLI tests sent through every upload and open route of the web app.

Each must be answered with a 4xx and a Vietnamese message (never a 500, never a
traceback in the log), and the app must still answer afterwards. A workbook the upload
check lets through (its flaws are inside a sheet) starts a job that ends failed with
the message naming the sheet and row.
"""

from __future__ import annotations

import io
import json
import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_inputs import build_documents, hostile_docx_blanks, hostile_pdf_blanks, hostile_workbooks

VIETNAMESE = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@pytest.fixture(autouse=True)
def no_tracebacks(caplog):
    """The app logs an unexpected error with its traceback: none may appear."""
    caplog.set_level(logging.ERROR)
    yield
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]


def _refused(response, *codes):
    assert response.status_code in (codes or (400, 413, 422)), (response.status_code, response.data[:400])
    text = response.get_data(as_text=True)
    assert "Traceback" not in text
    assert VIETNAMESE & set(text.lower()), text[:400]
    return text


def _still_up(client):
    assert client.get("/").status_code == 200


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The broken documents as bytes an upload can carry (a FIFO or /dev/zero cannot be uploaded: huge bytes stand in)."""
    built = build_documents(tmp_path_factory.mktemp("web-hostile"))
    out = {name: (path.read_bytes(), path.name) for name, (path, _) in built.items() if path.is_file()}
    out["endless"] = (b"a: '" + b"x" * (6 * 1024 * 1024), "vo-tan.yaml")
    return out


DOCUMENT_CASES = [
    "ngay-30-02",
    "ngay-nam-0",
    "thang-13",
    "gio-sai",
    "timestamp",
    "huge",
    "deep-json",
    "deep-yaml",
    "alias",
    "not-utf8",
    "endless",
]


@pytest.mark.parametrize("case", DOCUMENT_CASES)
def test_open_file_refuses_or_reports(case, documents, client):
    data, name = documents[case]
    response = client.post("/api/mo-tep", data={"tep": (io.BytesIO(data), name)})
    if case in ("ngay-30-02", "ngay-nam-0", "thang-13", "gio-sai", "timestamp"):
        # the dates reach the form as the text typed: the page opens it and checking names the field
        assert response.status_code in (200, 400, 422), response.status_code
        check = client.post(
            "/api/kiem-tra",
            data=json.dumps(
                response.get_json()["document"]
                if response.status_code == 200 and "document" in (response.get_json() or {})
                else {}
            ),
            content_type="application/json",
        )
        assert check.status_code < 500
    else:
        _refused(response)
    _still_up(client)


@pytest.mark.parametrize("case", DOCUMENT_CASES)
def test_blank_prefill_refuses(case, documents, client):
    data, name = documents[case]
    response = client.post(
        "/ban-trong", data={"mau": "ban-tu-kiem-diem", "dinh_dang": "pdf", "du_lieu": (io.BytesIO(data), name)}
    )
    text = _refused(response)
    if case in ("ngay-30-02", "thang-13", "timestamp"):
        assert "không có trên lịch" in text
    _still_up(client)


@pytest.fixture(scope="module")
def blanks(tmp_path_factory):
    from generator.blank.document import make_blank, render_blank

    docx = render_blank(make_blank("ban-tu-kiem-diem", {}, fillable="docx"), "docx")
    pdf = render_blank(make_blank("ban-tu-kiem-diem", {}, fillable="pdf"), "pdf")
    return hostile_docx_blanks(docx), hostile_pdf_blanks(pdf)


@pytest.mark.parametrize(
    "kind, case",
    [
        ("docx", c)
        for c in (
            "bomb-document",
            "dtd-document",
            "skeleton-member-text",
            "skeleton-member-list",
            "skeleton-deep",
            "field-index-2e9",
            "not-a-zip",
        )
    ]
    + [("pdf", c) for c in ("field-index-2e9", "skeleton-deep", "garbage", "truncated")],
)
def test_filled_blank_import_refuses(kind, case, blanks, client):
    data, words = (blanks[0] if kind == "docx" else blanks[1])[case]
    response = client.post("/nhap-ban-dien", data={"ban_dien": (io.BytesIO(data), f"x.{kind}")})
    text = _refused(response)
    assert any(w in text for w in words) or "$.dang_vien" in text, text[:600]
    _still_up(client)


def _wait(client, location: str) -> dict:
    job = location.rstrip("/").rsplit("/", 1)[-1]
    for _ in range(600):
        status = client.get(f"/api/so-dang-bo/{job}").get_json()
        if status.get("state") in ("xong", "loi"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job} did not end")


@pytest.mark.parametrize("case", sorted(hostile_workbooks()))
def test_bulk_upload_refuses_or_fails_the_job_with_a_message(case, client):
    data, words = hostile_workbooks()[case]
    response = client.post("/so-dang-bo", data={"so": (io.BytesIO(data), "so.xlsx"), "dinh_dang": ["docx"]})
    if response.status_code == 303:  # passed the upload check: the job must end with the reader's message
        status = _wait(client, response.headers["Location"])
        shown = json.dumps(status, ensure_ascii=False)
        assert "Traceback" not in shown and "lỗi không mong đợi" not in shown, shown[:800]
        assert any(w in shown for w in words), (words, shown[:800])
    else:
        text = _refused(response)
        assert any(w in text for w in words), (words, text[:600])
    _still_up(client)


HOSTS = ["a" * 41, "a" * 300 + ":80", "b" * 64 + ".vn", "[::1", "ạ" * 50, "x:99999999999999999999", "a." * 200]


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("path", ["/", "/api/kiem-tra", "/ban-trong", "/static/kiemdiem.css"])
def test_a_strange_host_header_is_a_400_not_a_500(host, path, tmp_path):
    from generator.web.app import create_app

    for allowed in ({"127.0.0.1:8000"}, None):
        web = create_app(tmp_path / f"w{allowed is None}", allowed).test_client()
        response = web.get(path, headers={"Host": host})
        assert response.status_code < 500, (host, path, response.status_code)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=4096), name=st.sampled_from(["x.json", "x.yaml", "x.xlsx", "x.docx", "x.pdf"]))
def test_random_bytes_to_every_upload_route(data, name, client):
    for route, field, extra in [
        ("/api/mo-tep", "tep", {}),
        ("/ban-trong", "du_lieu", {"mau": "ban-tu-kiem-diem"}),
        ("/nhap-ban-dien", "ban_dien", {}),
        ("/so-dang-bo", "so", {"dinh_dang": ["docx"]}),
    ]:
        response = client.post(route, data={field: (io.BytesIO(data), name), **extra})
        assert response.status_code < 500, (route, response.status_code, response.data[:300])


def _nested(inner):
    """Lists and objects of ``inner`` (a named function: hypothesis 6.170 cannot read a lambda split over
    lines and would warn that it does not recurse)."""
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30), _nested, max_leaves=20
    )
)
def test_random_json_to_the_check_and_print_routes(body, client):
    for route in ("/api/kiem-tra", "/api/in/docx"):
        response = client.post(route, data=json.dumps(body), content_type="application/json")
        assert response.status_code < 500, (route, response.status_code, response.data[:300])
