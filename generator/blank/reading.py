"""Read a filled-in blank back into a document (``kiemdiem import``).

A fillable PDF (AcroForm fields) or DOCX (Word content controls) names each field by its
JSON path and carries its skeleton (form, regime, profile, variant, pre-filled data), so
the document is the skeleton with every field's answer put
at its path, typed as the schema says: numbers with a decimal comma, dates as the Party
writes them ("05/12/2025"), sections one paragraph a line, yes/no and level choices as
their codes. What is wrong is then reported by the ordinary validation, field by field.
"""

from __future__ import annotations

import copy
import io
import json
import logging
import re
import unicodedata
import zipfile
from typing import Any

from lxml import etree
from pypdf import PdfReader

from ..errors import InputError, Problem
from ..evaluate.profile import MAX_DEPTH, depth
from ..forms import blank_forms
from ..forms import form as form_record
from ..inputfile import UnsafeFile, check_archive
from ..schema import kind, load_schema, node_at, resolve
from ..typed import TypedError, parse_number
from .document import CORE, DC, DOCX_MARK, METADATA_KEY
from .docx_resaved import RESAVED, Control, control_of, names_by_order, split_joined_lines
from .fields import NO, YES

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
NOT_A_BLANK = "không phải bản trống điền được của kiemdiem (tạo bằng: kiemdiem blank MẪU --fillable)"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"  # on the first page of every Party paper kiemdiem makes
NO_FIELDS = (
    "tệp {kind} không còn ô điền (đã được in ra, làm phẳng hoặc xuất lại bằng chương trình khác): "
    "hãy gửi lại tệp kiemdiem đã tạo, điền trực tiếp vào các ô"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_name(name: str) -> list:
    """``han_che_ky_truoc[0].noi_dung`` → ["han_che_ky_truoc", 0, "noi_dung"]."""
    return [int(index) if index else key for key, index in _PART.findall(name)]


MAX_ROWS = 10_000  # the highest row index a field name may carry ("dang_vien[9999].ho_ten")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _skeleton(raw) -> dict:
    too_deep = InputError(
        [
            Problem(
                "$",
                "Tệp",
                f"dữ liệu kèm theo bản trống lồng nhau quá sâu (quá {MAX_DEPTH} cấp): "
                "tệp không do kiemdiem tạo hoặc đã bị sửa",
            )
        ]
    )
    try:
        skeleton = json.loads(str(raw)) if raw else None
    except json.JSONDecodeError:
        skeleton = None
    except RecursionError:
        raise too_deep from None
    if not isinstance(skeleton, dict) or skeleton.get("form") not in blank_forms():
        raise InputError([Problem("$", "Tệp", NOT_A_BLANK)])
    if depth(skeleton) > MAX_DEPTH:
        raise too_deep
    return skeleton


def read_docx_fields(data: bytes, notices: list[str] | None = None) -> tuple[dict, dict[str, str]]:
    """The skeleton (core properties' description) and each content control's answer as text:
    a control still showing its placeholder is empty, a drop-down list gives its chosen value. A blank
    LibreOffice saved again (no field names left) is read by the order of its controls (docx_resaved),
    with a notice appended to ``notices``."""
    try:
        check_archive(data, "word/document.xml", "tệp DOCX")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            core = etree.fromstring(archive.read(CORE), _XML)
            body = etree.fromstring(archive.read("word/document.xml"), _XML)
    except UnsafeFile as exc:
        raise InputError([Problem("$", "Tệp DOCX", str(exc))]) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise InputError([Problem("$", "Tệp DOCX", f"không đọc được tệp DOCX ({exc})")]) from None
    description = core.findtext(f"{{{DC}}}description") or ""
    skeleton = _skeleton(description[len(DOCX_MARK) :] if description.startswith(DOCX_MARK) else None)
    controls = [(c, c.find(f"{W}sdtPr")) for c in body.iter(f"{W}sdt")]
    controls = [(c, props) for c, props in controls if props is not None]
    if not controls:
        raise InputError([Problem("$", "Tệp DOCX", NO_FIELDS.format(kind="DOCX"))])
    saved = [control_of(props) for _, props in controls]
    names = [c.tag for c in saved]
    placeholders: list[str | None] = [None] * len(saved)
    resaved = None in names
    if resaved:  # re-saved by LibreOffice: the same blank, made again, names the controls by their order
        blank = _blank_controls(skeleton)
        names = names_by_order(saved, [c for c, _ in blank])
        placeholders = [text for _, text in blank]
        if notices is not None:
            notices.append(RESAVED)
    answers = {}
    for (control, props), name, found, placeholder in zip(controls, names, saved, placeholders):
        content = control.find(f"{W}sdtContent")
        text = "" if props.find(f"{W}showingPlcHdr") is not None or content is None else _run_text(content)
        if placeholder is not None and "".join(text.split()) == "".join(placeholder.split()):  # lines joined too
            text = ""  # LibreOffice drops the "showing placeholder" mark of a text control left empty
        elif resaved and found.multiline:
            text = split_joined_lines(text)
        choices = props.find(f"{W}dropDownList")
        if choices is not None and text:
            by_label = {item.get(f"{W}displayText"): item.get(f"{W}value") for item in choices.iter(f"{W}listItem")}
            text = by_label.get(text, text)
        answers[name] = unicodedata.normalize("NFC", text).strip()
    return skeleton, answers


def _blank_controls(skeleton: dict) -> list[tuple[Control, str | None]]:
    """The controls of the fillable DOCX blank that ``skeleton`` records, made again, with the text each
    shows while empty."""
    from .document import make_blank, render_blank

    data = {k: v for k, v in skeleton.items() if k != "form"}
    docx = render_blank(make_blank(skeleton["form"], data, fillable="docx"), "docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"), _XML)
    out = []
    for control in body.iter(f"{W}sdt"):
        props, content = control.find(f"{W}sdtPr"), control.find(f"{W}sdtContent")
        empty = props.find(f"{W}showingPlcHdr") is not None and content is not None
        out.append(
            (control_of(props), _run_text(content) if empty else None)
        )  # a pre-filled control has no placeholder
    return out


