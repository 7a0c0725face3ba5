"""The workbook's columns, derived from the forms' schemas and the regime's rubric.

A column is one leaf of a schema (a name, a date, a number, a choice, a text)
with the field's Vietnamese title as its header, so the workbook always follows
the forms it fills: a field added to a schema is a column the next day. Nested
objects are flattened; where two columns of one sheet share a title, the
parents' titles go in front ("Nhiệm vụ … › Số nhiệm vụ, chỉ tiêu được giao").
Scores and grades depend on the regime: one column per score part of its
rubric, one per graded criterion. Arrays of objects (sub-criteria) stay in a
JSON/YAML file named on the member's row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..evaluate.regime import Regime, load_regime
from ..schema import load_schema

YES, NO = "Có", "Không"
SEPARATOR = " › "

# Filled by the bulk run from the đảng bộ and the organisation, or computed by it: never a column.
FILLED = frozenset(
    {
        "form",
        "regime",
        "profile",
        "nam",
        "dang_bo",
        "chi_bo",
        "to_chuc",
        "tap_the",
        "loai_to_chuc",
        "loai_tap_the",
        "dia_danh",
        "ngay_lap",
        "thong_ke_dang_vien",
        "thong_ke_to_chuc",
    }
)
ENTRY_VOTES = ("nhom", "phieu", "phieu_vong_2", "tu_cach", "co_mat")  # the vote and who may cast it

# Where a column's value goes: the row itself (codes, file), the đảng bộ header, a chi bộ's list
# (group), a member's entry in that list, or the embedded form (biểu điểm, bản tự kiểm điểm).
ROW, HEADER, GROUP, ENTRY, DOCUMENT = "row", "header", "group", "entry", "document"


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple[str, ...]
    kind: str  # text, integer, number, boolean, date, enum, paragraphs, lines
    target: str = DOCUMENT
    choices: tuple[tuple[str, str], ...] = ()  # (code, title) of an enum
    minimum: float | None = None
    maximum: float | None = None
    description: str = ""
    required: bool = False
    title: str = ""  # the field's own title (the header may carry its parents' in front)
    parents: tuple[str, ...] = ()  # titles of the objects around the field, outermost first

    def choice_titles(self) -> list[str]:
        return [YES, NO] if self.kind == "boolean" else [title for _, title in self.choices]


_QUOTES = str.maketrans({"«": "“", "»": "”", '"': "“"})


def header_key(text: str) -> str:
    """How headers are compared: NFC, spaces collapsed, case ignored, any quotation marks alike
    (workbooks made before 2026-12 wrote «…» where headers now say “…”)."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold().translate(_QUOTES)
    return text.replace("“", '"').replace("”", '"')


def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _kind(node: dict) -> str | None:
    types = node.get("type")
    if node.get("oneOf") and all("const" in option for option in node["oneOf"]):
        return "enum"
    if isinstance(types, list):
        return "paragraphs" if sorted(types) == ["array", "string"] else None
    if types == "array":
        return "lines" if node.get("items", {}).get("type") == "string" else None
    if types == "string":
        return "date" if node.get("format") == "date" else "text"
    return {"integer": "integer", "number": "number", "boolean": "boolean"}.get(types)


def _leaves(form: str, target: str, skip: frozenset, rubric: dict, node: dict | None = None) -> list[Column]:
    """Every leaf of ``form`` (or of ``node`` inside it) as a column; ``rubric`` replaces whole fields."""
    schema = load_schema(form)
    defs = schema.get("$defs", {})
    out: list[Column] = []

    def walk(node: dict, path: tuple, parents: tuple) -> None:
        if path in rubric:
            out.extend(rubric[path])
            return
        node = _resolve(node, defs)
        if node.get("type") == "object" and "properties" in node:
            inner = parents + ((node.get("title") or path[-1],) if path else ())
            for key, child in node["properties"].items():
                if not path and key in skip:
                    continue
                walk(child, path + (key,), inner)
            return
        kind = _kind(node)
        if kind is None:
            return
        title = node.get("title") or path[-1]
        out.append(
            Column(
                title,
                path,
                kind,
                target,
                tuple((o["const"], o.get("title", o["const"])) for o in node.get("oneOf", [])),
                node.get("minimum"),
                node.get("maximum"),
                node.get("description", ""),
                title=title,
                parents=parents,
            )
        )

    walk(node or schema, (), ())
    return out


