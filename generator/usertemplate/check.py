"""``kiemdiem template check``: is a committee's own template safe and complete for a form?

A template is read as the renderer reads it (a Word file after docxtpl's own
preprocessing, ``patch_xml``, exactly as ``CompiledDocx`` does) and then checked for:
Jinja syntax errors; names the data does not have (the schema's fields, plus
``ket_qua`` and ``trinh_bay`` as built from the example documents); required fields it
never prints (those the shipped template of the form prints); imports of anything but
the shipped HD 36 macros; attributes starting with "_"; and, in HTML, links to files or
the network. Each finding says where: the line of an HTML file, the paragraph of a
Word file with its text.
"""

from __future__ import annotations

import difflib
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, meta, nodes
from lxml import etree

from ..errors import InputError
from ..inputfile import UnsafeFile, check_archive, read_bytes
from ..present.context import COMPUTED_ROOTS
from ..render.docx import docx_template_path, paragraph_lines
from ..render.environment import SHARED_MACROS, TooBig
from ..resources import templates_dir
from ..schema import load_schema, resolve, title_at
from .bounded import TemplateOverrun
from .reference import carriers, examples_of
from .rendering import PRINTING_ERRORS, docx_bytes, environment, html_text, printing_problem
from .variables import in_context, in_schema, loaded_names, optional_layout, references, required_leaves, shows

KINDS = {".docx": "docx", ".html": "html", ".htm": "html"}
SHARED_CSS = "../_shared/hd36.css"  # the only file a user HTML template may link to
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = re.compile(r"<w:p[ >]")
_TAG = re.compile(r"<[^>]*>")
_URL = re.compile(r"""(?:\b(?:href|src)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])([^"'\s>)]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    where: str  # "dòng 12", "đoạn 14 “Họ và tên: …”", or "" for the whole template
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class Part:
    """One Jinja text of a template: an HTML file, or the body, a header or a footer of a Word file."""

    kind: str  # "html" | "docx"
    text: str
    label: str = ""  # "đầu trang word/header1.xml" for a Word header
    paragraphs: tuple[str, ...] = ()  # a Word part's paragraph texts before docxtpl removed its {%p %} paragraphs

    def where(self, lineno: int) -> str:
        if self.kind == "html":
            return f"dòng {lineno}"
        lines = self.text.split("\n")
        line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
        before = sum(len(ln) + 1 for ln in lines[: lineno - 1])
        number = len(_PARAGRAPH.findall(self.text[:before])) + (1 if _PARAGRAPH.match(line) else 0)
        text = " ".join(html.unescape(_TAG.sub("", line)).split())
        number = self._original_number(number, text)
        shown = text if len(text) <= 70 else text[:67] + "…"
        place = f"đoạn {number}" if number else "trước đoạn đầu tiên"
        return " ".join(filter(None, (self.label, place, f"“{shown}”" if shown else "")))

    def _original_number(self, number: int, text: str) -> int:
        """The paragraph's number in the Word file as the user made it: docxtpl drops the
        paragraphs of {%p %} tags, so count on from there to the paragraph this line starts with."""
        squeezed = "".join(text.split())
        for index in range(max(number - 1, 0), len(self.paragraphs)):
            own = "".join(self.paragraphs[index].split())
            if own and squeezed.startswith(own):
                return index + 1
        return number


@dataclass
class Report:
    path: str
    form: str
    findings: list[Finding] = field(default_factory=list)
    examples: int = 0  # how many example documents were printed with it
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.findings

    def lines(self) -> list[str]:
        if self.ok:
            head = f"{self.path}: mẫu in dùng được cho “{self.form}” (đã đối chiếu schema và in thử {self.examples} văn bản ví dụ)"
            return [head] + ([f"  {self.note}"] if self.note else [])
        head = f"{self.path}: mẫu in không dùng được cho “{self.form}” ({len(self.findings)} lỗi):"
        return [head] + [f"  {f}" for f in self.findings] + ([f"  {self.note}"] if self.note else [])


class UnreadableTemplate(ValueError):
    """The file is not a template kiemdiem can read (wrong extension, not a Word file, not UTF-8)."""


def template_kind(path: str | Path) -> str:
    kind = KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise UnreadableTemplate(
            f"mẫu in phải là tệp .docx (cho DOCX) hoặc .html (cho PDF), không phải “{Path(path).name}”"
        )
    return kind


def read_template(path: str | Path) -> tuple[str, bytes]:
    """A template file's kind and bytes; raises ``UnreadableTemplate`` (wrong extension, unreadable file)."""
    kind = template_kind(path)
    try:
        return kind, read_bytes(path, "Tệp mẫu", "template")
    except InputError as exc:
        raise UnreadableTemplate(f"không đọc được tệp mẫu: {exc.problems[0].reason}") from None


def _paragraph_texts(root) -> tuple[str, ...]:
    return tuple("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p"))


