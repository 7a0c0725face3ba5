"""Hostile and broken files through every command that reads them (issue 18).

Each case runs ``kiemdiem`` in a child limited in time and memory (``hostile_run``) and
checks the contract: exit 2 (3 for a bulk run where one record fails and the rest
render), the place named, no traceback, no "lỗi không mong đợi", nothing written.
"""

from __future__ import annotations

import pytest

from tests.hostile_inputs import (
    MEMBER,
    build_documents,
    build_profiles,
    build_wage_files,
    build_workbooks,
    hostile_docx_blanks,
    hostile_pdf_blanks,
    long_name,
)
from tests.hostile_run import assert_refused, run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def documents(corpus):
    return build_documents(corpus / "documents")


@pytest.mark.parametrize("command", ["validate", "render"])
def test_every_broken_document_is_named_in_one_run(command, documents, corpus, tmp_path):
    """Dates YAML would turn into dates, FIFOs, /dev/zero, 6 MB, 100,000 deep, aliases, bytes that are not
    UTF-8, a name of 4,000 characters: each file named with its reason, the run exits 2, writes nothing."""
    out = tmp_path / "out"
    args = [command, *(str(path) for path, _ in documents.values()), str(long_name(corpus))]
    ended = run(*args, *(["-o", str(out), "--format", "docx,pdf"] if command == "render" else []))
    assert_refused(ended, "tên tệp quá dài", out_dir=out)
    for path, words in documents.values():
        report = ended.err.split(f"{path}: dữ liệu không hợp lệ", 1)
        assert len(report) == 2, (path.name, ended.err[-1500:])
        section = report[1].split(": dữ liệu không hợp lệ", 1)[0]
        for word in words:
            assert word in section, (path.name, word, section[:600])


@pytest.mark.parametrize("case", ["ngay-30-02", "timestamp", "fifo", "dev-zero", "huge", "deep-yaml"])
def test_classify_names_a_broken_document(case, documents):
    path, words = documents[case]
    assert_refused(run("classify", str(path)), path.name, *words)


@pytest.mark.parametrize(
    "case",
    [
        "overrides-list",
        "overrides-text",
        "deep",
        "deep-mapping",
        "threshold-1e40",
        "threshold-inf",
        "quota-list",
        "subjects-number",
        "alias",
        "not-a-mapping",
        "fifo",
        "dev-zero",
    ],
)
def test_a_broken_profile_is_named(case, corpus, tmp_path):
    profiles = build_profiles(corpus / f"profiles-{case}")
    path, words = profiles[case]
    out = tmp_path / "out"
    assert_refused(
        run("render", str(MEMBER), "--profile", str(path), "-o", str(out), "--format", "docx"),
        "--profile",
        *words,
        out_dir=out,
    )


@pytest.mark.parametrize("case", ["date-30-02", "timestamp", "amount-1e40", "deep", "fifo"])
def test_a_broken_wage_table_is_named(case, corpus):
    path, words = build_wage_files(corpus / f"wages-{case}")[case]
    assert_refused(run("awards", "2027-12-20", "--luong-co-so", str(path)), "--luong-co-so", *words)


@pytest.mark.parametrize(
    "case",
    [
        "not-a-zip",
        "xxe",
        "entity-expansion",
        "control-character",
        "shared-string-index",
        "row-2000000000",
        "bomb-shared-strings",
        "many-parts",
        "nan-cell",
        "fifo",
    ],
)
def test_a_broken_workbook_is_refused_whole(case, corpus, tmp_path):
    path, words = build_workbooks(corpus / f"workbooks-{case}")[case]
    out = tmp_path / "out"
    assert_refused(run("bulk", str(path), "-o", str(out), "--format", "docx"), *words, out_dir=out)


@pytest.fixture(scope="module")
def blanks(corpus):
    docx, pdf = corpus / "blank.docx", corpus / "blank.pdf"
    assert run("blank", "ban-tu-kiem-diem", "--fillable", "--format", "docx", "-o", str(docx)).code == 0
    assert run("blank", "ban-tu-kiem-diem", "--fillable", "-o", str(pdf)).code == 0
    return docx.read_bytes(), pdf.read_bytes()


DOCX_CASES = [
    "bomb-document",
    "dtd-document",
    "skeleton-member-text",
    "skeleton-member-list",
    "skeleton-deep",
    "field-index-2e9",
    "not-a-zip",
]
PDF_CASES = ["field-index-2e9", "skeleton-deep", "garbage", "truncated"]


@pytest.mark.parametrize("kind, case", [("docx", c) for c in DOCX_CASES] + [("pdf", c) for c in PDF_CASES])
def test_a_broken_filled_blank_is_refused(kind, case, blanks, tmp_path):
    cases = hostile_docx_blanks(blanks[0]) if kind == "docx" else hostile_pdf_blanks(blanks[1])
    data, words = cases[case]
    path = tmp_path / f"{case}.{kind}"
    path.write_bytes(data)
    out = tmp_path / "out"
    assert_refused(run("import", str(path), "-o", str(out / "ban-kiem-diem.json")), *words, out_dir=out)


