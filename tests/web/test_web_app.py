"""Every endpoint of the web app through Flask's test client: the same answers as the CLI,
and the safety limits (size, zip bombs, cross-origin posts, foreign hosts, paths)."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import docx
import pytest
from pypdf import PdfReader

from generator import load_document
from generator.errors import InputError
from generator.evaluate import evaluate
from generator.validate import validate
from generator.web.app import create_app
from generator.web.uploads import MAX_UPLOAD
from tests.web.uploads import zip_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_02B = EXAMPLES / "ban-tu-kiem-diem-02b.json"


def example() -> dict:
    return load_document(EXAMPLE_02B)


def post_json(client, url, document, **kwargs):
    return client.post(
        url, data=json.dumps(document, ensure_ascii=False).encode(), content_type="application/json", **kwargs
    )


def cli_problems(document) -> list[str]:
    try:
        validate(document)
    except InputError as error:
        return [str(p) for p in error.problems]
    return [str(p) for p in evaluate(validate(document)).problems]


def wait_for(client, job_url: str, seconds: float = 180) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(job_url).get_json()
        if job["state"] in ("xong", "loi"):
            return job
        time.sleep(0.2)
    raise AssertionError("bulk job did not finish")


# ---- pages ----------------------------------------------------------------------------------


def test_the_form_page_offers_every_printable_form_in_vietnamese(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân" in page
    assert "Tờ trình đề nghị khen thưởng" in page
    assert "xep-loai-chi-bo" not in page  # validated and classified only: nothing to print
    assert "không nhận mẫu in tải lên" in page
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert response.headers["X-Frame-Options"] == "DENY"


def test_static_files_are_served(client):
    for name in ("mau.js", "ket_qua.js", "kiemdiem.css"):
        assert client.get(f"/static/{name}").status_code == 200


MODULE_TAG = re.compile(r"""<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']""")
STATIC_IMPORT = re.compile(  # import "./x.js"; import {a, b} from "./x.js"; import * as x from …; export {a} from …
    r"""^\s*(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)["']([^"']+)["']""",
    re.M,
)


def test_every_module_the_form_page_loads_is_served_as_javascript(client):
    """The form page's module scripts and every module they import, followed as the browser does
    (relative to the importing file's URL): a module renamed or left out of the package fails here,
    not only in Chromium."""
    page = client.get("/").get_data(as_text=True)
    pending = [urljoin("http://localhost/", src) for src in MODULE_TAG.findall(page)]
    seen: dict[str, list[str]] = {}
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        assert response.mimetype in ("text/javascript", "application/javascript"), (url, response.mimetype)
        imports = STATIC_IMPORT.findall(response.get_data(as_text=True))
        assert all(i.startswith(("./", "../")) for i in imports), (url, imports)  # a bare name: no import map here
        seen[url] = imports
        pending += [urljoin(url, i) for i in imports]
    loaded = {urlsplit(url).path for url in seen}
    assert {"/static/mau.js", "/static/so_ngay.js"} <= loaded, seen
    static = Path(__file__).resolve().parents[2] / "generator" / "web" / "static"
    assert {f"/static/{p.name}" for p in static.glob("mau*.js")} <= loaded, seen  # no module of the page left unused


def test_an_unknown_page_is_a_vietnamese_404(client):
    response = client.get("/khong-co")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)


# ---- the form's description -----------------------------------------------------------------


def test_form_description_has_the_schema_and_the_regimes_rubric(client):
    data = client.get("/api/mau/ban-tu-kiem-diem").get_json()
    assert data["regime"] == "qd366-2025"
    assert data["schema"]["properties"]["dang_vien"]["title"] == "Thông tin đảng viên"
    assert data["limits"] == {"$.diem.tieu_chi_chung.diem": 30, "$.diem.ket_qua_nhiem_vu.diem": 70}
    assert data["variant_path"] == ["dang_vien", "doi_tuong"]
    assert data["variant_codes"]["khong_giu_chuc_vu"] == "Mẫu 02B-HD KĐ.ĐG 2025"
    assert [p["const"] for p in data["profiles"]] == ["don-vi-tieu-bieu-2025"]