def _grades(form: str) -> tuple[tuple[str, str], ...]:
    """The grades of one criterion (Xuất sắc … Kém), from the schema's ``cap_do``."""
    schema = load_schema(form)
    node = _resolve(
        schema["properties"]["cap_do"]
        if "cap_do" in schema["properties"]
        else schema["properties"]["dang_vien"]["items"]["properties"]["cap_do"],
        schema["$defs"],
    )
    return tuple((o["const"], o["title"]) for o in _resolve(node["additionalProperties"], schema["$defs"])["oneOf"])


def _rubric(rules, target: str, form: str) -> dict:
    """Columns that stand for ``diem`` (one per score part) and ``cap_do`` (one per criterion)."""
    parts = [
        Column(
            f"Điểm: {p['label']}",
            ("diem", p["id"], "diem"),
            "number",
            target,
            minimum=0,
            maximum=p["max"],
            description=f"Điểm tự chấm, tối đa {p['max']:g} điểm.",
            title=f"Điểm: {p['label']}",
        )
        for p in rules.get("score_parts") or []
    ]
    grades = _grades(form)
    criteria = [
        Column(
            f"Mức đánh giá: {c['label']}",
            ("cap_do", c["id"]),
            "enum",
            target,
            grades,
            description="Mức đánh giá của tiêu chí: Xuất sắc, Tốt, Trung bình hoặc Kém.",
            title=f"Mức đánh giá: {c['label']}",
        )
        for c in rules.criteria
    ]
    return {path: columns for path, columns in ((("diem",), parts), (("cap_do",), criteria)) if columns}


def unique_headers(columns: list[Column]) -> list[Column]:
    """Put the parents' titles in front of headers a sheet would otherwise have twice."""
    for depth in range(1, 8):
        counts = Counter(header_key(c.header) for c in columns)
        if all(n == 1 for n in counts.values()):
            return columns
        columns = [
            c
            if counts[header_key(c.header)] == 1 or not c.parents
            else replace(c, header=SEPARATOR.join((*c.parents[-depth:], c.title or c.header)))
            for c in columns
        ]
    twice = sorted(h for h, n in Counter(header_key(c.header) for c in columns).items() if n > 1)
    raise ValueError(f"workbook columns share a header: {twice}")


@dataclass(frozen=True)
class Layout:
    """The columns of each sheet for one regime (with its profile)."""

    regime: Regime
    header: tuple[Column, ...]
    organisations: tuple[Column, ...]
    members: tuple[Column, ...]

    @property
    def member_input(self) -> str:
        return self.regime.subject("ca_nhan")["member_input"]

    def text_column(self, name: str) -> Column | None:
        """A text column of “Đảng viên” by its header or its JSON path (for the “Nội dung” sheet)."""
        wanted = header_key(name).removeprefix("$.")
        for column in self.members:
            if column.kind == "paragraphs" and wanted in (header_key(column.header), ".".join(column.path).casefold()):
                return column
        return None


def header_columns() -> list[Column]:
    """The “Đảng bộ” sheet: one row per field of the dang-bo document."""
    return unique_headers(_leaves("dang-bo", HEADER, frozenset({"form", "to_chuc"}), {}))


# The collective report is prose from end to end: it comes from a file; its scores and the
# statistics of its members are taken from the row (see ``generator.compose``).
REPORT_FILE = Column(
    "Tệp báo cáo kiểm điểm tập thể",
    ("tep_bao_cao",),
    "text",
    ROW,
    title="Tệp báo cáo kiểm điểm tập thể",
    description="Tùy chọn: tệp JSON/YAML của báo cáo kiểm điểm tập thể (Mẫu 01), đường dẫn tương đối trong "
    "thư mục của sổ. Điểm, điều kiện, đề xuất xếp loại lấy từ biểu điểm của dòng này; "
    "thống kê xếp loại đảng viên tính từ danh sách.",
)


