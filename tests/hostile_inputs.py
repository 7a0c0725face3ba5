"""Hostile and broken inputs of every kind the toolkit reads, each with the words its refusal must say.

Built from the shipped examples into a folder (``build_*``), used by the CLI tests
(``test_hostile_files.py``) and the web app's (``web/test_web_hostile_routes.py``).
Each builder returns ``{name: (path, words)}``.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MEMBER = EXAMPLES / "ban-tu-kiem-diem-02a.yaml"
WORKBOOK = EXAMPLES / "dang-bo-2025.xlsx"
MEMBER_SHEET_PART = "xl/worksheets/sheet4.xml"  # “Đảng viên” in the example workbook


def _with_date(text: str, value: str) -> str:
    return re.sub(r"(?m)^ngay_lap:.*$", f"ngay_lap: {value}", text)


def build_documents(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """JSON/YAML documents: dates YAML would turn into dates, special files, endless and huge files."""
    folder.mkdir(parents=True, exist_ok=True)
    source = MEMBER.read_text(encoding="utf-8")
    cases: dict[str, tuple[Path, tuple[str, ...]]] = {}
    for name, value, words in [
        ("ngay-30-02", "2025-02-30", ("$.ngay_lap", "ngày 30/02/2025 không có trên lịch")),
        ("ngay-nam-0", "0000-01-01", ("$.ngay_lap", "ngày 01/01/0000 không có trên lịch")),
        ("thang-13", "2025-13-01", ("$.ngay_lap", "ngày 01/13/2025 không có trên lịch")),
        ("gio-sai", "2025-12-05 25:61:61", ("$.ngay_lap", "không phải ngày hợp lệ")),
        ("timestamp", "!!timestamp 2025-13-01", ("$.ngay_lap", "ngày 01/13/2025 không có trên lịch")),
    ]:
        path = folder / f"{name}.yaml"
        path.write_text(_with_date(source, value), encoding="utf-8")
        cases[name] = (path, words)
    fifo = folder / "ong-dan.yaml"
    os.mkfifo(fifo)
    cases["fifo"] = (fifo, ("không phải tệp thông thường",))
    zero = folder / "vo-tan.yaml"
    zero.symlink_to("/dev/zero")
    cases["dev-zero"] = (zero, ("không phải tệp thông thường",))
    huge = folder / "qua-lon.yaml"
    with huge.open("w") as out:
        out.write("form: ban-tu-kiem-diem\nghi_chu: '" + "a" * (6 * 1024 * 1024) + "'\n")
    cases["huge"] = (huge, ("tệp quá lớn",))
    deep = folder / "long-sau.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    cases["deep-json"] = (deep, ("lồng nhau quá sâu",))
    deep_yaml = folder / "long-sau.yaml"
    deep_yaml.write_text("a: " + "[" * 20_000 + "]" * 20_000 + "\n")
    cases["deep-yaml"] = (deep_yaml, ("lồng nhau quá sâu",))
    alias = folder / "tham-chieu.yaml"
    alias.write_text("a: &x [1, 2]\nb: [*x, *x, *x]\n")
    cases["alias"] = (alias, ("tham chiếu YAML",))
    binary = folder / "nhi-phan.json"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    cases["not-utf8"] = (binary, ("không phải văn bản UTF-8",))
    return cases


def long_name(folder: Path) -> Path:
    """A path whose last part is 4,000 characters: no file system accepts it."""
    return folder / ("a" * 4000 + ".yaml")


def build_profiles(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """Regulation profiles (``--profile``): wrong shapes, endless nesting, absurd numbers, special files."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {}
    for name, text, words in [
        ("overrides-list", "regime: qd366-2025\noverrides: [1, 2]\n", ("“overrides” phải là một đối tượng",)),
        ("overrides-text", "regime: qd366-2025\noverrides: abc\n", ("“overrides” phải là một đối tượng",)),
        ("deep", "regime: qd366-2025\noverrides: " + "[" * 10_000 + "]" * 10_000 + "\n", ("lồng nhau quá sâu",)),
        (
            "deep-mapping",
            "regime: qd366-2025\noverrides:\n"
            + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(40))
            + "  " * 41
            + "v: 1\n",
            ("lồng nhau quá sâu",),
        ),
        (
            "threshold-1e40",
            "regime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      conditions:\n        HTXSNV:\n"
            "          diem: {value: " + "1" + "0" * 40 + "}\n",
            ("out of range",),
        ),
        (
            "threshold-inf",
            "regime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      conditions:\n        HTXSNV:\n"
            "          diem: {value: 1e400}\n",
            ("out of range",),
        ),
        (
            "quota-list",
            "regime: qd366-2025\noverrides:\n  subjects:\n    ca_nhan:\n      quota: [1]\n",
            ("“overrides.subjects.ca_nhan.quota” phải là đối tượng",),
        ),
        (
            "subjects-number",
            "regime: qd366-2025\noverrides:\n  subjects: 5\n",
            ("“overrides.subjects” phải là đối tượng",),
        ),
        ("alias", "regime: qd366-2025\nx: &a [1]\noverrides: {y: *a}\n", ("tham chiếu YAML",)),
        ("not-a-mapping", "- 1\n- 2\n", ("phải là một đối tượng YAML",)),
    ]:
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        cases[name] = (path, words)
    fifo = folder / "ong-dan.yaml"
    os.mkfifo(fifo)
    cases["fifo"] = (fifo, ("không phải tệp thông thường",))
    zero = folder / "vo-tan.yaml"
    zero.symlink_to("/dev/zero")
    cases["dev-zero"] = (zero, ("không phải tệp thông thường",))
    return cases


