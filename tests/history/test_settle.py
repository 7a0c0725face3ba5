"""The clerk settles what the record would not guess: ``history rename`` (the recorded spelling) and
``history merge`` (two recorded people who are one); what would break the record's rules is refused and
nothing changes. On SQLite and PostgreSQL."""

from __future__ import annotations

import json

from generator.cli import main
from generator.history.store import open_store
from tests.history.rows import DANG_BO, member, organisation, run


def _people(history, capsys) -> dict:
    """Every recorded person by id, with all their outcomes (show filters people by a part of the name)."""
    capsys.readouterr()
    assert main(["history", "show", "--ho-ten", " ", "--json", "--history", history]) == 0
    return {p["id"]: p for p in json.loads(capsys.readouterr().out)["people"]}


def test_a_spelling_reported_is_settled_by_renaming_and_the_row_then_records(target, history, capsys):
    with open_store(target) as store:
        store.record(run(nam=2024), [member("Nguyễn văn An", "1980-03-02", "HTXSNV", 2024)])
        refused = store.record(run(nam=2025), [member("Nguyễn Văn An", "1980-03-02", "HTTNV", 2025)])
    assert "khác cách viết" in refused.conflicts[0].reason
    [person_id] = _people(history, capsys)
    assert main(["history", "show", "--ho-ten", "Nguyễn văn An", "--history", history]) == 0
    assert f"mã {person_id}" in capsys.readouterr().out  # the id the clerk needs is printed
    assert main(["history", "rename", "--id", str(person_id), "--ho-ten", "Nguyễn Văn An", "--history", history]) == 0
    assert "họ tên “Nguyễn văn An” sửa thành “Nguyễn Văn An”" in capsys.readouterr().out
    with open_store(target) as store:
        again = store.record(run(nam=2025), [member("Nguyễn Văn An", "1980-03-02", "HTTNV", 2025)])
    assert (again.added, again.conflicts) == (1, [])
    [an] = _people(history, capsys).values()
    assert [o["nam"] for o in an["outcomes"]] == [2024, 2025]


def test_two_recorded_people_who_are_one_are_merged_and_what_breaks_the_rules_is_refused(target, history, capsys):
    with open_store(target) as store:  # 2025's birth date typed day and month swapped: the record took a new person
        store.record(run(nam=2024), [member("Trần Thị Bình", "1985-01-05", "HTXSNV", 2024, admitted="2008-05-19")])
        store.record(run(nam=2025), [member("Trần Thị Bình", "1985-05-01", "HTXSNV", 2025, admitted=None, card="12")])
    people = _people(history, capsys)
    assert len(people) == 2
    first, second = sorted(people)
    assert main(["history", "merge", "--giu", str(first), "--gop", str(first), "--history", history]) == 2
    assert "cùng một mã" in capsys.readouterr().err
    assert main(["history", "merge", "--giu", str(first), "--gop", str(second), "--history", history]) == 0
    done = capsys.readouterr().out
    assert "1 kết quả chuyển sang; bỏ ngày sinh 01/05/1985 (của mã" in done
    [binh] = _people(history, capsys).values()
    assert (binh["ngay_sinh"], binh["ngay_vao_dang"], binh["so_the_dang_vien"]) == ("1985-01-05", "2008-05-19", "12")
    assert [o["nam"] for o in binh["outcomes"]] == [2024, 2025]
    # Another Bình, recorded for 2025 too: one outcome a year, refused; one with another card, refused.
    with open_store(target) as store:
        store.record(run("khac.xlsx", 2025), [member("Trần Thị Bình", "1990-09-09", "HTTNV", 2025, admitted=None)])
        store.record(run("the.xlsx", 2023), [member("Trần Thị Bình", "1979-09-09", "HTTNV", 2023, card="99")])
    others = sorted(i for i in _people(history, capsys) if i != first)
    assert main(["history", "merge", "--giu", str(first), "--gop", str(others[0]), "--history", history]) == 2
    assert "cùng có kết quả năm 2025: một người chỉ một kết quả mỗi năm" in capsys.readouterr().err
    assert main(["history", "merge", "--giu", str(first), "--gop", str(others[1]), "--history", history]) == 2
    assert "hai số thẻ đảng viên khác nhau" in capsys.readouterr().err
    assert len(_people(history, capsys)) == 3  # nothing changed
    assert main(["history", "merge", "--giu", "999", "--gop", str(first), "--history", history]) == 2
    assert "không có đảng viên mã 999" in capsys.readouterr().err