def test_a_folder_of_broken_blanks_reports_each_and_imports_none(blanks, tmp_path):
    """``import FOLDER --workbook``: every broken file named; no workbook written when none can be read."""
    folder = tmp_path / "ban-dien"
    folder.mkdir()
    for case in ("bomb-document", "skeleton-deep", "field-index-2e9"):
        (folder / f"{case}.docx").write_bytes(hostile_docx_blanks(blanks[0])[case][0])
    (folder / "garbage.pdf").write_bytes(hostile_pdf_blanks(blanks[1])["garbage"][0])
    ended = run("import", str(folder), "--workbook", str(tmp_path / "so.xlsx"))
    assert ended.code in (2, 3), ended.err[-1500:]
    assert "Traceback" not in ended.text and "lỗi không mong đợi" not in ended.text
    for name in ("bomb-document.docx", "skeleton-deep.docx", "field-index-2e9.docx", "garbage.pdf"):
        assert name in ended.text, (name, ended.text[-1500:])


def _template(tmp_path, body: str):
    base = tmp_path / "goc.html"
    assert run("template", "export", "ban-tu-kiem-diem", "-o", str(base)).code == 0
    path = tmp_path / "mau.html"
    path.write_text(base.read_text(encoding="utf-8").replace("</body>", body + "</body>", 1), encoding="utf-8")
    return path


TEMPLATES = {
    "multiply": ("{{ 'x' * 10**9 }}", "chuỗi hay danh sách quá dài"),
    "center": ("{{ 'x'|center(10**9) }}", "số quá lớn"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "độ rộng quá lớn"),
    "recursive-macro": ("{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}", "lồng nhau quá sâu"),
    "doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "quá nhiều bộ nhớ",
    ),
    "nested-loops": ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "quá 3 giây"),
}


@pytest.mark.parametrize("case", sorted(TEMPLATES))
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_template_that_never_finishes_is_refused_in_time(command, case, tmp_path):
    body, words = TEMPLATES[case]
    path = _template(tmp_path, body)
    out = tmp_path / "out"
    args = (
        ["template", "check", str(path), "--form", "ban-tu-kiem-diem"]
        if command == "check"
        else ["render", str(MEMBER), "--template", str(path), "-o", str(out), "--format", "pdf"]
    )
    # the doubling one is to meet the memory cap: on a loaded machine 3 s could run out before it does
    ended = run(*args, env={"KIEMDIEM_GIAY_IN_MAU": "20" if case == "doubling" else "3"})
    assert_refused(ended, words, out_dir=out)
    assert ended.seconds < 30, ended.seconds


def test_a_template_archive_that_inflates_is_refused(blanks, tmp_path):
    path = tmp_path / "mau.docx"
    path.write_bytes(hostile_docx_blanks(blanks[0])["bomb-document"][0])
    assert_refused(run("template", "check", str(path), "--form", "ban-tu-kiem-diem"), "tỷ lệ bất thường")


@pytest.mark.parametrize(
    "args, words",
    [
        (["blank", "ban-tu-kiem-diem", "-o", "{dir}"], ("-o", "là một thư mục")),
        (["blank", "ban-tu-kiem-diem", "-o", "{file}/x.pdf"], ("-o", "nằm trong một tệp")),
        (["workbook-template", "-o", "{dir}"], ("-o", "là một thư mục")),
        (["import", "{blank}", "-o", "{dir}"], ("-o", "là một thư mục")),
        (["render", str(MEMBER), "-o", "{file}"], ("-o", "nằm trong một tệp")),
        (["serve", "--port", "-1"], ("--port", "0 đến 65535")),
        (["serve", "--port", "99999"], ("--port", "0 đến 65535")),
        (["validate", "{long}"], ("tên tệp quá dài",)),
        (["import", "{long_pdf}"], ("tên tệp quá dài",)),
    ],
)
def test_small_things_are_clear_messages(args, words, blanks, tmp_path):
    folder, file = tmp_path / "thu-muc", tmp_path / "tep"
    folder.mkdir()
    file.write_text("x")
    blank = tmp_path / "b.pdf"
    blank.write_bytes(blanks[1])
    names = {
        "dir": str(folder),
        "file": str(file),
        "blank": str(blank),
        "long": str(long_name(tmp_path)),
        "long_pdf": str(long_name(tmp_path).with_suffix(".pdf")),
    }
    ended = run(*(a.format(**names) for a in args))
    assert_refused(ended, *words)
    assert not list(folder.iterdir()) and file.read_text() == "x"
