"""Step 1 — read a document (JSON or YAML) into plain Python data, NFC-normalised.

NFD text looks right but cannot be searched or sorted (WeasyPrint #547), so every
string, key included, is normalised to NFC here, before anything else sees it.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem

MAX_BYTES = 5 * 1024 * 1024


def nfc(value: Any) -> Any:
    """Return ``value`` with every string (and mapping key) in Unicode NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value


class _PlainYamlLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: a few aliases can expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="tham chiếu YAML (&, *) không được hỗ trợ", problem_mark=event.start_mark)
        return super().compose_node(parent, index)


def _reject_constant(name: str):
    raise ValueError(f"{name} không phải số hợp lệ")


def _problem(reason: str) -> InputError:
    return InputError([Problem("$", "Tệp dữ liệu", reason)])


def parse(text: str, suffix: str = ".json") -> Any:
    """Parse JSON or YAML text; syntax errors become an ``InputError``."""
    if suffix.lower() in {".yaml", ".yml"}:
        try:
            data = yaml.load(text, Loader=_PlainYamlLoader)  # noqa: S506 — a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (dòng {mark.line + 1}, cột {mark.column + 1})" if mark else ""
            raise _problem(f"YAML không hợp lệ{where}: {getattr(exc, 'problem', exc)}") from None
        except RecursionError:
            raise _problem("YAML lồng nhau quá sâu.") from None
        return nfc(_dates_to_text(data))
    try:
        return nfc(json.loads(text, parse_constant=_reject_constant))
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):
            raise _problem(f"JSON không hợp lệ: {exc}") from None
        raise _problem(f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}") from None
    except RecursionError:
        raise _problem("JSON lồng nhau quá sâu.") from None


def _dates_to_text(value: Any) -> Any:
    """YAML turns 2025-12-05 into a date; the schema wants the ISO text."""
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {k: _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    return value


def load_document(path: str | Path) -> Any:
    """Read one input file (.json, .yaml, .yml)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _problem(f"Không có tệp {path}.") from None
    except IsADirectoryError:
        raise _problem(f"{path} là thư mục, không phải tệp.") from None
    except PermissionError:
        raise _problem(f"Không có quyền đọc tệp {path}.") from None
    except OSError as exc:
        raise _problem(f"Không đọc được tệp {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise _problem(f"Tệp quá lớn ({len(raw)} byte; tối đa {MAX_BYTES} byte).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem("Tệp không phải văn bản UTF-8.") from None
    return parse(text, path.suffix)