def test_the_committees_recognition_of_tieu_bieu_is_recorded_and_a_rerun_keeps_it(target, history, capsys):
    def chi_bo(ma: str, level: str):
        return organisation(ma, f"Chi bộ {ma}", level)

    with open_store(target) as store:
        store.record(run(), [], [chi_bo("kp5", "HTXSNV"), chi_bo("kp6", "HTTNV")])
    decision = "Quyết định số 05-QĐ/ĐU ngày 10/01/2026"
    argv = ["history", "tieu-bieu", "--nam", "2025", "--quyet-dinh", decision, "--history", history]
    # kp6 is HTTNV and kp9 unknown: both said, nothing recorded, not even kp5.
    assert main([*argv, "--ma", "kp5", "kp6", "kp9"]) == 2
    err = capsys.readouterr().err
    assert "Chi bộ kp6 (mã kp6) năm 2025 xếp loại “Hoàn thành tốt nhiệm vụ”: chỉ tổ chức đạt" in err
    assert "mã tổ chức “kp9”: không có trong hồ sơ" in err and "chưa ghi tổ chức nào" in err
    assert main([*argv, "--ma", "kp5"]) == 0
    assert "Chi bộ kp5: tiêu biểu năm 2025" in capsys.readouterr().out
    assert main(["history", "show", "--chi-bo", "kp5", "--json", "--history", history]) == 0
    [org] = json.loads(capsys.readouterr().out)["organisations"]
    [outcome] = org["outcomes"]
    assert outcome["tieu_bieu"] is True and outcome["source"]["kind"] == "tieu-bieu"
    assert outcome["source"]["file"] == decision
    # A re-run of the year that does not know the recognition keeps it (same level).
    with open_store(target) as store:
        again = store.record(run("dang-bo-2025-lan-2.xlsx"), [], [chi_bo("kp5", "HTXSNV")])
    assert again.unchanged == 1
    assert main(["history", "show", "--chi-bo", "kp5", "--json", "--history", history]) == 0
    assert json.loads(capsys.readouterr().out)["organisations"][0]["outcomes"][0]["tieu_bieu"] is True
    # awards propose now has the recognition as evidence: the chi bộ's one-year award is decided.
    assert main(["awards", "propose", "--year", "2025", "--date", "2025-12-20", "--json", "--history", history]) == 0
    found = json.loads(capsys.readouterr().out)
    assert ("chi_bo_nam", "Chi bộ kp5") in {(x["award"]["id"], x["subject"]["ten"]) for x in found["eligible"]}
    assert not any(x["subject"]["ten"] == "Chi bộ kp5" for x in found["undecided"])


def test_one_dang_bo_written_two_ways_is_one_for_the_recognition(target, history, capsys):
    pairs = (("kp5", DANG_BO), ("kp6", DANG_BO.lower()))
    rows = [organisation(ma, f"Chi bộ {ma}", "HTXSNV", dang_bo=name) for ma, name in pairs]
    with open_store(target) as store:
        store.record(run(), [], rows)
    argv = [
        "history",
        "tieu-bieu",
        "--nam",
        "2025",
        "--ma",
        "kp5",
        "kp6",
        "--quyet-dinh",
        "QĐ 05",
        "--history",
        history,
    ]
    assert main(argv) == 0, capsys.readouterr().err  # no --dang-bo needed: spacing and case aside, one đảng bộ
