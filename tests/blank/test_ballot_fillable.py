"""Fillable vote ballots go out, come back filled, and are counted into a tally sheet:
fields named by the member's JSON path, the printed ballot's layout, the "phiếu hợp lệ"
rules, ballots of another chi bộ or list left out, and a tally that classifies and prints."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from generator import load_document, prepare, render
from generator.blank import make_blank, render_blank
from generator.blank.reading import read_docx_fields
from generator.blank.tally_import import tally_folder
from generator.cli import main
from generator.errors import InputError
from tests.blank.filling import fill, fill_docx, tick
from tests.render.test_parity import docx_text, normal, pdf_text

SIX = ["Trần Văn Hải", "Nguyễn Thị Mai", "Lê Quốc Bảo", "Phan Thị Thu", "Võ Minh Tâm", "Đinh Công Lý"]
LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
MEETING = {
    "regime": "qd366-2025",
    "nam": 2025,
    "dang_bo": "Đảng bộ phường Ba Đình",
    "chi_bo": "Chi bộ Khu phố 5",
    "dia_danh": "Hà Nội",
    "ngay_kiem_phieu": "2025-12-15",
    "dia_diem": "Nhà văn hóa Khu phố 5",
    "so_dang_vien_chinh_thuc": 7,
    "so_co_mat": 7,
    "so_phieu_phat_ra": 7,
    "ban_kiem_phieu": [
        {"ho_ten": "Trần Văn Hải", "chuc_danh": "truong_ban"},
        {"ho_ten": "Lê Quốc Bảo", "chuc_danh": "thanh_vien"},
    ],
}
# Seven voters: what each ticks for each member (None: the row left empty); the last ballot is blank.
VOTES = [
    ["HTXSNV", "HTXSNV", "HTTNV", "HTTNV", "HTNV", "HTTNV"],
    ["HTXSNV", "HTXSNV", "HTTNV", "HTTNV", "HTNV", "HTTNV"],
    ["HTXSNV", "HTXSNV", "HTTNV", "HTTNV", "HTNV", "HTTNV"],
    ["HTXSNV", "HTTNV", "HTTNV", None, "KHTNV", "HTTNV"],
    ["HTXSNV", "HTTNV", "HTNV", "HTTNV", "HTNV", "HTTNV"],
    ["HTTNV", "HTTNV", "HTNV", "HTTNV", "HTNV", "HTNV"],
    [None] * 6,
]


def ballot(**changes) -> dict:
    return {
        "form": "phieu-bieu-quyet",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ phường Ba Đình",
        "chi_bo": "Chi bộ Khu phố 5",
        "dang_vien": SIX,
        **changes,
    }


def fillable(data: dict, fmt: str = "pdf") -> bytes:
    return render_blank(make_blank("phieu-bieu-quyet", data, fillable=fmt), fmt)


def choices(votes: list) -> dict:
    return {f"dang_vien[{i}].chon": code for i, code in enumerate(votes) if code}


def seven_ballots(folder, data=None) -> None:
    """Five voters fill the PDF, two the DOCX, as a viewer and Word save them."""
    folder.mkdir(exist_ok=True)
    pdf, docx = fillable(data or ballot()), fillable(data or ballot(), "docx")
    for n, votes in enumerate(VOTES, 1):
        filled = fill(pdf, {}, choices(votes)) if n <= 5 else fill_docx(docx, {}, choices(votes))
        (folder / f"phieu-{n}.{'pdf' if n <= 5 else 'docx'}").write_bytes(filled)


# ------------------------------------------------------------ the fillable ballot
def test_round_1_pdf_has_a_radio_group_per_member_named_by_json_path():
    reader = PdfReader(io.BytesIO(fillable(ballot(so_dong_trong=1))))
    fields = {name: f for name, f in reader.get_fields().items() if "/FT" in f}
    assert set(fields) == {f"dang_vien[{i}].chon" for i in range(7)} | {"dang_vien[6].ho_ten"}
    for i in range(7):
        group = fields[f"dang_vien[{i}].chon"]
        assert group["/FT"] == "/Btn" and group["/Ff"] & (1 << 15)  # a radio group
        assert [str(o) for o in group["/Opt"]] == LEVELS
    assert fields["dang_vien[6].ho_ten"]["/FT"] == "/Tx"
    skeleton = json.loads(reader.metadata["/KiemdiemBanTrong"])
    assert skeleton["dang_vien"] == SIX and skeleton["vong"] == 1 and skeleton["chi_bo"] == "Chi bộ Khu phố 5"


def test_round_1_keeps_the_printed_ballots_text_and_name_order():
    printed = pdf_text(render(prepare(ballot()), ["pdf"])["pdf"])
    assert normal(pdf_text(fillable(ballot()))) == normal(printed).replace("☐", "")  # buttons in place of the boxes
    # row 1 is Lê Quốc Bảo (Vietnamese order), whose path is his index in the list typed
    reader = PdfReader(io.BytesIO(fillable(ballot())))
    widgets = [a.get_object() for a in reader.pages[0]["/Annots"]]
    first_row = [w for w in widgets if w.get("/Parent") and w["/Parent"].get_object().get("/T") == "chon"]
    tops = {str(w["/Parent"].get_object()["/Parent"].get_object()["/T"]): float(w["/Rect"][1]) for w in first_row}
    order = sorted(tops, key=lambda name: -tops[name])
    assert order[:2] == ["dang_vien[2]", "dang_vien[0]"]  # Lê Quốc Bảo, then Trần Văn Hải


def test_round_1_docx_has_one_drop_down_list_per_member():
    docx = fillable(ballot(so_dong_trong=1), "docx")
    skeleton, answers = read_docx_fields(docx)
    assert set(answers) == {f"dang_vien[{i}].chon" for i in range(7)} | {"dang_vien[6].ho_ten"}
    assert skeleton["dang_vien"] == SIX
    text = docx_text(docx)
    assert "Mức xếp loại (chọn một mức)" in text and "Lê Quốc Bảo" in text and "PHIẾU BIỂU QUYẾT" in text
    assert text.count("Chọn một mức") == 7 and "chọn mức xếp loại của từng đảng viên trong danh sách" in text


def test_round_2_has_one_check_box_per_candidate():
    data = ballot(vong=2, so_cho=1, dang_vien=SIX[:3])
    fields = {n: f for n, f in PdfReader(io.BytesIO(fillable(data))).get_fields().items() if "/FT" in f}
    assert set(fields) == {"dang_vien[0].chon", "dang_vien[1].chon", "dang_vien[2].chon"}
    assert all(f["/FT"] == "/Btn" and not f.get("/Ff", 0) & (1 << 15) for f in fields.values())  # check boxes
    docx = fillable(data, "docx")
    _, answers = read_docx_fields(docx)
    assert set(answers) == set(fields)
    assert "thì chọn “Đồng ý” trong ô tương ứng; chọn không quá 1 đồng chí." in docx_text(docx)


def test_forty_members_run_over_pages_with_every_group():
    names = [f"{family} Văn Tên{i:02d}" for i, family in enumerate(["Nguyễn", "Trần", "Lê", "Phạm"] * 10)]
    reader = PdfReader(io.BytesIO(fillable(ballot(dang_vien=names))))
    assert len(reader.pages) >= 2
    assert {f"dang_vien[{i}].chon" for i in range(40)} == {n for n, f in reader.get_fields().items() if "/FT" in f}
    assert all("/Annots" in page for page in reader.pages)  # buttons on every page


def test_a_fillable_ballot_is_one_voters_copy_and_names_its_chi_bo():
    blank = make_blank("phieu-bieu-quyet", ballot(so_phieu=20), fillable="pdf")  # the printed ballot's 20 copies
    assert len(PdfReader(io.BytesIO(render_blank(blank, "pdf"))).pages) == 1 and "so_phieu" not in blank.skeleton
    with pytest.raises(InputError) as error:
        make_blank("phieu-bieu-quyet", {"nam": 2025}, fillable="pdf")
    assert {p.path for p in error.value.problems} == {"$.dang_bo", "$.chi_bo"}


def test_blank_command_writes_the_fillable_ballot(tmp_path):
    data = tmp_path / "phieu.json"
    data.write_text(json.dumps(ballot()), encoding="utf-8")
    assert main(["blank", "phieu-bieu-quyet", "--data", str(data), "--fillable", "-o", str(tmp_path / "p.pdf")]) == 0
    assert "dang_vien[5].chon" in PdfReader(tmp_path / "p.pdf").get_fields()
    assert (
        main(
            [
                "blank",
                "phieu-bieu-quyet",
                "--data",
                str(data),
                "--fillable",
                "--format",
                "docx",
                "-o",
                str(tmp_path / "p.docx"),
            ]
        )
        == 0
    )
    # without names: the blank ballot's 15 rows, each with a name field
    data.write_text(json.dumps({k: v for k, v in ballot().items() if k != "dang_vien"}), encoding="utf-8")
    assert main(["blank", "phieu-bieu-quyet", "--data", str(data), "--fillable", "-o", str(tmp_path / "t.pdf")]) == 0
    names = {n for n in PdfReader(tmp_path / "t.pdf").get_fields() if n.endswith(".ho_ten")}
    assert names == {f"dang_vien[{i}].ho_ten" for i in range(15)}


# ------------------------------------------------------------ counting
def test_seven_ballots_counted_with_one_invalid(tmp_path):
    seven_ballots(tmp_path)
    result = tally_folder(tmp_path, MEETING)
    document = result.document
    assert (document["so_phieu_phat_ra"], document["so_phieu_thu_vao"], document["so_phieu_hop_le"]) == (7, 7, 6)
    votes = {m["ho_ten"]: m["phieu"] for m in document["dang_vien"]}
    assert votes == {
        "Trần Văn Hải": {"HTXSNV": 5, "HTTNV": 1},
        "Nguyễn Thị Mai": {"HTXSNV": 3, "HTTNV": 3},
        "Lê Quốc Bảo": {"HTTNV": 4, "HTNV": 2},
        "Phan Thị Thu": {"HTTNV": 5},  # one voter left the row empty: that ballot is invalid for her only
        "Võ Minh Tâm": {"HTNV": 5, "KHTNV": 1},
        "Đinh Công Lý": {"HTTNV": 5, "HTNV": 1},
    }
    assert result.invalid == [("phieu-7.docx", "không đánh dấu mức nào (phiếu trắng)")]
    assert [name for name, _ in result.partly] == ["phieu-4.pdf"] and not result.rejected
    assert document["ban_kiem_phieu"] == MEETING["ban_kiem_phieu"] and document["dia_diem"] == MEETING["dia_diem"]


def test_the_tally_validates_classifies_and_prints_its_thresholds(tmp_path):
    seven_ballots(tmp_path / "phieu")
    meeting = tmp_path / "cuoc-hop.yaml"
    meeting.write_text(json.dumps(MEETING, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "bien-ban-kiem-phieu.json"
    assert main(["tally", str(tmp_path / "phieu"), "--data", str(meeting), "-o", str(out)]) == 0
    prepared = prepare(load_document(out))
    ev = prepared.evaluation
    assert ev.voters == 7 and ev.minimum["HTXSNV"] == 5 and ev.minimum["HTTNV"] == 4  # trên 2/3, trên 1/2 of 7
    members = {m.name: m for m in ev.members}
    assert members["Trần Văn Hải"].vote_level == "HTXSNV"  # 5/7: trên 2/3 …
    assert (
        members["Trần Văn Hải"].quota == "cut" and members["Trần Văn Hải"].level == "HTTNV"
    )  # … but 20% × 4 = 0,8 → 0
    assert members["Phan Thị Thu"].level == "HTTNV" and members["Võ Minh Tâm"].level == "HTNV"
    text = pdf_text(render(prepared, ["pdf"])["pdf"])
    assert "5/7" in text and "4/7" in text and "20% × 4 = 0,8" in text and "Chi bộ Khu phố 5".upper() in text


def test_a_ballot_of_another_chi_bo_or_list_is_reported_and_not_counted(tmp_path, capsys):
    seven_ballots(tmp_path / "phieu")
    other = fill(fillable(ballot(chi_bo="Chi bộ Khu phố 6")), {}, choices(VOTES[0]))
    (tmp_path / "phieu" / "khu-pho-6.pdf").write_bytes(other)
    shorter = fill(fillable(ballot(dang_vien=SIX[:5])), {}, choices(VOTES[0][:5]))
    (tmp_path / "phieu" / "danh-sach-khac.pdf").write_bytes(shorter)
    meeting = tmp_path / "cuoc-hop.json"
    meeting.write_text(json.dumps(MEETING, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "bb.json"
    assert main(["tally", str(tmp_path / "phieu"), "--data", str(meeting), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert "khu-pho-6.pdf" in err and "Chi bộ Khu phố 6" in err and "danh-sach-khac.pdf" in err
    document = load_document(out)
    assert document["so_phieu_thu_vao"] == 7 and document["so_phieu_hop_le"] == 6
    assert {m["ho_ten"]: m["phieu"] for m in document["dang_vien"]}["Trần Văn Hải"] == {"HTXSNV": 5, "HTTNV": 1}


def test_round_2_more_choices_than_places_makes_the_ballot_invalid(tmp_path):
    data = ballot(vong=2, so_cho=1, dang_vien=SIX[:2])
    pdf = fillable(data)
    for n, ticked in enumerate([[0], [0], [0], [1], [0, 1], []], 1):
        (tmp_path / f"v2-{n}.pdf").write_bytes(tick(pdf, [f"dang_vien[{i}].chon" for i in ticked]))
    first_round = [
        {"ho_ten": SIX[0], "phieu": {"HTXSNV": 6}},
        {"ho_ten": SIX[1], "phieu": {"HTXSNV": 5, "HTTNV": 1}},
        {"ho_ten": SIX[2], "phieu": {"HTTNV": 6}},
    ]
    round_1 = {**MEETING, "so_phieu_phat_ra": 7, "so_phieu_thu_vao": 7, "so_phieu_hop_le": 6, "dang_vien": first_round}
    result = tally_folder(tmp_path, round_1)  # the round-1 tally, to which round 2 adds phieu_vong_2
    assert (result.round, result.received, result.valid) == (2, 6, 5)
    assert (result.document["so_phieu_thu_vao"], result.document["so_phieu_hop_le"]) == (7, 6)  # round 1's, kept
    assert result.invalid == [("v2-5.pdf", "chọn 2 đồng chí, nhiều hơn 1 chỗ")]
    second = {m["ho_ten"]: m.get("phieu_vong_2") for m in result.document["dang_vien"]}
    assert second == {SIX[0]: 3, SIX[1]: 1, SIX[2]: None}


def test_bad_meeting_data_and_an_empty_folder_exit_2_writing_nothing(tmp_path, capsys):
    (tmp_path / "phieu").mkdir()
    meeting, out = tmp_path / "cuoc-hop.json", tmp_path / "bb.json"

    def tally(data: dict) -> tuple[int, str]:
        meeting.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        status = main(["tally", str(tmp_path / "phieu"), "--data", str(meeting), "-o", str(out)])
        return status, capsys.readouterr().err

    status, err = tally({**MEETING, "so_phieu_phat_ra": "bảy"})
    assert status == 2 and "Số phiếu phát ra ($.so_phieu_phat_ra)" in err and "cuoc-hop.json" in err
    status, err = tally(MEETING)
    assert status == 2 and "không có tệp .pdf, .docx nào" in err
    seven_ballots(tmp_path / "phieu")
    status, err = tally({**MEETING, "so_phieu_hop_le": 6})
    assert status == 2 and "Số phiếu hợp lệ ($.so_phieu_hop_le): kiemdiem tally đếm số này từ các phiếu" in err
    status, err = tally({**MEETING, "so_phieu_phat_ra": 6})
    assert status == 2 and "$.so_phieu_thu_vao" in err  # 7 received, 6 issued
    status, err = tally({k: v for k, v in MEETING.items() if k != "dia_danh"})
    assert status == 2 and "Địa danh ($.dia_danh)" in err
    assert not out.exists() and "Traceback" not in err


def test_kiemdiem_import_points_a_ballot_to_tally(tmp_path, capsys):
    (tmp_path / "phieu.pdf").write_bytes(fill(fillable(ballot()), {}, choices(VOTES[0])))
    assert main(["import", str(tmp_path / "phieu.pdf"), "-o", str(tmp_path / "x.json")]) == 2
    assert "kiemdiem tally" in capsys.readouterr().err and not (tmp_path / "x.json").exists()


def test_a_paper_ballot_from_blank_is_the_printed_ballot():
    blank = make_blank("phieu-bieu-quyet", ballot())
    assert normal(docx_text(render_blank(blank, "docx"))) == normal(
        docx_text(render(prepare(ballot()), ["docx"])["docx"])
    )