def template_parts(data: bytes, kind: str) -> list[Part]:
    """The Jinja texts of a template, prepared as the renderer prepares them."""
    if kind == "html":
        try:
            return [Part("html", data.decode("utf-8"))]
        except UnicodeDecodeError as exc:
            raise UnreadableTemplate(f"tệp HTML phải mã hóa UTF-8 (byte lỗi ở vị trí {exc.start})") from None
    try:
        check_archive(data, "word/document.xml", "tệp Word (.docx)")
    except UnsafeFile as exc:
        raise UnreadableTemplate(f"không mở được tệp Word (.docx): {exc}") from None
    try:
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
        body = template.docx.element.body
        parts = [Part("docx", paragraph_lines(template.patch_xml(template.get_xml())), "", _paragraph_texts(body))]
        for rel in template.docx.part.rels.values():
            if rel.reltype in (template.HEADER_URI, template.FOOTER_URI):
                label = ("đầu trang " if rel.reltype == template.HEADER_URI else "chân trang ") + str(
                    rel.target_part.partname
                ).lstrip("/")
                xml = rel.target_part.blob
                parts.append(
                    Part(
                        "docx",
                        paragraph_lines(template.patch_xml(xml.decode("utf-8"))),
                        label,
                        _paragraph_texts(etree.fromstring(xml)),
                    )
                )
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        UnicodeDecodeError,
        etree.XMLSyntaxError,
        TypeError,
        AttributeError,
        OSError,
        EOFError,
    ) as exc:
        raise UnreadableTemplate(f"không mở được tệp Word (.docx): {exc}") from None
    return parts


def _reads(part: Part) -> set[tuple]:
    try:
        return set(references(environment(part.kind).parse(part.text)))
    except TemplateSyntaxError:
        return set()


@cache
def builtin_reads(form: str, kind: str) -> frozenset:
    """What the shipped template of this form reads: the required fields it prints are the ones a user template must print."""
    data = (
        docx_template_path(form).read_bytes()
        if kind == "docx"
        else (templates_dir() / form / f"{form}.html").read_bytes()
    )
    return frozenset(path for part in template_parts(data, kind) for path in _reads(part))


def _schema_paths(schema: dict) -> list[str]:
    """Every dotted field name of the schema (objects only: a template enters lists by a loop), for suggestions."""
    out = []

    def walk(node: dict, path: tuple, depth: int) -> None:
        node = resolve(schema, node)
        for key in node.get("properties", {}):
            out.append(".".join(path + (key,)))
            if depth < 5:
                walk(node["properties"][key], path + (key,), depth + 1)

    walk(schema, (), 0)
    return out


def _context_paths(contexts: list[dict]) -> list[str]:
    out = set()

    def walk(value, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                out.add(".".join(path + (key,)))
                walk(item, path + (key,))

    for context in contexts:
        for root in COMPUTED_ROOTS:
            walk(context.get(root, {}), (root,))
    return sorted(out)


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, [k for k in known if not name.startswith(k + ".")], n=1, cutoff=0.75)
    return f" (có phải “{close[0]}”?)" if close else ""


def _dotted(path: tuple) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


def check_part(part: Part, tree: nodes.Template, form: str, contexts: list[dict]) -> list[tuple[int, Finding]]:
    """Findings of one parsed Jinja text, with the line each was found on (for sorting)."""
    found: list[tuple[int, Finding]] = []
    schema = load_schema(form)
    roots = set(schema["properties"]) | set(COMPUTED_ROOTS) | set(environment(part.kind).globals)
    lines = loaded_names(tree)
    for name in sorted(meta.find_undeclared_variables(tree) - roots):
        line = lines.get(name, 1)
        found.append(
            (
                line,
                Finding(
                    part.where(line),
                    f"biến “{name}” không có trong dữ liệu của mẫu “{form}”" + _suggest(name, sorted(roots)),
                ),
            )
        )
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(attr, str) and attr.startswith("_"):
            found.append(
                (
                    node.lineno,
                    Finding(
                        part.where(node.lineno), f"thuộc tính “{attr}” bị cấm: mẫu không được đọc tên bắt đầu bằng “_”"
                    ),
                )
            )
    allowed = environment(part.kind).loader.allowed  # what the sandbox's loader serves
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        name = node.template.value if isinstance(node.template, nodes.Const) else None
        if name not in allowed:
            shown = f"“{name}”" if name is not None else "một tên tính ra lúc in"
            rule = f"chỉ được nhập “{SHARED_MACROS}”" if allowed else "mẫu Word không được nhập tệp khác"
            found.append((node.lineno, Finding(part.where(node.lineno), f"mẫu nhập {shown}: {rule}")))
    read = references(tree)
    optional = optional_layout(tree, COMPUTED_ROOTS)
    missing: list[tuple] = []
    for path, line in sorted(read.items(), key=lambda item: (len(item[0]), item[1])):
        if path in optional:
            continue
        if path[0] in COMPUTED_ROOTS:
            ok, what = in_context(contexts, path), "ket_qua/trinh_bay (những gì kiemdiem tính và trình bày)"
        elif path[0] in schema["properties"]:
            ok, what = in_schema(schema, path), f"schema của mẫu “{form}”"
        else:
            continue
        if ok or any(path[: len(m)] == m for m in missing):
            continue  # only the shortest wrong name: dang_vien.ho_tenn, not also dang_vien.ho_tenn.x
        missing.append(path)
        known = _context_paths(contexts) if path[0] in COMPUTED_ROOTS else _schema_paths(schema)  # only on a miss
        found.append(
            (
                line,
                Finding(part.where(line), f"“{_dotted(path)}” không có trong {what}" + _suggest(_dotted(path), known)),
            )
        )
    if part.kind == "html":
        found += _link_findings(part)
    return found


