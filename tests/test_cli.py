"""The kiemdiem command: exit codes, messages, nothing written for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.samples import EXAMPLES, ROOT, example


def write(tmp_path: Path, doc, name="doc.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_ok(capsys):
    assert main(["validate", str(EXAMPLES / "ban-tu-kiem-diem-02b.json")]) == 0
    out = capsys.readouterr().out
    assert "hợp lệ — Mẫu 02B-HD KĐ.ĐG 2025, Hoàn thành xuất sắc nhiệm vụ (HTXSNV), tổng điểm 92/100" in out


def test_validate_lists_every_problem_and_exits_2(tmp_path, capsys):
    doc = example("02b")
    doc.pop("chi_bo")
    doc["nam"] = "năm nay"
    assert main(["validate", str(write(tmp_path, doc))]) == 2
    err = capsys.readouterr().err
    assert "(2 lỗi)" in err
    assert "Chi bộ ($.chi_bo): thiếu trường bắt buộc" in err
    assert "Năm kiểm điểm ($.nam): phải là số nguyên" in err


def test_render_writes_both_formats(tmp_path, capsys):
    assert main(["render", str(EXAMPLES / "ban-tu-kiem-diem-02c.json"), "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ban-tu-kiem-diem-02c.docx", "ban-tu-kiem-diem-02c.pdf"]
    assert (tmp_path / names[1]).read_bytes().startswith(b"%PDF-")


def test_render_invalid_leaves_nothing_behind(tmp_path, capsys):
    doc = example("02b")
    doc["diem"]["ket_qua_nhiem_vu"]["diem"] = 58  # 85 points with HTXSNV proposed
    out = tmp_path / "out"
    assert main(["render", str(write(tmp_path, doc)), "-o", str(out)]) == 2
    assert not out.exists() or not any(out.iterdir())
    assert "Đề xuất HTXSNV cần từ 90 điểm trở lên; tổng điểm là 85 điểm" in capsys.readouterr().err


def test_render_a_folder(tmp_path):
    assert main(["render", str(EXAMPLES), "--format", "docx", "-o", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.docx"))) == len([p for p in EXAMPLES.iterdir() if p.suffix in {".json", ".yaml"}])


def test_classify_json_shape(capsys):
    assert main(["classify", str(EXAMPLES / "ban-tu-kiem-diem-02a.yaml"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["level"] == "HTXSNV" and result["level_label"] == "Hoàn thành xuất sắc nhiệm vụ"
    assert result["score"] == 91.5 and result["max_score"] == 100 and result["variant"] == "02A"
    assert result["reasons"] and all(set(r) >= {"rule", "text"} and r["rule"] for r in result["reasons"])


def test_classify_shows_the_level_even_when_the_proposal_is_too_high(tmp_path, capsys):
    doc = example("02b")
    doc["diem"]["ket_qua_nhiem_vu"]["diem"] = 58
    assert main(["classify", str(write(tmp_path, doc)), "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["level"] == "HTTNV"
    assert "$.tu_xep_loai" in captured.err


def test_classify_text_output(capsys):
    assert main(["classify", str(EXAMPLES / "ban-tu-kiem-diem-02c.json")]) == 0
    out = capsys.readouterr().out
    assert "Xếp loại: Hoàn thành nhiệm vụ (HTNV)" in out and "Lý do:" in out and "(Điều 11, Quy định 366-QĐ/TW)" in out


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema", "ban-tu-kiem-diem"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["dang_vien"]["properties"]["ho_ten"]["title"] == "Họ và tên"


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["render", "x.json", "--format", "odt"])
    assert exit_.value.code == 2
    assert "định dạng không hỗ trợ: odt" in capsys.readouterr().err


def test_unexpected_failure_is_one_line_exit_1(tmp_path, monkeypatch, capsys):
    import generator.files as files

    def boom(*args, **kwargs):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(files, "write_all", boom)
    assert main(["render", str(EXAMPLES / "ban-tu-kiem-diem-02c.json"), "--format", "docx", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "kiemdiem: lỗi không mong đợi: đĩa đầy"


def test_console_script_runs_without_traceback(tmp_path):
    """The installed entry point, in a real process: exit 2 and no Python traceback."""
    bad = write(tmp_path, {"form": "ban-tu-kiem-diem"})
    kiemdiem = Path(sys.executable).with_name("kiemdiem")
    run = subprocess.run(
        [str(kiemdiem), "render", str(bad), "-o", str(tmp_path / "o")], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "thiếu trường bắt buộc" in run.stderr
    assert not (tmp_path / "o").exists()


def test_validate_and_classify_a_to_trinh(capsys):
    assert main(["validate", str(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")]) == 0
    assert "hợp lệ — 4 đề nghị theo Quy định 294-QĐ/TW (2025)" in capsys.readouterr().out
    assert main(["classify", str(EXAMPLES / "to-trinh-khen-thuong-2011.yaml")]) == 0
    out = capsys.readouterr().out
    assert (
        "0,6 × 830.000 = 498.000 đồng" in out
        and "Tổng: 4.233.000 đồng (Bốn triệu hai trăm ba mươi ba nghìn đồng)" in out
    )
    assert main(["classify", "--json", str(EXAMPLES / "to-trinh-khen-thuong-2025.yaml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 14040000 and data["rules"] == "qd294-2025" and data["wage"]["amount"] == 2340000


def test_awards_command_lists_the_rules_of_a_date(capsys):
    assert main(["awards", "2025-12-30"]) == 0
    out = capsys.readouterr().out
    assert "Công văn số 19780-CV/VPTW" in out and "dang_vien_nam: Giấy khen" in out and "= 702.000 đồng" in out
    assert main(["awards", "2026-12-20"]) == 0
    out = capsys.readouterr().out
    assert "mức lương cơ sở 2.530.000 đồng (Nghị định số 161/2026/NĐ-CP, từ 01/7/2026)" in out
    assert "dang_vien_nam: Giấy khen" in out and "= 759.000 đồng" in out
    with pytest.raises(SystemExit) as exit_:
        main(["awards", "30/12/2025"])
    assert exit_.value.code == 2