def test_form_description_follows_the_chosen_regime(client):
    seven = client.get("/api/mau/bieu-diem-tccsd?regime=hd07-2011").get_json()
    assert [e["key"] for e in seven["maps"]["$.diem"]][:2] == ["nhiem_vu_chinh_tri", "giao_duc_chinh_tri_tu_tuong"]
    assert sum(e["max"] for e in seven["maps"]["$.diem"]) == 100
    graded = client.get("/api/mau/bieu-diem-tccsd?regime=qd132-2019&profile=son-la-2021").get_json()
    assert graded["maps"]["$.diem"] == [{"key": "tong_hop", "title": graded["maps"]["$.diem"][0]["title"], "max": 100}]
    assert {e["key"] for e in graded["maps"]["$.cap_do"]} >= {"chinh_tri_tu_tuong", "nhiem_vu_chinh_tri"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/mau/xep-loai-chi-bo",
        "/api/mau/..%2F..%2Fetc%2Fpasswd",
        "/api/mau/ban-tu-kiem-diem?regime=../../etc",
        "/api/mau/ban-tu-kiem-diem?regime=hd07-2011",
        "/api/mau/ban-tu-kiem-diem?profile=son-la-2021",
        "/api/mau/ban-tu-kiem-diem?profile=/etc/passwd",
    ],
)
def test_form_description_refuses_what_is_not_offered(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.get_json()["error"].startswith("Không tìm thấy trang")


# ---- checking ---------------------------------------------------------------------------------


def test_check_gives_the_level_and_reasons_of_classify(client):
    answer = post_json(client, "/api/kiem-tra", example()).get_json()
    expected = evaluate(validate(example())).as_dict()
    assert answer["problems"] == []
    for key in ("level", "level_label", "score", "max_score", "parts", "reasons"):
        assert answer["result"][key] == expected[key]
    assert answer["result"]["form_code"] == "Mẫu 02B-HD KĐ.ĐG 2025"


def test_check_gives_the_same_messages_as_the_cli(client):
    document = example()
    document["nhiem_vu"]["so_vuot_muc"] = 13
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    assert [p["text"] for p in answer["problems"]] == cli_problems(document)
    assert answer["problems"][0]["path"] == "$.nhiem_vu.so_vuot_muc"
    assert (
        answer["problems"][0]["title"]
        == "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ hoàn thành vượt mức"
    )

    del document["dang_vien"]["ho_ten"]
    document["diem"]["tieu_chi_chung"]["diem"] = (
        "hai mươi"  # text typed in a number field: read as the workbook reads it
    )
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    typed = "Nhóm tiêu chí chung › Điểm tự chấm ($.diem.tieu_chi_chung.diem): cần một số, không phải “hai mươi”"
    assert [p["text"] for p in answer["problems"]] == [typed] + [
        p for p in cli_problems(document) if "($.diem.tieu_chi_chung.diem)" not in p
    ]
    assert answer["result"] is None


def test_a_proposal_above_the_rules_shows_the_level_and_the_problem(client):
    document = example()
    document["diem"]["ket_qua_nhiem_vu"]["diem"] = 55  # 82 points: HTTNV at best
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    assert answer["result"]["level"] == "HTTNV"
    assert "$.tu_xep_loai" in [p["path"] for p in answer["problems"]]
    assert [p["text"] for p in answer["problems"]] == cli_problems(document)


def test_check_explains_classify_lines_of_a_commendation(client):
    document = load_document(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    assert answer["problems"] == []
    assert any(line.startswith("Tổng: ") for line in answer["result"]["lines"])


def test_check_only_takes_shipped_profiles(client):
    document = example()
    document["profile"] = "makefile"  # a file name in the server's folder, never read
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    assert answer["problems"][0]["path"] == "$.profile"
    assert "không có hồ sơ “makefile”" in answer["problems"][0]["reason"]


def test_check_refuses_what_is_not_json(client):
    response = client.post("/api/kiem-tra", data=b'{"form": NaN}', content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["problems"][0]["text"].startswith("Tệp dữ liệu ($): JSON không hợp lệ")


def test_check_normalises_text_to_nfc(client):
    document = example()
    document["dang_vien"]["ho_ten"] = "Nguye\u0302\u0303n Thi\u0323 Nga"  # decomposed
    answer = post_json(client, "/api/kiem-tra", document).get_json()
    assert answer["problems"] == []


# ---- printing ---------------------------------------------------------------------------------


def test_render_docx_is_the_cli_document(client):
    response = post_json(client, "/api/in/docx", example())
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="ban-tu-kiem-diem-nguyen-thi-ngoc-anh.docx"'
    word = docx.Document(io.BytesIO(response.data))
    text = "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Việc nghiên cứu tài liệu <Nghị quyết> của cấp trên có lúc còn chậm & chưa sâu" in text


def test_render_pdf_is_a_party_document(client):
    response = post_json(client, "/api/in/pdf", example())
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in reader.pages[0].extract_text()


def test_render_refuses_an_invalid_document_with_its_problems(client):
    document = example()
    del document["chi_bo"]
    response = post_json(client, "/api/in/pdf", document)
    assert response.status_code == 422
    assert response.get_json()["problems"][0]["text"] == "Chi bộ ($.chi_bo): thiếu trường bắt buộc"


@pytest.mark.parametrize("fmt", ["html", "..%2F..%2Fetc%2Fpasswd", "docx.exe"])
def test_render_refuses_an_unknown_format(client, fmt):
    assert post_json(client, f"/api/in/{fmt}", example()).status_code == 404


# ---- opening a saved file ------------------------------------------------------------------------


def test_open_a_yaml_file(client):
    source = EXAMPLES / "ban-tu-kiem-diem-02a.yaml"
    response = client.post("/api/mo-tep", data={"tep": (io.BytesIO(source.read_bytes()), "bkd.yaml")})
    assert response.status_code == 200
    assert response.get_json()["document"] == load_document(source)


@pytest.mark.parametrize(
    "content, name, reason",
    [
        (b'{\n  "form": ', "x.json", "JSON không hợp lệ (dòng 2"),
        (b"[1, 2]", "x.json", "tệp không chứa một văn bản"),
        (b'{"form": "dang-bo"}', "x.json", "mẫu “dang-bo” không nhập được ở đây"),
        (b"\xff\xfe", "x.json", "không phải văn bản UTF-8"),
    ],
)
def test_open_refuses_what_it_cannot_use(client, content, name, reason):
    response = client.post("/api/mo-tep", data={"tep": (io.BytesIO(content), name)})
    assert response.status_code == 400
    assert reason in response.get_json()["problems"][0]["reason"]


def test_open_without_a_file(client):
    assert client.post("/api/mo-tep", data={}).status_code == 400


# ---- a whole đảng bộ -------------------------------------------------------------------------------


def test_bulk_page(client):
    page = client.get("/so-dang-bo").get_data(as_text=True)
    assert "Cả đảng bộ từ một sổ Excel" in page and "webkitdirectory" in page
    assert '<option value="qd366-2025">Quy định 366-QĐ/TW' in page


def test_an_empty_workbook_to_fill(app, client):
    response = client.get("/so-dang-bo/so-trong.xlsx?regime=qd124-2023")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="so-dang-bo-qd124-2023.xlsx"'
    from openpyxl import load_workbook

    sheets = load_workbook(io.BytesIO(response.data)).sheetnames
    assert {"Hướng dẫn", "Đảng bộ", "Tổ chức", "Đảng viên"} <= set(sheets)
    assert client.get("/so-dang-bo/so-trong.xlsx?regime=../../etc/passwd").status_code == 404
    assert list((app.config["KIEMDIEM_WORKDIR"] / "so-trong").iterdir()) == []  # nothing left behind


def test_bulk_run_with_the_workbooks_folder_gives_a_zip_without_errors(app, client, tmp_path):
    report = (EXAMPLES / "dang-bo-2025" / "bao-cao-chi-bo-khu-pho-5.yaml").read_bytes()
    response = client.post(
        "/so-dang-bo",
        data={
            "so": (io.BytesIO((EXAMPLES / "dang-bo-2025.xlsx").read_bytes()), "dang-bo-2025.xlsx"),
            "kem_theo": [
                (io.BytesIO(report), "dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml"),
                (io.BytesIO(b"ignored"), "dang-bo-2025/ghi-chu.txt"),
            ],
            "dinh_dang": ["docx"],
        },
    )
    assert response.status_code == 303
    job_page = response.headers["Location"]
    job_id = job_page.rsplit("/", 1)[1]
    assert "In cả đảng bộ" in client.get(job_page).get_data(as_text=True)
    job = wait_for(client, f"/api/so-dang-bo/{job_id}")
    assert job["state"] == "xong", job
    assert job["errors"] == [] and job["has_archive"] and job["organisations"] == job["total"] == 4
    # recorded in the record across years, as kiemdiem bulk records (the tie at the quota: not yet)
    [recorded] = [n for n in job["notices"] if n.startswith("Hồ sơ xếp loại (")]
    assert "23 kết quả mới" in recorded and "2 chưa có kết quả cuối cùng" in recorded
    archive = client.get(f"/so-dang-bo/{job_id}/ket-qua.zip")
    assert archive.status_code == 200 and archive.mimetype == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(archive.data)).namelist()
    assert "dang-bo-phuong-ba-dinh/chi-bo-khu-pho-5/bao-cao-kiem-diem-tap-the.docx" in names
    workdir = app.config["KIEMDIEM_WORKDIR"]
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.is_relative_to(workdir) for p in written)  # nothing outside the working directory
    assert not any(p.name == "ghi-chu.txt" for p in written)


def test_a_bulk_job_names_whose_errors_warns_of_month_first_dates_and_zips_the_spreadsheets(client, tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    book = load_workbook(EXAMPLES / "dang-bo-2025.xlsx")
    members = book["Đảng viên"]
    column = {c.value: c.column for c in members[1]}
    members.cell(row=4, column=column["Đối tượng"], value="Cán bộ hưu trí")  # row 4 is Lê Hoàng Cường
    date = members.cell(row=3, column=column["Ngày vào Đảng"])
    date.value, date.number_format = dt.datetime(2010, 5, 12), "mm/dd/yyyy"
    data = io.BytesIO()
    book.save(data)
    report = (EXAMPLES / "dang-bo-2025" / "bao-cao-chi-bo-khu-pho-5.yaml").read_bytes()
    response = client.post(
        "/so-dang-bo",
        data={
            "so": (io.BytesIO(data.getvalue()), "so.xlsx"),
            "dinh_dang": ["docx"],
            "kem_theo": [(io.BytesIO(report), "dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml")],
        },
    )
    job_id = response.headers["Location"].rsplit("/", 1)[1]
    job = wait_for(client, f"/api/so-dang-bo/{job_id}")
    assert job["state"] == "xong"
    assert [e["who"] for e in job["errors"]] == ["Lê Hoàng Cường"]
    date_notice, recorded = job["notices"]  # the month-first cell, and what went into the record across years
    assert f"ô Đảng viên!{date.column_letter}3" in date_notice and recorded.startswith("Hồ sơ xếp loại (")
    page = client.get(f"/so-dang-bo/{job_id}").get_data(as_text=True)
    assert 'id="luu-y"' in page and "Đảng viên / tổ chức" in page
    names = zipfile.ZipFile(io.BytesIO(client.get(f"/so-dang-bo/{job_id}/ket-qua.zip").data)).namelist()
    for sheet in (
        "danh-sach-loi.xlsx",
        "bao-cao-tong-hop-xep-loai.xlsx",
        "bao-cao-ty-le-xep-loai.xlsx",
        "danh-sach-xep-loai-dang-vien-ca-dang-bo.xlsx",
    ):
        assert any(n.endswith("/" + sheet) for n in names), sheet


def test_large_uploads_are_spooled_inside_the_working_directory(app, client, monkeypatch):
    import tempfile

    spooled = []
    original = tempfile.SpooledTemporaryFile

    def spy(*args, **kwargs):
        spooled.append(kwargs.get("dir"))
        return original(*args, **kwargs)

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", spy)
    client.post("/api/mo-tep", data={"tep": (io.BytesIO(b" " * (2 * 1024 * 1024)), "x.json")})
    assert spooled and all(Path(d).is_relative_to(app.config["KIEMDIEM_WORKDIR"]) for d in spooled)


def test_bulk_run_of_an_unusable_workbook_says_why(client):
    data = io.BytesIO()
    from openpyxl import Workbook

    Workbook().save(data)  # an Excel file, but not kiemdiem's workbook
    response = client.post("/so-dang-bo", data={"so": (io.BytesIO(data.getvalue()), "x.xlsx"), "dinh_dang": ["pdf"]})
    job = wait_for(client, "/api/so-dang-bo/" + response.headers["Location"].rsplit("/", 1)[1])
    assert job["state"] == "loi" and job["problems"]
    assert client.get(f"/so-dang-bo/{job['id']}/ket-qua.zip").status_code == 404


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"not a zip", "không phải sổ Excel .xlsx"),
        (
            zip_bytes({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"\0" * (30 * 1024 * 1024)}),
            "tệp nén độc hại",
        ),
        (zip_bytes({f"xl/{i}.xml": b"" for i in range(2001)}), "tệp nén độc hại"),
        (zip_bytes({"word/document.xml": b"<x/>"}), "thiếu xl/workbook.xml"),
    ],
)
def test_bulk_refuses_what_is_not_a_sane_workbook(client, content, reason):
    response = client.post("/so-dang-bo", data={"so": (io.BytesIO(content), "so.xlsx"), "dinh_dang": ["pdf"]})
    assert response.status_code == 400
    assert reason in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["../evil.yaml", "/etc/evil.yaml", "a/../../evil.yaml", "C:evil.yaml"])
