"""Property test: hostile documents end with exit 0 or 2, a clear message, never a
traceback and never a partial file."""

from __future__ import annotations

import copy
import io
import json
import shutil
import unicodedata
from pathlib import Path

import docx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator import load_document
from generator.cli import main
from tests.samples import EXAMPLES, example

BASES = [example("02a"), example("02b"), example("02c")] + [
    load_document(path)
    for pattern in ("bieu-diem-tccsd-*", "bao-cao-kiem-diem-tap-the-*", "to-trinh-khen-thuong-*")
    for path in sorted(EXAMPLES.glob(pattern))
]

specials = st.sampled_from(
    ["<Nghị quyết>", "&amp; & <b>", "\"'", "]]>", "{{ ho_ten }}", "{%p if %}", "\\", "\u202e", "🇻🇳"]
)
nfd = st.text(alphabet="aăâeêoôơuưyđ", min_size=1, max_size=30).map(
    lambda s: unicodedata.normalize("NFD", s.translate(str.maketrans("aeo", "ảẹõ")))
)
control = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=5)
leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    specials,
    nfd,
    control,
    st.text(min_size=1, max_size=3).map(lambda s: s * 9000),  # huge strings
)
value = st.recursive(
    leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
deep = st.integers(min_value=50, max_value=400).map(lambda n: json.loads("[" * n + "]" * n))


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


@st.composite
def hostile_documents(draw):
    doc = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        targets = [p for p in paths(doc) if p]
        if not targets:
            break
        path = draw(st.sampled_from(targets))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["delete", "replace", "replace", "text", "extra", "deep"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(value)
        elif action == "text" and isinstance(parent[path[-1]], str):
            parent[path[-1]] = draw(st.one_of(specials, nfd, st.text(min_size=1, max_size=60)))
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(value)
        elif action == "deep":
            parent[path[-1]] = draw(deep)
    return doc


CODED = {
    "form",
    "regime",
    "doi_tuong",
    "tinh_trang_sinh_hoat",
    "tu_xep_loai",
    "xep_loai",
    "thay_mat",
    "chuc_vu_nguoi_ky",
    "loai",
    "hinh_thuc",
    "loai_to_chuc",
    "chinh_quyen_doan_the",
}
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(str.strip)
hostile_text = st.one_of(
    specials,
    nfd,
    printable,
    st.lists(st.one_of(specials, nfd, printable), min_size=1, max_size=6).map(" ".join),
    printable.map(lambda s: (s + " ") * 40),  # long paragraphs that must wrap and break across pages
)


@st.composite
def hostile_texts(draw):
    """Still-valid documents whose free text is as awkward as text gets: these must render."""
    doc = copy.deepcopy(draw(st.sampled_from(BASES)))
    leaves = [p for p in paths(doc) if p and isinstance(p[-1], (str, int))]
    free = []
    for path in leaves:
        node = doc
        for key in path:
            node = node[key]
        if (
            isinstance(node, str)
            and not set(k for k in path if isinstance(k, str)) & CODED
            and not str(path[-1]).startswith("ngay")
        ):
            free.append(path)
    for path in draw(st.lists(st.sampled_from(free), min_size=1, max_size=8)):
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        value = draw(hostile_text)
        parent[path[-1]] = value[:200] if len(path) < 3 else value  # names and headers hold ≤ 200 characters
    return doc


def run(tmp_path: Path, doc, formats: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "out"
    for argv in (["validate", str(source)], ["render", str(source), "--format", formats, "-o", str(out)]):
        status = main(argv)
        assert status in (0, 2), f"exit {status} for {argv[0]}"
    event(f"exit {status}")
    leftovers = sorted(p.name for p in out.iterdir()) if out.exists() else []
    if status == 2:
        assert leftovers == []
    else:
        expected = sorted(f"in.{f}" for f in formats.split(","))
        assert leftovers == expected
        if "docx" in formats:
            docx.Document(io.BytesIO((out / "in.docx").read_bytes()))  # the file opens
    for item in leftovers:
        (out / item).unlink()


@settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(doc=st.one_of(hostile_documents(), hostile_texts()))
def test_hostile_documents_validate_and_render_docx(tmp_path, capsys, doc):
    run(tmp_path, doc, "docx")
    err = capsys.readouterr().err
    assert "Traceback" not in err and "lỗi không mong đợi" not in err, err


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(doc=st.one_of(hostile_documents(), hostile_texts()))
def test_hostile_documents_render_pdf(tmp_path, capsys, doc):
    run(tmp_path, doc, "docx,pdf")
    err = capsys.readouterr().err
    assert "Traceback" not in err and "lỗi không mong đợi" not in err, err


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_arbitrary_bytes_are_refused_cleanly(tmp_path, capsys, raw):
    source = tmp_path / "raw.json"
    source.write_bytes(raw)
    assert main(["validate", str(source)]) == 2
    assert "Traceback" not in capsys.readouterr().err


LISTS = [(path.parent, load_document(path)) for path in sorted(EXAMPLES.glob("chi-bo-*/xep-loai-chi-bo.json"))]


@st.composite
def hostile_lists(draw):
    folder, doc = draw(st.sampled_from(LISTS))
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        targets = [p for p in paths(doc) if p]
        path = draw(st.sampled_from(targets))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["delete", "replace", "replace", "number"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(value)
        elif isinstance(parent[path[-1]], int) and not isinstance(parent[path[-1]], bool):
            parent[path[-1]] = draw(st.integers(min_value=-3, max_value=40))
    return folder, doc


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=hostile_lists())
def test_hostile_chi_bo_lists_validate_and_classify(tmp_path, capsys, case):
    folder, doc = case
    copy_ = tmp_path / folder.name  # beside the members' files, never inside examples/ (others read it)
    if not copy_.exists():
        shutil.copytree(folder, copy_)
    source = copy_ / "hostile-list.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    try:
        for argv in (["validate", str(source)], ["classify", str(source), "--json"]):
            status = main(argv)
            event(f"{argv[0]} exit {status}")
            assert status in (0, 2), f"exit {status} for {argv[0]}"
    finally:
        source.unlink()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "lỗi không mong đợi" not in err, err
