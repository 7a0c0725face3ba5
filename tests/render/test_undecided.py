"""Where the rules give no level (UNDECIDED): nothing prints until the competent committee's
decision and its basis are recorded; then both formats print that level and that basis."""

from __future__ import annotations

import json
import re

from generator import load_document, prepare, render
from generator.cli import main
from tests.render.test_parity import docx_text, pdf_text
from tests.samples import EXAMPLES

DECIDED = EXAMPLES / "ban-tu-kiem-diem-cap-tren-quyet-dinh.json"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def undecided(tmp_path):
    doc = json.loads(DECIDED.read_text(encoding="utf-8"))
    del doc["quyet_dinh_xep_loai"]
    path = tmp_path / "cho-quyet-dinh.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_without_the_decision_exits_2_naming_the_field_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", str(undecided(tmp_path)), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Mức xếp loại do cấp có thẩm quyền quyết định ($.quyet_dinh_xep_loai.xep_loai)" in err
    assert "không xác định được mức xếp loại" in err
    assert not out.exists() or not any(out.iterdir())


def test_classify_json_says_undecided(tmp_path, capsys):
    main(["classify", "--json", str(undecided(tmp_path))])
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "UNDECIDED" and data["level_label"] == "Chờ cấp có thẩm quyền quyết định"
    assert data["reasons"][-1]["level"] == "UNDECIDED"


def test_with_the_decision_both_formats_print_the_level_and_its_basis():
    prepared = prepare(load_document(DECIDED))
    assert prepared.evaluation.as_dict()["rule_level"] == "UNDECIDED"
    files = render(prepared, ("docx", "pdf"))
    for text in (flat(docx_text(files["docx"])), flat(pdf_text(files["pdf"]))):
        assert "QUYẾT ĐỊNH XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN" in text
        assert "Mức xếp loại: Hoàn thành nhiệm vụ." in text
        assert "Căn cứ: Kết luận số 15-KL/ĐU ngày 22/12/2025" in text


def test_a_document_the_rules_decide_prints_no_decision_block():
    files = render(prepare(load_document(EXAMPLES / "ban-tu-kiem-diem-02b.json")), ("docx", "pdf"))
    assert "QUYẾT ĐỊNH XẾP LOẠI" not in docx_text(files["docx"]) + pdf_text(files["pdf"])