def test_bulk_refuses_an_attachment_named_outside_its_folder(client, tmp_path, name):
    response = client.post(
        "/so-dang-bo",
        data={
            "so": (io.BytesIO((EXAMPLES / "dang-bo-2025.xlsx").read_bytes()), "so.xlsx"),
            "kem_theo": [(io.BytesIO(b"a: 1"), name)],
            "dinh_dang": ["pdf"],
        },
    )
    assert response.status_code == 400
    assert "không hợp lệ" in response.get_data(as_text=True)
    assert not list(tmp_path.rglob("evil.yaml"))
    assert not (tmp_path / "workdir" / "jobs").exists() or not any((tmp_path / "workdir" / "jobs").iterdir())


def test_bulk_needs_a_file_and_a_format(client):
    assert "chưa chọn sổ Excel" in client.post("/so-dang-bo", data={"dinh_dang": ["pdf"]}).get_data(as_text=True)
    xlsx = (EXAMPLES / "dang-bo-2025.xlsx").read_bytes()
    response = client.post("/so-dang-bo", data={"so": (io.BytesIO(xlsx), "so.xlsx")})
    assert response.status_code == 400 and "chọn ít nhất một định dạng" in response.get_data(as_text=True)


@pytest.mark.parametrize("job_id", ["..%2F..%2Fetc", "0" * 32, "abc", "../" * 3])
def test_an_unknown_or_forged_job_is_not_found(client, job_id):
    assert client.get(f"/api/so-dang-bo/{job_id}").status_code == 404
    assert client.get(f"/so-dang-bo/{job_id}").status_code == 404
    assert client.get(f"/so-dang-bo/{job_id}/ket-qua.zip").status_code == 404


