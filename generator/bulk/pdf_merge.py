"""Many PDFs into one, streamed: each part's objects are copied as they are read and written at once,
so one part is in memory at a time however many there are (pypdf's ``PdfWriter`` keeps every page
until it writes: about 0.4 MB a bản tự kiểm điểm). Each part keeps its pages as they are — what is
drawn on them, "Trang 1/3" too — and the file adds a bookmark per part and page labels that start
again at 1 for each. The bytes depend only on the parts and their names. Used by bulk/print_file.py;
kept apart so that the parent of a bulk run does not load pypdf when its workers do the merging.
"""

from __future__ import annotations

import gc
import hashlib
from array import array
from collections import deque
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject, create_string_object

from ..write import open_atomic

_CATALOG, _PAGES, _OUTLINES, _INFO, _FIRST = 1, 2, 3, 4, 5  # object numbers; the parts' from _FIRST


class _Out:
    """The file being written: its position (for the xref table) and its running sha256."""

    def __init__(self, handle):
        self.handle, self.position, self.digest = handle, 0, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.handle.write(data)
        self.digest.update(data)
        self.position += len(data)
        return len(data)


class _Writer:
    def __init__(self, out: _Out):
        self.out = out
        self.offsets = array("q", [0] * _FIRST)  # object number → offset; 0 is the free head
        self.pages = array("l")  # object number of each page, in order

    def number(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def put(self, number: int, obj) -> None:
        self.offsets[number] = self.out.position
        self.out.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def part(self, path: Path) -> int:
        """Copy one PDF's pages and all they use; returns the index of its first page."""
        reader = PdfReader(path)
        first = len(self.pages)
        numbers: dict[int, int] = {}
        queue: deque = deque()

        def ref(old: IndirectObject) -> IndirectObject:
            if old.idnum not in numbers:
                numbers[old.idnum] = self.number()
                queue.append(old)
            return IndirectObject(numbers[old.idnum], 0, None)

        def remap(obj):
            if isinstance(obj, IndirectObject):
                return ref(obj)
            if isinstance(obj, DictionaryObject):  # a stream too: its dictionary, its data untouched
                for key, value in list(dict.items(obj)):
                    if key != "/Parent" or obj.get("/Type") != "/Page":
                        dict.__setitem__(obj, key, remap(value))
            elif isinstance(obj, ArrayObject):
                for i, value in enumerate(list.__iter__(obj)):
                    list.__setitem__(obj, i, remap(value))
            return obj

        for page in reader.pages:
            self.pages.append(ref(page.indirect_reference).idnum)
        while queue:
            old = queue.popleft()
            obj = remap(old.get_object())
            if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Page":
                dict.__setitem__(obj, NameObject("/Parent"), IndirectObject(_PAGES, 0, None))
            self.put(numbers[old.idnum], obj)
        return first

    def finish(self, title: str, marks: list[tuple[str, int]]) -> None:
        """The page tree, a bookmark and a page-label range per part, the catalog, the xref table."""
        kids = ArrayObject(IndirectObject(n, 0, None) for n in self.pages)
        self.put(
            _PAGES,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): kids,
                    NameObject("/Count"): NumberObject(len(self.pages)),
                }
            ),
        )
        items = [self.number() for _ in marks]
        for i, (name, first) in enumerate(marks):
            item = {
                NameObject("/Title"): create_string_object(name),
                NameObject("/Parent"): IndirectObject(_OUTLINES, 0, None),
                NameObject("/Dest"): ArrayObject([IndirectObject(self.pages[first], 0, None), NameObject("/Fit")]),
            }
            if i:
                item[NameObject("/Prev")] = IndirectObject(items[i - 1], 0, None)
            if i + 1 < len(items):
                item[NameObject("/Next")] = IndirectObject(items[i + 1], 0, None)
            self.put(items[i], DictionaryObject(item))
        outlines = {NameObject("/Type"): NameObject("/Outlines"), NameObject("/Count"): NumberObject(len(items))}
        if items:
            outlines[NameObject("/First")] = IndirectObject(items[0], 0, None)
            outlines[NameObject("/Last")] = IndirectObject(items[-1], 0, None)
        self.put(_OUTLINES, DictionaryObject(outlines))
        labels = ArrayObject()
        for _, first in marks:
            labels += [NumberObject(first), DictionaryObject({NameObject("/S"): NameObject("/D")})]
        self.put(
            _INFO,
            DictionaryObject(
                {
                    NameObject("/Title"): create_string_object(title),
                    NameObject("/Producer"): create_string_object("kiemdiem"),
                }
            ),
        )
        self.put(
            _CATALOG,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): IndirectObject(_PAGES, 0, None),
                    NameObject("/Outlines"): IndirectObject(_OUTLINES, 0, None),
                    NameObject("/PageMode"): NameObject("/UseOutlines"),
                    NameObject("/PageLabels"): DictionaryObject({NameObject("/Nums"): labels}),
                    NameObject("/Lang"): create_string_object("vi"),
                }
            ),
        )
        identifier = self.out.digest.hexdigest()[:32].encode()  # from the content: the same file, the same /ID
        start = self.out.position
        self.out.write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets))
        for offset in self.offsets[1:]:  # 0: a number a damaged part took but never wrote
            self.out.write(b"%010d 00000 n \n" % offset if offset else b"0000000000 65535 f \n")
        self.out.write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self.offsets), _CATALOG, _INFO, identifier, identifier, start)
        )


def merge(target: Path, title: str, members: list[tuple[str, Path]]) -> dict:
    """Write ``members`` ((name for the bookmark, PDF)) into ``target``, atomically.

    Returns its sha256, bytes and pages, and the names of members whose PDF could not be read
    (left out, for the run to report)."""
    unreadable, marks = [], []
    with open_atomic(target, durable=False) as handle:
        out = _Out(handle)
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        writer = _Writer(out)
        for count, (name, path) in enumerate(members, 1):
            if count % 16 == 0:
                gc.collect()  # a reader and its objects point at each other: freed now, not when the heap has grown
            first = len(writer.pages)
            try:
                marks.append((name, writer.part(path)))
            except Exception:  # noqa: BLE001 — a file gone or damaged since it was printed: named, not fatal
                unreadable.append(name)
                del writer.pages[first:]  # objects it already wrote stay, unreferenced
        writer.finish(title, marks)
    return {
        "sha256": out.digest.hexdigest(),
        "bytes": out.position,
        "pages": len(writer.pages),
        "unreadable": unreadable,
    }