def organisation_columns(regime: Regime) -> list[Column]:
    """Code, name, kind, parent; the chi bộ's meeting; its biểu điểm (what the bulk fills left out)."""
    dang_bo = load_schema("dang-bo")
    item = dang_bo["properties"]["to_chuc"]["items"]
    fixed = [
        replace(c, required=c.path[0] in item["required"])
        for c in _leaves("dang-bo", ROW, frozenset({"xep_loai", "bieu_diem", "bao_cao"}), {}, item)
    ]
    group = _leaves("xep-loai-chi-bo", GROUP, FILLED | {"dang_vien"}, {})
    scoring = _leaves(
        "bieu-diem-tccsd", DOCUMENT, FILLED, _rubric(regime.subject("to_chuc"), DOCUMENT, "bieu-diem-tccsd")
    )
    return unique_headers(fixed + group + scoring + [REPORT_FILE])


def member_columns(regime: Regime) -> list[Column]:
    """Codes, group and votes; then the bản tự kiểm điểm (2025) or the member's record (2011–2024)."""
    rules = regime.subject("ca_nhan")
    levels = {code for code, _ in rules.levels}
    schema = load_schema("xep-loai-chi-bo")
    item = schema["properties"]["dang_vien"]["items"]
    entry = [
        c
        for c in _leaves(
            "xep-loai-chi-bo",
            ENTRY,
            frozenset(),
            {},
            {"type": "object", "properties": {k: item["properties"][k] for k in ENTRY_VOTES}},
        )
        if c.path[0] != "phieu" or c.path[1] in levels
    ]
    fixed = [
        Column(
            "Mã đảng viên",
            ("ma_dang_vien",),
            "text",
            ROW,
            title="Mã đảng viên",
            description="Tùy chọn, không trùng: mã để các dòng của trang “Nội dung” chỉ đến đảng viên này.",
        ),
        Column(
            "Mã chi bộ",
            ("ma_chi_bo",),
            "text",
            ROW,
            required=True,
            title="Mã chi bộ",
            description="“Mã tổ chức” của chi bộ ở trang “Tổ chức”.",
        ),
    ]
    if rules["member_input"] == "ban_kiem_diem":
        member = _leaves("ban-tu-kiem-diem", DOCUMENT, FILLED, _rubric(rules, DOCUMENT, "xep-loai-chi-bo"))
        file = Column(
            "Tệp bản tự kiểm điểm",
            ("tep",),
            "text",
            ROW,
            title="Tệp bản tự kiểm điểm",
            description="Tùy chọn: tệp JSON/YAML của bản tự kiểm điểm (đường dẫn tương đối, trong thư mục của sổ); "
            "các ô của dòng ghi đè lên nội dung tệp.",
        )
        return unique_headers(_name_after_codes(fixed + entry + member + [file]))
    record = _leaves(
        "xep-loai-chi-bo",
        ENTRY,
        frozenset({"ban_kiem_diem", *ENTRY_VOTES}),
        _rubric(rules, ENTRY, "xep-loai-chi-bo"),
        item,
    )
    return unique_headers(_name_after_codes(fixed + entry + record))


NAME_COLUMN = 3  # "Họ và tên" comes after the two codes, so the sheet can freeze them with the header


def _name_after_codes(columns: list[Column]) -> list[Column]:
    """The member's name moved next to the codes: the three columns a clerk keeps in sight while scrolling."""
    name = next((c for c in columns if c.path[-1:] == ("ho_ten",) and c.path[-2:-1] in ((), ("dang_vien",))), None)
    if name is None:
        return columns
    rest = [c for c in columns if c is not name]
    return rest[: NAME_COLUMN - 1] + [name] + rest[NAME_COLUMN - 1 :]


@lru_cache(maxsize=16)
def layout(regime: str = "qd366-2025", profile: str | None = None) -> Layout:
    """The workbook's columns for ``regime`` with ``profile`` (raises ``ProfileError``, ``KeyError``)."""
    rules = load_regime(regime, profile)
    return Layout(rules, tuple(header_columns()), tuple(organisation_columns(rules)), tuple(member_columns(rules)))
