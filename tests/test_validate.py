"""Step 2: every example is valid; every broken copy names its field, title and reason."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from generator import InputError, load_document, validate
from generator.schema import known_forms, load_schema, resolve
from tests.samples import EXAMPLES, example


def problems(doc) -> list[str]:
    with pytest.raises(InputError) as err:
        validate(doc)
    return [str(p) for p in err.value.problems]


def test_schemas_are_valid_2020_12_with_titles_everywhere():
    for form in known_forms():
        schema = load_schema(form)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)

        def walk(node, where):
            for name, sub in node.get("properties", {}).items():
                assert resolve(schema, sub).get("title"), f"{where}.{name} has no Vietnamese title"
                walk(sub, f"{where}.{name}")
            for option in node.get("oneOf", []):
                if "const" in option:
                    assert option.get("title"), f"{where}: enum value {option['const']} has no label"
            for sub in node.get("$defs", {}).values():
                walk(sub, where)
            if isinstance(node.get("items"), dict):
                walk(node["items"], where + "[]")

        walk(schema, "$")
        assert "shared/" not in json.dumps(schema), "shared definitions are inlined on load"


@pytest.mark.parametrize("path", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".json", ".yaml"}))
def test_examples_are_valid(path):
    doc = validate(load_document(EXAMPLES / path))
    assert doc["regime"] in {"hd07-2011", "hd27-2014", "qd132-2019", "qd124-2023", "qd366-2025"}


def test_regime_defaults_to_the_rules_in_force():
    doc = example("02c")
    assert "regime" not in doc
    assert validate(doc)["regime"] == "qd366-2025"


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda d: d.pop("chi_bo"), "Chi bộ ($.chi_bo): thiếu trường bắt buộc"),
        (
            lambda d: d["dang_vien"].update(ho_ten="   "),
            "Thông tin đảng viên › Họ và tên ($.dang_vien.ho_ten): không được để trống",
        ),
        (lambda d: d.update(nam="2025"), 'Năm kiểm điểm ($.nam): phải là số nguyên, không phải "2025"'),
        (
            lambda d: d.update(ngay_lap="05/12/2025"),
            'Ngày lập bản kiểm điểm ($.ngay_lap): "05/12/2025" không phải ngày hợp lệ dạng YYYY-MM-DD',
        ),
        (
            lambda d: d["dang_vien"].update(doi_tuong="02B"),
            'Thông tin đảng viên › Đối tượng ($.dang_vien.doi_tuong): giá trị "02B" không hợp lệ; chọn một trong: lanh_dao_quan_ly (Cá nhân giữ chức vụ lãnh đạo, quản lý)',
        ),
        (lambda d: d.update(tu_xep_loai="TSVM"), 'Tự xếp loại (đề xuất) ($.tu_xep_loai): giá trị "TSVM" không hợp lệ'),
        (lambda d: d.update(ghi_chu_them=1), "$.ghi_chu_them: trường không có trong mẫu: ghi_chu_them"),
        (lambda d: d.update(regime="qd124-2023"), 'Quy định áp dụng ($.regime): giá trị "qd124-2023" không hợp lệ'),
        (
            lambda d: d["nhiem_vu"].update(so_vuot_muc=13),
            "Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ hoàn thành vượt mức ($.nhiem_vu.so_vuot_muc): 13 không được lớn hơn “Kết quả thực hiện nhiệm vụ, chỉ tiêu trong năm › Số nhiệm vụ, chỉ tiêu hoàn thành” (12)",
        ),
        (
            lambda d: d["dang_vien"].update(ngay_vao_dang="2026-01-01"),
            'Thông tin đảng viên › Ngày vào Đảng ($.dang_vien.ngay_vao_dang): "2026-01-01" không được sau “Ngày lập bản kiểm điểm” ("2025-12-05")',
        ),
        (
            lambda d: d["kiem_diem"].update(phuong_huong=[]),
            "A. Nội dung kiểm điểm › VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm ($.kiem_diem.phuong_huong): cần ít nhất 1 mục",
        ),
        (
            lambda d: d["kiem_diem"].update(khac_phuc="x" * 20001),
            "A. Nội dung kiểm điểm › III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước ($.kiem_diem.khac_phuc): dài 20001 ký tự, tối đa 20000 ký tự",
        ),
        (
            lambda d: d["dang_vien"].update(ho_ten="Lê\x07Văn"),
            "Thông tin đảng viên › Họ và tên ($.dang_vien.ho_ten): chứa ký tự điều khiển không hợp lệ (U+0007)",
        ),
        (
            lambda d: d["diem"]["tieu_chi_chung"].update(diem=-1),
            "Nhóm tiêu chí chung › Điểm tự chấm ($.diem.tieu_chi_chung.diem): -1 nhỏ hơn mức tối thiểu 0",
        ),
    ],
)
def test_broken_copies_name_path_title_and_reason(breakage, expected):
    doc = example("02b")
    breakage(doc)
    found = problems(doc)
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_listed_at_once():
    doc = example("02b")
    doc.pop("chi_bo")
    doc["nam"] = "x"
    doc["dang_vien"]["ngay_sinh"] = "1988-02-30"
    assert len(problems(doc)) == 3


def test_leader_needs_a_post_unit_and_leadership_section():
    doc = example("02a")
    for key in ("chuc_vu_dang", "chuc_vu_chinh_quyen", "chuc_vu_doan_the"):
        doc["dang_vien"].pop(key)
    doc.pop("lanh_dao")
    doc["kiem_diem"]["uu_diem"].pop("lanh_dao_quan_ly")
    found = problems(doc)
    assert any(
        p.startswith("Thông tin đảng viên ($.dang_vien): cần ghi ít nhất một trong: Thông tin đảng viên › Chức vụ Đảng")
        for p in found
    )
    assert any("($.lanh_dao)" in p for p in found)
    assert any("($.kiem_diem.uu_diem.lanh_dao_quan_ly)" in p for p in found)


@pytest.mark.parametrize(
    "doc, expected",
    [
        ([], "Tài liệu ($): tài liệu phải là một đối tượng JSON"),
        ({}, 'Loại văn bản ($.form): thiếu trường "form"; chọn một trong: ban-tu-kiem-diem'),
        ({"form": "bien-ban"}, 'Loại văn bản ($.form): mẫu "bien-ban" không có'),
    ],
)
def test_not_a_document(doc, expected):
    assert problems(doc)[0].startswith(expected)


def test_validation_does_not_change_the_input():
    doc = example("02c")
    before = json.dumps(doc, sort_keys=True)
    validate(doc)
    assert json.dumps(doc, sort_keys=True) == before


def test_a_document_past_its_printable_length_is_refused_with_vietnamese_numbers():
    doc = json.loads((EXAMPLES / "ban-tu-kiem-diem-02b.json").read_text(encoding="utf-8"))
    for key in ("pham_chat", "thuc_hien_nhiem_vu", "cam_ket"):  # the sum of all strings counts
        doc["kiem_diem"]["uu_diem"][key] = ["đoạn văn dài " * 1000] * 6
    found = [p for p in problems(doc) if p.startswith("Tài liệu ($)")]
    assert found == [
        "Tài liệu ($): tài liệu dài 235.308 ký tự, tối đa 200.000 ký tự"
    ]  # 234.000 typed, the rest the example


def test_a_provinces_list_of_5000_organisations_is_not_too_long():
    from generator.bulk.plan import check_tree

    header = {"nam": 2025, "dang_bo": "Đảng bộ tỉnh Thanh Hóa", "dia_danh": "Thanh Hóa", "ngay_lap": "2025-12-20"}
    organisations = [{"ma": "db", "ten": "Đảng bộ tỉnh Thanh Hóa", "loai_to_chuc": "dang_bo_co_so"}] + [
        {
            "ma": f"cb-{i:04d}",
            "ten": f"Chi bộ Trường Trung học cơ sở Nguyễn Văn Trỗi số {i}",
            "loai_to_chuc": "chi_bo_truc_thuoc",
            "truc_thuoc": "db",
        }
        for i in range(4999)
    ]
    _, scopes = check_tree(header, organisations)  # 300,000 characters: past a printed form's 200,000
    assert sum(len(s.chi_bo) for s in scopes) == 4999


def test_a_limit_between_two_fields_of_one_list_item_is_checked():
    """x-khong-lon-hon names a sibling inside a list item ($.dang_vien[1].ngay_sinh ≤ its ngay_vao_dang):
    a birth after the admission is refused at that member's own path; the day of admission itself passes."""
    document = json.loads((EXAMPLES / "chi-bo-2016" / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    document["dang_vien"][1]["ngay_sinh"] = document["dang_vien"][1]["ngay_vao_dang"]
    validate(document)
    document["dang_vien"][1]["ngay_sinh"] = "2009-02-04"
    with pytest.raises(InputError) as refused:
        validate(document)
    assert [p.path for p in refused.value.problems] == ["$.dang_vien[1].ngay_sinh"]
    assert "không được sau" in refused.value.problems[0].reason