def _link_findings(part: Part) -> list[tuple[int, Finding]]:
    """Links to anything but the shipped Party CSS: no files, no network (the PDF renderer refuses them anyway)."""
    found = []
    for number, line in enumerate(part.text.split("\n"), 1):
        for match in _URL.finditer(line):
            url = match.group(1)
            if url == SHARED_CSS or url.startswith("#") or "{{" in url:
                continue
            found.append(
                (
                    number,
                    Finding(
                        part.where(number),
                        f"liên kết “{url}” bị chặn: mẫu không được tải tệp hay địa chỉ mạng; "
                        f"viết CSS trong thẻ <style> (chỉ được liên kết “{SHARED_CSS}”)",
                    ),
                )
            )
    return found


def check_source(data: bytes, kind: str, form: str, regime: str | None = None, path: str = "") -> Report:
    """Check a template's bytes for one form: its names against every example of the form,
    then a trial print with each example of ``regime`` (all examples when not given)."""
    report = Report(path, form)
    contexts = [context for _, _, context in examples_of(form)]
    try:
        parts = template_parts(data, kind)
    except UnreadableTemplate as exc:
        report.findings.append(Finding("", str(exc)))
        return report
    located: list[tuple[int, int, Finding]] = []
    read: set[tuple] = set()
    parsed = True
    for order, part in enumerate(parts):
        try:
            tree = environment(part.kind).parse(part.text)
        except TemplateSyntaxError as exc:
            located.append(
                (order, exc.lineno, Finding(part.where(exc.lineno), f"lỗi cú pháp Jinja (Jinja báo: {exc.message})"))
            )
            parsed = False
            continue
        read |= set(references(tree))
        located += [(order, line, finding) for line, finding in check_part(part, tree, form, contexts)]
    report.findings = list(dict.fromkeys(f for _, _, f in sorted(located, key=lambda item: item[:2])))
    if parsed:
        report.findings += _unprinted_required(read, form, kind)
    if not report.findings:
        trials = examples_of(form, regime)
        report.examples = len(trials)
        if regime and not trials:
            report.note = f"không có văn bản ví dụ nào của “{form}” theo {regime} để in thử"
        report.findings += _trial_prints(data, kind, trials)
    return report


def _trial_prints(data: bytes, kind: str, trials) -> list[Finding]:
    """Print each example with the template, in the sandbox, as render will: what fails is a finding."""
    found = []
    for path, _, context in trials:
        try:
            html_text(data, context) if kind == "html" else docx_bytes(data, context)
        except PRINTING_ERRORS as error:
            found.append(Finding(f"in thử với examples/{path}", printing_problem(error)))
            if isinstance(error, (TooBig, TemplateOverrun)):
                break  # it will overrun with every example: once is enough, and each costs its time limit
    return found


def _unprinted_required(read: set[tuple], form: str, kind: str) -> list[Finding]:
    """Required fields the shipped template prints and this one (which reads ``read``) never does."""
    schema = load_schema(form)
    builtin = set(builtin_reads(form, kind))
    paths = carriers(form)
    out = []
    for leaf in required_leaves(schema):
        via = paths.get(leaf, frozenset())
        if shows(builtin, leaf, via) and not shows(read, leaf, via):
            title = title_at(schema, list(leaf))
            out.append(Finding("", f"trường bắt buộc $.{_dotted(leaf)} ({title}) không được in ở đâu trong mẫu"))
    return out


def check_template(path: str | Path, form: str, regime: str | None = None) -> Report:
    """Read and check a template file; an unreadable file is a finding, not an exception."""
    try:
        kind, data = read_template(path)
    except UnreadableTemplate as exc:
        return Report(str(path), form, [Finding("", str(exc))])
    return check_source(data, kind, form, regime, str(path))
