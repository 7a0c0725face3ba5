// A field's frame, shared by every kind of field: its label (a star when required, a hint such as
// "0–30"), the control, the line that reads back what was typed, the schema's description, and the
// box mau_loi.js fills with the field's problems. The id and data-path tie all of them to one path.
import {h} from "./mau_chung.js";

function label(title, required, hint) {
  return h("label", {className: "nhan"}, title || "", required ? h("span", {className: "bat-buoc", text: " *", title: "bắt buộc"}) : null,
    hint ? h("span", {className: "goi-y", text: ` (${hint})`}) : null);
}

// ``reading``: a line under the control that says how the page read what was typed ("ngày 05 tháng 12 năm 2025").
export function leaf(path, node, title, required, control, hint, reading) {
  const id = "o" + path.replace(/[^a-zA-Z0-9]+/g, "-");
  control.id = id;
  control.setAttribute("data-path", path);
  const lab = label(title, required, hint);
  lab.setAttribute("for", id);
  if (reading) { reading.id = `${id}-doc`; control.setAttribute("aria-describedby", reading.id); }
  const wrap = h("div", {className: "truong", "data-path": path}, lab, control, reading,
    node.description ? h("small", {className: "mo-ta", text: node.description}) : null, h("div", {className: "loi", "aria-live": "polite"}));
  return wrap;
}