def _run_text(content) -> str:
    parts = []
    for el in content.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}p"):
        if el.tag == f"{W}t":
            parts.append(el.text or "")
        elif el.tag == f"{W}tab":
            parts.append(" ")
        else:  # a line break, or a new paragraph inside a block control
            parts.append("\n")
    return "".join(parts)


def read_fields(data: bytes) -> tuple[dict, dict[str, str]]:
    """The skeleton and each field's answer as text (empty answers left out)."""
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its English warnings ("EOF marker not found") are not for the user
    try:
        reader = PdfReader(io.BytesIO(data))
        metadata = reader.metadata or {}
        fields = reader.get_fields() or {}
        raw_skeleton = metadata.get(METADATA_KEY)
        party_paper = not fields and len(reader.pages) > 0 and PARTY in (reader.pages[0].extract_text() or "")
    except Exception as exc:  # noqa: BLE001 — pypdf raises anything on a broken file; every case is the user's file
        raise InputError(
            [Problem("$", "Tệp PDF", f"không đọc được tệp PDF ({type(exc).__name__}: {str(exc)[:160]})")]
        ) from None
    finally:
        pypdf_log.setLevel(level)
    if not fields and (raw_skeleton or party_paper):  # our blank, flattened, printed to PDF or re-exported
        raise InputError([Problem("$", "Tệp PDF", NO_FIELDS.format(kind="PDF"))])
    skeleton = _skeleton(raw_skeleton)
    answers = {name: _answer(field) for name, field in fields.items() if "/FT" in field}  # terminal fields only
    return skeleton, answers


def _answer(field) -> str:
    value = field.get("/V")
    if field.get("/FT") == "/Btn":
        state = str(value or "/Off").lstrip("/")
        if state == "Off" or not state:
            return ""
        options = field.get("/Opt")
        if options is not None and state.isdigit() and int(state) < len(options):
            return str(options[int(state)])
        return state
    return unicodedata.normalize("NFC", str(value or "")).strip()