def build_wage_files(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """``--luong-co-so`` tables: impossible dates, absurd amounts, nesting, special files."""
    folder.mkdir(parents=True, exist_ok=True)
    row = "- {from: %s, amount: %s, name: Mức mới, decree: Nghị định 1/2027/NĐ-CP}\n"
    cases = {}
    for name, text, words in [
        ("date-30-02", row % ("2027-02-30", 2700000), ("from",)),
        ("timestamp", row % ("!!timestamp 2027-13-01", 2700000), ("from",)),
        ("amount-1e40", row % ("2027-07-01", "1" + "0" * 40), ("amount",)),
        ("deep", "[" * 10_000 + "]" * 10_000, ("lồng nhau quá sâu",)),
    ]:
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        cases[name] = (path, words)
    fifo = folder / "ong-dan.yaml"
    os.mkfifo(fifo)
    cases["fifo"] = (fifo, ("không phải tệp thông thường",))
    return cases


def _rezip(source: bytes, changes: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """The archive ``source`` with some parts replaced (None: left out) and ``extra`` added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = changes.get(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return out.getvalue()


def _sheet_change(sheet: bytes, pattern: bytes, replacement: bytes, count: int = 1) -> bytes:
    changed = re.sub(pattern, replacement, sheet, count=count)
    assert changed != sheet, pattern  # the example changed shape: the case would test nothing
    return changed


def hostile_workbooks() -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """The example workbook broken in the ways a file from elsewhere can be: (bytes, words)."""
    original = WORKBOOK.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as book:
        sheet = book.read(MEMBER_SHEET_PART)
    first_text = rb"(<is><t[^>]*>)"
    first_number = rb'<c r="E2" t="n"><v>[^<]*</v>'
    cases = {
        "not-a-zip": (b"PK\x03\x04 not really a zip", ("không phải sổ Excel .xlsx",)),
        "xxe": (
            _rezip(
                original,
                {
                    MEMBER_SHEET_PART: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    + sheet.replace(b'<?xml version="1.0" encoding="utf-8"?>', b"")
                },
            ),
            ("DTD",),
        ),
        "entity-expansion": (
            _rezip(
                original, {"xl/styles.xml": b'<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><s/>'}
            ),
            ("DTD",),
        ),
        "control-character": (
            _rezip(original, {MEMBER_SHEET_PART: _sheet_change(sheet, first_text, rb"\1&#1;")}),
            ("ở phần “xl/worksheets/sheet4.xml”, dòng 1",),
        ),
        "shared-string-index": (
            _rezip(
                original,
                {
                    MEMBER_SHEET_PART: _sheet_change(
                        sheet,
                        rb"<c r=\"B2\"([^>]*) t=\"inlineStr\"><is><t[^>]*>[^<]*</t></is></c>",
                        rb'<c r="B2" t="s"><v>999999</v></c>',
                    )
                },
            ),
            ("trang “Đảng viên”", "nội dung trang hỏng"),
        ),
        "row-2000000000": (
            _rezip(
                original,
                {
                    MEMBER_SHEET_PART: sheet.replace(
                        b"</sheetData>",
                        b'<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
                    )
                },
            ),
            ("trang “Đảng viên”", "1048576"),
        ),
        "bomb-shared-strings": (
            _rezip(original, {}, {"xl/sharedStrings.xml": b"<sst>" + b" " * (60 * 1024 * 1024) + b"</sst>"}),
            ("tỷ lệ bất thường",),
        ),
        "many-parts": (_rezip(original, {}, {f"xl/media/p{i}.bin": b"" for i in range(2_100)}), ("phần bên trong",)),
    }
    cases["nan-cell"] = (
        _rezip(original, {MEMBER_SHEET_PART: _sheet_change(sheet, first_number, b'<c r="E2" t="n"><v>NaN</v>')}),
        ("trang “Đảng viên”, dòng 2", "NaN"),
    )
    return cases


def build_workbooks(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = {}
    for name, (data, words) in hostile_workbooks().items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(data)
        cases[name] = (path, words)
    fifo = folder / "ong-dan.xlsx"
    os.mkfifo(fifo)
    cases["fifo"] = (fifo, ("không phải tệp thông thường",))
    return cases


def _docx_skeleton(data: bytes, change) -> bytes:
    """A fillable DOCX whose skeleton (in the core properties) ``change`` rewrote."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    mark = "kiemdiem-ban-trong:"
    start = core.index(mark) + len(mark)
    end = core.index("</dc:description>")
    import html

    skeleton = json.loads(html.unescape(core[start:end]))
    text = change(skeleton)
    core = core[:start] + html.escape(text if isinstance(text, str) else json.dumps(text), quote=False) + core[end:]
    return _rezip(data, {"docProps/core.xml": core.encode("utf-8")})


def hostile_docx_blanks(blank: bytes) -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """A fillable DOCX blank (``blank``) broken: (bytes, words)."""
    with zipfile.ZipFile(io.BytesIO(blank)) as archive:
        body = archive.read("word/document.xml")
    return {
        "bomb-document": (
            _rezip(
                blank,
                {
                    "word/document.xml": body.replace(
                        b"</w:body>", b"<!--" + b" " * (60 * 1024 * 1024) + b"--></w:body>"
                    )
                },
            ),
            ("tỷ lệ bất thường",),
        ),
        "dtd-document": (_rezip(blank, {"word/document.xml": b'<!DOCTYPE d [<!ENTITY x "y">]>' + body}), ("DTD",)),
        "skeleton-member-text": (_docx_skeleton(blank, lambda s: {**s, "dang_vien": "Nguyễn Văn A"}), ("$.dang_vien",)),
        "skeleton-member-list": (_docx_skeleton(blank, lambda s: {**s, "dang_vien": [1, 2]}), ("$.dang_vien",)),
        "skeleton-deep": (
            _docx_skeleton(
                blank, lambda s: json.dumps({**s, "x": None})[:-1] + ', "y": ' + "[" * 10_000 + "]" * 10_000 + "}"
            ),
            ("lồng nhau quá sâu",),
        ),
        "field-index-2e9": (
            _rezip(
                blank,
                {"word/document.xml": body.replace(b'w:val="dang_bo"', b'w:val="dang_vien.ho_ten[2000000000]"', 1)},
            ),
            ("số thứ tự dòng quá lớn",),
        ),
        "not-a-zip": (b"PK\x03\x04 broken", ("không đọc được cấu trúc tệp",)),
    }


def hostile_pdf_blanks(blank: bytes) -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """A fillable PDF blank broken through pypdf: a field index of 2·10⁹, a skeleton 10,000 deep, garbage."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    def rewrite(change_field=None, metadata=None) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
        if change_field:
            for page in writer.pages:
                for annotation in page.get("/Annots") or []:
                    field = annotation.get_object()
                    if field.get("/T") == "dang_bo":
                        field[NameObject("/T")] = TextStringObject(change_field)
        if metadata is not None:
            writer.add_metadata({"/KiemdiemBanTrong": metadata})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    skeleton = json.dumps({"form": "ban-tu-kiem-diem", "regime": "qd366-2025", "y": None})
    return {
        "field-index-2e9": (rewrite(change_field="dang_vien.ho_ten[2000000000]"), ("số thứ tự dòng quá lớn",)),
        "skeleton-deep": (
            rewrite(metadata=skeleton[:-1] + ', "z": ' + "[" * 10_000 + "]" * 10_000 + "}"),
            ("lồng nhau quá sâu",),
        ),
        "garbage": (b"%PDF-1.7\n" + os.urandom(4096), ("Tệp PDF",)),
        "truncated": (blank[: len(blank) // 3], ("Tệp PDF",)),
    }
