"""A fillable blank filled as a PDF viewer saves it, for the web tests (reuses tests/blank/filling.py)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BLANK_TESTS = Path(__file__).resolve().parents[1] / "blank"


def filling():
    if "filling" not in sys.modules:
        spec = importlib.util.spec_from_file_location("filling", BLANK_TESTS / "filling.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules["filling"] = module
    return sys.modules["filling"]


def fill_02b(blank_pdf: bytes) -> bytes:
    """Mẫu 02B answered by a member (90,5 points, HTTNV proposed)."""
    helper = filling()
    return helper.fill(blank_pdf, helper.ANSWERS_02B, {"tu_xep_loai": "HTTNV", "vi_pham.suy_thoai": "khong"})
