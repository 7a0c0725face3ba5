// What every part of the form page shares: the page's state (the chosen form's description, the widgets,
// what was touched), the pickers above the form, a tiny DOM builder, paths into the document ("$.a.b[0]"),
// the status line and a file handed to the browser. Imports nothing, so any module may import it.

export const $ = (selector, root = document) => root.querySelector(selector);
export const pick = {form: $("#chon-mau"), regime: $("#chon-quy-dinh"), profile: $("#chon-ho-so"), variant: $("#chon-doi-tuong")};

// The page's state, one object so every module sees the same values (an imported `let` is read-only).
export const state = {
  desc: null,          // the server's description of the chosen form: schema, regimes, rubric
  root: null,          // the root widget
  variantPath: null,
  onlyFor: [],         // sections a schema gives only some variants (x-chi-cho): {el, widget, only}
  touched: new Set(),
  showAll: false,
};

// h("p", {className: "x", text: "…"}, child…): an element, its properties and attributes, its children.
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("data-") || key === "for" || key === "aria-label") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// A schema node with its "$ref" (into the chosen form's own schema) followed.
export function resolve(node) {
  let guard = 0;
  while (node && typeof node.$ref === "string" && node.$ref.startsWith("#/") && guard++ < 50) {
    let target = state.desc.schema;
    for (const part of node.$ref.slice(2).split("/")) target = target[part];
    const {$ref, ...own} = node;
    node = {...target, ...own};
  }
  return node || {};
}

export const pathKey = (path, key) => (typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`);
export const parentPath = (path) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
export const isEmpty = (value) => value === undefined;
export const pathString = (parts) => parts.reduce(pathKey, "$");

export function getAt(data, parts) {
  let value = data;
  for (const part of parts) { if (value == null || typeof value !== "object") return undefined; value = value[part]; }
  return value;
}

export function setAt(data, parts, value) {
  let node = data;
  parts.slice(0, -1).forEach((part) => { if (typeof node[part] !== "object" || node[part] === null) node[part] = {}; node = node[part]; });
  if (value === undefined) delete node[parts[parts.length - 1]]; else node[parts[parts.length - 1]] = value;
}

export function status(text) { $("#trang-thai").textContent = text; }

// A file handed to the browser as a download (a printed document, the JSON being written).
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h("a", {href: url, download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
