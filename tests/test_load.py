"""Step 1: JSON and YAML in, NFC out; unreadable input is a clear InputError."""

from __future__ import annotations

import json
import unicodedata

import pytest

from generator import InputError, load_document


def test_nfd_text_becomes_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh")
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"ho_ten": nfd, "ds": [nfd], nfd: 1}, ensure_ascii=False), encoding="utf-8")
    data = load_document(path)
    nfc = "Nguyễn Thị Ngọc Ánh"
    assert len(nfd) != len(nfc)
    assert data == {"ho_ten": nfc, "ds": [nfc], nfc: 1}


def test_yaml_dates_stay_iso_text(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("ngay_lap: 2025-12-05\nten: Hà Nội\n", encoding="utf-8")
    assert load_document(path) == {"ngay_lap": "2025-12-05", "ten": "Hà Nội"}


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("bad.json", b'{"form": ', "JSON không hợp lệ (dòng 1"),
        ("bad.yaml", b"a: [1, 2\n", "YAML không hợp lệ"),
        ("latin1.json", '{"a": "Hà"}'.encode("latin-1"), "không phải văn bản UTF-8"),
        ("deep.json", b"[" * 100000 + b"]" * 100000, "lồng nhau quá sâu"),
    ],
)
def test_unreadable_input_is_an_input_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_document(path)
    assert reason in str(err.value)
    assert err.value.problems[0].path == "$"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="không tìm thấy tệp"):
        load_document(tmp_path / "khong-co.json")


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"a": "Đ"}, ensure_ascii=False).encode())
    assert load_document(path) == {"a": "Đ"}
