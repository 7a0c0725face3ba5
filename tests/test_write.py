"""Step 6: atomic writes with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from generator.write import atomic_path, open_atomic, write_atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "a.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_permissions_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "a.pdf", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_file_written_by_name_appears_whole_or_not_at_all(tmp_path):
    """atomic_path: what openpyxl writes by name and reads back (the temporary name ends in .xlsx)."""
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ValueError), atomic_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary.suffix == ".xlsx" and temporary != target
        temporary.write_bytes(b"half")
        raise ValueError("the check after writing failed")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["so.xlsx"]
    with atomic_path(target) as temporary:
        temporary.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # nobody sees it before the block ends
    assert target.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["so.xlsx"]


def test_a_streamed_file_appears_with_the_permissions_of_a_plain_open(tmp_path):
    old = os.umask(0o027)
    try:
        with open_atomic(tmp_path / "manifest.json") as handle:
            handle.write(b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "manifest.json").stat().st_mode) == 0o640
