"""One blank: which form, regime, profile and variant, the pre-filled data, and its rendering.

A fillable blank records what it is (form, regime, profile, variant and the pre-filled
data: the "skeleton"), a PDF in its document information, a DOCX in its core properties,
so ``kiemdiem import`` rebuilds the document from it and the fields, with nothing guessed.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

from lxml import etree
from pypdf import PdfWriter

from ..errors import InputError, Problem
from ..evaluate.regime import ProfileError, load_regime
from ..forms import Form, blank_forms
from ..forms import form as registered
from ..present.header_lines import fit_beside_date
from ..render import render_docx, render_pdf
from ..render.zip_parts import ZipParts
from ..schema import load_schema
from ..validate import DEFAULT_REGIME, validate_partial
from .acroform import tidy_acroform
from .appearance import give_appearances
from .builder import Blank, Setting

DEFAULT_ROLE = "khong_giu_chuc_vu"  # most members hold no leading post (Mẫu 02B)
METADATA_KEY = "/KiemdiemBanTrong"
DOCX_MARK = "kiemdiem-ban-trong:"  # the core properties' description starts with it, then the skeleton's JSON
FILLABLE_FORMATS = ("pdf", "docx")
CORE = "docProps/core.xml"
DC = "http://purl.org/dc/elements/1.1/"


@dataclass
class BlankDocument:
    form: str
    context: dict
    skeleton: dict  # form, regime, profile, role and the pre-filled data: what import starts from
    fillable: str | None = None  # the format whose form fields the context holds (pdf, docx), None on paper

    @property
    def title(self) -> str:
        return f"{load_schema(self.form)['title']} (bản trống)"


def _role(entry: Form, rules, data: dict, variant: str | None) -> str | None:
    if not entry.blank_variants:
        if variant:
            raise InputError(
                [Problem("--variant", "Mẫu", "chỉ bản tự kiểm điểm (ban-tu-kiem-diem) có mẫu 02A, 02B, 02C")]
            )
        return None
    roles = {v["code"]: role for role, v in rules["variants"].items()}
    given = (data.get("dang_vien") or {}).get("doi_tuong")
    if variant is None:
        return given or DEFAULT_ROLE
    if variant not in roles:
        raise InputError(
            [Problem("--variant", "Mẫu", f"mẫu “{variant}” không có; chọn một trong: {', '.join(sorted(roles))}")]
        )
    if given and given != roles[variant]:
        raise InputError(
            [
                Problem(
                    "$.dang_vien.doi_tuong",
                    "Thông tin đảng viên › Đối tượng",
                    f"“{given}” là mẫu khác với --variant {variant} ({roles[variant]})",
                )
            ]
        )
    return roles[variant]


def make_blank(
    form: str,
    data: dict | None = None,
    *,
    regime: str | None = None,
    profile: str | None = None,
    variant: str | None = None,
    fillable: str | None = None,
) -> BlankDocument:
    """The blank context of ``form`` (raises ``InputError`` for bad pre-filled data or options);
    ``fillable``: "pdf" (AcroForm fields) or "docx" (Word content controls), None for paper."""
    if fillable not in (None, *FILLABLE_FORMATS):
        raise ValueError(f"fillable: {fillable!r}")
    data = dict(data or {})
    if form not in blank_forms():
        raise InputError(
            [
                Problem(
                    "$.form",
                    "Loại văn bản",
                    f"không có bản trống cho “{form}”; chọn một trong: {', '.join(blank_forms())}",
                )
            ]
        )
    entry = registered(form)
    if regime and data.get("regime", regime) != regime:
        raise InputError(
            [
                Problem(
                    "$.regime", "Quy định áp dụng", f"dữ liệu điền sẵn ghi “{data['regime']}”, khác --regime {regime}"
                )
            ]
        )
    data["regime"] = regime or data.get("regime") or DEFAULT_REGIME
    if profile:
        data["profile"] = profile
    data = validate_partial(form, data)
    try:
        loaded = load_regime(data["regime"], data.get("profile"))
    except ProfileError as exc:
        raise InputError([Problem("$.profile", "Hồ sơ quy định địa phương", str(exc))]) from None
    rules = loaded.subject(entry.subject) if entry.subject else None
    role = _role(entry, rules, data, variant)
    skeleton = dict(data)
    if role:
        skeleton["dang_vien"] = {**(data.get("dang_vien") or {}), "doi_tuong": role}
    blank = Blank(form, skeleton, fillable)
    context = entry.layout_blank(blank, Setting(rules, loaded, role, data))
    fit_beside_date(context["trinh_bay"])
    return BlankDocument(form, context, skeleton, fillable)


def render_blank(blank: BlankDocument, fmt: str) -> bytes:
    """DOCX or PDF of a blank; a fillable one carries its skeleton (PDF: document information;
    DOCX: the description in the core properties)."""
    if blank.fillable and blank.fillable != fmt:
        raise ValueError(f"this blank's fields are for {blank.fillable}, not {fmt}")
    if fmt == "docx":
        docx = render_docx(blank.form, blank.context)
        return _stamp_docx(docx, blank) if blank.fillable else docx
    fillable = blank.fillable is not None
    pdf = render_pdf(blank.form, blank.context, fillable=fillable)
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    metadata = {"/Title": blank.title}
    if fillable:
        metadata[METADATA_KEY] = json.dumps(blank.skeleton, ensure_ascii=False, sort_keys=True)
        tidy_acroform(writer)
        give_appearances(writer)
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp_docx(docx: bytes, blank: BlankDocument) -> bytes:
    """Title and skeleton into docProps/core.xml (dc:title, dc:description), the other parts copied as they are."""
    parts = ZipParts(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        core = etree.fromstring(archive.read(CORE))
    for name, text in (
        ("title", blank.title),
        ("description", DOCX_MARK + json.dumps(blank.skeleton, ensure_ascii=False, sort_keys=True)),
    ):
        element = core.find(f"{{{DC}}}{name}")
        if element is None:
            element = etree.SubElement(core, f"{{{DC}}}{name}")
        element.text = text
    return parts.write({CORE: etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)})