# ---- the limits --------------------------------------------------------------------------------


def test_an_oversized_upload_is_a_vietnamese_413(client):
    big = io.BytesIO(b"0" * (MAX_UPLOAD + 1))
    response = client.post("/so-dang-bo", data={"so": (big, "so.xlsx"), "dinh_dang": ["pdf"]})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "Tệp quá lớn" in page and "tối đa 20 MB" in page
    api = client.post("/api/mo-tep", data={"tep": (io.BytesIO(b"0" * (MAX_UPLOAD + 1)), "x.json")})
    assert api.status_code == 413 and api.get_json()["error"].startswith("Tệp quá lớn")


def test_a_cross_origin_post_is_refused(client):
    response = post_json(client, "/api/kiem-tra", example(), headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert "từ một trang khác" in response.get_json()["error"]
    response = client.post("/so-dang-bo", data={}, headers={"Referer": "http://evil.example/x"})
    assert response.status_code == 403 and "Yêu cầu bị từ chối" in response.get_data(as_text=True)
    assert post_json(client, "/api/kiem-tra", example(), headers={"Origin": "null"}).status_code == 403
    assert post_json(client, "/api/kiem-tra", example(), headers={"Origin": "http://localhost"}).status_code == 200


def test_a_foreign_host_name_is_refused_on_loopback(tmp_path):
    client = create_app(tmp_path, {"127.0.0.1:8000", "localhost:8000"}).test_client()
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    response = client.get("/", headers={"Host": "rebind.example:8000"})  # DNS rebinding
    assert response.status_code == 400 and "không phải của ứng dụng này" in response.get_data(as_text=True)


def test_get_on_a_post_endpoint_is_405_in_vietnamese(client):
    response = client.get("/api/kiem-tra")
    assert response.status_code == 405 and "không nhận yêu cầu" in response.get_json()["error"]
