"""The workbook's columns, derived from the forms' schemas and the regime's rubric.

A column is one leaf of a schema (a name, a date, a number, a choice, a text)
with the field's Vietnamese title as its header, so the workbook always matches
the forms it fills. Nested objects are flattened; where two leaves of one sheet
share a title, the parent's title is put in front ("… › Số nhiệm vụ …"). Scores
and grades depend on the regime: one column per score part of its rubric, or per
graded criterion. Arrays of objects (sub-criteria, lists of earlier faults) are
left to a JSON/YAML file named in the row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..schema_store import load_schema

YES, NO = "Có", "Không"
GRADES = [("xuat_sac", "Xuất sắc"), ("tot", "Tốt"), ("trung_binh", "Trung bình"), ("kem", "Kém")]


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple  # where the value goes in the document (or the list entry)
    kind: str  # text, integer, number, boolean, date, enum, paragraphs, lines
    target: str = "document"  # document (the form), entry (a chi bộ list's member entry), group (the chi bộ list), row
    choices: tuple = ()  # (code, title) for enums
    minimum: float | None = None
    maximum: float | None = None
    description: str = ""
    required: bool = False

    def choice_titles(self) -> list[str]:
        return [YES, NO] if self.kind == "boolean" else [title for _, title in self.choices]


def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _kind(node: dict) -> str | None:
    types = node.get("type")
    if "oneOf" in node and all("const" in o for o in node["oneOf"]):
        return "enum"
    if types == ["string", "array"] or types == ["string", "object"]:
        return "paragraphs" if types == ["string", "array"] else None
    if types == "array":
        items = node.get("items", {})
        return "lines" if items.get("type") == "string" else None
    if types == "string":
        return "date" if node.get("format") == "date" else "text"
    return {"integer": "integer", "number": "number", "boolean": "boolean"}.get(types)


@dataclass
class _Walk:
    defs: dict
    skip: set
    target: str
    out: list = field(default_factory=list)

    def walk(self, node: dict, path: tuple, titles: tuple) -> None:
        node = _resolve(node, self.defs)
        if path in self.skip:
            return
        if node.get("type") == "object" and "properties" in node:
            for key, child in node["properties"].items():
                child_title = _resolve(child, self.defs).get("title") or child.get("title") or key
                self.walk(child, path + (key,), titles + (child_title,))
            return
        kind = _kind(node)
        if kind is None:
            return
        self.out.append(Column(titles[-1], path, kind, self.target,
                               tuple((o["const"], o.get("title", o["const"])) for o in node.get("oneOf", [])),
                               node.get("minimum"), node.get("maximum"), node.get("description", "")))


def schema_columns(form: str, skip: set, target: str = "document", base: dict | None = None) -> list[Column]:
    schema = load_schema(form)
    walker = _Walk(schema.get("$defs", {}), {tuple(s.split(".")) for s in skip}, target)
    walker.walk(base or schema, (), ())
    return walker.out


def unique_headers(columns: list[Column], parents: dict[tuple, str]) -> list[Column]:
    """Put the parent's title in front of any header that is not unique in its sheet."""
    counts: dict[str, int] = {}
    for c in columns:
        counts[c.header] = counts.get(c.header, 0) + 1
    out = []
    for c in columns:
        if counts[c.header] > 1 and c.path[:-1] in parents:
            c = Column(f"{parents[c.path[:-1]]} › {c.header}", *_rest(c))
        out.append(c)
    return out


def _rest(c: Column) -> tuple:
    return (c.path, c.kind, c.target, c.choices, c.minimum, c.maximum, c.description, c.required)


def parent_titles(form: str) -> dict[tuple, str]:
    schema = load_schema(form)
    defs = schema.get("$defs", {})
    out: dict[tuple, str] = {}

    def walk(node, path):
        node = _resolve(node, defs)
        if node.get("type") == "object" and "properties" in node:
            if path:
                out[path] = node.get("title") or path[-1]
            for key, child in node["properties"].items():
                walk(child, path + (key,))
    walk(schema, ())
    return out