def _typed(schema: dict, node: dict, text: str) -> Any:
    """The answer as the schema's type; left as text when it does not parse, so validation names it."""
    kinds = kind(schema, node)
    if kinds in ("paragraphs", "lines"):
        return [" ".join(line.split()) for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    if kinds == "boolean":
        return {YES: True, NO: False}.get(text, text)
    if kinds in ("integer", "number"):
        try:
            return parse_number(text)  # "27,5" and "27.5"; never "1.000" guessed as 1 or a thousand
        except TypedError:
            return text
    if kinds == "date":
        day = _DAY.match(text)
        if day:
            return f"{int(day.group(3)):04d}-{int(day.group(2)):02d}-{int(day.group(1)):02d}"
        return text.strip() if _ISO.match(text) else text
    return " ".join(text.split())  # one line: a line break typed in a field is a space


def _remove(document: dict, path: list) -> None:
    target = document
    for key in path[:-1]:
        if isinstance(key, int):
            target = target[key] if isinstance(target, list) and key < len(target) else None
        else:
            target = target.get(key) if isinstance(target, dict) else None
        if target is None:
            return
    if isinstance(target, dict):
        target.pop(path[-1], None)


def _put(document: dict, path: list, value: Any) -> None:
    target = document
    for key, following in zip(path, path[1:]):
        empty = [] if isinstance(following, int) else {}
        if isinstance(key, int):
            while len(target) <= key:
                target.append(None)
            if target[key] is None:
                target[key] = empty
            target = target[key]
        else:
            target = target.setdefault(key, empty)
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append(None)
    target[last] = value


def _tidy(value: Any) -> Any:
    """Drop what a blank leaves behind: empty rows of a list and objects nobody filled in."""
    if isinstance(value, dict):
        out = {k: _tidy(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ({}, [], None)}
    if isinstance(value, list):
        out = [_tidy(v) for v in value]
        return [v for v in out if v not in ({}, [], None)]
    return value


def _required_empty_objects(schema: dict, node: dict, document: dict) -> None:
    """A required object whose fields are all optional (dieu_kien) exists even when nothing was ticked."""
    node = resolve(schema, node)
    for key in node.get("required", []):
        child = resolve(schema, node.get("properties", {}).get(key, {}))
        if key not in document and child.get("type") == "object" and not child.get("required"):
            document[key] = {}
    for key, value in document.items():
        child = node.get("properties", {}).get(key)
        if isinstance(value, dict) and child is not None:
            _required_empty_objects(schema, child, value)


def assemble(skeleton: dict, answers: dict[str, str]) -> dict:
    """The document: the skeleton, then every field's answer at its JSON path (a field
    left empty clears what the skeleton had there)."""
    form = skeleton["form"]
    counted = form_record(form).counted_by
    if counted:  # a voter's ballot is not a document: it is counted with the others
        what, command = counted
        raise InputError(
            [Problem("$.form", "Loại văn bản", f"đây là {what} đã điền; đếm cả thư mục phiếu bằng {command}")]
        )
    schema = load_schema(form)
    document = copy.deepcopy(skeleton)
    problems = []
    placed = []
    for name, text in answers.items():
        path = parse_name(str(name)[:1000])
        if any(isinstance(key, int) and key >= MAX_ROWS for key in path):
            problems.append(
                Problem(
                    f"$.{str(name)[:120]}", "", f"số thứ tự dòng quá lớn (tối đa {MAX_ROWS}): ô không do kiemdiem tạo"
                )
            )
            continue
        node = node_at(schema, path) if path else None
        if node is None:
            problems.append(Problem(f"$.{name}", "", "ô này không có trong mẫu"))
            continue
        _remove(document, path)
        if text:
            placed.append((path, _typed(schema, node, text)))
    if problems:
        raise InputError(problems)
    for path, value in placed:
        try:
            _put(document, path, value)
        except (TypeError, AttributeError, KeyError, IndexError):
            where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
            raise InputError(
                [
                    Problem(
                        f"${where}",
                        "",
                        "dữ liệu kèm theo bản trống không khớp với mẫu ở ô này "
                        "(tệp không do kiemdiem tạo hoặc đã bị sửa)",
                    )
                ]
            ) from None
    document = _tidy(document)
    _required_empty_objects(schema, schema, document)
    return document


def read_blank(data: bytes, notices: list[str] | None = None) -> dict:
    """The document typed into a fillable blank, PDF or DOCX (not yet validated); what the reader had to
    work around (a DOCX LibreOffice saved again) is appended to ``notices``."""
    skeleton, answers = read_docx_fields(data, notices) if data[:2] == b"PK" else read_fields(data)
    return assemble(skeleton, answers)
