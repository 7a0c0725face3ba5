"""The "Phiếu biểu quyết" page through Flask's test client: a ballot made as ``kiemdiem blank phieu-bieu-quyet``
makes it, filled ballots counted as ``kiemdiem tally`` counts them, every problem titled beside its field."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from pypdf import PdfReader

from generator.blank import make_blank, render_blank
from tests.blank import filling
from tests.web.uploads import zip_bytes

HEAD = {"nam": "2025", "dang_bo": "Đảng bộ phường Ba Đình", "chi_bo": "Chi bộ Khu phố 5"}
NAMES = ["Trần Văn Hải", "Nguyễn Thị Mai", "Lê Quốc Bảo"]
MEETING = {
    **HEAD,
    "dia_danh": "Hà Nội",
    "ngay_kiem_phieu": "15/12/2025",
    "dia_diem": "Nhà văn hóa Khu phố 5",
    "so_dang_vien_chinh_thuc": "4",
    "so_phieu_phat_ra": "4",
    "truong_ban": "Trần Văn Hải",
    "thanh_vien": "Lê Quốc Bảo\n",
}


def text(response) -> str:
    return unescape(response.get_data(as_text=True))


def beside(page: str, field_id: str) -> list[str]:
    """The problems shown under one field."""
    block = re.search(rf'<div id="{field_id}-loi">(.*?)</div>', page, re.S)
    return re.findall(r'<p class="loi-truong">(.*?)</p>', block.group(1)) if block else []


def ballot_pdf(client) -> bytes:
    response = client.post(
        "/phieu-bieu-quyet/lam-phieu", data={**HEAD, "dang_vien": "\n".join(NAMES), "kieu": "dien_duoc"}
    )
    assert response.status_code == 200
    return response.data


def filled(pdf: bytes, *levels) -> bytes:
    return filling.fill(pdf, {}, {f"dang_vien[{i}].chon": code for i, code in enumerate(levels) if code})


def count(client, files, **fields):
    return client.post(
        "/phieu-bieu-quyet/dem-phieu", data={**MEETING, **fields, "phieu": files}, content_type="multipart/form-data"
    )


def tally_in(page: str) -> dict:
    return json.loads(unescape(re.search(r'name="bien_ban" value="(.*?)"', page, re.S).group(1)))


def test_the_page_is_linked_and_labels_every_field(client):
    page = text(client.get("/phieu-bieu-quyet"))
    assert '<a href="/phieu-bieu-quyet" aria-current="page">Phiếu biểu quyết</a>' in page
    for field_id in re.findall(r'<(?:input|select|textarea) [^>]*id="([^"]+)"', page):
        assert f'for="{field_id}"' in page, field_id
    assert "Năm kiểm điểm" in page and "Số phiếu phát ra" in page and "son-la-2021" in page
    assert 'placeholder="dd/mm/yyyy"' in page


@pytest.mark.parametrize("fmt, fillable", [("pdf", True), ("docx", True), ("pdf", False), ("docx", False)])
def test_a_ballot_is_kiemdiem_blanks(client, fmt, fillable):
    data = {
        **HEAD,
        "dang_vien": "Trần Văn Hải\n\n  Nguyễn  Thị Mai \n",
        "so_dong_trong": "1",
        "dinh_dang": fmt,
        "kieu": "dien_duoc" if fillable else "in",
    }
    response = client.post("/phieu-bieu-quyet/lam-phieu", data=data)
    assert response.status_code == 200
    stem = "phieu-bieu-quyet-chi-bo-khu-pho-5" + ("-dien-duoc" if fillable else "")
    assert response.headers["Content-Disposition"] == f'attachment; filename="{stem}.{fmt}"'
    document = {
        "form": "phieu-bieu-quyet",
        "nam": 2025,
        "dang_bo": HEAD["dang_bo"],
        "chi_bo": HEAD["chi_bo"],
        "dang_vien": ["Trần Văn Hải", "Nguyễn Thị Mai"],
        "so_dong_trong": 1,
    }
    expected = render_blank(make_blank("phieu-bieu-quyet", document, fillable=fmt if fillable else None), fmt)
    if fmt == "pdf":
        got, want = PdfReader(io.BytesIO(response.data)), PdfReader(io.BytesIO(expected))
        assert got.metadata.get("/KiemdiemBanTrong") == want.metadata.get("/KiemdiemBanTrong")
        assert set(got.get_fields() or {}) == set(want.get_fields() or {})
        assert ("dang_vien[2].ho_ten" in (got.get_fields() or {})) is fillable
    else:
        from generator.blank.reading import read_docx_fields

        if fillable:
            assert read_docx_fields(response.data) == read_docx_fields(expected)
        assert len(response.data) > 5000


def test_a_ballot_with_no_names_is_the_blank_ballot(client):
    response = client.post("/phieu-bieu-quyet/lam-phieu", data={**HEAD, "kieu": "dien_duoc"})
    names = {n for n in PdfReader(io.BytesIO(response.data)).get_fields() if n.endswith(".ho_ten")}
    assert names == {f"dang_vien[{i}].ho_ten" for i in range(15)}


def test_a_bad_ballot_lists_each_problem_title_first_beside_its_field(client):
    response = client.post(
        "/phieu-bieu-quyet/lam-phieu",
        data={
            "nam": "20x5",
            "dang_bo": HEAD["dang_bo"],
            "vong": "3",
            "so_dong_trong": "2,5",
            "profile": "../../etc/passwd",
        },
    )
    assert response.status_code == 422
    page = text(response)
    assert beside(page, "phieu-profile") == [
        "Hồ sơ quy định địa phương ($.profile): không có hồ sơ “../../etc/passwd”; có sẵn: don-vi-tieu-bieu-2025, son-la-2021"
    ]
    response = client.post(
        "/phieu-bieu-quyet/lam-phieu",
        data={
            "nam": "20x5",
            "dang_bo": HEAD["dang_bo"],
            "vong": "3",
            "so_dong_trong": "2,5",
            "dang_vien": "Trần Văn Hải",
        },
    )
    page = text(response)
    assert response.status_code == 422 and "Không làm được phiếu (4 lỗi)" in page
    assert beside(page, "phieu-nam") == ["Năm kiểm điểm ($.nam): cần một số, không phải “20x5”"]
    assert beside(page, "phieu-chi_bo") == ["Chi bộ ($.chi_bo): thiếu trường bắt buộc"]
    assert beside(page, "phieu-so_dong_trong") == [
        "Số dòng để trống ($.so_dong_trong): cần một số nguyên, không phải “2,5”"
    ]
    assert beside(page, "phieu-vong")[0].startswith('Vòng biểu quyết ($.vong): giá trị "3" không hợp lệ')
    assert ">Trần Văn Hải</textarea>" in page and 'value="20x5"' in page  # what was typed stays to be corrected


def test_two_filled_ballots_are_counted_into_the_tally(client):
    pdf = ballot_pdf(client)
    files = [
        (io.BytesIO(filled(pdf, "HTXSNV", "HTTNV", "HTNV")), "phieu-1.pdf"),
        (io.BytesIO(filled(pdf, "HTXSNV", "HTXSNV", None)), "phieu-2.pdf"),
    ]
    response = count(client, files)
    assert response.status_code == 200
    page = text(response)
    assert "Vòng 1: 2 phiếu thu vào, 2 phiếu hợp lệ" in page and "Các tệp không đếm" not in page
    assert "phieu-2.pdf: không đánh dấu cho Lê Quốc Bảo: không hợp lệ đối với đồng chí đó" in page
    tally = tally_in(response.get_data(as_text=True))
    assert (
        tally["ngay_kiem_phieu"] == "2025-12-15"
        and tally["so_phieu_thu_vao"] == 2
        and tally["so_dang_vien_chinh_thuc"] == 4
    )
    assert {m["ho_ten"]: m["phieu"] for m in tally["dang_vien"]} == {
        "Trần Văn Hải": {"HTXSNV": 2},
        "Nguyễn Thị Mai": {"HTXSNV": 1, "HTTNV": 1},
        "Lê Quốc Bảo": {"HTNV": 1},
    }
    assert tally["ban_kiem_phieu"] == [
        {"ho_ten": "Trần Văn Hải", "chuc_danh": "truong_ban"},
        {"ho_ten": "Lê Quốc Bảo", "chuc_danh": "thanh_vien"},
    ]
    saved = client.post("/phieu-bieu-quyet/bien-ban.json", data={"bien_ban": json.dumps(tally)})
    assert saved.headers["Content-Disposition"] == 'attachment; filename="bien-ban-kiem-phieu-chi-bo-khu-pho-5.json"'
    assert json.loads(saved.data)["dang_vien"] == tally["dang_vien"]
    printed = client.post("/phieu-bieu-quyet/bien-ban.pdf", data={"bien_ban": json.dumps(tally)})
    assert printed.status_code == 200 and printed.data[:5] == b"%PDF-"
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.data)).pages).split())
    assert "Nhà văn hóa Khu phố 5" in words and "Lê Quốc Bảo" in words


def test_a_zip_of_ballots_and_the_files_it_does_not_count(client):
    pdf = ballot_pdf(client)
    other = client.post(
        "/phieu-bieu-quyet/lam-phieu",
        data={**HEAD, "chi_bo": "Chi bộ Khu phố 6", "dang_vien": "\n".join(NAMES), "kieu": "dien_duoc"},
    ).data
    one = filled(pdf, "HTXSNV", "HTTNV", "HTTNV")
    archive = zip_bytes(
        {
            "to-1/a.pdf": one,
            "to-1/b.pdf": filled(pdf, "HTTNV", "HTTNV", "HTTNV"),
            "khu-pho-6.pdf": filled(other, "HTXSNV", "HTXSNV", "HTXSNV"),
            "ghi-chu.txt": b"x",
            "__MACOSX/to-1/._a.pdf": b"\x00\x05",
            "hong.docx": b"PK not a docx",
        }
    )
    files = [(io.BytesIO(archive), "phieu.zip"), (io.BytesIO(one), "to-1/a.pdf"), (io.BytesIO(one), "c.pdf")]
    response = count(client, files)
    page = text(response)
    assert response.status_code == 200 and "Vòng 1: 3 phiếu thu vào, 3 phiếu hợp lệ" in page
    listed = re.findall(r"<li><strong>(.*?)</strong>: (.*?)</li>", page)
    assert [name for name, _ in listed] == ["to-1/a.pdf", "phieu.zip › khu-pho-6.pdf", "phieu.zip › hong.docx"]
    why = dict(listed)
    assert why["to-1/a.pdf"] == "Tệp ($): trùng tên với một tệp đã gửi: mỗi phiếu chỉ đếm một lần"
    assert (
        "Chi bộ ($.chi_bo): phiếu của “Chi bộ Khu phố 6”, không phải “Chi bộ Khu phố 5” của cuộc kiểm phiếu"
        in why["phieu.zip › khu-pho-6.pdf"]
    )
    assert "Không đọc (không phải .pdf, .docx, .zip): phieu.zip › ghi-chu.txt" in page and "._a.pdf" not in page
    assert "c.pdf giống hệt phieu.zip › to-1/a.pdf (vẫn đếm)" in page


def test_bad_meeting_data_is_titled_beside_its_field(client):
    pdf = ballot_pdf(client)
    files = [(io.BytesIO(filled(pdf, "HTXSNV", "HTTNV", "HTNV")), "p.pdf")]
    response = count(client, files, ngay_kiem_phieu="12/25/2025", so_phieu_phat_ra="bốn", dia_danh="", truong_ban="")
    assert response.status_code == 422
    page = text(response)
    assert beside(page, "kp-ngay_kiem_phieu") == [
        "Ngày kiểm phiếu ($.ngay_kiem_phieu): ngày không hợp lệ “12/25/2025” (ghi dạng dd/mm/yyyy)"
    ]
    assert beside(page, "kp-so_phieu_phat_ra") == [
        "Số phiếu phát ra ($.so_phieu_phat_ra): cần một số, không phải “bốn”"
    ]
    # what the tally needs and the page lacks is said when the ballots are counted, as kiemdiem tally does
    response = count(client, [(io.BytesIO(filled(pdf, "HTXSNV", "HTTNV", "HTNV")), "p.pdf")], dia_danh="")
    page = text(response)
    assert response.status_code == 422 and beside(page, "kp-dia_danh") == [
        "Địa danh ($.dia_danh): thiếu trường bắt buộc"
    ]
    response = count(client, [(io.BytesIO(filled(pdf, "HTXSNV", "HTTNV", "HTNV")), "p.pdf")], so_phieu_phat_ra="0")
    listed = re.findall(r"<li>(.*?)</li>", text(response))
    assert response.status_code == 422 and any(p.startswith("Số phiếu thu vào ($.so_phieu_thu_vao)") for p in listed)


def test_files_that_are_no_ballots_of_this_vote_are_each_named(client):
    response = count(client, [(io.BytesIO(b"%PDF-1.7 rubbish"), "hong.pdf"), (io.BytesIO(b"GIF89a"), "anh.pdf")])
    page = text(response)
    assert response.status_code == 422 and "Thư mục ($): không có phiếu nào của cuộc kiểm phiếu này" in page
    assert [n for n, _ in re.findall(r"<li><strong>(.*?)</strong>: (.*?)</li>", page)] == ["hong.pdf", "anh.pdf"]
    response = count(client, [(io.BytesIO(b""), "")])
    assert response.status_code == 400 and "chưa chọn phiếu đã điền" in text(response)


@pytest.mark.parametrize(
    "files, words",
    [
        ([(io.BytesIO(zip_bytes({"a.pdf": b"%PDF" + b" " * (30 * 1024 * 1024)})), "bom.zip")], "tệp nén độc hại"),
        (
            [(io.BytesIO(zip_bytes({"../../etc/a.pdf": b"%PDF-"})), "x.zip")],
            "không hợp lệ (chỉ nhận tệp trong thư mục đã chọn)",
        ),
        ([(io.BytesIO(b"%PDF-"), "/etc/passwd.pdf")], "tên tệp phiếu “/etc/passwd.pdf” không hợp lệ"),
        (
            [
                (
                    io.BytesIO(
                        zip_bytes(
                            {f"p{i}.pdf": b"%PDF-" for i in range(2001)},
                        )
                    ),
                    "nhieu.zip",
                )
            ],
            "tối đa 2000",
        ),
    ],
)
def test_hostile_uploads_are_refused_and_nothing_is_left(client, app, files, words):
    response = count(client, files)
    assert response.status_code == 400 and words in text(response)
    assert not any((app.config["KIEMDIEM_WORKDIR"] / "kiem-phieu").iterdir())


def test_a_tampered_tally_is_refused_with_its_problems(client):
    response = client.post(
        "/phieu-bieu-quyet/bien-ban.pdf", data={"bien_ban": json.dumps({"form": "bien-ban-kiem-phieu"})}
    )
    assert response.status_code == 422 and "Địa danh ($.dia_danh): thiếu trường bắt buộc" in text(response)
    response = client.post(
        "/phieu-bieu-quyet/bien-ban.json", data={"bien_ban": json.dumps({"form": "ban-tu-kiem-diem"})}
    )
    assert response.status_code == 422 and "cần một biên bản kiểm phiếu" in text(response)
    assert client.post("/phieu-bieu-quyet/bien-ban.exe", data={"bien_ban": "{}"}).status_code == 404


def test_round_2_is_counted_onto_the_round_1_tally_sent_as_the_meeting_file(client):
    response = client.post(
        "/phieu-bieu-quyet/lam-phieu",
        data={**HEAD, "vong": "2", "so_cho": "1", "kieu": "dien_duoc", "dang_vien": "\n".join(NAMES[:2])},
    )
    assert response.status_code == 200
    pdf, tick = response.data, filling.tick
    first = count(
        client,
        [
            (io.BytesIO(filled(ballot_pdf(client), *levels)), f"v1-{n}.pdf")
            for n, levels in enumerate([("HTXSNV", "HTXSNV", "HTTNV")] * 3 + [("HTXSNV", "HTTNV", "HTTNV")])
        ],
    )
    round_1 = tally_in(first.get_data(as_text=True))
    files = [
        (io.BytesIO(tick(pdf, names)), f"v2-{n}.pdf")
        for n, names in enumerate(
            [
                ["dang_vien[0].chon"],
                ["dang_vien[0].chon"],
                ["dang_vien[1].chon"],
                ["dang_vien[0].chon", "dang_vien[1].chon"],
            ]
        )
    ]
    second = client.post(
        "/phieu-bieu-quyet/dem-phieu",
        content_type="multipart/form-data",
        data={"cuoc_hop": (io.BytesIO(json.dumps(round_1).encode()), "vong-1.json"), "phieu": files},
    )
    page = text(second)
    assert second.status_code == 200 and "Vòng 2: 4 phiếu thu vào, 3 phiếu hợp lệ" in page
    assert "Phiếu không hợp lệ: v2-3.pdf: chọn 2 đồng chí, nhiều hơn 1 chỗ" in page
    tally = tally_in(second.get_data(as_text=True))
    assert {m["ho_ten"]: m.get("phieu_vong_2") for m in tally["dang_vien"]} == {
        "Trần Văn Hải": 2,
        "Nguyễn Thị Mai": 1,
        "Lê Quốc Bảo": None,
    }
    assert tally["so_phieu_thu_vao"] == 4 and tally["dang_vien"][0]["phieu"] == round_1["dang_vien"][0]["phieu"]
