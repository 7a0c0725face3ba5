"""A blank's line of choices breaks between options in the PDF, never inside one ("T/ M ĐẢNG ỦY")."""

from __future__ import annotations

from markupsafe import Markup

from generator.render.environment import html_environment, keep_options_whole


def test_each_option_of_a_choice_line_is_kept_whole():
    line = "☐ T/M CHI ỦY   ☐ T/M ĐẢNG ỦY <x>"
    html = html_environment().from_string("<p>{{ line }}</p>").render(line=line)
    assert html == (
        '<p><span class="nhom-chon"><span class="phuong-an">☐ T/M CHI ỦY</span> '
        '<span class="phuong-an">☐ T/M ĐẢNG ỦY &lt;x&gt;</span></span></p>'
    )  # a line of its own


def test_other_values_print_as_they_are():
    assert keep_options_whole("Hoàn thành tốt nhiệm vụ   (Điều 11)") == "Hoàn thành tốt nhiệm vụ   (Điều 11)"
    assert keep_options_whole("☐") == "☐"  # a ballot's single box
    field = Markup('<span class="lua-chon"><input type="radio"></span>   ☐')
    assert keep_options_whole(field) is field  # a fillable blank's fields are already markup
    assert keep_options_whole(12) == 12