def rubric_columns(rules, target: str = "document") -> list[Column]:
    """One column per score part (points) or per graded criterion (2019–2024)."""
    if rules["score_parts"]:
        return [Column(f"Điểm: {p['label']}", ("diem", p["id"], "diem"), "number", target,
                       minimum=0, maximum=p["max"], description=f"Tối đa {p['max']} điểm") for p in rules["score_parts"]]
    return [Column(f"Mức đánh giá: {c['label']}", ("cap_do", c["id"]), "enum", target, tuple(GRADES))
            for c in rules.criteria]


SHARED = {"form", "regime", "profile", "nam", "dang_bo", "chi_bo", "to_chuc", "tap_the", "loai_to_chuc",
          "loai_tap_the", "dia_danh", "ngay_lap", "diem", "cap_do", "thong_ke_dang_vien", "thong_ke_to_chuc"}


def header_columns() -> list[Column]:
    """The đảng bộ sheet: one row per field of the dang-bo document."""
    columns = schema_columns("dang-bo", {"form", "to_chuc"})
    return unique_headers(columns, parent_titles("dang-bo"))


def organisation_columns(regime) -> list[Column]:
    rules = regime.subject("to_chuc")
    fixed = [Column("Mã tổ chức", ("ma",), "text", "row", required=True, description="Mã ngắn, duy nhất: chữ không dấu, số, gạch."),
             Column("Tên tổ chức đảng", ("ten",), "text", "row", required=True),
             Column("Loại tổ chức đảng", ("loai_to_chuc",), "enum", "row",
                    tuple((o["const"], o["title"]) for o in load_schema("dang-bo")["properties"]["to_chuc"]["items"]["properties"]["loai_to_chuc"]["oneOf"]),
                    required=True),
             Column("Trực thuộc (mã tổ chức)", ("truc_thuoc",), "text", "row",
                    description="Mã của đảng bộ cơ sở mà chi bộ trực thuộc; để trống nếu trực thuộc thẳng đảng bộ.")]
    group = schema_columns("xep-loai-chi-bo", SHARED | {"dang_vien"}, "group")
    scoring = schema_columns("bieu-diem-tccsd", SHARED, "document")
    columns = fixed + group + rubric_columns(rules) + scoring
    return unique_headers(columns, parent_titles("bieu-diem-tccsd"))


def member_columns(regime) -> list[Column]:
    rules = regime.subject("ca_nhan")
    levels = [code for code, _ in rules.levels]
    entry = load_schema("xep-loai-chi-bo")["properties"]["dang_vien"]["items"]["properties"]
    fixed = [Column("Mã đảng viên", ("ma_dang_vien",), "text", "row", description="Tùy chọn: mã để trang «Nội dung» tham chiếu."),
             Column("Mã chi bộ", ("ma_chi_bo",), "text", "row", required=True, description="Mã tổ chức của chi bộ (trang «Tổ chức»)."),
             Column(entry["nhom"]["title"], ("nhom",), "text", "entry", description=entry["nhom"].get("description", ""))]
    fixed += [Column(entry["phieu"]["properties"][code]["title"], ("phieu", code), "integer", "entry", minimum=0, maximum=100000)
              for code in levels if code in entry["phieu"]["properties"]]
    if "phieu_vong_2" in entry:
        fixed.append(Column(entry["phieu_vong_2"].get("title", "Phiếu vòng 2"), ("phieu_vong_2",), "integer", "entry", minimum=0, maximum=100000))
    if rules["member_input"] == "ban_kiem_diem":
        fixed.append(Column("Tệp bản tự kiểm điểm", ("tep",), "text", "row",
                            description="Tùy chọn: tệp JSON/YAML (đường dẫn tương đối, trong thư mục của sổ) chứa bản tự kiểm điểm; các ô trên dòng ghi đè lên tệp."))
        columns = fixed + rubric_columns(rules) + schema_columns("ban-tu-kiem-diem", SHARED, "document")
        return unique_headers(columns, parent_titles("ban-tu-kiem-diem"))
    record = schema_columns("xep-loai-chi-bo", {"ban_kiem_diem", "phieu", "nhom", "phieu_vong_2", "cap_do"}, "entry",
                            base=load_schema("xep-loai-chi-bo")["properties"]["dang_vien"]["items"])
    columns = fixed + record + [Column(c.header, c.path, c.kind, "entry", c.choices) for c in rubric_columns(rules)]
    return unique_headers(columns, parent_titles("xep-loai-chi-bo"))
