"""A place to write: its name is the JSON path, its HTML the form control, its paper form text."""

from __future__ import annotations

from markupsafe import escape

from generator.blank.fields import Field, field_name, leader
from generator.present.boxes import boxes


def test_field_names_are_json_paths_without_the_root():
    assert field_name(["dang_vien", "ho_ten"]) == "dang_vien.ho_ten"
    assert field_name(["han_che_ky_truoc", 0, "noi_dung"]) == "han_che_ky_truoc[0].noi_dung"
    assert field_name(["diem", "tieu_chi_chung", "tieu_chi", 1, "diem"]) == "diem.tieu_chi_chung.tieu_chi[1].diem"


def test_boxes_list_every_option_and_tick_the_chosen_one():
    options = (("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"), ("HTTNV", "Hoàn thành tốt nhiệm vụ"))
    assert boxes(options) == "☐ Hoàn thành xuất sắc nhiệm vụ   ☐ Hoàn thành tốt nhiệm vụ"
    assert boxes(options, "HTTNV") == "☐ Hoàn thành xuất sắc nhiệm vụ   ☒ Hoàn thành tốt nhiệm vụ"
    assert leader(3) == "………"


def test_a_field_prints_as_the_control_named_by_its_path_and_escapes_values():
    text = Field(("dang_vien", "ho_ten"), "Thông tin đảng viên › Họ và tên", "text", value='Lê "A" <b>')
    html = str(escape(text))
    assert 'name="dang_vien.ho_ten"' in html and 'value="Lê &#34;A&#34; &lt;b&gt;"' in html
    prose = Field(("kiem_diem", "khac_phuc"), "III", "prose", value="Dòng 1\nDòng 2", lines=3)
    assert str(escape(prose)).startswith('<textarea class="o-viet" name="kiem_diem.khac_phuc"')
    choice = Field(
        ("tu_xep_loai",),
        "Tự xếp loại",
        "choice",
        value="HTNV",
        options=(("HTNV", "Hoàn thành nhiệm vụ"), ("KHTNV", "Không")),
    )
    html = str(escape(choice))
    assert (
        html.count('type="radio"') == 2
        and html.count("checked") == 1
        and 'value="HTNV" title="Tự xếp loại" checked' in html
    )
