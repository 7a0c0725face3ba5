"""Put WeasyPrint's form fields in the shape the PDF format and viewers expect.

WeasyPrint gives every control a flat field whose name is the HTML ``name``. Two things
are then fixed here, after rendering:

* a radio button is listed as a field of its own and named like its group; per the PDF
  format a group's buttons are only its widgets (no name, not in the field list);
* a name may not contain a period (ISO 32000-1, 12.7.3.2), yet the names are JSON paths
  (``dang_vien.ho_ten``). So each path becomes a field hierarchy: a field "ho_ten" under a
  field "dang_vien", whose fully qualified name, the one viewers and pypdf report, is
  again ``dang_vien.ho_ten``.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def tidy_acroform(writer: PdfWriter) -> None:
    acroform = writer._root_object.get("/AcroForm")
    if acroform is None:
        return
    acroform = acroform.get_object()
    roots = ArrayObject()
    parents: dict[str, object] = {}  # a qualified name → the indirect reference of its field
    for ref in acroform["/Fields"]:
        field = ref.get_object()
        if "/Parent" in field:  # a radio button: a widget of its group
            for key in ("/T", "/TU"):
                field.pop(NameObject(key), None)
            continue
        *path, last = str(field["/T"]).split(".")
        if not path:
            roots.append(ref)
            continue
        parent = _parent(writer, parents, roots, path)
        field[NameObject("/T")] = TextStringObject(last)
        field[NameObject("/Parent")] = parent
        parent.get_object()["/Kids"].append(ref)
    acroform[NameObject("/Fields")] = roots


def _parent(writer: PdfWriter, parents: dict, roots: ArrayObject, path: list[str]):
    """The non-terminal field for ``path`` (made with its own parents when new)."""
    name = ".".join(path)
    if name in parents:
        return parents[name]
    node = DictionaryObject({NameObject("/T"): TextStringObject(path[-1]), NameObject("/Kids"): ArrayObject()})
    ref = writer._add_object(node)
    if len(path) > 1:
        above = _parent(writer, parents, roots, path[:-1])
        node[NameObject("/Parent")] = above
        above.get_object()["/Kids"].append(ref)
    else:
        roots.append(ref)
    parents[name] = ref
    return ref
